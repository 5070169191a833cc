import { TRPCError } from '@trpc/server';
import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { auditLog, membershipHistory, memberships, outboxEmails } from '~/db/schema';
import { withMailroom } from '~/server/email/outbox';
import { callerFor, openTestDatabase, tenantBySlug, userByEmail } from './harness';

/**
 * A manager takes on another staff role themselves (a head of school improvement who also advises schools),
 * on People and roles, with no invitation to their own address; only a manager may, never the last manager's
 * own managing, and only in the workspace they manage.
 */
let database: Database;
const run = Date.now().toString(36);
const la = { slug: `selfrole-la-${run}`, manager: `lead-${run}@selfrole.example` };
const other = { slug: `selfrole-np-${run}`, manager: `partner-${run}@selfrole.example` };
const adviserEmail = `adviser-${run}@selfrole.example`;
const secondManager = `deputy-${run}@selfrole.example`;

async function acceptInvitation(email: string, slug: string, name: string) {
  const [row] = await withMailroom(database.db, (tx) =>
    tx
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.to, email))
      .orderBy(desc(outboxEmails.createdAt))
      .limit(1),
  );
  const token = row?.text?.match(/\/invite\/[a-z0-9-]+\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no invitation emailed to ${email}`);
  const person = await callerFor(database.db, email, slug);
  await person.joining.accept({ token, name });
  return person;
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    throw error;
  }
  return { code: 'OK', message: '' };
}

async function rolesOf(email: string, slug: string) {
  const [{ id: tenantId }, user] = await Promise.all([
    tenantBySlug(database.db, slug),
    userByEmail(database.db, email),
  ]);
  const rows = await withTenant(database.db, tenantId, (tx) =>
    tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, user.id))),
  );
  return rows.map((r) => r.role).sort();
}

beforeAll(async () => {
  database = await openTestDatabase();
  const admin = await callerFor(database.db, 'platform@stride.example', null);
  await admin.platform.createWorkspace({
    name: `Selfrole County Council ${run}`,
    shortName: 'Selfrole',
    slug: la.slug,
    kind: 'la',
    laCodes: ['998'],
    modules: ['traded', 'courses', 'statutory'],
    managerEmail: la.manager,
  });
  await admin.platform.createWorkspace({
    name: `Selfrole Partnership ${run}`,
    shortName: 'SP',
    slug: other.slug,
    kind: 'provider',
    modules: ['traded', 'courses'],
    managerEmail: other.manager,
  });
  await acceptInvitation(la.manager, la.slug, 'Lee Lead');
  await acceptInvitation(other.manager, other.slug, 'Pat Partner');
  // The LA's manager also advises for the partnership (invited there as an adviser).
  const partner = await callerFor(database.db, other.manager, other.slug);
  await partner.members.invite({ email: la.manager, role: 'adviser' });
  await acceptInvitation(la.manager, other.slug, 'Lee Lead');
  // An adviser of the LA's own.
  const lead = await callerFor(database.db, la.manager, la.slug);
  await lead.members.invite({ email: adviserEmail, role: 'adviser' });
  await acceptInvitation(adviserEmail, la.slug, 'Ash Adviser');
});

describe('a manager’s own roles', () => {
  it('a manager gives themselves the adviser role: they are among the advisers, and it is audited', async () => {
    const lead = await callerFor(database.db, la.manager, la.slug);
    expect((await lead.register.advisers()).map((a) => a.name)).toEqual(['Ash Adviser']);
    const own = await lead.members.ownRoles();
    expect(own.held).toEqual(['tenant_admin']);
    // Staff roles only, those an LA has: never a school's.
    expect(own.choices.map((c) => c.value)).toEqual(['tenant_admin', 'finance', 'adviser', 'la_officer']);

    const result = await lead.members.setOwnRoles({ roles: ['tenant_admin', 'adviser'] });
    expect(result).toMatchObject({ added: ['adviser'], removed: [] });
    expect((await lead.register.advisers()).map((a) => a.name).sort()).toEqual(['Ash Adviser', 'Lee Lead']);
    expect((await lead.members.ownRoles()).held.sort()).toEqual(['adviser', 'tenant_admin']);

    const { id: tenantId } = await tenantBySlug(database.db, la.slug);
    const me = await userByEmail(database.db, la.manager);
    const audited = await withTenant(database.db, tenantId, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'members.setOwnRoles'), eq(auditLog.actorUserId, me.id))),
    );
    expect(audited).toHaveLength(1);
    expect(audited[0]?.resultIds).toEqual({ userId: me.id });

    // Saving the same roles again changes nothing.
    expect(await lead.members.setOwnRoles({ roles: ['adviser', 'tenant_admin'] })).toMatchObject({
      added: [],
      removed: [],
    });
  });

  it('the only manager cannot give up managing, and is told why', async () => {
    const lead = await callerFor(database.db, la.manager, la.slug);
    const refused = await refusal(lead.members.setOwnRoles({ roles: ['adviser'] }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('only manager');
    expect(await rolesOf(la.manager, la.slug)).toEqual(['adviser', 'tenant_admin']);
  });

  it('nobody but a manager grants themselves a role', async () => {
    const adviser = await callerFor(database.db, adviserEmail, la.slug);
    expect((await refusal(adviser.members.setOwnRoles({ roles: ['adviser', 'tenant_admin'] }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(adviser.members.setOwnRoles({ roles: ['adviser', 'finance'] }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(adviser.members.ownRoles())).code).toBe('FORBIDDEN');
    expect(await rolesOf(adviserEmail, la.slug)).toEqual(['adviser']);
  });

  it('a school’s role, or a role the workspace does not have, cannot be taken on', async () => {
    const lead = await callerFor(database.db, la.manager, la.slug);
    const schoolRole = { roles: ['tenant_admin', 'school_admin'] } as unknown as Parameters<
      typeof lead.members.setOwnRoles
    >[0];
    expect((await refusal(lead.members.setOwnRoles(schoolRole))).code).toBe('BAD_REQUEST');
    const partner = await callerFor(database.db, other.manager, other.slug);
    const noOfficers = await refusal(partner.members.setOwnRoles({ roles: ['tenant_admin', 'la_officer'] }));
    expect(noOfficers.code).toBe('BAD_REQUEST');
    expect(await rolesOf(other.manager, other.slug)).toEqual(['tenant_admin']);
  });

  it('only in the workspace they manage: another workspace’s roles are neither changed nor counted', async () => {
    // In the partnership the LA's manager is an adviser, not its manager: refused there.
    const asAdviserThere = await callerFor(database.db, la.manager, other.slug);
    expect(
      (await refusal(asAdviserThere.members.setOwnRoles({ roles: ['adviser', 'tenant_admin'] }))).code,
    ).toBe('FORBIDDEN');
    expect(await rolesOf(la.manager, other.slug)).toEqual(['adviser']);

    // Giving up the LA's adviser role leaves the partnership's adviser role (visible to them) as it was.
    const lead = await callerFor(database.db, la.manager, la.slug);
    expect(await lead.members.setOwnRoles({ roles: ['tenant_admin'] })).toMatchObject({
      added: [],
      removed: ['adviser'],
    });
    expect((await lead.members.ownRoles()).held).toEqual(['tenant_admin']);
    expect(await rolesOf(la.manager, la.slug)).toEqual(['tenant_admin']);
    expect(await rolesOf(la.manager, other.slug)).toEqual(['adviser']);
    expect((await lead.register.advisers()).map((a) => a.name)).toEqual(['Ash Adviser']);
  });

  it('with a second manager, a manager may give up managing; the role given up stays in the history', async () => {
    const lead = await callerFor(database.db, la.manager, la.slug);
    await lead.members.invite({ email: secondManager, role: 'tenant_admin' });
    await acceptInvitation(secondManager, la.slug, 'Dee Deputy');
    await lead.members.setOwnRoles({ roles: ['tenant_admin', 'adviser'] });
    expect(await lead.members.setOwnRoles({ roles: ['adviser'] })).toMatchObject({
      added: [],
      removed: ['tenant_admin'],
    });
    expect(await rolesOf(la.manager, la.slug)).toEqual(['adviser']);
    const { id: tenantId } = await tenantBySlug(database.db, la.slug);
    const me = await userByEmail(database.db, la.manager);
    const history = await withTenant(database.db, tenantId, (tx) =>
      tx.select().from(membershipHistory).where(eq(membershipHistory.userId, me.id)),
    );
    expect(history.map((h) => [h.role, h.reason]).sort()).toEqual([
      ['adviser', 'removed'],
      ['tenant_admin', 'removed'],
    ]);
    // No longer a manager, they cannot take it back themselves.
    const now = await callerFor(database.db, la.manager, la.slug);
    expect((await refusal(now.members.setOwnRoles({ roles: ['adviser', 'tenant_admin'] }))).code).toBe(
      'FORBIDDEN',
    );
  });
  it('someone who belongs to two workspaces is counted, listed and checked in each by their roles there only', async () => {
    // Lee manages the LA and advises for the partnership; inside the partnership, their LA roles (which they may
    // read, for the workspace switcher) are not this workspace's people.
    const inPartnership = await callerFor(database.db, la.manager, other.slug);
    const figures = await inPartnership.workspaces.figures();
    expect(figures?.memberships).toBe(2);
    const mine = (await inPartnership.workspaces.current()).mine.map((w) => w.slug).sort();
    expect(mine).toEqual([la.slug, other.slug].sort());
  });
});
