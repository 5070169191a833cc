import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { sccMeetings, users } from '~/db/schema';
import { loadCaseFor } from '../concern/case-access';
import type { Actor } from '../access/actor';

export const ZRecordMeetingInput = z.object({
  caseId: z.uuid(),
  kind: z.enum(['progress_review', 'monitoring_and_challenge'], { message: 'Choose the kind of meeting.' }),
  heldOn: z.iso.date({ message: 'Enter the date of the meeting.' }),
  attendees: z.string().trim().min(3, 'List who attended.').max(2000),
  notes: z.string().trim().min(10, 'Record what the meeting found and agreed.').max(10000),
});

/** Progress review and monitoring & challenge meetings for a case, newest first (officers and advisers only). */
export async function listMeetings(tx: Tx, input: { actor: Actor; caseId: string }) {
  const { found } = await loadCaseFor(tx, input.actor, input.caseId);
  return tx
    .select({
      id: sccMeetings.id,
      kind: sccMeetings.kind,
      heldOn: sccMeetings.heldOn,
      attendees: sccMeetings.attendees,
      notes: sccMeetings.notes,
      recordedBy: users.name,
    })
    .from(sccMeetings)
    .leftJoin(users, eq(users.id, sccMeetings.recordedByUserId))
    .where(eq(sccMeetings.caseId, found.id))
    .orderBy(desc(sccMeetings.heldOn), desc(sccMeetings.createdAt));
}

export async function recordMeeting(tx: Tx, input: z.output<typeof ZRecordMeetingInput> & { actor: Actor }) {
  const { found } = await loadCaseFor(tx, input.actor, input.caseId);
  const [meeting] = await tx
    .insert(sccMeetings)
    .values({
      tenantId: input.actor.tenantId,
      caseId: found.id,
      schoolId: found.schoolId,
      kind: input.kind,
      heldOn: input.heldOn,
      attendees: input.attendees,
      notes: input.notes,
      recordedByUserId: input.actor.userId,
    })
    .returning();
  if (!meeting) throw new Error('meeting not recorded');
  return meeting;
}
