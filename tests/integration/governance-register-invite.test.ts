import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { invitations, outboxEmails } from '~/db/schema';
import { withMailroom } from '~/server/email/outbox';
import {
  addMembership,
  callerAs,
  makeSchool,
  makeTenant,
  makeUser,
  uniqueTag,
  type MadeTenant,
  type MadeUser,
} from '../fixtures/factories';
import { openTestDatabase, userByEmail } from './harness';

/** The token in the newest invitation emailed to an address. */
async function invitationTokenFor(database: Database, email: string): Promise<string> {
  const [row] = await withMailroom(database.db, (tx) =>
    tx
      .select({ text: outboxEmails.text })
      .from(outboxEmails)
      .where(eq(outboxEmails.to, email))
      .orderBy(desc(outboxEmails.createdAt))
      .limit(1),
  );
  const token = row?.text?.match(/\/invite\/[a-z0-9-]+\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no invitation emailed to ${email}`);
  return token;
}

/**
 * Inviting from a board's register, through the tRPC caller: who has access, who is invited and who has
 * neither; the register's keepers invite, the accepted invitation links the entry, an invited clerk keeps the
 * register; nobody else (a plain governor, another school's governor, another workspace) invites or reads.
 */
describe('inviting governors and clerks from the register', () => {
  let database: Database;
  let tenant: MadeTenant;
  let elm: { id: string };
  let oak: { id: string };
  let manager: MadeUser;
  let chair: MadeUser;
  let pat: MadeUser;
  let oakGovernor: MadeUser;
  let elmHead: MadeUser;
  let otherManager: MadeUser;
  let otherTenant: MadeTenant;
  const tag = uniqueTag();
  const clerkEmail = `cleo.${tag}@elm.example`;
  const parentEmail = `nia.${tag}@elm.example`;
  const ids: Record<string, string> = {};

  const as = (u: MadeUser) => callerAs(database.db, u, tenant.slug);
  const entry = (name: string, category: string, extra: Record<string, unknown> = {}) => ({
    schoolId: elm.id,
    name,
    category,
    appointedOn: '2024-09-01',
    ...extra,
  });
  const row = async (name: string, who: MadeUser = manager) =>
    (await as(who).governance.board({ schoolId: elm.id })).current.find((g) => g.name === name);

  beforeAll(async () => {
    database = await openTestDatabase();
    tenant = await makeTenant(database.db, { modules: ['governance', 'courses'] });
    elm = await makeSchool(database.db, tenant.id, { name: 'Elm Primary' });
    oak = await makeSchool(database.db, tenant.id, { name: 'Oak Primary' });
    manager = await makeUser(database.db, { name: 'Max Manager' });
    await addMembership(database.db, tenant.id, manager.id, 'tenant_admin');
    chair = await makeUser(database.db, { name: 'Cai Chair' });
    pat = await makeUser(database.db, { name: 'Pat Parent' });
    for (const u of [chair, pat]) await addMembership(database.db, tenant.id, u.id, 'governor', elm.id);
    oakGovernor = await makeUser(database.db, { name: 'Olly Oak' });
    await addMembership(database.db, tenant.id, oakGovernor.id, 'governor', oak.id);
    elmHead = await makeUser(database.db, { name: 'Hana Head' });
    await addMembership(database.db, tenant.id, elmHead.id, 'school_admin', elm.id);
    const keeper = as(manager).governance;
    for (const e of [
      entry('Cai Chair', 'co_opted', { email: chair.email, office: 'chair' }),
      entry('Pat Parent', 'parent', { email: pat.email }),
      entry('Cleo Clerk', 'clerk', { email: clerkEmail.toUpperCase() }),
      entry('Nia New', 'parent', { email: parentEmail }),
      entry('Ned Noemail', 'staff'),
    ])
      ids[e.name] = (await keeper.addGovernor(e as never)).id;
    otherTenant = await makeTenant(database.db, { modules: ['governance', 'courses'] });
    otherManager = await makeUser(database.db, { name: 'Other Manager' });
    await addMembership(database.db, otherTenant.id, otherManager.id, 'tenant_admin');
  });

  it('the register says who has access and who has neither', async () => {
    expect((await row('Cai Chair'))?.access).toEqual({ state: 'access', role: 'governor' });
    expect((await row('Pat Parent'))?.access).toEqual({ state: 'access', role: 'governor' });
    expect((await row('Cleo Clerk'))?.access).toEqual({ state: 'none' });
    expect((await row('Ned Noemail'))?.access).toEqual({ state: 'none' });
  });

  it('the manager invites a governor from the register; accepting links the entry and gives access', async () => {
    const sent = await as(manager).governance.inviteFromRegister({ governorId: ids['Nia New'] ?? '' });
    expect(sent.email).toBe(parentEmail);
    const invited = (await row('Nia New'))?.access;
    expect(invited).toMatchObject({ state: 'invited' });
    expect(invited?.state === 'invited' && invited.invitedAt).toBeInstanceOf(Date);
    const [mail] = await withMailroom(database.db, (tx) =>
      tx.select().from(outboxEmails).where(eq(outboxEmails.to, parentEmail)),
    );
    expect(mail?.subject).toContain('You are invited to');
    expect(mail?.text).toContain('Elm Primary');
    expect(mail?.text).toContain('book governor training');
    const nia = await userByEmail(database.db, parentEmail);
    await callerAs(database.db, nia, tenant.slug).joining.accept({
      token: await invitationTokenFor(database, parentEmail),
      name: 'Nia New',
    });
    expect((await row('Nia New'))?.access).toEqual({ state: 'access', role: 'governor' });
    expect((await row('Nia New'))?.userId).toBe(nia.id);
    expect(await as(nia).governance.mine()).toEqual([
      expect.objectContaining({ name: 'Nia New', schoolId: elm.id, keepsBoard: false }),
    ]);
    // Someone with access is not invited again.
    await expect(
      as(manager).governance.inviteFromRegister({ governorId: ids['Nia New'] ?? '' }),
    ).rejects.toThrow('Nia New already has access to Stride for this board.');
  });

  it('the chair invites the clerk, who on accepting keeps the register and books the board’s training', async () => {
    await as(chair).governance.inviteFromRegister({ governorId: ids['Cleo Clerk'] ?? '' });
    // Sending again replaces the waiting link: still one invitation waiting.
    await as(chair).governance.inviteFromRegister({ governorId: ids['Cleo Clerk'] ?? '' });
    expect((await row('Cleo Clerk', chair))?.access).toMatchObject({ state: 'invited' });
    const clerk = await userByEmail(database.db, clerkEmail);
    await callerAs(database.db, clerk, tenant.slug).joining.accept({
      token: await invitationTokenFor(database, clerkEmail),
      name: 'Cleo Clerk',
    });
    const asClerk = as(clerk).governance;
    expect(await asClerk.mine()).toEqual([expect.objectContaining({ name: 'Cleo Clerk', keepsBoard: true })]);
    expect((await asClerk.board({ schoolId: elm.id })).current.map((g) => g.name)).toContain('Pat Parent');
    await asClerk.addGovernor(entry('Vi Vice', 'co_opted', { office: 'vice_chair' }) as never);
    expect(await asClerk.boardTraining({ schoolId: elm.id })).toBeTruthy();
    expect((await row('Cleo Clerk'))?.access).toEqual({ state: 'access', role: 'governor' });
  });

  it('an entry with no email, or the headteacher, is not invited from the register', async () => {
    await expect(
      as(manager).governance.inviteFromRegister({ governorId: ids['Ned Noemail'] ?? '' }),
    ).rejects.toThrow('Add Ned Noemail’s email address to the register first');
    const head = await as(manager).governance.addGovernor(
      entry('Hal Head', 'headteacher', { email: `hal.${tag}@elm.example` }) as never,
    );
    await expect(as(manager).governance.inviteFromRegister({ governorId: head.id })).rejects.toThrow(
      'invite them from People and roles',
    );
  });

  it('a plain governor, another school’s governor and another workspace can neither invite nor read', async () => {
    const governorId = ids['Ned Noemail'] ?? '';
    await expect(as(pat).governance.inviteFromRegister({ governorId })).rejects.toThrow(
      'Only the chair, the clerk or the headteacher can keep the board’s register.',
    );
    await expect(as(oakGovernor).governance.inviteFromRegister({ governorId })).rejects.toThrow(
      'That governing board was not found.',
    );
    await expect(as(oakGovernor).governance.board({ schoolId: elm.id })).rejects.toThrow(
      'That governing board was not found.',
    );
    // Another workspace's manager, in their own workspace: the entry does not exist there.
    const other = callerAs(database.db, otherManager, otherTenant.slug).governance;
    await expect(other.inviteFromRegister({ governorId })).rejects.toThrow('That governor was not found.');
    await expect(other.board({ schoolId: elm.id })).rejects.toThrow('That governing board was not found.');
    // …and in this workspace they are no member at all.
    await expect(
      callerAs(database.db, otherManager, tenant.slug).governance.inviteFromRegister({ governorId }),
    ).rejects.toThrow();
  });
  /** Adds a current member with an email to Elm's register and invites them from it; their address. */
  const invited = async (name: string) => {
    const email = `${name.split(' ')[0]?.toLowerCase()}.${tag}@elm.example`;
    const { id } = await as(manager).governance.addGovernor(entry(name, 'co_opted', { email }) as never);
    ids[name] = id;
    await as(manager).governance.inviteFromRegister({ governorId: id });
    return email;
  };

  it('those who invite withdraw an invitation: the register reads not invited and the link stops working', async () => {
    for (const [name, who] of [
      ['Wyn Withdrawn', manager],
      ['Wil Withdrawn', chair],
      ['Wes Withdrawn', elmHead],
    ] as const) {
      const email = await invited(name);
      const token = await invitationTokenFor(database, email);
      expect((await row(name))?.access).toMatchObject({ state: 'invited', role: 'governor' });
      await expect(
        as(who).governance.withdrawRegisterInvitation({ governorId: ids[name] ?? '' }),
      ).resolves.toEqual({ governorId: ids[name], email });
      expect((await row(name))?.access).toEqual({ state: 'none' });
      const person = await userByEmail(database.db, email);
      await expect(
        callerAs(database.db, person, tenant.slug).joining.accept({ token, name }),
      ).rejects.toThrow('This invitation was withdrawn or replaced by a newer one.');
      await expect(as(person).governance.mine()).rejects.toThrow();
    }
    // Nothing waits any more: a second withdrawal says so.
    await expect(
      as(manager).governance.withdrawRegisterInvitation({ governorId: ids['Wyn Withdrawn'] ?? '' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Wyn Withdrawn has no invitation waiting, so there is nothing to withdraw.',
    });
  });

  it('after a withdrawal the member can be sent a new invitation, which works', async () => {
    const email = `wil.${tag}@elm.example`;
    await as(chair).governance.inviteFromRegister({ governorId: ids['Wil Withdrawn'] ?? '' });
    expect((await row('Wil Withdrawn'))?.access).toMatchObject({ state: 'invited' });
    const wil = await userByEmail(database.db, email);
    await callerAs(database.db, wil, tenant.slug).joining.accept({
      token: await invitationTokenFor(database, email),
      name: 'Wil Withdrawn',
    });
    expect((await row('Wil Withdrawn'))?.access).toEqual({ state: 'access', role: 'governor' });
  });

  it('a withdrawn invitation reads not invited, even where an older one ran out before it', async () => {
    const email = await invited('Ezra Expired');
    // The first invitation runs out unanswered; the register says so, and the member is invited again.
    await withTenant(database.db, tenant.id, (tx) =>
      tx
        .update(invitations)
        .set({ expiresAt: new Date(Date.now() - 60_000) })
        .where(and(eq(invitations.email, email), eq(invitations.schoolId, elm.id))),
    );
    expect((await row('Ezra Expired'))?.access).toMatchObject({ state: 'expired' });
    await as(manager).governance.inviteFromRegister({ governorId: ids['Ezra Expired'] ?? '' });
    await as(manager).governance.withdrawRegisterInvitation({ governorId: ids['Ezra Expired'] ?? '' });
    expect((await row('Ezra Expired'))?.access).toEqual({ state: 'none' });
    // An expired invitation alone is nothing to withdraw (its link already does not work).
    await withTenant(database.db, tenant.id, (tx) =>
      tx
        .update(invitations)
        .set({ revokedAt: null })
        .where(and(eq(invitations.email, email), eq(invitations.schoolId, elm.id))),
    );
    await withTenant(database.db, tenant.id, (tx) =>
      tx
        .update(invitations)
        .set({ expiresAt: new Date(Date.now() - 60_000) })
        .where(and(eq(invitations.email, email), eq(invitations.schoolId, elm.id))),
    );
    await expect(
      as(manager).governance.withdrawRegisterInvitation({ governorId: ids['Ezra Expired'] ?? '' }),
    ).rejects.toThrow('Ezra Expired has no invitation waiting');
  });

  it('a plain governor, another school’s governor and another workspace cannot withdraw, and the link still works', async () => {
    const email = await invited('Kit Kept');
    const governorId = ids['Kit Kept'] ?? '';
    await expect(as(pat).governance.withdrawRegisterInvitation({ governorId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only the chair, the clerk or the headteacher can keep the board’s register.',
    });
    await expect(as(oakGovernor).governance.withdrawRegisterInvitation({ governorId })).rejects.toMatchObject(
      { code: 'NOT_FOUND', message: 'That governing board was not found.' },
    );
    await expect(
      callerAs(database.db, otherManager, otherTenant.slug).governance.withdrawRegisterInvitation({
        governorId,
      }),
    ).rejects.toThrow('That governor was not found.');
    await expect(
      callerAs(database.db, otherManager, tenant.slug).governance.withdrawRegisterInvitation({ governorId }),
    ).rejects.toThrow();
    await expect(
      as(manager).governance.withdrawRegisterInvitation({ governorId: 'not-an-id' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await row('Kit Kept'))?.access).toMatchObject({ state: 'invited' });
    const kit = await userByEmail(database.db, email);
    await callerAs(database.db, kit, tenant.slug).joining.accept({
      token: await invitationTokenFor(database, email),
      name: 'Kit Kept',
    });
    expect((await row('Kit Kept'))?.access).toEqual({ state: 'access', role: 'governor' });
  });

  it('a headteacher’s invitation to the school is not withdrawn from the register', async () => {
    const email = `sam.${tag}@elm.example`;
    const { id } = await as(manager).governance.addGovernor(entry('Sam Staff', 'staff', { email }) as never);
    await as(manager).members.invite({ email, role: 'school_admin', schoolId: elm.id });
    expect((await row('Sam Staff'))?.access).toMatchObject({ state: 'invited', role: 'school_admin' });
    await expect(as(chair).governance.withdrawRegisterInvitation({ governorId: id })).rejects.toThrow(
      'Sam Staff has no invitation waiting',
    );
    expect((await row('Sam Staff'))?.access).toMatchObject({ state: 'invited', role: 'school_admin' });
  });
});
