import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withPlatform, type Database } from '~/db/client';
import { platformAuditLog, users } from '~/db/schema';
import { addMembership, callerAs, makeTenant, makeUser, type MadeUser } from '../fixtures/factories';
import { openTestDatabase } from './harness';

describe("a person's own account", () => {
  let database: Database;
  let person: MadeUser;
  let other: MadeUser;
  let workspace: { id: string; slug: string; name: string };

  beforeAll(async () => {
    database = await openTestDatabase();
    person = await makeUser(database.db, { jobTitle: 'Adviser' });
    other = await makeUser(database.db, { name: 'Someone Else' });
    workspace = await makeTenant(database.db);
    await addMembership(database.db, workspace.id, person.id, 'adviser');
  });

  it('shows their name, address, job title and workspaces with their roles', async () => {
    const mine = await callerAs(database.db, person, null).account.mine();
    expect(mine).toMatchObject({
      name: person.name,
      email: person.email,
      jobTitle: 'Adviser',
      namedYet: true,
    });
    expect(mine.workspaces.map((w) => ({ slug: w.slug, roles: w.roles }))).toEqual([
      { slug: workspace.slug, roles: ['adviser'] },
    ]);
  });

  it('gives no name while the account still has the stand-in made from its address', async () => {
    const unnamed = await makeUser(database.db, { email: 'pat.jones@school.example', name: 'pat.jones' });
    const mine = await callerAs(database.db, unnamed, null).account.mine();
    expect(mine).toMatchObject({ name: '', namedYet: false, workspaces: [] });
  });

  it('renames only their own account, whatever else is sent', async () => {
    const caller = callerAs(database.db, person, null);
    const saved = await caller.account.update({
      name: '  Priya Shah ',
      jobTitle: 'Senior adviser',
      // Not part of the input: stripped by the schema, never reaches the update.
      ...({ id: other.id, email: 'taken@example.com' } as object),
    } as { name: string; jobTitle: string });
    expect(saved).toEqual({ name: 'Priya Shah', jobTitle: 'Senior adviser' });
    const [otherRow] = await withPlatform(database.db, (tx) =>
      tx.select({ name: users.name }).from(users).where(eq(users.id, other.id)),
    );
    expect(otherRow?.name).toBe('Someone Else');
    const [row] = await withPlatform(database.db, (tx) =>
      tx.select({ email: users.email }).from(users).where(eq(users.id, person.id)),
    );
    expect(row?.email).toBe(person.email);
    // Recorded as theirs in the platform log (it names them in every workspace they belong to).
    const logged = await withPlatform(database.db, (tx) =>
      tx
        .select({ action: platformAuditLog.action, details: platformAuditLog.details })
        .from(platformAuditLog)
        .where(eq(platformAuditLog.actorUserId, person.id)),
    );
    expect(logged).toEqual([
      { action: 'account.update', details: expect.objectContaining({ name: '  Priya Shah ' }) },
    ]);
    // An empty job title clears it.
    expect(await caller.account.update({ name: 'Priya Shah', jobTitle: ' ' })).toEqual({
      name: 'Priya Shah',
      jobTitle: null,
    });
  });

  it('refuses an empty name with a message for the field, and anyone not signed in', async () => {
    await expect(
      callerAs(database.db, person, null).account.update({ name: ' ', jobTitle: '' }),
    ).rejects.toThrow('Enter your name.');
    const { createCaller } = await import('~/server/routers');
    const anonymous = createCaller({
      db: database.db,
      session: null,
      tenantSlug: null,
      appUrl: 'http://localhost',
    });
    await expect(anonymous.account.mine()).rejects.toThrow('Please sign in to continue.');
  });
});
