import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { governors, schools } from '~/db/schema';
import type { Actor } from '../access/actor';
import { mayManageBoard } from './board-access';

/** The signed-in person's places on boards: their record, and whether they keep the board (chair, clerk). */
export async function myGovernance(tx: Tx, actor: Actor) {
  const rows = await tx
    .select({ governor: governors, schoolName: schools.name })
    .from(governors)
    .innerJoin(schools, eq(schools.id, governors.schoolId))
    .where(and(eq(governors.userId, actor.userId), isNull(governors.steppedDownOn)))
    .orderBy(asc(schools.name));
  const result = [];
  for (const r of rows)
    result.push({
      ...r.governor,
      schoolName: r.schoolName,
      keepsBoard: await mayManageBoard(tx, actor, r.governor.schoolId),
    });
  return result;
}
