import { eq, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { governorBulletins } from '~/db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import type { TBulletinInput } from './bulletin-inputs';

/** A governance officer writes a termly bulletin: saved as a draft to preview before it is sent. */
export async function composeBulletin(tx: Tx, actor: Actor, input: TBulletinInput) {
  const [row] = await tx
    .insert(governorBulletins)
    .values({ tenantId: actor.tenantId, ...input, createdByUserId: actor.userId })
    .returning({ id: governorBulletins.id });
  if (!row) throw new Error('bulletin not saved');
  return { id: row.id };
}

/** Edits a draft; a bulletin already sent is kept as it went out. */
export async function updateBulletin(tx: Tx, _actor: Actor, input: { id: string; bulletin: TBulletinInput }) {
  const [bulletin] = await tx
    .select({ sentAt: governorBulletins.sentAt })
    .from(governorBulletins)
    .where(eq(governorBulletins.id, input.id))
    .for('update');
  if (!bulletin) throw new DomainError({ code: 'NOT_FOUND', message: 'That bulletin was not found.' });
  if (bulletin.sentAt)
    throw new DomainError({
      code: 'CONFLICT',
      message: 'This bulletin has been sent, so it can no longer be changed. Write a new one instead.',
    });
  await tx
    .update(governorBulletins)
    .set({ ...input.bulletin, updatedAt: sql`now()` })
    .where(eq(governorBulletins.id, input.id));
  return { id: input.id };
}
