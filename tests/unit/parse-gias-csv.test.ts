import { DomainError } from '~/server/errors/domain-error';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  parseGiasCsv,
  type GiasFilter,
  type ParseGiasCsvOptions,
} from '~/server/schools/import-gias/parse-gias-csv';
import { sixthFormLabel } from '~/server/schools/phases';
import { createUtf8Check } from '~/server/schools/import-gias/utf8-check';
import {
  giasCsv,
  giasRow,
  shortGiasHeader,
  type GiasCsvOptions,
  type GiasFixtureRow,
} from '../fixtures/gias';

const birmingham: GiasFilter = { kind: 'la-codes', laCodes: ['330'] };

/** The bytes as a stream of chunks; small chunks split characters, quotes and the byte order mark. */
async function* chunksOf(bytes: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

function parseBytes(bytes: Uint8Array, options: Partial<ParseGiasCsvOptions> = {}, chunkSize?: number) {
  return parseGiasCsv(chunksOf(bytes, chunkSize), { filter: birmingham, encoding: 'auto', ...options });
}

function parseRows(
  rows: GiasFixtureRow[],
  options: Partial<ParseGiasCsvOptions> = {},
  csvOptions: GiasCsvOptions = {},
) {
  return parseBytes(giasCsv(rows, csvOptions), options);
}

async function failureOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('parseGiasCsv: columns', () => {
  it('maps the GIAS columns it uses and ignores the others', async () => {
    const parsed = await parseRows([
      giasRow({
        urn: 103318,
        establishmentNumber: '2034',
        name: 'Brookvale Primary School',
        type: 'Community school',
        typeGroup: 'Local authority maintained schools',
        phase: 'Primary',
        pupils: '418',
        street: 'Brookvale Road',
        town: 'Birmingham',
        postcode: 'B23 7YB',
        headTitle: 'Mr',
        headFirstName: 'Daniel',
        headLastName: 'Okafor',
      }),
    ]);
    expect(shortGiasHeader.length).toBeGreaterThanOrEqual(36); // 16 used + 20 ignored
    expect(parsed.errors).toEqual([]);
    expect(parsed.schools).toEqual([
      {
        row: 2,
        urn: 103318,
        laCode: '330',
        laName: 'Birmingham',
        establishmentNumber: '2034',
        name: 'Brookvale Primary School',
        type: 'Community school',
        typeGroup: 'Local authority maintained schools',
        phase: 'Primary',
        status: 'open',
        numberOfPupils: 418,
        street: 'Brookvale Road',
        town: 'Birmingham',
        postcode: 'B23 7YB',
        headteacherName: 'Mr Daniel Okafor',
        // The short file has no OfficialSixthForm column: not known, rather than "none".
        officialSixthForm: null,
        telephone: '01214641234',
        website: 'http://www.school103318.example',
        trustName: null,
        closedOn: null,
        openedOn: '1974-09-01',
      },
    ]);
    expect(parsed.absentOptionalFields).toEqual(['officialSixthForm']);
  });

  it('reads the sixth form where the file has the column (1 has one, 2 has none, anything else unknown)', async () => {
    const parsed = await parseRows(
      [
        giasRow({ urn: 103401, phase: 'Secondary', sixthForm: '1' }),
        giasRow({ urn: 103402, phase: 'Secondary', sixthForm: '2' }),
        giasRow({ urn: 103403, sixthForm: '0' }),
      ],
      {},
      { header: 'full' },
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.schools.map((s) => [s.urn, s.officialSixthForm])).toEqual([
      [103401, true],
      [103402, false],
      [103403, null],
    ]);
    expect(parsed.absentOptionalFields).toEqual([]);
  });

  it('shows a primary’s code 0 as "Not applicable", not "Not known"; a special school’s 0 stays not known', async () => {
    const parsed = await parseRows(
      [
        giasRow({ urn: 103404, phase: 'Primary', sixthForm: '0' }),
        giasRow({ urn: 103405, phase: 'Nursery', sixthForm: '0' }),
        giasRow({ urn: 103406, phase: 'Not applicable', type: 'Community special school', sixthForm: '0' }),
        giasRow({ urn: 103407, phase: 'Secondary', sixthForm: '2' }),
        giasRow({ urn: 103408, phase: 'All-through', sixthForm: '9' }),
      ],
      {},
      { header: 'full' },
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.schools.map((s) => [s.urn, sixthFormLabel(s)])).toEqual([
      [103404, 'Not applicable'],
      [103405, 'Not applicable'],
      [103406, 'Not known'],
      [103407, 'No'],
      [103408, 'Not known'],
    ]);
    // An officer's record that a school has a sixth form shows as it is.
    expect(sixthFormLabel({ phase: 'Primary', officialSixthForm: true })).toBe('Yes');
  });

  it('reads the telephone, website and trust, empty or "Not applicable" as none', async () => {
    const parsed = await parseRows(
      [
        giasRow({
          urn: 103501,
          telephone: '0121 464 0000',
          website: 'www.oakfield.sch.uk',
          trust: 'Oak Learning Trust',
        }),
        giasRow({ urn: 103502, telephone: '', website: '', trust: 'Not applicable' }),
      ],
      {},
      { header: 'full' },
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.schools.map((s) => [s.urn, s.telephone, s.website, s.trustName])).toEqual([
      [103501, '0121 464 0000', 'www.oakfield.sch.uk', 'Oak Learning Trust'],
      [103502, null, null, null],
    ]);
  });

  it('reads the close date GIAS gives, day first with dashes or slashes; empty is none', async () => {
    const parsed = await parseRows(
      [
        giasRow({ urn: 103601, status: 'Closed', closeDate: '31-08-2025' }),
        giasRow({ urn: 103602, status: 'Closed', closeDate: '31/08/2025' }),
        giasRow({ urn: 103603, status: 'Open, but proposed to close', closeDate: '1/9/2027' }),
        giasRow({ urn: 103604, status: 'Open', closeDate: '' }),
      ],
      {},
      { header: 'full' },
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.schools.map((s) => [s.urn, s.status, s.closedOn])).toEqual([
      [103601, 'closed', '2025-08-31'],
      [103602, 'closed', '2025-08-31'],
      [103603, 'proposed_to_close', '2027-09-01'],
      [103604, 'open', null],
    ]);
  });

  it('reads the ~130-column national layout the same way', async () => {
    const parsed = await parseRows(
      [giasRow({ urn: 103326, name: 'Hall Green School' })],
      {},
      { header: 'full' },
    );
    expect(parsed.schools.map((s) => [s.urn, s.name, s.numberOfPupils])).toEqual([
      [103326, 'Hall Green School', 420],
    ]);
  });

  it('leaves optional fields empty rather than inventing them', async () => {
    const parsed = await parseRows([
      giasRow({
        urn: 103334,
        pupils: '',
        street: '',
        town: ' ',
        postcode: '',
        headTitle: 'Not applicable',
        headFirstName: '',
        headLastName: 'Brown',
      }),
      giasRow({ urn: 103342, headTitle: '', headFirstName: '', headLastName: '' }),
    ]);
    expect(
      parsed.schools.map((s) => [s.numberOfPupils, s.street, s.town, s.postcode, s.headteacherName]),
    ).toEqual([
      [null, null, null, null, 'Brown'],
      [420, 'Church Road', 'Birmingham', 'B15 3TR', null],
    ]);
  });

  it('maps each GIAS status', async () => {
    const parsed = await parseRows([
      giasRow({ urn: 100001, status: 'Open' }),
      giasRow({ urn: 100002, status: 'Closed' }),
      giasRow({ urn: 100003, status: 'Open, but proposed to close' }),
      giasRow({ urn: 100004, status: 'Proposed to open' }),
    ]);
    expect(parsed.schools.map((s) => s.status)).toEqual([
      'open',
      'closed',
      'proposed_to_close',
      'proposed_to_open',
    ]);
  });

  it('reads quoted fields holding commas, quotes and line breaks, and still numbers rows as a spreadsheet does', async () => {
    const parsed = await parseRows([
      giasRow({ urn: 100011, name: 'Hall Green School, "The Academy"', street: 'Unit 4\r\nHigh Street' }),
      giasRow({ urn: 100012, pupils: 'lots' }),
    ]);
    expect(parsed.schools[0]).toMatchObject({
      name: 'Hall Green School, "The Academy"',
      street: 'Unit 4\r\nHigh Street',
    });
    expect(parsed.errors).toEqual([
      expect.objectContaining({ row: 3, urn: '100012', field: 'NumberOfPupils' }),
    ]);
  });
});

describe('parseGiasCsv: encodings', () => {
  const names = ['St Mary’s C of E Primary School', 'École Sainte-Thérèse', 'Ysgol Gymraeg – “Bro” £'];
  const rows = names.map((name, i) => giasRow({ urn: 100100 + i, name, headLastName: 'Müller' }));

  it('decodes Windows-1252, as GIAS serves it, even split into tiny chunks', async () => {
    const bytes = giasCsv(rows, { encoding: 'windows-1252' });
    expect(bytes.includes(0x92)).toBe(true); // ’ is one byte in cp1252
    for (const chunkSize of [3, 1024, 1 << 20]) {
      const parsed = await parseBytes(bytes, {}, chunkSize);
      expect(parsed.encoding).toBe('windows-1252');
      expect(parsed.schools.map((s) => s.name)).toEqual(names);
      expect(parsed.schools[0]?.headteacherName).toBe('Mrs Anita Müller');
    }
  });

  it('decodes as Windows-1252 when told to', async () => {
    const parsed = await parseBytes(giasCsv(rows, { encoding: 'windows-1252' }), {
      encoding: 'windows-1252',
    });
    expect(parsed.schools.map((s) => s.name)).toEqual(names);
  });

  it('reads UTF-8 with a byte order mark (Excel’s “CSV UTF-8”), the mark split across chunks', async () => {
    const bytes = giasCsv(rows, { encoding: 'utf-8', bom: true });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    for (const chunkSize of [1, 2, 5, 1 << 20]) {
      const parsed = await parseBytes(bytes, {}, chunkSize);
      expect(parsed.encoding).toBe('utf-8');
      expect(parsed.errors).toEqual([]);
      expect(parsed.schools.map((s) => s.name)).toEqual(names);
    }
  });

  it('reads UTF-8 without a byte order mark', async () => {
    const parsed = await parseBytes(giasCsv(rows, { encoding: 'utf-8', lineEnding: '\n' }), {}, 7);
    expect(parsed.encoding).toBe('utf-8');
    expect(parsed.schools.map((s) => s.name)).toEqual(names);
  });

  it('judges the encoding on the whole file: one Windows-1252 byte in the last row decides it', async () => {
    const plain = Array.from({ length: 300 }, (_, i) => giasRow({ urn: 101000 + i }));
    const last = giasRow({ urn: 101999, name: 'Café Hill Primary', laCode: '302' });
    const first = giasRow({ urn: 100999, name: 'Sainte-Thérèse Nursery' });
    const parsed = await parseBytes(giasCsv([first, ...plain, last], { encoding: 'windows-1252' }), {
      filter: { kind: 'urns', urns: [100999] },
    });
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.schools.map((s) => s.name)).toEqual(['Sainte-Thérèse Nursery']);
  });

  it('refuses UTF-16 with a message saying what to do', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('URN,LA (code)\r\n', 'utf-16le')]);
    const error = await failureOf(parseBytes(bytes));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/UTF-16/);
  });

  it('tracks UTF-8 validity across every chunk boundary', () => {
    const text = Buffer.from('a€b𝄞c£', 'utf8');
    for (let cut = 0; cut <= text.length; cut++) {
      const check = createUtf8Check();
      check.push(text.subarray(0, cut));
      check.push(text.subarray(cut));
      expect(check.end()).toBe(true);
    }
    const broken = createUtf8Check();
    broken.push(Buffer.from([0x61, 0xe2, 0x82]));
    expect(broken.end()).toBe(false); // a character cut off at the end of the file
    const latin = createUtf8Check();
    latin.push(iconv.encode('Café', 'windows-1252'));
    expect(latin.end()).toBe(false);
  });
});

