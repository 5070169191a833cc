import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withPlatform, withTenant, type Database } from '~/db/client';
import {
  accounts,
  auditLog,
  emailChanges,
  outboxEmails,
  platformAuditLog,
  users,
  verificationTokens,
} from '~/db/schema';
import { withMailroom } from '~/server/email/outbox';
import { addMembership, callerAs, makeTenant, makeUser, type MadeUser } from '../fixtures/factories';
import { makeInductionHub } from '../fixtures/induction-hub';
import { ownCourse } from './course-fixtures';
import { openTestDatabase } from './harness';

/** The emails sent to these addresses, oldest first. */
/**
 * Emails sent to the addresses, grouped in the order the addresses are given and oldest first for each (emails
 * queued in one transaction share their created time, so time alone does not order them).
 */
async function emailsTo(database: Database, ...to: string[]) {
  const rows = await withMailroom(database.db, (tx) =>
    tx
      .select({
        to: outboxEmails.to,
        subject: outboxEmails.subject,
        text: outboxEmails.text,
        tenantId: outboxEmails.tenantId,
      })
      .from(outboxEmails)
      .where(inArray(outboxEmails.to, to))
      .orderBy(outboxEmails.createdAt),
  );
  return rows.sort((a, b) => to.indexOf(a.to) - to.indexOf(b.to));
}

/** The token in the newest confirm link sent to an address. */
async function linkTokenSentTo(database: Database, to: string): Promise<string> {
  const sent = (await emailsTo(database, to)).filter((e) => e.subject.startsWith('Confirm your new'));
  const token = sent.at(-1)?.text?.match(/confirm-email\?token=([\w-]+)/)?.[1];
  if (!token) throw new Error(`no confirm link sent to ${to}`);
  return token;
}

async function emailOf(database: Database, userId: string) {
  const [row] = await withPlatform(database.db, (tx) =>
    tx.select({ email: users.email }).from(users).where(eq(users.id, userId)),
  );
  return row?.email;
}

async function anonymous(database: Database) {
  const { createCaller } = await import('~/server/routers');
  return createCaller({ db: database.db, session: null, tenantSlug: null, appUrl: 'http://localhost' });
}

