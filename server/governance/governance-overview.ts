import { inArray } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { governingBodyConstitutions, schools, type ConstitutionPlaces } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import {
  boardKindOf,
  boardWarnings,
  defaultConstitution,
  isGovernorCategory,
  multiBoardPeople,
  termEndsWithin,
  vacanciesOf,
} from './board-rules';
import { listCurrentGovernors } from './list-current-governors';

/**
 * The LA's view of every board it keeps: vacancies by school, terms of office ending in the next 60 days,
 * and people who sit on more than one board.
 */
export async function governanceOverview(tx: Tx, input: { today: IsoDate }) {
  const current = await listCurrentGovernors(tx, input.today);
  const schoolIds = [...new Set(current.map((g) => g.schoolId))];
  const [schoolRows, constitutions] = schoolIds.length
    ? await Promise.all([
        tx
          .select({ id: schools.id, name: schools.name, type: schools.type, typeGroup: schools.typeGroup })
          .from(schools)
          .where(inArray(schools.id, schoolIds)),
        tx
          .select()
          .from(governingBodyConstitutions)
          .where(inArray(governingBodyConstitutions.schoolId, schoolIds)),
      ])
    : [[], []];
  const placesOf = new Map<string, ConstitutionPlaces>(constitutions.map((c) => [c.schoolId, c.places]));
  const boards = schoolRows
    .map((s) => {
      const members = current.filter((g) => g.schoolId === s.id);
      const kind = boardKindOf(s);
      const vacancies = vacanciesOf(placesOf.get(s.id) ?? defaultConstitution(s.type), members, kind);
      return {
        schoolId: s.id,
        schoolName: s.name,
        governors: members.filter((g) => isGovernorCategory(g.category)).length,
        vacant: vacancies.total,
        vacancies: vacancies.rows.filter((r) => r.vacant > 0),
        warnings: kind === 'maintained' ? boardWarnings(members) : [],
        chair: members.find((g) => g.office === 'chair')?.name ?? null,
      };
    })
    .sort((a, b) => b.vacant - a.vacant || a.schoolName.localeCompare(b.schoolName));
  const termsEnding = current
    .filter((g) => termEndsWithin(g.termEndsOn, input.today))
    .sort((a, b) => (a.termEndsOn ?? '').localeCompare(b.termEndsOn ?? ''))
    .map((g) => ({
      id: g.id,
      name: g.name,
      schoolId: g.schoolId,
      schoolName: g.schoolName,
      category: g.category,
      termEndsOn: g.termEndsOn ?? '',
    }));
  const multiBoard = multiBoardPeople(current.filter((g) => isGovernorCategory(g.category))).map((group) => ({
    name: group[0]?.name ?? '',
    email: group.find((g) => g.email)?.email ?? '',
    boards: group.map((g) => ({
      governorId: g.id,
      schoolId: g.schoolId,
      schoolName: g.schoolName,
      category: g.category,
      office: g.office,
    })),
  }));
  return { boards, termsEnding, multiBoard, vacantTotal: boards.reduce((a, b) => a + b.vacant, 0) };
}
