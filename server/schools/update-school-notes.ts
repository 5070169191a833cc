import { DomainError } from '~/server/errors/domain-error';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { schools } from '~/db/schema';

export const ZUpdateSchoolNotesInput = z.object({
  id: z.uuid({ message: 'Choose a school.' }),
  notes: z.string().trim().max(4000, 'Notes can be at most 4,000 characters.'),
});
export type TUpdateSchoolNotesInput = z.infer<typeof ZUpdateSchoolNotesInput>;

/** The workspace's own notes on a school: kept across GIAS re-imports. */
export async function updateSchoolNotes(tx: Tx, input: TUpdateSchoolNotesInput) {
  const [updated] = await tx
    .update(schools)
    .set({ notes: input.notes === '' ? null : input.notes, updatedAt: sql`now()` })
    .where(eq(schools.id, input.id))
    .returning({ id: schools.id, notes: schools.notes });
  if (!updated) throw new DomainError({ code: 'NOT_FOUND', message: 'That school was not found.' });
  return updated;
}
