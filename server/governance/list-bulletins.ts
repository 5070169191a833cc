import { renderEmail } from '../email/templates';
import { desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { governorBulletinRecipients, governorBulletins, users } from '~/db/schema';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { DomainError } from '../errors/domain-error';
import { unsubscribeUrl } from './bulletin-unsubscribe';
import { bulletinAudience } from './send-bulletin';

// Qualified by hand: inside the subquery drizzle would print the outer columns unqualified (read as r's).
const recipientCount = sql<number>`(select count(*)::int from ${governorBulletinRecipients} r
  where r.tenant_id = "governor_bulletins"."tenant_id" and r.bulletin_id = "governor_bulletins"."id")`;

/** Every bulletin, newest first, with when it was sent and to how many people. */
export function listBulletins(tx: Tx) {
  return tx
    .select({
      id: governorBulletins.id,
      title: governorBulletins.title,
      createdAt: governorBulletins.createdAt,
      sentAt: governorBulletins.sentAt,
      recipients: recipientCount,
      skippedUnsubscribed: governorBulletins.skippedUnsubscribed,
      skippedNoEmail: governorBulletins.skippedNoEmail,
    })
    .from(governorBulletins)
    .orderBy(desc(governorBulletins.createdAt));
}

/**
 * One bulletin with its preview: the email as the first recipient would get it (or a sample reader), and
 * who a send would reach now (recipients, schools, unsubscribed, no email, already sent).
 */
export async function getBulletin(tx: Tx, actor: Actor, input: { id: string; today: IsoDate }) {
  const [row] = await tx
    .select({ bulletin: governorBulletins, recipients: recipientCount, sentBy: users.name })
    .from(governorBulletins)
    .leftJoin(users, eq(users.id, governorBulletins.sentByUserId))
    .where(eq(governorBulletins.id, input.id));
  if (!row) throw new DomainError({ code: 'NOT_FOUND', message: 'That bulletin was not found.' });
  const sellsPackages = actor.modules.includes('traded');
  const audience = await bulletinAudience(tx, {
    includeAllGovernors: row.bulletin.includeAllGovernors,
    audience: row.bulletin.audience,
    today: input.today,
    sellsPackages,
  });
  const sentTo = new Set(
    (
      await tx
        .select({ email: governorBulletinRecipients.email })
        .from(governorBulletinRecipients)
        .where(eq(governorBulletinRecipients.bulletinId, input.id))
    ).map((r) => r.email),
  );
  const sample = audience.recipients[0] ?? {
    name: row.bulletin.includeAllGovernors ? 'Governor' : 'Chair of governors',
    email: 'chair@school.example',
  };
  const preview = await renderEmail('governor-bulletin', {
    workspaceName: actor.name,
    title: row.bulletin.title,
    body: row.bulletin.body,
    links: row.bulletin.links,
    recipientName: sample.name,
    reason: row.bulletin.audience === 'all_boards' ? 'register' : 'package',
    unsubscribeUrl: unsubscribeUrl(actor.appUrl, actor.slug, actor.tenantId, sample.email),
  });
  return {
    bulletin: row.bulletin,
    sentBy: row.sentBy,
    recipients: row.recipients,
    preview,
    audience: {
      /** Whether the audience is the boards of schools holding a governing-body package, or every board. */
      subscribersOnly: sellsPackages && row.bulletin.audience === 'package_schools',
      schools: audience.schools,
      toSend: audience.recipients.filter((r) => !sentTo.has(r.email)).length,
      alreadySent: audience.recipients.filter((r) => sentTo.has(r.email)).length,
      unsubscribed: audience.unsubscribed,
      noEmail: audience.noEmail,
    },
  };
}
