import { DomainError } from '~/server/errors/domain-error';
import { and, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { plannedVisits, schoolMonitoring } from '~/db/schema';
import { academicYearOf } from '../catalogue/academic-year';
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
export const ZVisitIdInput = z.object({ visitId: z.uuid({ message: 'Choose a visit.' }) });
export const ZMarkDoneInput = ZVisitIdInput.extend({ completedOn: isoDate });
export const ZReassignInput = ZVisitIdInput.extend({
  adviserUserId: z.uuid({ message: 'Choose an adviser.' }),
});

async function assertAdviser(tx: Tx, userId: string) {
  if (!(await isAdviserHere(tx, userId))) {
    throw new DomainError({ code: 'NOT_FOUND', message: 'That adviser is not part of this workspace.' });
  }
}

/** An extra visit for a reason the LA recognises (new headteacher, Ofsted expected, safeguarding…). */
export async function addAdditionalVisit(
  tx: Tx,
  settings: ResolvedStatutorySettings,
  input: z.infer<typeof ZAddAdditionalVisitInput> & { tenantId: string },
) {
  if (!settings.additionalVisitReasons.includes(input.reason)) {
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'Choose one of the reasons for an additional visit.',
    });
  }
  const [onRegister] = await tx
    .select({ schoolId: schoolMonitoring.schoolId })
    .from(schoolMonitoring)
    .where(eq(schoolMonitoring.schoolId, input.schoolId));
  if (!onRegister)
    throw new DomainError({ code: 'NOT_FOUND', message: 'That school is not on the register.' });
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

async function findVisit(tx: Tx, visitId: string) {
  const [visit] = await tx.select().from(plannedVisits).where(eq(plannedVisits.id, visitId)).for('update');
  if (!visit) throw new DomainError({ code: 'NOT_FOUND', message: 'That visit was not found.' });
  return visit;
}

/** The visit took place. An adviser may mark only their own visits; `onlyAdviser` enforces that. */
export async function markVisitDone(
  tx: Tx,
  input: z.infer<typeof ZMarkDoneInput> & { onlyAdviserUserId?: string },
) {
  const visit = await findVisit(tx, input.visitId);
  if (input.onlyAdviserUserId && visit.adviserUserId !== input.onlyAdviserUserId) {
    throw new DomainError({ code: 'NOT_FOUND', message: 'That visit was not found.' });
  }
  if (visit.status !== 'planned') {
    throw new DomainError({ code: 'CONFLICT', message: `That visit is already ${visit.status}.` });
  }
  await tx
    .update(plannedVisits)
    .set({ status: 'done', completedOn: input.completedOn })
    .where(eq(plannedVisits.id, visit.id));
  return { id: visit.id, status: 'done' as const };
}

export async function cancelVisit(tx: Tx, input: z.infer<typeof ZVisitIdInput>) {
  const visit = await findVisit(tx, input.visitId);
  if (visit.status !== 'planned') {
    throw new DomainError({
      code: 'CONFLICT',
      message: `That visit is ${visit.status} and cannot be cancelled.`,
    });
  }
  await tx.update(plannedVisits).set({ status: 'cancelled' }).where(eq(plannedVisits.id, visit.id));
  return { id: visit.id, status: 'cancelled' as const };
}

export async function reassignVisit(tx: Tx, input: z.infer<typeof ZReassignInput>) {
  const visit = await findVisit(tx, input.visitId);
  if (visit.status !== 'planned') {
    throw new DomainError({
      code: 'CONFLICT',
      message: `That visit is ${visit.status} and cannot be reassigned.`,
    });
  }
  await assertAdviser(tx, input.adviserUserId);
  await tx
    .update(plannedVisits)
    .set({ adviserUserId: input.adviserUserId })
    .where(eq(plannedVisits.id, visit.id));
  return { id: visit.id, adviserUserId: input.adviserUserId };
}
