import { pipeline } from 'node:stream/promises';
import { DomainError } from '~/server/errors/domain-error';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import {
  giasColumns,
  giasFields,
  giasOptionalColumns,
  giasOptionalFields,
  giasStatuses,
  type GiasField,
  type GiasOptionalField,
  type GiasRowError,
  type GiasSchool,
} from './gias-fields';
import { parseGiasDate } from './parse-gias-date';
import { createUtf8Check } from './utf8-check';

/** Which rows of the (national) file the workspace wants: its LA codes, or URNs the user listed. */
export type GiasFilter =
  { kind: 'la-codes'; laCodes: readonly string[] } | { kind: 'urns'; urns: readonly number[] };

export type GiasEncoding = 'utf-8' | 'windows-1252';

export type ParseGiasCsvOptions = {
  filter: GiasFilter;
  /** 'auto': UTF-8 when every byte of the file is valid UTF-8, else Windows-1252 (what GIAS serves). */
  encoding: GiasEncoding | 'auto';
  /** Refuse files larger than this many bytes. */
  maxBytes?: number;
};

export type ParsedGiasRow = GiasSchool & { row: number };

export type ParsedGiasFile = {
  encoding: GiasEncoding;
  /** Data rows in the file (the header is not counted). */
  rowsRead: number;
  rowsMatching: number;
  /** The matching rows that are valid, in file order. */
  schools: ParsedGiasRow[];
  /** Problems in matching rows, in file order; rows outside the filter are never judged. */
  errors: GiasRowError[];
  /** For a URN list: the URNs it names that the file does not have. */
  urnsNotFound: number[];
  /**
   * Optional columns the file does not have: their fields are null on every row because the file does not
   * say, not because GIAS says none, so an import keeps what a school already has for them.
   */
  absentOptionalFields: GiasOptionalField[];
};

/** The full national file is ~60 MB; this leaves room without letting an upload run unbounded. */
export const maxGiasFileBytes = 200 * 1024 * 1024;

const largestInteger = 2_147_483_647;

/** A matching row as read, before decoding: each used field as a latin1 string (one char per byte). */
type RawRow = {
  row: number;
  columnCount: number;
  values: Partial<Record<GiasField | GiasOptionalField, string>>;
};

function badFile(message: string, cause?: unknown): DomainError {
  return new DomainError({ code: 'BAD_REQUEST', message, cause });
}

function csvProblem(error: CsvError): string {
  const line = typeof error.lines === 'number' ? ` (near line ${error.lines.toLocaleString('en-GB')})` : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `The file is not valid CSV: a quoted value is never closed${line}.`;
    case 'CSV_MAX_RECORD_SIZE':
      return `The file is not valid CSV: a row is far too long${line}; check for a stray quote.`;
    default:
      return `The file is not valid CSV${line}: ${error.message}`;
  }
}

/**
 * The file's bytes, checked as they pass: size limit, a UTF-8 byte order mark removed, UTF-16 refused,
 * and UTF-8 validity tracked for encoding detection.
 */
async function* inspectedBytes(
  bytes: AsyncIterable<Uint8Array>,
  maxBytes: number,
  utf8: ReturnType<typeof createUtf8Check>,
): AsyncGenerator<Buffer> {
  let total = 0;
  let start: Buffer | null = Buffer.alloc(0);
  for await (const chunk of bytes) {
    total += chunk.length;
    if (total > maxBytes) {
      throw new DomainError({
        code: 'PAYLOAD_TOO_LARGE',
        message: `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB. Upload the GIAS establishment fields CSV itself.`,
      });
    }
    let buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (start !== null) {
      // The first three bytes decide the byte order mark, and they may come in more than one chunk.
      start = Buffer.concat([start, buffer]);
      if (start.length < 3) continue;
      buffer = start;
      start = null;
      if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) buffer = buffer.subarray(3);
      else if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
        throw badFile('The file is saved as UTF-16. Save it as CSV (UTF-8 or Windows-1252) and try again.');
      }
    }
    utf8.push(buffer);
    yield buffer;
  }
  if (start !== null && start.length > 0) {
    utf8.push(start);
    yield start;
  }
}

function indexHeader(header: string[]): {
  index: Record<GiasField, number>;
  optional: Partial<Record<GiasOptionalField, number>>;
  width: number;
} {
  const positions = new Map(header.map((name, i) => [name.trim(), i]));
  const missing = giasFields.filter((field) => !positions.has(giasColumns[field]));
  if (missing.length > 0) {
    const names = missing.map((field) => `“${giasColumns[field]}”`).join(', ');
    throw badFile(
      `This is not a GIAS establishment fields file: it has no ${names} column${missing.length === 1 ? '' : 's'}. ` +
        'Download “Establishment fields” (CSV) from Get Information about Schools.',
    );
  }
  const index = Object.fromEntries(
    giasFields.map((field) => [field, positions.get(giasColumns[field])]),
  ) as Record<GiasField, number>;
  const optional: Partial<Record<GiasOptionalField, number>> = {};
  for (const field of giasOptionalFields) {
    const at = positions.get(giasOptionalColumns[field]);
    if (at !== undefined) optional[field] = at;
  }
  return { index, optional, width: header.length };
}

