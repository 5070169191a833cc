import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '~/db/client';
import { makeWorkspaceWithEveryRole } from '../fixtures/factories';

/**
 * The module check of `tenantProcedure`, on an empty embedded database (migrated, nothing seeded): a workspace
 * without a module is refused that module's procedures, in words that say which module, whatever the caller's
 * roles; the same caller reaches the modules the workspace has.
 */
describe('the module gate', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite' });
    await database.migrate();
  }, 120_000);
  afterAll(() => database.close());

  it('refuses a workspace without the statutory module, naming the module and the workspace', async () => {
    const { caller, tenant } = await makeWorkspaceWithEveryRole(database.db, ['traded']);
    await expect(caller.register.list({ sort: 'name' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: `Statutory monitoring is not switched on for ${tenant.name}.`,
    });
    // A mutation is refused before its input is looked at.
    await expect(caller.visits.generatePlan({} as never)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: `Statutory monitoring is not switched on for ${tenant.name}.`,
    });
  });

  it('refuses a workspace without traded services the same way, and lets it use what it has', async () => {
    const { caller, tenant } = await makeWorkspaceWithEveryRole(database.db, ['statutory']);
    await expect(caller.catalogue.years()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: `Traded services is not switched on for ${tenant.name}.`,
    });
    await expect(caller.register.list({ sort: 'name' })).resolves.toMatchObject({ rows: [] });
    // Core procedures need no module.
    await expect(caller.workspaces.current()).resolves.toMatchObject({ tenant: { slug: tenant.slug } });
  });
});
