import { stringify } from 'csv-stringify/sync';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ects, inductionOutcomes, inductionPeriods, schools } from '~/db/schema';
import type { Actor } from '../access/actor';
import { assertAppropriateBody } from './appropriate-body';
import { outcomeLabels } from './induction-labels';

export const outcomeExportColumns = [
  'TRN',
  'Name',
  'Date of birth',
  'School URN',
  'School',
  'Induction start date',
  'Induction end date',
  'FTE',
  'Terms served',
  'Outcome',
  'Outcome date',
] as const;

/**
 * Induction outcomes (pass, fail, extension) as CSV, one row per outcome, ready to enter in DfE's "Record
 * induction as an appropriate body" service / notify the Teaching Regulation Agency: TRN, name, date of birth,
 * the school (URN) at the time, start and end dates, FTE, terms served to one decimal place, outcome and date.
 */
export async function exportOutcomes(tx: Tx, actor: Actor, input: { from?: string; to?: string } = {}) {
  assertAppropriateBody(actor);
  const rows = await tx
    .select({
      trn: ects.trn,
      name: ects.name,
      dateOfBirth: ects.dateOfBirth,
      startsOn: ects.startsOn,
      outcome: inductionOutcomes.outcome,
      decidedOn: inductionOutcomes.decidedOn,
      termsServedTenths: inductionOutcomes.termsServedTenths,
      urn: schools.urn,
      schoolName: schools.name,
      fteHundredths: inductionPeriods.fteHundredths,
      endsOn: inductionPeriods.endsOn,
    })
    .from(inductionOutcomes)
    .innerJoin(ects, eq(ects.id, inductionOutcomes.ectId))
    .innerJoin(
      inductionPeriods,
      sql`${inductionPeriods.id} = (select p.id from ${inductionPeriods} p where p.ect_id = ${ects.id} and p.starts_on <= ${inductionOutcomes.decidedOn} order by p.starts_on desc limit 1)`,
    )
    .innerJoin(schools, eq(schools.id, inductionPeriods.schoolId))
    .where(
      and(
        inArray(inductionOutcomes.outcome, ['pass', 'fail', 'extension']),
        input.from ? sql`${inductionOutcomes.decidedOn} >= ${input.from}` : undefined,
        input.to ? sql`${inductionOutcomes.decidedOn} <= ${input.to}` : undefined,
      ),
    )
    .orderBy(asc(inductionOutcomes.decidedOn), asc(ects.name));
  // A leading = + - @ would be read as a formula by a spreadsheet: neutralise names typed in by schools.
  const safe = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
  const csv = stringify(
    [
      [...outcomeExportColumns],
      ...rows.map((r) => [
        r.trn,
        safe(r.name),
        r.dateOfBirth ?? '',
        String(r.urn),
        safe(r.schoolName),
        r.startsOn,
        // Induction ends with its outcome at the latest (a period's planned end may lie beyond it).
        r.outcome === 'extension' ? '' : r.endsOn && r.endsOn < r.decidedOn ? r.endsOn : r.decidedOn,
        (r.fteHundredths / 100).toFixed(2),
        (r.termsServedTenths / 10).toFixed(1),
        outcomeLabels[r.outcome],
        r.decidedOn,
      ]),
    ],
    { record_delimiter: '\r\n' },
  );
  return { csv, filename: `induction-outcomes-${actor.slug}` };
}
