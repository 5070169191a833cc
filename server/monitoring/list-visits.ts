import { and, asc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { plannedVisits, schools, users } from '~/db/schema';
import { isOverdue, underServed, worstFirst } from './visit-progress';

export const ZScheduleInput = z.object({
  academicYear: z.number().int().min(2000).max(2100).optional(),
  adviserUserId: z.uuid().optional(),
  status: z.enum(['planned', 'done', 'cancelled']).optional(),
  overdueOnly: z.boolean().optional(),
});

/** The year's visits, optionally one adviser's, with an overdue flag (due date passed and still planned). */
export async function listSchedule(
  tx: Tx,
  input: {
    academicYear: number;
    adviserUserId?: string;
    status?: 'planned' | 'done' | 'cancelled';
    overdueOnly?: boolean;
    today: string;
  },
) {
  const where: (SQL | undefined)[] = [eq(plannedVisits.academicYear, input.academicYear)];
  if (input.adviserUserId) where.push(eq(plannedVisits.adviserUserId, input.adviserUserId));
  if (input.status) where.push(eq(plannedVisits.status, input.status));
  const rows = await tx
    .select({
      id: plannedVisits.id,
      schoolId: plannedVisits.schoolId,
      schoolName: schools.name,
      urn: schools.urn,
      sequence: plannedVisits.sequence,
      kind: plannedVisits.kind,
      reason: plannedVisits.reason,
      dueBy: plannedVisits.dueBy,
      status: plannedVisits.status,
      completedOn: plannedVisits.completedOn,
      adviserUserId: plannedVisits.adviserUserId,
      adviserName: users.name,
    })
    .from(plannedVisits)
    .innerJoin(schools, eq(schools.id, plannedVisits.schoolId))
    .leftJoin(users, eq(users.id, plannedVisits.adviserUserId))
    .where(and(...where))
    .orderBy(asc(plannedVisits.dueBy), asc(schools.name), asc(plannedVisits.id));
  const flagged = rows.map((r) => ({ ...r, overdue: isOverdue(r, input.today) }));
  return input.overdueOnly ? flagged.filter((r) => r.overdue) : flagged;
}

/** Schools behind the pro-rata expectation of their plan, worst first. */
export async function listUnderServed(tx: Tx, input: { academicYear: number; today: string }) {
  const visits = await tx
    .select({
      schoolId: plannedVisits.schoolId,
      sequence: plannedVisits.sequence,
      status: plannedVisits.status,
      dueBy: plannedVisits.dueBy,
    })
    .from(plannedVisits)
    .where(eq(plannedVisits.academicYear, input.academicYear));
  const behind = underServed(visits, input.today);
  if (behind.length === 0) return [];
  const names = new Map(
    (await tx.select({ id: schools.id, name: schools.name, urn: schools.urn }).from(schools)).map((s) => [
      s.id,
      s,
    ]),
  );
  return behind
    .map((p) => ({
      ...p,
      schoolName: names.get(p.schoolId)?.name ?? '',
      urn: names.get(p.schoolId)?.urn,
    }))
    .sort(worstFirst);
}
