import { TRPCError } from '@trpc/server';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, withPlatform, withTenant, type Database } from '~/db/client';
import { withMailroom } from '~/server/email/outbox';
import {
  accessRequests,
  invitations,
  membershipHistory,
  outboxEmails,
  platformAuditLog,
  schoolContacts,
  schools,
  tenants,
  users,
} from '~/db/schema';
import { strideAdapter } from '~/server/auth/adapter';
import { authOptions } from '~/server/auth/options';
import { prepareDatabase } from '~/server/database';
import { devToolsEnabled, parseEnv } from '~/server/env';
import { shownName } from '~/server/format/person-name';
import {
  anonymousCaller,
  callerFor,
  onPostgres,
  openTestDatabase,
  tenantBySlug,
  userByEmail,
} from './harness';

const run = Date.now().toString(36);
const platformAdmin = 'platform@stride.example';

/** The token in the newest invitation emailed to an address (the outbox keeps emails with no SMTP server). */
async function invitationTokenFor(
  database: Database,
  email: string,
): Promise<{ slug: string; token: string }> {
  const [row] = await withMailroom(database.db, (tx) =>
    tx
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.to, email))
      .orderBy(desc(outboxEmails.createdAt))
      .limit(1),
  );
  const match = row?.text?.match(/\/invite\/([a-z0-9-]+)\/([A-Za-z0-9_-]+)/);
  if (!match?.[1] || !match[2]) throw new Error(`no invitation emailed to ${email}`);
  return { slug: match[1], token: match[2] };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return 'OK';
}

