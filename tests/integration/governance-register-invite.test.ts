import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { outboxEmails } from '~/db/schema';
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
});
