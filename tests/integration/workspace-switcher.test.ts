import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withPlatform, type Database } from '~/db/client';
import { tenants } from '~/db/schema';
import { addMembership, callerAs, makeTenant, makeUser, type MadeUser } from '../fixtures/factories';
import { openTestDatabase } from './harness';

describe("the workspace switcher: a person's workspaces and roles", () => {
  let database: Database;
  let person: MadeUser;
  let zeta: { slug: string };
  let alpha: { slug: string };
  let closed: { slug: string };

  beforeAll(async () => {
    database = await openTestDatabase();
    person = await makeUser(database.db);
    const tag = person.id.slice(0, 8);
    // Made out of name order: the list is in name order.
    zeta = await makeTenant(database.db, { name: `Zeta Partnership ${tag}` });
    alpha = await makeTenant(database.db, { name: `Alpha Council ${tag}` });
    closed = await makeTenant(database.db, { name: `Middle Trust ${tag}` });
    await addMembership(database.db, await idOf(zeta.slug), person.id, 'adviser');
    await addMembership(database.db, await idOf(zeta.slug), person.id, 'tenant_admin');
    await addMembership(database.db, await idOf(alpha.slug), person.id, 'la_officer');
    await addMembership(database.db, await idOf(closed.slug), person.id, 'adviser');
    await withPlatform(database.db, (tx) =>
      tx
        .update(tenants)
        .set({ suspendedAt: new Date(), suspendedReason: 'Test' })
        .where(eq(tenants.slug, closed.slug)),
    );
    // Someone else's workspace, which must not appear.
    const other = await makeUser(database.db);
    await addMembership(database.db, await idOf(alpha.slug), other.id, 'adviser');
    await addMembership(database.db, (await makeTenant(database.db)).id, other.id, 'adviser');
  });

  async function idOf(slug: string) {
    const [row] = await withPlatform(database.db, (tx) =>
      tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug)),
    );
    if (!row) throw new Error(`no workspace ${slug}`);
    return row.id;
  }

  it('lists each of their workspaces once, in name order, with all their roles there and whether it is suspended', async () => {
    const expected = [
      { slug: alpha.slug, roles: ['la_officer'], suspended: false, kind: 'la' },
      { slug: closed.slug, roles: ['adviser'], suspended: true, kind: 'la' },
      { slug: zeta.slug, roles: ['adviser', 'tenant_admin'], suspended: false, kind: 'la' },
    ];
    const mine = await callerAs(database.db, person, null).workspaces.mine();
    expect(
      mine.map(({ slug, roles, suspended, kind }) => ({ slug, roles: [...roles].sort(), suspended, kind })),
    ).toEqual(expected);
    expect(mine[0]?.name).toMatch(/^Alpha Council /);
    expect(mine[0]?.shortName).toBe(mine[0]?.name);
    // The same list comes with every page of a workspace.
    const current = await callerAs(database.db, person, zeta.slug).workspaces.current();
    expect(current.mine).toEqual(mine);
  });
});
