import { stringify } from 'csv-stringify/sync';
import type { Tx } from '~/db/client';
import type { IsoDate } from '../catalogue/academic-year';
import { shortDate } from '../format/dates';
import { officeLabels } from './labels';
import { listCurrentGovernors } from './list-current-governors';

/** The LA's up-to-date contact list of chairs and vice-chairs (statutory guidance), by school. */
export async function listChairs(tx: Tx, input: { today: IsoDate }) {
  const current = await listCurrentGovernors(tx, input.today);
  return current
    .filter((g) => g.office !== null)
    .map((g) => ({
      id: g.id,
      schoolId: g.schoolId,
      schoolName: g.schoolName,
      office: g.office as 'chair' | 'vice_chair',
      name: g.name,
      email: g.email,
      phone: g.phone,
      termEndsOn: g.termEndsOn,
    }))
    .sort((a, b) => a.schoolName.localeCompare(b.schoolName) || a.office.localeCompare(b.office));
}

export async function chairsCsv(tx: Tx, input: { today: IsoDate }) {
  const rows = await listChairs(tx, input);
  const csv = stringify(
    rows.map((r) => [
      r.schoolName,
      officeLabels[r.office],
      r.name,
      r.email,
      r.phone,
      shortDate(r.termEndsOn, ''),
    ]),
    { header: true, columns: ['School', 'Office', 'Name', 'Email', 'Phone', 'Term ends'] },
  );
  return { filename: `chairs-and-vice-chairs-${input.today}`, csv };
}
