import { DomainError } from '~/server/errors/domain-error';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { notesOfVisit, plannedVisits, schoolMonitoring, type TenantSettings } from '~/db/schema';
import { checkContentForTenant } from './check-content';
import { ZNoteContent } from './content';

export const ZWriteNoteInput = z
  .object({
    schoolId: z.uuid({ message: 'Choose a school.' }).optional(),
    plannedVisitId: z.uuid({ message: 'That planned visit was not found.' }).optional(),
    visitedOn: z.iso.date({ message: 'Enter the date of the visit.' }),
    content: ZNoteContent,
  })
  .superRefine((v, ctx) => {
    if (!v.schoolId && !v.plannedVisitId)
      ctx.addIssue({ code: 'custom', path: ['schoolId'], message: 'Choose a school.' });
  });
export type TWriteNoteInput = z.input<typeof ZWriteNoteInput>;

/**
 * An adviser writes a note of visit from the template, as a draft. Written for a planned visit, the school is
 * the visit's and the planned visit is marked done on the date of the visit.
 */
export async function writeNote(
  tx: Tx,
  input: z.output<typeof ZWriteNoteInput> & {
    tenantId: string;
    settings: TenantSettings;
    actorUserId: string;
  },
) {
  const content = checkContentForTenant(input.settings, input.content);
  let schoolId = input.schoolId;
  if (input.plannedVisitId) {
    const [visit] = await tx
      .select()
      .from(plannedVisits)
      .where(eq(plannedVisits.id, input.plannedVisitId))
      .for('update');
    if (!visit) throw new DomainError({ code: 'NOT_FOUND', message: 'That planned visit was not found.' });
    if (visit.status === 'cancelled')
      throw new DomainError({ code: 'BAD_REQUEST', message: 'That planned visit was cancelled.' });
    schoolId = visit.schoolId;
    await tx
      .update(plannedVisits)
      .set({ status: 'done', completedOn: input.visitedOn })
      .where(eq(plannedVisits.id, visit.id));
  }
  if (!schoolId) throw new DomainError({ code: 'BAD_REQUEST', message: 'Choose a school.' });
  const [onRegister] = await tx
    .select({ schoolId: schoolMonitoring.schoolId })
    .from(schoolMonitoring)
    .where(eq(schoolMonitoring.schoolId, schoolId));
  if (!onRegister)
    throw new DomainError({ code: 'NOT_FOUND', message: 'That school is not on the LA’s register.' });
  const [note] = await tx
    .insert(notesOfVisit)
    .values({
      tenantId: input.tenantId,
      schoolId,
      plannedVisitId: input.plannedVisitId ?? null,
      adviserUserId: input.actorUserId,
      visitedOn: input.visitedOn,
      content,
    })
    .returning({ id: notesOfVisit.id });
  if (!note) throw new Error('could not save the note');
  return { id: note.id };
}
