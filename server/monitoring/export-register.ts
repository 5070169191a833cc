import { toCsv } from '../format/csv';
import type { RegisterRow } from './list-register';
import { summariseInspection } from './ofsted-results';

/** The filtered register as a CSV file, one school a line. */
export function registerCsv(rows: readonly RegisterRow[], linkAdviserTitle: string): string {
  return toCsv([
    [
      'URN',
      'School',
      'Type',
      'Maintained or academy',
      'Phase',
      'Pupils',
      'LA category',
      'Causing concern',
      'Latest Ofsted',
      linkAdviserTitle,
      'Second adviser',
      'Risk notes',
      'RISE involvement',
    ],
    ...rows.map((r) => [
      r.urn,
      r.name,
      r.type,
      r.governance === 'academy' ? 'Academy' : 'Maintained',
      r.phase,
      r.pupils,
      r.laCategoryLabel,
      r.causingConcern ? 'Yes' : 'No',
      r.latestInspection ? summariseInspection(r.latestInspection) : 'Not inspected',
      r.linkAdviserName,
      r.secondAdviserName,
      r.riskNotes,
      r.riseInvolvement,
    ]),
  ]);
}