describe('parseGiasCsv: filters', () => {
  const rows = [
    giasRow({ urn: 103318, laCode: '330' }),
    giasRow({ urn: 101262, laCode: '302', laName: 'Barnet' }),
    giasRow({ urn: 103326, laCode: '330' }),
    giasRow({ urn: 102228, laCode: '310', laName: 'Harrow' }),
  ];

  it('keeps the rows of the workspace’s LA codes', async () => {
    const parsed = await parseRows(rows, { filter: { kind: 'la-codes', laCodes: ['330', '310'] } });
    expect(parsed.rowsRead).toBe(4);
    expect(parsed.rowsMatching).toBe(3);
    expect(parsed.schools.map((s) => [s.row, s.urn])).toEqual([
      [2, 103318],
      [4, 103326],
      [5, 102228],
    ]);
    expect(parsed.urnsNotFound).toEqual([]);
  });

  it('keeps the rows of a URN list, in any LA, and reports URNs the file does not have', async () => {
    const parsed = await parseRows(rows, { filter: { kind: 'urns', urns: [101262, 103326, 999999] } });
    expect(parsed.rowsMatching).toBe(2);
    expect(parsed.schools.map((s) => s.urn)).toEqual([101262, 103326]);
    expect(parsed.urnsNotFound).toEqual([999999]);
  });

  it('never judges rows outside the filter', async () => {
    const parsed = await parseRows([
      giasRow({ urn: 103318 }),
      giasRow({ urn: 'not a urn', laCode: '302', name: '', status: 'Gone', pupils: '?' }),
    ]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rowsRead).toBe(2);
    expect(parsed.rowsMatching).toBe(1);
  });
});

