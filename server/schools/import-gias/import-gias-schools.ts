import { DomainError } from '~/server/errors/domain-error';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { schools } from '~/db/schema';
import {
  giasFieldLabels,
  giasSchoolColumns,
  type GiasOptionalField,
  type GiasRowError,
  type GiasSchool,
} from './gias-fields';
import { parseGiasCsv, type GiasEncoding, type GiasFilter, type ParsedGiasRow } from './parse-gias-csv';
import type { TGiasUpload } from './read-gias-upload';
import { upsertGiasSchools } from './upsert-gias-schools';

export type TImportGiasSchoolsInput = {
  tenantId: string;
  /** The workspace's LA codes: which rows to import unless the upload lists URNs. */
  laCodes: readonly string[];
  upload: TGiasUpload;
  /** false: a preview, which reads and compares but writes nothing. */
  write: boolean;
};

export type GiasImportResult = {
  encoding: GiasEncoding;
  filter: { kind: 'la-codes'; laCodes: string[] } | { kind: 'urns'; count: number };
  rowsRead: number;
  rowsMatching: number;
  newSchools: number;
  updatedSchools: number;
  unchanged: number;
  /** Matching schools GIAS lists as closed: kept and marked closed, never deleted. */
  closed: number;
  errorCount: number;
  /** The first errors (a broken file can have thousands; the count says how many). */
  errors: GiasRowError[];
  /**
   * The first schools the import adds or changes (file order), each with what changes, so the manager sees
   * what they confirm; newSchools + updatedSchools says how many there are in all.
   */
  changes: GiasChange[];
  urnsNotFoundCount: number;
  urnsNotFound: number[];
  /** True only when the schools were written; a file with any error writes nothing. */
  imported: boolean;
};

export type GiasChange = {
  urn: number;
  name: string;
  /** The school's name before a rename (null when it is new or keeps its name). */
  wasNamed: string | null;
  kind: 'new' | 'updated';
  /** For a school already here: what the file changes ("name", "headteacher", …); empty for a new one. */
  fields: string[];
  /**
   * GIAS lists it as closed: a new one is added closed (the manager sees so before confirming, rather than
   * finding it among the open schools), a school already here is marked closed.
   */
  closed: boolean;
};

/** Rows per statement: big enough to amortise round trips, small enough to keep an import's memory flat. */
const batchSize = 500;
const errorsShown = 500;
const urnsNotFoundShown = 100;
/** Schools listed on the check before confirming; the rest are counted. */
export const changesShown = 50;

const giasColumnsOfSchools = Object.fromEntries(giasSchoolColumns.map((key) => [key, schools[key]])) as {
  [K in (typeof giasSchoolColumns)[number]]: (typeof schools)[K];
};

function filterFor(input: TImportGiasSchoolsInput): GiasFilter {
  if (input.upload.options.urns) return { kind: 'urns', urns: input.upload.options.urns };
  if (input.laCodes.length === 0) {
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'This workspace has no LA codes, so list the URNs of the schools to import.',
    });
  }
  return { kind: 'la-codes', laCodes: input.laCodes };
}

/**
 * The school as this file has it, with what it already has for the optional columns the file lacks (a file
 * cut down to fewer columns is no news about them). Every other GIAS field is refreshed from the file.
 */
function withAbsentKept(
  incoming: ParsedGiasRow,
  current: GiasSchool,
  absent: readonly GiasOptionalField[],
): ParsedGiasRow {
  if (absent.length === 0) return incoming;
  const kept: GiasSchool = { ...incoming };
  const keep = <K extends GiasOptionalField>(field: K) => {
    kept[field] = current[field];
  };
  absent.forEach(keep);
  return { ...kept, row: incoming.row };
}

function changedFields(existing: GiasSchool, incoming: GiasSchool): string[] {
  return giasSchoolColumns
    .filter((key) => existing[key] !== incoming[key])
    .map((key) => giasFieldLabels[key]);
}

function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += batchSize) yield items.slice(i, i + batchSize);
}

/**
 * Imports schools from a GIAS establishment fields file into one workspace, by URN. All or nothing: a single
 * error in a matching row means nothing is written. Runs inside the caller's tenant transaction, so a
 * failure part-way rolls every batch back.
 */
export async function importGiasSchools(tx: Tx, input: TImportGiasSchoolsInput): Promise<GiasImportResult> {
  const filter = filterFor(input);
  const parsed = await parseGiasCsv(input.upload.csv, { filter, encoding: input.upload.options.encoding });
  const write = input.write && parsed.errors.length === 0;
  let newSchools = 0;
  let updatedSchools = 0;
  let unchanged = 0;
  const changes: GiasChange[] = [];
  for (const batch of batches(parsed.schools)) {
    const existing = await tx
      .select(giasColumnsOfSchools)
      .from(schools)
      .where(
        and(
          eq(schools.tenantId, input.tenantId),
          inArray(
            schools.urn,
            batch.map((s) => s.urn),
          ),
        ),
      );
    const existingByUrn = new Map(existing.map((s) => [s.urn, s]));
    const changed: ParsedGiasRow[] = [];
    for (const row of batch) {
      const current = existingByUrn.get(row.urn);
      const incoming = current ? withAbsentKept(row, current, parsed.absentOptionalFields) : row;
      const fields = current ? changedFields(current, incoming) : [];
      if (!current) newSchools++;
      else if (fields.length > 0) updatedSchools++;
      else {
        unchanged++;
        continue;
      }
      changed.push(incoming);
      if (changes.length < changesShown)
        changes.push({
          urn: row.urn,
          name: incoming.name,
          wasNamed: current && current.name !== incoming.name ? current.name : null,
          kind: current ? 'updated' : 'new',
          fields,
          closed: incoming.status === 'closed',
        });
    }
    if (write) await upsertGiasSchools(tx, input.tenantId, changed);
  }
  return {
    encoding: parsed.encoding,
    filter:
      filter.kind === 'urns'
        ? { kind: 'urns', count: filter.urns.length }
        : { kind: 'la-codes', laCodes: [...filter.laCodes] },
    rowsRead: parsed.rowsRead,
    rowsMatching: parsed.rowsMatching,
    newSchools,
    updatedSchools,
    unchanged,
    closed: parsed.schools.filter((s) => s.status === 'closed').length,
    errorCount: parsed.errors.length,
    errors: parsed.errors.slice(0, errorsShown),
    changes,
    urnsNotFoundCount: parsed.urnsNotFound.length,
    urnsNotFound: parsed.urnsNotFound.slice(0, urnsNotFoundShown),
    imported: write,
  };
}