const ascii = /^[\x00-\x7f]*$/;

function decoderFor(encoding: GiasEncoding): (latin1: string) => string {
  if (encoding === 'utf-8') {
    return (s) => (ascii.test(s) ? s : Buffer.from(s, 'latin1').toString('utf8'));
  }
  return (s) => (ascii.test(s) ? s : iconv.decode(Buffer.from(s, 'latin1'), 'windows-1252'));
}

/** What GIAS writes in Trusts (name) for a school that belongs to no trust. */
const noTrust = new Set(['', 'Not applicable', 'Not recorded']);

/** GIAS writes "Not applicable" where a school has no titled head (e.g. a closed school). */
const noHeadTitle = new Set(['', 'Not applicable', 'Not recorded']);

/** Checks one matching row, returning either the school or what is wrong with it. */
function validateRow(
  raw: RawRow,
  width: number,
  decode: (s: string) => string,
): ParsedGiasRow | GiasRowError[] {
  const value = (field: GiasField) => decode(raw.values[field] ?? '').trim();
  const urnText = value('urn');
  if (raw.columnCount !== width) {
    return [
      {
        row: raw.row,
        urn: urnText,
        field: 'Row',
        message: `This row has ${raw.columnCount} columns but the header has ${width}. Check for a stray comma or quote.`,
      },
    ];
  }
  const errors: GiasRowError[] = [];
  /** `column` is the GIAS header, so the user can find the cell. */
  const failAt = (column: string, message: string) =>
    errors.push({ row: raw.row, urn: urnText, field: column, message });
  const fail = (field: GiasField, message: string) => failAt(giasColumns[field], message);
  const required = (field: GiasField, what: string) => {
    const text = value(field);
    if (text === '') fail(field, `${what} is missing.`);
    return text;
  };

  let urn = 0;
  if (urnText === '') fail('urn', 'URN is missing.');
  else if (!/^\d+$/.test(urnText) || Number(urnText) < 1 || Number(urnText) > largestInteger) {
    fail('urn', `URN must be a whole number (found “${urnText}”).`);
  } else urn = Number(urnText);

  const laCode = required('laCode', 'LA code');
  if (laCode !== '' && !/^\d{3}$/.test(laCode))
    fail('laCode', `LA code must be 3 digits (found “${laCode}”).`);
  const laName = required('laName', 'LA name');
  const name = required('name', 'School name');
  const type = required('type', 'Type of establishment');
  const typeGroup = required('typeGroup', 'Establishment type group');
  const phase = required('phase', 'Phase of education');

  const statusText = required('status', 'Status');
  const status = giasStatuses[statusText];
  if (statusText !== '' && !status) {
    fail(
      'status',
      `Unknown status “${statusText}”: expected ${Object.keys(giasStatuses)
        .map((s) => `“${s}”`)
        .join(', ')}.`,
    );
  }

  const pupilsText = value('numberOfPupils');
  let numberOfPupils: number | null = null;
  if (pupilsText !== '') {
    if (/^\d+$/.test(pupilsText) && Number(pupilsText) <= largestInteger) numberOfPupils = Number(pupilsText);
    else fail('numberOfPupils', `Number of pupils must be a whole number (found “${pupilsText}”).`);
  }

  const optional = (field: GiasOptionalField) => decode(raw.values[field] ?? '').trim();
  const closeDate = parseGiasDate(optional('closedOn'));
  if ('invalid' in closeDate) {
    failAt(
      giasOptionalColumns.closedOn,
      `Close date must be a date written day first, like 31-08-2025 (found “${optional('closedOn')}”).`,
    );
  }

  const openDate = parseGiasDate(optional('openedOn'));
  if ('invalid' in openDate) {
    failAt(
      giasOptionalColumns.openedOn,
      `Open date must be a date written day first, like 01-09-2014 (found “${optional('openedOn')}”).`,
    );
  }

  if (errors.length > 0 || !status || 'invalid' in closeDate || 'invalid' in openDate) return errors;
  const sixthForm = optional('officialSixthForm');
  const title = value('headTitle');
  const headteacherName =
    [noHeadTitle.has(title) ? '' : title, value('headFirstName'), value('headLastName')]
      .filter((part) => part !== '')
      .join(' ') || null;
  return {
    row: raw.row,
    urn,
    laCode,
    laName,
    establishmentNumber: value('establishmentNumber'),
    name,
    type,
    typeGroup,
    phase,
    status,
    numberOfPupils,
    street: value('street') || null,
    town: value('town') || null,
    postcode: value('postcode') || null,
    headteacherName,
    // 0 (not applicable) and 9 (not recorded) stay unknown: a primary's page derives "Not applicable" from
    // its phase (sixthFormLabel), and a special school's 0 says nothing about post-16 provision.
    officialSixthForm: sixthForm === '1' ? true : sixthForm === '2' ? false : null,
    telephone: optional('telephone') || null,
    website: optional('website') || null,
    // GIAS writes "Not applicable" (or leaves it empty) for a school in no trust.
    trustName: noTrust.has(optional('trustName')) ? null : optional('trustName'),
    closedOn: closeDate.date,
    openedOn: openDate.date,
  };
}

