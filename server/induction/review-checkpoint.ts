import { eq, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { inductionCheckpoints } from '~/db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { assertAppropriateBody } from './appropriate-body';
import { sendInductionNotice } from './induction-emails';
import type { TReviewCheckpointInput } from './induction-inputs';
import { checkpointTitle } from './induction-labels';
import { loadCheckpoint } from './submit-checkpoint';

/**
 * The AB reviews a submitted review or assessment: accepts it, or sends it back to the school with a comment
 * (the tutor is emailed and resubmits).
 */
export async function reviewCheckpoint(tx: Tx, actor: Actor, input: TReviewCheckpointInput) {
  assertAppropriateBody(actor);
  const row = await loadCheckpoint(tx, input.checkpointId);
  if (row.checkpoint.status !== 'submitted')
    throw new DomainError({
      code: 'CONFLICT',
      message: 'Only a submitted review can be accepted or sent back.',
    });
  const status = input.decision === 'accept' ? 'accepted' : 'changes_requested';
  await tx
    .update(inductionCheckpoints)
    .set({ status, abComment: input.comment, reviewedByUserId: actor.userId, reviewedAt: sql`now()` })
    .where(eq(inductionCheckpoints.id, row.checkpoint.id));
  if (status === 'changes_requested')
    await sendInductionNotice(tx, [{ name: row.tutorName, email: row.tutorEmail }], {
      subject: `Changes requested: ${row.ectName}, ${checkpointTitle(row.checkpoint).toLowerCase()}`,
      heading: 'The Appropriate Body has asked for changes',
      paragraphs: [
        `${actor.name} has looked at the ${checkpointTitle(row.checkpoint).toLowerCase()} for ${row.ectName} and asks for changes before accepting it:`,
        input.comment,
      ],
      action: {
        label: 'Open the review',
        url: `${actor.appUrl}/${actor.slug}/induction/${row.checkpoint.ectId}`,
      },
    });
  return { status };
}
