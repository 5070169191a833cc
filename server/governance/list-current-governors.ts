import { asc, eq, isNull, or, gte, and, lte } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { governors, schools, type Governor } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import { isGovernorCategory, multiBoardPeople } from './board-rules';

/** Every current governor of the workspace with their school's name (the LA's view across boards). */
export async function listCurrentGovernors(tx: Tx, today: IsoDate) {
  const rows = await tx
    .select({ governor: governors, schoolName: schools.name, schoolType: schools.typeGroup })
    .from(governors)
    .innerJoin(schools, eq(schools.id, governors.schoolId))
    .where(
      and(
        lte(governors.appointedOn, today),
        or(isNull(governors.steppedDownOn), gte(governors.steppedDownOn, today)),
        or(isNull(governors.termEndsOn), gte(governors.termEndsOn, today)),
      ),
    )
    .orderBy(asc(schools.name), asc(governors.name));
  return rows
    .filter((r) => r.governor.steppedDownOn !== today)
    .map((r) => ({ ...r.governor, schoolName: r.schoolName, schoolTypeGroup: r.schoolType }));
}

/** For each of `members`, the other boards the same person sits on now (their other governance roles). */
export async function otherBoardsOf(tx: Tx, members: readonly Governor[], today: IsoDate) {
  const result = new Map<string, { schoolId: string; schoolName: string }[]>();
  if (members.length === 0) return result;
  const everyone = (await listCurrentGovernors(tx, today)).filter((g) => isGovernorCategory(g.category));
  for (const group of multiBoardPeople(everyone)) {
    for (const g of group) {
      if (!members.some((m) => m.id === g.id)) continue;
      result.set(
        g.id,
        group
          .filter((o) => o.schoolId !== g.schoolId)
          .map((o) => ({ schoolId: o.schoolId, schoolName: o.schoolName })),
      );
    }
  }
  return result;
}
