import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  governorBulletinRecipients,
  governorBulletins,
  type GovernorBulletin,
  type GovernorBulletinAudience,
} from '~/db/schema';
import type { Actor } from '../access/actor';
import { academicYearOf, type IsoDate } from '../catalogue/academic-year';
import { queueEmail } from '../email/send-email';
import { DomainError } from '../errors/domain-error';
import {
  listUnsubscribeHeaders,
  oneClickUnsubscribeUrl,
  unsubscribedAddresses,
  unsubscribeUrl,
} from './bulletin-unsubscribe';
import { governorPackageSchoolIds } from './governor-package-schools';
import { listCurrentGovernors } from './list-current-governors';

export type BulletinAudience = {
  /** One per address (a person on two boards gets one email), with the first school they were found at. */
  recipients: { email: string; name: string; schoolId: string }[];
  schools: number;
  unsubscribed: number;
  noEmail: number;
};

/**
 * Who a bulletin goes to. `package_schools`: the chairs and clerks (or, with includeAllGovernors, every current
 * member) of the boards of schools holding a governing-body package this academic year, or, in a workspace that
 * sells no packages (an LA with governance but not traded services), of every board it keeps. `all_boards`:
 * every current governor and clerk on every board in the register (associate members, who are not governors,
 * apart). Less the addresses that unsubscribed, counting the members with no email address in the register.
 */
export async function bulletinAudience(
  tx: Tx,
  input: {
    includeAllGovernors: boolean;
    audience: GovernorBulletinAudience;
    today: IsoDate;
    sellsPackages: boolean;
  },
): Promise<BulletinAudience> {
  const everyBoard = input.audience === 'all_boards';
  const [subscribed, current, unsubscribed] = await Promise.all([
    input.sellsPackages && !everyBoard ? governorPackageSchoolIds(tx, academicYearOf(input.today)) : null,
    listCurrentGovernors(tx, input.today),
    unsubscribedAddresses(tx),
  ]);
  const members = current.filter((g) =>
    everyBoard
      ? g.category !== 'associate_member'
      : (subscribed === null || subscribed.has(g.schoolId)) &&
        (input.includeAllGovernors || g.office === 'chair' || g.category === 'clerk'),
  );
  const byEmail = new Map<string, BulletinAudience['recipients'][number]>();
  const skipped = new Set<string>();
  let noEmail = 0;
  for (const g of members) {
    const email = g.email.trim().toLowerCase();
    if (!email) noEmail += 1;
    else if (unsubscribed.has(email)) skipped.add(email);
    else if (!byEmail.has(email)) byEmail.set(email, { email, name: g.name, schoolId: g.schoolId });
  }
  return {
    recipients: [...byEmail.values()],
    schools: new Set(members.map((m) => m.schoolId)).size,
    unsubscribed: skipped.size,
    noEmail,
  };
}

async function lockBulletin(tx: Tx, id: string): Promise<GovernorBulletin> {
  const [bulletin] = await tx
    .select()
    .from(governorBulletins)
    .where(eq(governorBulletins.id, id))
    .for('update');
  if (!bulletin) throw new DomainError({ code: 'NOT_FOUND', message: 'That bulletin was not found.' });
  return bulletin;
}

/**
 * Sends a bulletin: one outbox email per recipient, queued in this transaction (delivered after commit),
 * each with its own unsubscribe link. Idempotent: each address is recorded once per bulletin (a unique key),
 * and the bulletin row is locked while sending, so a second send (or a double click) emails only people who
 * were not sent it yet, such as a chair appointed since.
 */
export async function sendBulletin(tx: Tx, actor: Actor, input: { id: string; today: IsoDate }) {
  const bulletin = await lockBulletin(tx, input.id);
  const audience = await bulletinAudience(tx, {
    includeAllGovernors: bulletin.includeAllGovernors,
    audience: bulletin.audience,
    today: input.today,
    sellsPackages: actor.modules.includes('traded'),
  });
  const already = new Set(
    audience.recipients.length === 0
      ? []
      : (
          await tx
            .select({ email: governorBulletinRecipients.email })
            .from(governorBulletinRecipients)
            .where(
              and(
                eq(governorBulletinRecipients.bulletinId, bulletin.id),
                inArray(
                  governorBulletinRecipients.email,
                  audience.recipients.map((r) => r.email),
                ),
              ),
            )
        ).map((r) => r.email),
  );
  const fresh = audience.recipients.filter((r) => !already.has(r.email));
  const inserted =
    fresh.length === 0
      ? []
      : await tx
          .insert(governorBulletinRecipients)
          .values(fresh.map((r) => ({ tenantId: actor.tenantId, bulletinId: bulletin.id, ...r })))
          .onConflictDoNothing()
          .returning({ email: governorBulletinRecipients.email, name: governorBulletinRecipients.name });
  for (const r of inserted) {
    await queueEmail(tx, {
      to: r.email,
      template: 'governor-bulletin',
      props: {
        workspaceName: actor.name,
        title: bulletin.title,
        body: bulletin.body,
        links: bulletin.links,
        recipientName: r.name,
        reason: bulletin.audience === 'all_boards' ? 'register' : 'package',
        unsubscribeUrl: unsubscribeUrl(actor.appUrl, actor.slug, actor.tenantId, r.email),
      },
      headers: listUnsubscribeHeaders(
        oneClickUnsubscribeUrl(actor.appUrl, actor.slug, actor.tenantId, r.email),
      ),
    });
  }
  await tx
    .update(governorBulletins)
    .set({
      sentAt: bulletin.sentAt ?? sql`now()`,
      sentByUserId: bulletin.sentByUserId ?? actor.userId,
      skippedUnsubscribed: audience.unsubscribed,
      skippedNoEmail: audience.noEmail,
    })
    .where(eq(governorBulletins.id, bulletin.id));
  return {
    id: bulletin.id,
    sent: inserted.length,
    alreadySent: audience.recipients.length - inserted.length,
    skippedUnsubscribed: audience.unsubscribed,
    noEmail: audience.noEmail,
    schools: audience.schools,
  };
}
