import { DomainError } from '~/server/errors/domain-error';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { notesOfVisit, plannedVisits, type TenantSettings } from '~/db/schema';
import { assertMayManage, loadVisibleNote, type NoteActor } from './access';
import { checkContentForTenant } from './check-content';
import { ZNoteContent } from './content';
import { transition } from './workflow';

export const ZReviseNoteInput = z.object({
  id: z.uuid({ message: 'That note of visit was not found.' }),
  visitedOn: z.iso.date({ message: 'Enter the date of the visit.' }),
  content: ZNoteContent,
});

/** The adviser edits a draft, or revises a note the headteacher commented on. Agreed notes are locked. */
export async function reviseNote(
  tx: Tx,
  input: z.output<typeof ZReviseNoteInput> & { actor: NoteActor; settings: TenantSettings },
) {
  const note = await loadVisibleNote(tx, input.id, input.actor, { forUpdate: true });
  assertMayManage(input.actor, note);
  const step = transition(note.status, 'edit');
  if (!step.ok) throw new DomainError({ code: 'BAD_REQUEST', message: step.message });
  const content = checkContentForTenant(input.settings, input.content);
  await tx
    .update(notesOfVisit)
    .set({ content, visitedOn: input.visitedOn, updatedAt: sql`now()` })
    .where(eq(notesOfVisit.id, note.id));
  if (note.plannedVisitId) {
    await tx
      .update(plannedVisits)
      .set({ completedOn: input.visitedOn })
      .where(eq(plannedVisits.id, note.plannedVisitId));
  }
  return { id: note.id, status: step.to };
}
