import { desc, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { personalDataErasures, users } from '~/db/schema';
import type { Actor } from '../access/actor';
import { mayActFor } from './privacy-subject';

/** The erasure log, newest first: the kinds of person the actor may act for. */
export async function listErasures(tx: Tx, actor: Actor) {
  const rows = await tx
    .select({
      id: personalDataErasures.id,
      subjectKind: personalDataErasures.subjectKind,
      placeholder: personalDataErasures.placeholder,
      scope: personalDataErasures.scope,
      reason: personalDataErasures.reason,
      counts: personalDataErasures.counts,
      by: users.name,
      byLabel: personalDataErasures.erasedByLabel,
      createdAt: personalDataErasures.createdAt,
    })
    .from(personalDataErasures)
    .leftJoin(users, eq(users.id, personalDataErasures.erasedByUserId))
    .orderBy(desc(personalDataErasures.createdAt))
    .limit(100);
  return rows.filter((r) => mayActFor(actor, r.subjectKind));
}
