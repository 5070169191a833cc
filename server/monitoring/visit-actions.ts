import { DomainError } from '~/server/errors/domain-error';
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { plannedVisits, schoolMonitoring, schools } from '~/db/schema';
import { academicYearOf, todayInLondon } from '../catalogue/academic-year';
import { serviceUseRefusal } from '../schools/closed-school';
import { longDate } from '../format/dates';
import { isAdviserHere } from './list-advisers';
import { additionalSequenceStart } from './plan-visits';
import type { ResolvedStatutorySettings } from './statutory-settings';

const isoDate = z.iso.date({ message: 'Enter the date as a real date.' });

export const ZAddAdditionalVisitInput = z.object({
  schoolId: z.uuid({ message: 'Choose a school.' }),
  reason: z.string().trim().min(1, { message: 'Choose the reason for the visit.' }),
  dueBy: isoDate,
  adviserUserId: z.uuid({ message: 'Choose an adviser.' }),
});
/** One or more visits ticked on the planner (at most a page of them). */
export const ZVisitIdsInput = z.object({
  visitIds: z
    .array(z.uuid({ message: 'Choose a visit.' }))
    .min(1, { message: 'Tick at least one visit.' })
    .max(100, { message: 'Tick at most 100 visits at a time.' }),
});
export const ZMarkDoneInput = ZVisitIdsInput.extend({ completedOn: isoDate });
export const ZReassignInput = ZVisitIdsInput.extend({
  adviserUserId: z.uuid({ message: 'Choose an adviser.' }),
});

async function assertAdviser(tx: Tx, userId: string) {
  if (!(await isAdviserHere(tx, userId))) {
    throw new DomainError({ code: 'NOT_FOUND', message: 'That adviser is not part of this workspace.' });
  }
}

/**
 * An extra visit for a reason the LA recognises (new headteacher, Ofsted expected, safeguarding…). A school GIAS
 * has closed is visited by the same rule as a logged visit (serviceUseRefusal): up to its close date, or with no
 * close date up to today (a visit made before it closed, entered late), never planned for a later day.
 */
export async function addAdditionalVisit(
  tx: Tx,
  settings: ResolvedStatutorySettings,
  input: z.infer<typeof ZAddAdditionalVisitInput> & { tenantId: string; today?: string },
) {
  if (!settings.additionalVisitReasons.includes(input.reason)) {
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'Choose one of the reasons for an additional visit.',
    });
  }
  const [onRegister] = await tx
    .select({
      name: schools.name,
      status: schools.status,
      closedOn: schools.closedOn,
      leftOn: schoolMonitoring.leftOn,
    })
    .from(schoolMonitoring)
    .innerJoin(schools, eq(schools.id, schoolMonitoring.schoolId))
    .where(eq(schoolMonitoring.schoolId, input.schoolId));
  if (!onRegister)
    throw new DomainError({ code: 'NOT_FOUND', message: 'That school is not on the register.' });
  // The planner reads the active register only: a visit planned for a school that has left it would be seen
  // by nobody (and its visits up to then are logged as notes of visit, not planned).
  if (onRegister.leftOn)
    throw new DomainError({
      code: 'PRECONDITION_FAILED',
      field: 'schoolId',
      message:
        onRegister.status === 'closed'
          ? `${onRegister.name} has closed and left the register on ${longDate(onRegister.leftOn)}, so no visit can be planned for it.`
          : `${onRegister.name} left the register on ${longDate(onRegister.leftOn)}, so no visit can be planned for it. Add it to the register again first.`,
    });
  const closed = serviceUseRefusal(onRegister, input.dueBy, input.today ?? todayInLondon());
  if (closed) throw new DomainError({ code: 'PRECONDITION_FAILED', message: closed, field: 'dueBy' });
  await assertAdviser(tx, input.adviserUserId);
  const academicYear = academicYearOf(input.dueBy);
  const [last] = await tx
    .select({ n: max(plannedVisits.sequence) })
    .from(plannedVisits)
    .where(and(eq(plannedVisits.schoolId, input.schoolId), eq(plannedVisits.academicYear, academicYear)));
  const sequence = Math.max(additionalSequenceStart, (last?.n ?? 0) + 1);
  const [created] = await tx
    .insert(plannedVisits)
    .values({
      tenantId: input.tenantId,
      schoolId: input.schoolId,
      academicYear,
      sequence,
      kind: 'additional',
      reason: input.reason,
      dueBy: input.dueBy,
      adviserUserId: input.adviserUserId,
    })
    .returning({ id: plannedVisits.id });
  return { id: created?.id, academicYear, sequence };
}