/**
 * Reads a GIAS establishment fields CSV as it streams, keeping only the rows the filter wants, and checks
 * them. Never holds the file: national files are tens of MB, and a workspace wants a few hundred rows.
 *
 * Encoding is decided only once the whole file has passed (one non-UTF-8 byte near the end decides it), so
 * the CSV is parsed as latin1 (one char per byte, lossless: every CSV delimiter is ASCII) and only the
 * kept fields are decoded at the end, as UTF-8 or Windows-1252.
 */
export async function parseGiasCsv(
  bytes: AsyncIterable<Uint8Array>,
  options: ParseGiasCsvOptions,
): Promise<ParsedGiasFile> {
  const utf8 = createUtf8Check();
  const laCodes = new Set(options.filter.kind === 'la-codes' ? options.filter.laCodes : []);
  const wantedUrns = new Set(options.filter.kind === 'urns' ? options.filter.urns.map(String) : []);
  const seenUrns = new Set<string>();
  const kept: RawRow[] = [];
  const read: { header: ReturnType<typeof indexHeader> | null; rows: number } = { header: null, rows: 0 };

  const parser = parse({
    encoding: 'latin1',
    bom: false,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: 1_000_000,
  });
  try {
    await pipeline(
      inspectedBytes(bytes, options.maxBytes ?? maxGiasFileBytes, utf8),
      parser,
      async (records: AsyncIterable<string[]>) => {
        for await (const record of records) {
          if (read.header === null) {
            read.header = indexHeader(record);
            continue;
          }
          read.rows++;
          const { index } = read.header;
          let matches: boolean;
          if (options.filter.kind === 'la-codes') {
            matches = laCodes.has((record[index.laCode] ?? '').trim());
          } else {
            const urn = (record[index.urn] ?? '').trim();
            matches = wantedUrns.has(urn);
            if (matches) seenUrns.add(urn);
          }
          if (!matches) continue;
          const values: RawRow['values'] = {};
          for (const field of giasFields) values[field] = record[index[field]];
          for (const [field, at] of Object.entries(read.header.optional) as [GiasOptionalField, number][])
            values[field] = record[at];
          kept.push({ row: read.rows + 1, columnCount: record.length, values });
        }
      },
    );
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof CsvError) throw badFile(csvProblem(error), error);
    throw error;
  }
  if (read.header === null) throw badFile('The file is empty.');
  const { width } = read.header;

  const encoding: GiasEncoding =
    options.encoding === 'auto' ? (utf8.end() ? 'utf-8' : 'windows-1252') : options.encoding;
  const decode = decoderFor(encoding);
  const schools: ParsedGiasRow[] = [];
  const errors: GiasRowError[] = [];
  const firstRowOfUrn = new Map<number, number>();
  for (const raw of kept) {
    const result = validateRow(raw, width, decode);
    if (Array.isArray(result)) {
      errors.push(...result);
      continue;
    }
    const earlier = firstRowOfUrn.get(result.urn);
    if (earlier !== undefined) {
      errors.push({
        row: result.row,
        urn: String(result.urn),
        field: giasColumns.urn,
        message: `URN ${result.urn} appears more than once in the file (first on row ${earlier}).`,
      });
      continue;
    }
    firstRowOfUrn.set(result.urn, result.row);
    schools.push(result);
  }
  const urnsNotFound =
    options.filter.kind === 'urns' ? options.filter.urns.filter((urn) => !seenUrns.has(String(urn))) : [];
  const { optional } = read.header;
  const absentOptionalFields = giasOptionalFields.filter((field) => optional[field] === undefined);
  return {
    encoding,
    rowsRead: read.rows,
    rowsMatching: kept.length,
    schools,
    errors,
    urnsNotFound,
    absentOptionalFields,
  };
}