describe('organisations and people', () => {
  let database: Database;
  const slug = `ab-${run}`;
  const managerEmail = `manager-${run}@ab.example`;
  let workspaceId: string;
  let schoolA: string;
  let schoolB: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    const admin = await callerFor(database.db, platformAdmin, null);
    const created = await admin.platform.createWorkspace({
      name: `Test Appropriate Body ${run}`,
      shortName: 'TAB',
      slug,
      kind: 'appropriate_body',
      laCodes: ['302'],
      modules: ['induction'],
      managerEmail,
      managerName: 'Morgan Manager',
    });
    workspaceId = created.workspaceId;
    // Two schools of its own (a real workspace imports them from GIAS), one with a headteacher contact.
    [schoolA, schoolB] = await withTenant(database.db, workspaceId, async (tx) => {
      const rows = await tx
        .insert(schools)
        .values(
          [900001, 900002].map((urn) => ({
            tenantId: workspaceId,
            urn,
            laCode: '302',
            laName: 'Barnet',
            establishmentNumber: String(urn).slice(-4),
            name: `Test School ${urn}`,
            type: 'Community school',
            typeGroup: 'Local authority maintained schools',
            phase: 'Primary',
          })),
        )
        .returning({ id: schools.id });
      await tx.insert(schoolContacts).values({
        tenantId: workspaceId,
        schoolId: rows[0]?.id ?? '',
        role: 'headteacher',
        name: 'Hana Head',
        email: `head-${run}@school.example`,
      });
      return [rows[0]?.id ?? '', rows[1]?.id ?? ''];
    });
  });

  describe('platform administration', () => {
    it('creates the workspace with its kind and modules, invites its manager and audits it', async () => {
      const tenant = await tenantBySlug(database.db, slug);
      expect(tenant).toMatchObject({ kind: 'appropriate_body', modules: ['induction'], laCodes: ['302'] });
      const { slug: linkSlug } = await invitationTokenFor(database, managerEmail);
      expect(linkSlug).toBe(slug);
      const audit = await withPlatform(database.db, (tx) =>
        tx.select().from(platformAuditLog).where(eq(platformAuditLog.workspaceId, workspaceId)),
      );
      expect(audit.map((a) => a.action)).toContain('platform.createWorkspace');
      // The administrator sees the invitation went and is waiting; nobody manages the workspace yet.
      const admin = await callerFor(database.db, platformAdmin, null);
      const people = await admin.platform.managers({ workspaceId });
      expect(people.managers).toEqual([]);
      expect(people.invitations).toMatchObject([{ email: managerEmail, state: 'pending' }]);
    });

    it('is for platform administrators only', async () => {
      const manager = await callerFor(database.db, 'manager@bep.example', 'bep');
      expect(await codeOf(manager.platform.workspaces())).toBe('FORBIDDEN');
      expect(await codeOf(manager.platform.suspend({ workspaceId, reason: 'Not mine to do' }))).toBe(
        'FORBIDDEN',
      );
    });

    it('refuses a taken or reserved slug, and commissioning for an appropriate body', async () => {
      const admin = await callerFor(database.db, platformAdmin, null);
      const base = {
        name: 'Another one',
        shortName: 'AO',
        kind: 'la' as const,
        modules: ['statutory' as const],
        managerEmail: `x-${run}@la.example`,
      };
      expect(await codeOf(admin.platform.createWorkspace({ ...base, slug }))).toBe('CONFLICT');
      expect(await codeOf(admin.platform.createWorkspace({ ...base, slug: 'platform' }))).toBe('CONFLICT');
      // A local authority names its LA code.
      expect(
        await codeOf(admin.platform.createWorkspace({ ...base, slug: `no-code-${run}`, laCodes: [] })),
      ).toBe('BAD_REQUEST');
      expect(await codeOf(admin.platform.setModules({ workspaceId, modules: ['commissioning'] }))).toBe(
        'BAD_REQUEST',
      );
      // Monitoring schools is a local authority's: an appropriate body is refused it, saying why.
      await expect(
        admin.platform.setModules({ workspaceId, modules: ['induction', 'statutory', 'commissioning'] }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message:
          'Statutory monitoring and Commissioning are for local authorities and their providers: an appropriate body cannot switch them on.',
      });
      await admin.platform.setModules({ workspaceId, modules: ['induction', 'governance'] });
      expect((await tenantBySlug(database.db, slug)).modules).toEqual(['induction', 'governance']);
    });
  });

  describe('invitations', () => {
    it('the invited manager accepts once and lands in the workspace', async () => {
      const { token } = await invitationTokenFor(database, managerEmail);
      const manager = await callerFor(database.db, managerEmail, slug);
      expect(await codeOf(manager.workspaces.current())).toBe('FORBIDDEN');
      await expect(manager.joining.invitation({ token })).resolves.toMatchObject({
        role: 'tenant_admin',
        state: 'pending',
        forSignedInUser: true,
      });
      await expect(manager.joining.accept({ token })).resolves.toMatchObject({ landing: `/${slug}` });
      await expect(manager.workspaces.current()).resolves.toBeTruthy();
      expect(await codeOf(manager.joining.accept({ token }))).toBe('CONFLICT');
      const admin = await callerFor(database.db, platformAdmin, null);
      const people = await admin.platform.managers({ workspaceId });
      expect(people.managers).toEqual([{ name: 'Morgan Manager', email: managerEmail }]);
      expect(people.invitations).toMatchObject([{ email: managerEmail, state: 'accepted' }]);
      expect(await codeOf(manager.platform.managers({ workspaceId }))).toBe('FORBIDDEN');
    });

    it('binds a school role to one of this workspace’s schools, never another’s', async () => {
      const manager = await callerFor(database.db, managerEmail, slug);
      const hsipSchool = await withTenant(
        database.db,
        (await tenantBySlug(database.db, 'hsip')).id,
        async (tx) => {
          const [s] = await tx.select({ id: schools.id }).from(schools).limit(1);
          return s?.id ?? '';
        },
      );
      const email = `teacher-${run}@school.example`;
      expect(
        await codeOf(manager.members.invite({ email, role: 'school_admin', schoolId: hsipSchool })),
      ).toBe('NOT_FOUND');
      expect(await codeOf(manager.members.invite({ email, role: 'school_admin' }))).toBe('BAD_REQUEST');
      expect(await codeOf(manager.members.invite({ email, role: 'adviser', schoolId: schoolA }))).toBe(
        'BAD_REQUEST',
      );
      await manager.members.invite({ email, role: 'school_admin', schoolId: schoolA });
      const [sent] = await withMailroom(database.db, (tx) =>
        tx
          .select()
          .from(outboxEmails)
          .where(eq(outboxEmails.to, email))
          .orderBy(desc(outboxEmails.createdAt))
          .limit(1),
      );
      // Nobody has given this person's name yet: the invitation greets them without one, not as "teacher-…".
      expect(sent?.text).toContain('Hello,');
      expect(sent?.text).not.toContain('Dear teacher');
    });

    it('refuses another workspace’s invitation, another person, an expired one and a replaced one', async () => {
      const manager = await callerFor(database.db, managerEmail, slug);
      const email = `adviser-${run}@ab.example`;
      const first = await manager.members.invite({ email, name: 'Ada Adviser', role: 'adviser' });
      const { token: oldToken } = await invitationTokenFor(database, email);
      // A resend replaces it: the old link stops working.
      await manager.members.resendInvitation({ invitationId: first.invitationId });
      const { token } = await invitationTokenFor(database, email);
      expect(token).not.toBe(oldToken);
      const adviser = await callerFor(database.db, email, slug);
      expect(await codeOf(adviser.joining.accept({ token: oldToken }))).toBe('CONFLICT');
      // The same token named under another workspace finds nothing there.
      const elsewhere = await callerFor(database.db, email, 'hsip');
      expect(await codeOf(elsewhere.joining.accept({ token }))).toBe('NOT_FOUND');
      expect(await codeOf(elsewhere.joining.invitation({ token }))).toBe('NOT_FOUND');
      // Someone else signed in with the link is refused.
      const other = await callerFor(database.db, 'manager@bep.example', slug);
      expect(await codeOf(other.joining.accept({ token }))).toBe('FORBIDDEN');
      // A malformed token is "not valid", not a validation error.
      expect(await codeOf(adviser.joining.accept({ token: 'short' }))).toBe('NOT_FOUND');
      // Expired.
      await withTenant(database.db, workspaceId, (tx) =>
        tx
          .update(invitations)
          .set({ expiresAt: new Date(Date.now() - 1000) })
          .where(and(eq(invitations.email, email), sql`revoked_at is null`)),
      );
      expect(await codeOf(adviser.joining.accept({ token }))).toBe('CONFLICT');
      const list = await manager.members.invitations();
      expect(
        list
          .filter((i) => i.email === email)
          .map((i) => i.state)
          .sort(),
      ).toEqual(['expired', 'withdrawn']);
      // A fresh one works.
      const again = await manager.members
        .resendInvitation({ invitationId: first.invitationId })
        .catch(() => undefined);
      expect(again).toBeDefined();
      const { token: fresh } = await invitationTokenFor(database, email);
      await adviser.joining.accept({ token: fresh });
      await expect(adviser.workspaces.current()).resolves.toBeTruthy();
    });

    it('invites the headteachers of chosen schools from their contacts, once', async () => {
      const manager = await callerFor(database.db, managerEmail, slug);
      const contacts = await manager.members.leaderContacts();
      expect(contacts.map((c) => c.email)).toEqual([`head-${run}@school.example`]);
      await expect(
        manager.members.inviteLeaders({ schoolIds: [schoolA, schoolB], contactRoles: ['headteacher'] }),
      ).resolves.toMatchObject({ invited: 1, schoolsWithoutContact: 1 });
      const { token } = await invitationTokenFor(database, `head-${run}@school.example`);
      const head = await callerFor(database.db, `head-${run}@school.example`, slug);
      // Accepting asks for the person's name (bookings, certificates and letters carry it): a bare initial is refused.
      expect(await codeOf(head.joining.accept({ token, name: 'J' }))).toBe('BAD_REQUEST');
      await head.joining.accept({ token, name: '  Jo Headley ' });
      expect((await userByEmail(database.db, `head-${run}@school.example`)).name).toBe('Jo Headley');
      await expect(
        manager.members.inviteLeaders({ schoolIds: [schoolA], contactRoles: ['headteacher'] }),
      ).resolves.toMatchObject({ invited: 0, skipped: 1 });
    });

    it('changes a role and removes a membership, keeping the history, and never the last manager', async () => {
      const manager = await callerFor(database.db, managerEmail, slug);
      const members = await manager.members.list();
      const adviser = members.find((m) => m.email === `adviser-${run}@ab.example`);
      const me = members.find((m) => m.email === managerEmail);
      if (!adviser || !me) throw new Error('expected the adviser and manager');
      expect(await codeOf(manager.members.remove({ membershipId: me.membershipId }))).toBe('CONFLICT');
      expect(
        await codeOf(manager.members.changeRole({ membershipId: me.membershipId, role: 'adviser' })),
      ).toBe('CONFLICT');
      await manager.members.changeRole({
        membershipId: adviser.membershipId,
        role: 'school_staff',
        schoolId: schoolB,
      });
      await manager.members.remove({ membershipId: adviser.membershipId });
      const history = await withTenant(database.db, workspaceId, (tx) =>
        tx.select().from(membershipHistory).where(eq(membershipHistory.userId, adviser.userId)),
      );
      expect(history.map((h) => [h.role, h.reason]).sort()).toEqual([
        ['adviser', 'role_changed'],
        ['school_staff', 'removed'],
      ]);
      const adviserCaller = await callerFor(database.db, adviser.email, slug);
      expect(await codeOf(adviserCaller.workspaces.current())).toBe('FORBIDDEN');
    });
  });

  describe('request access', () => {
    it('a person with no membership asks; the school’s head approves; until then they see nothing', async () => {
      const adapter = strideAdapter(async () => database.db);
      const email = `newteacher-${run}@school.example`;
      await adapter.createUser?.({ email, emailVerified: new Date() } as never);
      const teacher = await callerFor(database.db, email, slug);
      expect(await codeOf(teacher.workspaces.current())).toBe('FORBIDDEN');
      expect(await codeOf(teacher.schools.list({}))).toBe('FORBIDDEN');
      expect(
        await codeOf(
          teacher.joining.requestAccess({
            name: 'Tia Teacher',
            jobTitle: 'Year 4 teacher',
            urn: 123456,
            message: '',
          }),
        ),
      ).toBe('NOT_FOUND');
      const asked = await teacher.joining.requestAccess({
        name: 'Tia Teacher',
        jobTitle: 'Year 4 teacher',
        urn: 900001,
        message: 'I started in September.',
      });
      expect(
        await codeOf(
          teacher.joining.requestAccess({
            name: 'Tia Teacher',
            jobTitle: 'Year 4 teacher',
            urn: 900001,
            message: '',
          }),
        ),
      ).toBe('CONFLICT');
      expect(await codeOf(teacher.workspaces.current())).toBe('FORBIDDEN');
      // Another workspace's manager cannot see or decide it.
      const foreign = await callerFor(database.db, 'manager@bep.example', 'bep');
      expect(JSON.stringify(await foreign.members.requests())).not.toContain(asked.requestId);
      expect(
        await codeOf(foreign.members.decideRequest({ requestId: asked.requestId, decision: 'approve' })),
      ).toBe('NOT_FOUND');
      const head = await callerFor(database.db, `head-${run}@school.example`, slug);
      expect((await head.members.requests()).map((r) => r.id)).toEqual([asked.requestId]);
      await expect(
        head.members.decideRequest({ requestId: asked.requestId, decision: 'approve' }),
      ).resolves.toMatchObject({ status: 'approved' });
      expect(
        await codeOf(head.members.decideRequest({ requestId: asked.requestId, decision: 'decline' })),
      ).toBe('CONFLICT');
      await expect(teacher.workspaces.current()).resolves.toMatchObject({ roles: ['school_staff'] });
    });

    it('a head decides only for their own school; a declined person still sees nothing', async () => {
      const adapter = strideAdapter(async () => database.db);
      const email = `other-${run}@school.example`;
      await adapter.createUser?.({ email, emailVerified: new Date() } as never);
      const person = await callerFor(database.db, email, slug);
      const asked = await person.joining.requestAccess({
        name: 'Otto Other',
        jobTitle: 'TA',
        urn: 900002,
        message: '',
      });
      const head = await callerFor(database.db, `head-${run}@school.example`, slug);
      expect(await head.members.requests()).toEqual([]);
      expect(
        await codeOf(head.members.decideRequest({ requestId: asked.requestId, decision: 'approve' })),
      ).toBe('NOT_FOUND');
      const manager = await callerFor(database.db, managerEmail, slug);
      await manager.members.decideRequest({ requestId: asked.requestId, decision: 'decline' });
      expect(await codeOf(person.workspaces.current())).toBe('FORBIDDEN');
      const [row] = await withTenant(database.db, workspaceId, (tx) =>
        tx.select().from(accessRequests).where(eq(accessRequests.id, asked.requestId)),
      );
      expect(row?.status).toBe('declined');
    });
  });

  describe('a headteacher invites colleagues', () => {
    it('to a school they lead, as staff or another head, never elsewhere; the colleague accepts and joins it', async () => {
      const head = await callerFor(database.db, `head-${run}@school.example`, slug);
      const email = `colleague-${run}@school.example`;
      expect(
        await codeOf(head.members.inviteColleague({ email, role: 'school_staff', schoolId: schoolB })),
      ).toBe('NOT_FOUND');
      expect(
        await codeOf(
          head.members.inviteColleague({ email, role: 'tenant_admin' as never, schoolId: schoolA }),
        ),
      ).toBe('BAD_REQUEST');
      await head.members.inviteColleague({
        email,
        name: 'Cal Colleague',
        role: 'school_staff',
        schoolId: schoolA,
      });
      const { token } = await invitationTokenFor(database, email);
      // The head sees the invitation waiting, and who already has access to their school (not to others).
      const waiting = await head.members.colleagues();
      expect(waiting.invitations.map((i) => [i.email, i.state])).toContainEqual([email, 'pending']);
      expect(waiting.people.map((p) => p.email)).toContain(`head-${run}@school.example`);
      expect(waiting.people.every((p) => p.schoolId === schoolA)).toBe(true);
      // The email says who invited them, so it does not read like a stranger's.
      const [{ name: headName } = { name: '?' }] = await database.db
        .select({ name: users.name })
        .from(users)
        .where(eq(users.email, `head-${run}@school.example`));
      const [sent] = await withMailroom(database.db, (tx) =>
        tx.select({ text: outboxEmails.text }).from(outboxEmails).where(eq(outboxEmails.to, email)),
      );
      expect(sent?.text).toContain(`${headName} has invited you to`);
      // The invitation made their account; they sign in with it.
      const colleague = await callerFor(database.db, email, slug);
      await colleague.joining.accept({ token, name: 'Cal Colleague' });
      const now = await colleague.workspaces.current();
      expect(now.roles).toEqual(['school_staff']);
      expect(now.mySchools.map((s) => s.id)).toEqual([schoolA]);
      const joined = await head.members.colleagues();
      expect(joined.invitations.map((i) => i.email)).not.toContain(email);
      expect(joined.people.map((p) => p.email)).toContain(email);
      // Staff cannot invite; only the school's head.
      expect(
        await codeOf(
          colleague.members.inviteColleague({
            email: `x-${run}@school.example`,
            role: 'school_staff',
            schoolId: schoolA,
          }),
        ),
      ).toBe('FORBIDDEN');
    });

    it('withdraws a waiting invitation to their own school, whoever sent it; another school’s head cannot', async () => {
      const manager = await callerFor(database.db, managerEmail, slug);
      const head = await callerFor(database.db, `head-${run}@school.example`, slug);
      // The head of the workspace's other school.
      const otherHeadEmail = `head-b-${run}@school.example`;
      await manager.members.invite({ email: otherHeadEmail, role: 'school_admin', schoolId: schoolB });
      const otherHead = await callerFor(database.db, otherHeadEmail, slug);
      await otherHead.joining.accept({
        token: (await invitationTokenFor(database, otherHeadEmail)).token,
        name: 'Bea Head',
      });
      // One invitation to school A from the head, one from the manager, and one to the workspace's own staff.
      const fromHead = `waiting-${run}@school.example`;
      const fromManager = `sbm-${run}@school.example`;
      const staff = `officer-${run}@ab.example`;
      await head.members.inviteColleague({ email: fromHead, role: 'school_staff', schoolId: schoolA });
      await manager.members.invite({ email: fromManager, role: 'school_admin', schoolId: schoolA });
      await manager.members.invite({ email: staff, role: 'tenant_admin' });
      const idOf = async (email: string) => {
        const found = (await manager.members.invitations()).find((i) => i.email === email);
        if (!found) throw new Error(`no invitation to ${email}`);
        return found.id;
      };
      const [headsId, managersId, staffId] = [
        await idOf(fromHead),
        await idOf(fromManager),
        await idOf(staff),
      ];

      // Another school's head cannot withdraw it, nor the head an invitation to the workspace's own staff.
      expect(await codeOf(otherHead.members.withdrawColleagueInvitation({ invitationId: headsId }))).toBe(
        'NOT_FOUND',
      );
      expect(await codeOf(head.members.withdrawColleagueInvitation({ invitationId: staffId }))).toBe(
        'NOT_FOUND',
      );
      const stillWaiting = await manager.members.invitations();
      expect(stillWaiting.filter((i) => [headsId, staffId].includes(i.id)).map((i) => i.state)).toEqual([
        'pending',
        'pending',
      ]);

      // The head withdraws both of their school's: the link stops working and the Colleagues page drops it.
      const { token } = await invitationTokenFor(database, fromHead);
      await head.members.withdrawColleagueInvitation({ invitationId: headsId });
      await head.members.withdrawColleagueInvitation({ invitationId: managersId });
      const emails = (await head.members.colleagues()).invitations.map((i) => i.email);
      expect(emails).not.toContain(fromHead);
      expect(emails).not.toContain(fromManager);
      const states = await manager.members.invitations();
      expect(states.find((i) => i.id === headsId)?.state).toBe('withdrawn');
      expect(states.find((i) => i.id === managersId)?.state).toBe('withdrawn');
      expect(states.find((i) => i.id === staffId)?.state).toBe('pending');
      const invited = await callerFor(database.db, fromHead, slug);
      expect(await codeOf(invited.joining.accept({ token, name: 'Wyn Waiting' }))).not.toBe('OK');
      await expect(head.members.withdrawColleagueInvitation({ invitationId: headsId })).rejects.toMatchObject(
        {
          code: 'CONFLICT',
          message: 'This invitation has already been withdrawn.',
        },
      );
    });
  });

  describe('suspension', () => {
    it('refuses everyone while suspended, keeps the data, and lets them back when reinstated', async () => {
      const admin = await callerFor(database.db, platformAdmin, null);
      const manager = await callerFor(database.db, managerEmail, slug);
      const before = (await manager.members.list()).length;
      await admin.platform.suspend({ workspaceId, reason: 'Contract ended' });
      const refused = await manager.workspaces.current().catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(TRPCError);
      expect((refused as TRPCError).message).toMatch(/is suspended/);
      expect(await codeOf(manager.joining.invitation({ token: 'x'.repeat(32) }))).toBe('FORBIDDEN');
      expect(await codeOf(admin.platform.suspend({ workspaceId, reason: 'Again' }))).toBe('CONFLICT');
      await admin.platform.reinstate({ workspaceId });
      expect(await manager.members.list()).toHaveLength(before);
      const audit = await withPlatform(database.db, (tx) =>
        tx
          .select({ action: platformAuditLog.action })
          .from(platformAuditLog)
          .where(eq(platformAuditLog.workspaceId, workspaceId)),
      );
      expect(audit.map((a) => a.action)).toEqual(
        expect.arrayContaining(['platform.suspend', 'platform.reinstate', 'platform.setModules']),
      );
    });
  });

  it('answers a renewal link of the wrong length like an unknown one (not valid), not a validation error', async () => {
    const anonymous = anonymousCaller(database.db, 'hsip');
    for (const token of ['short', 'x'.repeat(15), 'x'.repeat(201), 'x'.repeat(5000)]) {
      expect(await codeOf(anonymous.renewals.offer({ token }))).toBe('NOT_FOUND');
    }
  });
});