describe('changing the address a person signs in with', () => {
  let database: Database;
  let tag: string;
  const fresh = (local: string) => `${local}-${tag}@newdomain.example`;

  beforeAll(async () => {
    database = await openTestDatabase();
    tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  });

  async function personWithWorkspace(): Promise<MadeUser> {
    const person = await makeUser(database.db, { name: 'Priya Shah' });
    const workspace = await makeTenant(database.db);
    await addMembership(database.db, workspace.id, person.id, 'adviser');
    return person;
  }

  it('refuses the same address, one another account uses, and anyone not signed in', async () => {
    const person = await personWithWorkspace();
    const other = await makeUser(database.db);
    const caller = callerAs(database.db, person, null);
    await expect(
      caller.account.requestSignInAddressChange({ email: ` ${person.email.toUpperCase()} ` }),
    ).rejects.toThrow('That is already the address you sign in with.');
    await expect(caller.account.requestSignInAddressChange({ email: other.email })).rejects.toThrow(
      'That address is already used by another Stride account.',
    );
    await expect(caller.account.requestSignInAddressChange({ email: 'not an address' })).rejects.toThrow(
      'Enter an email address',
    );
    await expect(
      (await anonymous(database)).account.requestSignInAddressChange({ email: fresh('anon') }),
    ).rejects.toThrow('Please sign in to continue.');
    expect((await caller.account.mine()).pendingSignInAddress).toBeNull();
  });

  it('keeps a pending change (the token only as a hash), emails a link to the new address and a notice to the old, and a new request replaces it', async () => {
    const person = await personWithWorkspace();
    const caller = callerAs(database.db, person, null);
    const first = fresh('first');
    const asked = await caller.account.requestSignInAddressChange({ email: `  ${first.toUpperCase()} ` });
    expect(asked.newEmail).toBe(first);
    const hours = (asked.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    expect((await caller.account.mine()).pendingSignInAddress).toEqual({
      newEmail: first,
      expiresAt: asked.expiresAt,
    });

    const sent = await emailsTo(database, first, person.email);
    expect(sent.map((e) => ({ to: e.to, subject: e.subject, tenantId: e.tenantId }))).toEqual([
      { to: first, subject: 'Confirm your new sign-in address for Stride', tenantId: null },
      { to: person.email, subject: 'A change of your Stride sign-in address was asked for', tenantId: null },
    ]);
    // Delivered after commit, with a plain-text body.
    expect(sent[0]?.text).toContain('Dear Priya Shah,');
    expect(sent[1]?.text).toContain(`asked to sign in with ${first} instead of ${person.email}`);
    const token = await linkTokenSentTo(database, first);
    const [stored] = await withPlatform(database.db, (tx) =>
      tx.select().from(emailChanges).where(eq(emailChanges.userId, person.id)),
    );
    expect(stored?.tokenHash).not.toContain(token);
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const second = fresh('second');
    await caller.account.requestSignInAddressChange({ email: second });
    expect((await caller.account.mine()).pendingSignInAddress?.newEmail).toBe(second);
    // The first link no longer works.
    await expect((await anonymous(database)).account.confirmSignInAddressChange({ token })).rejects.toThrow(
      'This link is not valid',
    );
    expect(await emailOf(database, person.id)).toBe(person.email);
  });

  it('confirms by the link alone: the address changes, the account keeps its memberships, the link works once, and the change is audited', async () => {
    const person = await personWithWorkspace();
    const caller = callerAs(database.db, person, null);
    const next = fresh('confirm');
    await caller.account.requestSignInAddressChange({ email: next });
    const token = await linkTokenSentTo(database, next);
    // Old sign-in links and a Microsoft identity belong to the old address.
    await withPlatform(database.db, async (tx) => {
      await tx.insert(verificationTokens).values({
        identifier: person.email,
        token: `old-${tag}`,
        expires: new Date(Date.now() + 3_600_000),
      });
      await tx.insert(accounts).values({
        userId: person.id,
        type: 'oauth',
        provider: 'azure-ad',
        providerAccountId: `old-${tag}`,
      });
    });

    const link = await anonymous(database);
    expect(await link.account.signInAddressLink({ token })).toMatchObject({ newEmail: next, expired: false });
    expect(await link.account.confirmSignInAddressChange({ token })).toEqual({
      email: next,
      previousEmail: person.email,
      carried: { inductionRecords: 0, mentorOrTutor: 0, coursePlaces: 0, boardEntries: 0 },
    });
    expect(await emailOf(database, person.id)).toBe(next);
    const after = await callerAs(database.db, { ...person, email: next }, null).account.mine();
    expect(after.pendingSignInAddress).toBeNull();
    expect(after.workspaces).toHaveLength(1);
    await withPlatform(database.db, async (tx) => {
      expect(
        await tx.select().from(verificationTokens).where(eq(verificationTokens.identifier, person.email)),
      ).toEqual([]);
      expect(await tx.select().from(accounts).where(eq(accounts.userId, person.id))).toEqual([]);
      const logged = await tx
        .select({ action: platformAuditLog.action, details: platformAuditLog.details })
        .from(platformAuditLog)
        .where(eq(platformAuditLog.actorUserId, person.id))
        .orderBy(platformAuditLog.createdAt);
      expect(logged).toEqual([
        { action: 'account.requestSignInAddressChange', details: { email: next } },
        { action: 'account.confirmSignInAddressChange', details: { newEmail: next } },
      ]);
      // The token is nowhere in the log.
      expect(JSON.stringify(logged)).not.toContain(token);
    });

    await expect(link.account.confirmSignInAddressChange({ token })).rejects.toThrow(
      'This link is not valid',
    );
    await expect(link.account.signInAddressLink({ token })).rejects.toThrow('This link is not valid');
  });

  it('refuses an expired link and an address taken meanwhile, changing nothing', async () => {
    const person = await personWithWorkspace();
    const caller = callerAs(database.db, person, null);
    const link = await anonymous(database);

    const late = fresh('late');
    await caller.account.requestSignInAddressChange({ email: late });
    const lateToken = await linkTokenSentTo(database, late);
    await withPlatform(database.db, (tx) =>
      tx
        .update(emailChanges)
        .set({ expiresAt: new Date(Date.now() - 60_000) })
        .where(eq(emailChanges.userId, person.id)),
    );
    expect(await link.account.signInAddressLink({ token: lateToken })).toMatchObject({ expired: true });
    await expect(link.account.confirmSignInAddressChange({ token: lateToken })).rejects.toThrow(
      'This link expired on',
    );
    expect((await caller.account.mine()).pendingSignInAddress).toBeNull();
    expect(await emailOf(database, person.id)).toBe(person.email);

    const wanted = fresh('wanted');
    await caller.account.requestSignInAddressChange({ email: wanted });
    const wantedToken = await linkTokenSentTo(database, wanted);
    // Someone else signs in with that address first (an account is made when their link is opened).
    await makeUser(database.db, { email: wanted });
    await expect(link.account.confirmSignInAddressChange({ token: wantedToken })).rejects.toThrow(
      `${wanted} is already used by another Stride account.`,
    );
    expect(await emailOf(database, person.id)).toBe(person.email);
    const logged = await withPlatform(database.db, (tx) =>
      tx
        .select({ action: platformAuditLog.action })
        .from(platformAuditLog)
        .where(eq(platformAuditLog.actorUserId, person.id)),
    );
    expect(logged.map((l) => l.action)).not.toContain('account.confirmSignInAddressChange');
  });

  it('lets nobody cancel or confirm another person’s change, whatever they send', async () => {
    const person = await personWithWorkspace();
    const intruder = await personWithWorkspace();
    const wanted = fresh('mine');
    await callerAs(database.db, person, null).account.requestSignInAddressChange({ email: wanted });
    const token = await linkTokenSentTo(database, wanted);
    const theirs = callerAs(database.db, intruder, null);

    // Cancelling cancels only the caller's own (here: none), whatever ids are sent with it.
    expect(
      await theirs.account.cancelSignInAddressChange(
        ...([{ userId: person.id, id: person.id }] as unknown as []),
      ),
    ).toEqual({ cancelled: false });
    expect((await callerAs(database.db, person, null).account.mine()).pendingSignInAddress?.newEmail).toBe(
      wanted,
    );
    // Guessed or altered tokens find nothing; the right one changes only the account it was sent for.
    for (const guess of ['', 'x', token.slice(0, -1), `${token}x`, token.toUpperCase(), person.id])
      await expect(theirs.account.confirmSignInAddressChange({ token: guess })).rejects.toThrow(
        'This link is not valid',
      );
    await theirs.account.confirmSignInAddressChange({ token });
    expect(await emailOf(database, person.id)).toBe(wanted);
    expect(await emailOf(database, intruder.id)).toBe(intruder.email);

    // The person cancels their own.
    const again = fresh('again');
    const own = callerAs(database.db, { ...person, email: wanted }, null);
    await own.account.requestSignInAddressChange({ email: again });
    expect(await own.account.cancelSignInAddressChange()).toEqual({ cancelled: true });
    expect((await own.account.mine()).pendingSignInAddress).toBeNull();
    await expect(
      theirs.account.confirmSignInAddressChange({ token: await linkTokenSentTo(database, again) }),
    ).rejects.toThrow('This link is not valid');
  });

  it('queues such an email only where no workspace is bound, and no transaction reads it back but delivery', async () => {
    const workspace = await makeTenant(database.db);
    const to = fresh('policy');
    // Bound to a workspace, an email of no workspace is refused (it could not be seen on the jobs page).
    await expect(
      withTenant(database.db, workspace.id, (tx) =>
        tx.insert(outboxEmails).values({ to, subject: 'x', tenantId: null, status: 'queued' }),
      ),
    ).rejects.toThrow();
    await withPlatform(database.db, (tx) =>
      tx.insert(outboxEmails).values({ to, subject: 'x', status: 'queued' }),
    );
    expect(
      await withPlatform(database.db, (tx) => tx.select().from(outboxEmails).where(eq(outboxEmails.to, to))),
    ).toEqual([]);
    expect(await emailsTo(database, to)).toHaveLength(1);
    await withMailroom(database.db, (tx) => tx.delete(outboxEmails).where(eq(outboxEmails.to, to)));
  });

  it('carries the address into the records that name the person in their workspaces, and nowhere else', async () => {
    const hub = await makeInductionHub(database);
    // An ECT who also mentors a colleague, with a course place and a place on a full course's waiting list.
    const person = await makeUser(database.db, { name: 'Priya Raman' });
    await addMembership(database.db, hub.tenant.id, person.id, 'ect', hub.schoolA.id);
    const ownRecord = await hub.register('Priya Raman', { email: person.email.toUpperCase() });
    const mentee = await hub.register('Sam Mentee', { mentorName: person.name, mentorEmail: person.email });
    const manager = hub.as(hub.people.manager);
    const course = async (capacity: number) => {
      const made = await manager.courses.create({
        ...ownCourse,
        title: `Carried ${tag} ${capacity}`,
        capacity,
      } as never);
      await manager.courses.publish({ id: made.id });
      return made.id;
    };
    const head = hub.as(hub.people.headA);
    const delegate = { name: person.name, email: person.email, role: '' };
    await head.courses.book({ courseId: await course(5), schoolId: hub.schoolA.id, delegates: [delegate] });
    const full = await course(1);
    await head.courses.book({
      courseId: full,
      schoolId: hub.schoolA.id,
      delegates: [{ name: 'First In', email: `first-${tag}@alpha.sch.example`, role: '' }],
    });
    await head.courses.book({
      courseId: full,
      schoolId: hub.schoolA.id,
      delegates: [delegate],
      joinWaitingList: true,
    });
    // Another organisation's record of the same address: not theirs to change.
    const elsewhere = await makeInductionHub(database);
    const foreignRecord = await elsewhere.register('Priya Raman', { email: person.email });

    const next = fresh('carried');
    await callerAs(database.db, person, null).account.requestSignInAddressChange({ email: next });
    const token = await linkTokenSentTo(database, next);
    const confirmed = await (await anonymous(database)).account.confirmSignInAddressChange({ token });
    expect(confirmed.carried).toEqual({
      inductionRecords: 1,
      mentorOrTutor: 1,
      coursePlaces: 2,
      boardEntries: 0,
    });

    // Signed in with the new address, they still see their own record, places and waiting place.
    const self = callerAs(database.db, { ...person, email: next }, hub.tenant.slug);
    expect((await self.induction.list({})).map((e) => e.id)).toEqual([ownRecord]);
    expect((await self.induction.byId({ ectId: ownRecord })).ect.email).toBe(next);
    expect((await self.courses.myPlaces({})).map((p) => p.delegateEmail)).toEqual([next]);
    expect(await self.courses.myWaitingPlaces({})).toHaveLength(1);
    // A browser still holding the old address in its session is answered as the account is now.
    const stale = callerAs(database.db, person, hub.tenant.slug);
    expect((await stale.induction.list({})).map((e) => e.id)).toEqual([ownRecord]);
    const menteeRecord = await head.induction.byId({ ectId: mentee });
    expect(menteeRecord.periods.map((p) => p.mentorEmail)).toEqual([next]);
    // The other workspace's record keeps the address it was given.
    expect(
      (await elsewhere.as(elsewhere.people.manager).induction.byId({ ectId: foreignRecord })).ect.email,
    ).toBe(person.email);
    const audited = await withTenant(database.db, hub.tenant.id, (tx) =>
      tx
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(
          and(eq(auditLog.actorUserId, person.id), eq(auditLog.action, 'account.confirmSignInAddressChange')),
        ),
    );
    expect(audited).toHaveLength(1);
  });

  it('asks at most five times an hour', async () => {
    const person = await personWithWorkspace();
    const caller = callerAs(database.db, person, null);
    for (let i = 0; i < 5; i++) await caller.account.requestSignInAddressChange({ email: fresh(`n${i}`) });
    await expect(caller.account.requestSignInAddressChange({ email: fresh('n5') })).rejects.toThrow(
      'You have asked for 5 changes of address in the past hour.',
    );
  });
});