describe('parseGiasCsv: row errors', () => {
  it('reports each problem with its row, URN, column and a readable message', async () => {
    const parsed = await parseRows([
      giasRow({ urn: 100201 }),
      giasRow({ urn: '' }),
      giasRow({ urn: 'ABC123' }),
      giasRow({ urn: 100204, name: '  ' }),
      giasRow({ urn: 100205, pupils: 'about 200' }),
      giasRow({ urn: 100206, status: 'Shut' }),
      giasRow({ urn: 100201, name: 'Duplicate' }),
      giasRow({ urn: 100208, phase: '', pupils: '-4' }),
      giasRow({ urn: 100209, status: 'Closed', closeDate: '31-02-2025' }),
      giasRow({ urn: 100210, status: 'Closed', closeDate: '2025-08-31' }),
    ]);
    expect(parsed.rowsMatching).toBe(10);
    expect(parsed.schools.map((s) => s.urn)).toEqual([100201]);
    expect(parsed.errors).toEqual([
      { row: 3, urn: '', field: 'URN', message: 'URN is missing.' },
      { row: 4, urn: 'ABC123', field: 'URN', message: 'URN must be a whole number (found “ABC123”).' },
      { row: 5, urn: '100204', field: 'EstablishmentName', message: 'School name is missing.' },
      {
        row: 6,
        urn: '100205',
        field: 'NumberOfPupils',
        message: 'Number of pupils must be a whole number (found “about 200”).',
      },
      {
        row: 7,
        urn: '100206',
        field: 'EstablishmentStatus (name)',
        message: expect.stringMatching(/^Unknown status “Shut”: expected “Open”, “Closed”/),
      },
      {
        row: 8,
        urn: '100201',
        field: 'URN',
        message: 'URN 100201 appears more than once in the file (first on row 2).',
      },
      { row: 9, urn: '100208', field: 'PhaseOfEducation (name)', message: 'Phase of education is missing.' },
      {
        row: 9,
        urn: '100208',
        field: 'NumberOfPupils',
        message: 'Number of pupils must be a whole number (found “-4”).',
      },
      {
        row: 10,
        urn: '100209',
        field: 'CloseDate',
        message: 'Close date must be a date written day first, like 31-08-2025 (found “31-02-2025”).',
      },
      {
        row: 11,
        urn: '100210',
        field: 'CloseDate',
        message: 'Close date must be a date written day first, like 31-08-2025 (found “2025-08-31”).',
      },
    ]);
  });

  it('reports a row with the wrong number of columns', async () => {
    const good = giasCsv([giasRow({ urn: 100301 })]).toString('latin1');
    const parsed = await parseBytes(
      Buffer.from(`${good}100302,330,Birmingham,2001,Short Row School\r\n`, 'latin1'),
    );
    expect(parsed.schools).toHaveLength(1);
    expect(parsed.errors).toEqual([
      expect.objectContaining({
        row: 3,
        urn: '100302',
        field: 'Row',
        message: expect.stringMatching(/5 columns/),
      }),
    ]);
  });
});

describe('parseGiasCsv: files it cannot read', () => {
  it('says which GIAS columns a file lacks', async () => {
    const error = await failureOf(parseBytes(Buffer.from('URN,Name\r\n100001,Somewhere\r\n')));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/not a GIAS establishment fields file.*“LA \(code\)”/);
  });

  it('says an empty file is empty', async () => {
    await expect(parseBytes(Buffer.alloc(0))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The file is empty.',
    });
  });

  it('reports broken CSV as such', async () => {
    const good = giasCsv([giasRow({ urn: 100401 })]).toString('latin1');
    const error = await failureOf(parseBytes(Buffer.from(`${good}100402,"330,Birmingham\r\n`, 'latin1')));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/not valid CSV: a quoted value is never closed/);
  });

  it('refuses a file over the size limit while it streams', async () => {
    const bytes = giasCsv(Array.from({ length: 50 }, (_, i) => giasRow({ urn: 100500 + i })));
    const error = await failureOf(parseBytes(bytes, { maxBytes: 4096 }, 1024));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