/**
 * The ticked visits, locked in id order (two officers ticking overlapping visits cannot deadlock). Every id must
 * be found and still planned, or nothing changes: the message names the school so the officer can untick it.
 */
async function plannedVisitsFor(tx: Tx, visitIds: string[], action: string, onlyAdviserUserId?: string) {
  const ids = [...new Set(visitIds)].sort();
  const found = await tx
    .select({
      id: plannedVisits.id,
      status: plannedVisits.status,
      adviserUserId: plannedVisits.adviserUserId,
      schoolName: schools.name,
      school: { name: schools.name, status: schools.status, closedOn: schools.closedOn },
    })
    .from(plannedVisits)
    .innerJoin(schools, eq(schools.id, plannedVisits.schoolId))
    .where(inArray(plannedVisits.id, ids))
    .orderBy(asc(plannedVisits.id))
    .for('update', { of: plannedVisits });
  const mine = found.filter((v) => !onlyAdviserUserId || v.adviserUserId === onlyAdviserUserId);
  if (mine.length !== ids.length) {
    throw new DomainError({
      code: 'NOT_FOUND',
      message:
        ids.length === 1
          ? 'That visit was not found.'
          : 'One of the ticked visits was not found: refresh the page.',
    });
  }
  const settled = mine.find((v) => v.status !== 'planned');
  if (settled) {
    throw new DomainError({
      code: 'CONFLICT',
      message: `The visit to ${settled.schoolName} is already ${settled.status} and cannot be ${action}.`,
    });
  }
  return { ids, visits: mine };
}

/**
 * The visits took place. An adviser may mark only their own visits; `onlyAdviserUserId` enforces that. A visit
 * to a school GIAS has closed is done only on a day it could have happened (serviceUseRefusal): by its close
 * date, or by today when GIAS gave none.
 */
export async function markVisitsDone(
  tx: Tx,
  input: z.infer<typeof ZMarkDoneInput> & { onlyAdviserUserId?: string; today?: string },
) {
  const { ids, visits } = await plannedVisitsFor(tx, input.visitIds, 'marked done', input.onlyAdviserUserId);
  const today = input.today ?? todayInLondon();
  for (const visit of visits) {
    const closed = serviceUseRefusal(visit.school, input.completedOn, today);
    if (closed) throw new DomainError({ code: 'PRECONDITION_FAILED', message: closed, field: 'completedOn' });
  }
  await tx
    .update(plannedVisits)
    .set({ status: 'done', completedOn: input.completedOn })
    .where(inArray(plannedVisits.id, ids));
  return { updated: ids.length, status: 'done' as const };
}

export async function cancelVisits(tx: Tx, input: z.infer<typeof ZVisitIdsInput>) {
  const { ids } = await plannedVisitsFor(tx, input.visitIds, 'cancelled');
  await tx.update(plannedVisits).set({ status: 'cancelled' }).where(inArray(plannedVisits.id, ids));
  return { updated: ids.length, status: 'cancelled' as const };
}

export async function reassignVisits(tx: Tx, input: z.infer<typeof ZReassignInput>) {
  const { ids } = await plannedVisitsFor(tx, input.visitIds, 'reassigned');
  await assertAdviser(tx, input.adviserUserId);
  await tx
    .update(plannedVisits)
    .set({ adviserUserId: input.adviserUserId })
    .where(inArray(plannedVisits.id, ids));
  return { updated: ids.length, adviserUserId: input.adviserUserId };
}