describe('demo data and dev tools only on request', () => {
  it('a production start on an empty database creates no workspace and no user', async () => {
    const fresh = await openEmptyDatabase();
    try {
      const env = parseEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(40) });
      await prepareDatabase(fresh.database, {
        demo: env.STRIDE_DEMO === '1',
        platformAdminEmails: env.PLATFORM_ADMIN_EMAILS,
      });
      const counted = await withPlatform(fresh.database.db, async (tx) => ({
        tenants: (await tx.select({ n: count() }).from(tenants))[0]?.n,
        users: (await tx.select({ n: count() }).from(users))[0]?.n,
      }));
      expect(counted).toEqual({ tenants: 0, users: 0 });
      // The first platform administrator comes from configuration, and nothing else does.
      const configured = parseEnv({
        NODE_ENV: 'production',
        NEXTAUTH_SECRET: 'x'.repeat(40),
        PLATFORM_ADMIN_EMAILS: ' First@LA.example, ',
      });
      await prepareDatabase(fresh.database, {
        demo: false,
        platformAdminEmails: configured.PLATFORM_ADMIN_EMAILS,
      });
      const after = await withPlatform(fresh.database.db, async (tx) => ({
        tenants: (await tx.select({ n: count() }).from(tenants))[0]?.n,
        users: await tx.select({ email: users.email, isSuperadmin: users.isSuperadmin }).from(users),
      }));
      expect(after).toEqual({ tenants: 0, users: [{ email: 'first@la.example', isSuperadmin: true }] });
      // They have given no name yet: the header shows their address, not the stand-in "first".
      const [admin] = await withPlatform(fresh.database.db, (tx) =>
        tx.select({ name: users.name, email: users.email }).from(users),
      );
      expect(admin && shownName(admin)).toBe('first@la.example');
      // STRIDE_DEMO=1 seeds the demo workspaces into an empty database only.
      expect(
        parseEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(40), STRIDE_DEMO: '1' }).STRIDE_DEMO,
      ).toBe('1');
    } finally {
      await fresh.drop();
    }
  });

  it('has neither the demo sign-in nor the outbox unless asked, and never in production', async () => {
    expect(devToolsEnabled({ NODE_ENV: 'production', STRIDE_DEV_TOOLS: '1' })).toBe(false);
    expect(devToolsEnabled({ NODE_ENV: 'development' })).toBe(false);
    expect(devToolsEnabled({} as NodeJS.ProcessEnv)).toBe(false);
    expect(devToolsEnabled({ NODE_ENV: 'development', STRIDE_DEV_TOOLS: '1' })).toBe(true);
    expect(() =>
      parseEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(40), STRIDE_DEV_TOOLS: '1' }),
    ).toThrow(/STRIDE_DEV_TOOLS/);
    // This run sets no STRIDE_DEV_TOOLS: the procedures answer NOT_FOUND and sign-in has no demo provider.
    const database = await openTestDatabase();
    expect(await codeOf(anonymousCaller(database.db).dev.outbox())).toBe('NOT_FOUND');
    expect(await codeOf(anonymousCaller(database.db).dev.demoUsers())).toBe('NOT_FOUND');
    expect(authOptions().providers.map((p) => p.id)).not.toContain('demo');
  });
});

/** A brand-new empty database of the same engine as the run (a throw-away PostgreSQL database, or PGlite). */
async function openEmptyDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (!onPostgres) {
    const database = await openDatabase({ kind: 'pglite' });
    return { database, drop: () => database.close() };
  }
  const url = new URL(process.env.DATABASE_URL ?? '');
  const name = `${url.pathname.slice(1)}_empty_${run.replace(/[^a-z0-9]/g, '')}`;
  const admin = await openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 1 });
  await admin.db.execute(sql.raw(`create database "${name}"`));
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: target.toString(), maxConnections: 2 });
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.db.execute(sql.raw(`drop database if exists "${name}" with (force)`));
      await admin.close();
    },
  };
}
