import { callTRPCProcedure } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '~/db/client';
import { type Database } from '~/db/client';
import { moduleKeys, type ModuleKey } from '~/db/schema';
import { appRouter } from '~/server/routers';
import type { Context } from '~/server/trpc';
import { moduleTitles } from '~/server/workspaces/module-titles';
import { makeWorkspaceWithEveryRole, type MadeTenant, type MadeUser } from '../fixtures/factories';
import { openTestDatabase, testAppUrl } from './harness';
import { allProcedures } from './procedures';

const procedures = allProcedures();
/** Every module some procedure belongs to: new modules join this test on their own. */
const modulesInUse = [
  ...new Set(
    procedures.flatMap((p) =>
      p.meta?.access.kind === 'tenant' && p.meta.access.module !== 'core' ? [p.meta.access.module] : [],
    ),
  ),
].sort() as ModuleKey[];

function call(ctx: Context, path: string, type: string, input: unknown) {
  return callTRPCProcedure({
    router: appRouter,
    path,
    type: type === 'mutation' ? 'mutation' : 'query',
    ctx,
    getRawInput: async () => input,
    signal: undefined,
    batchIndex: 0,
  });
}

const contextFor = (db: Db, user: MadeUser, tenant: MadeTenant): Context => ({
  db,
  session: { id: user.id, email: user.email, name: user.name, isSuperadmin: false },
  tenantSlug: tenant.slug,
  appUrl: testAppUrl,
});

describe('a module switched off refuses every procedure of that module', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('finds the modules the router uses', () => {
    expect(modulesInUse).toEqual(expect.arrayContaining(['statutory', 'traded', 'commissioning']));
  });

  it.each(modulesInUse)(
    '%s: FORBIDDEN in a workspace with every other module, to a user with every role',
    async (module) => {
      const { tenant, user } = await makeWorkspaceWithEveryRole(
        database.db,
        moduleKeys.filter((m) => m !== module),
      );
      const ctx = contextFor(database.db, user, tenant);
      const ofModule = procedures.filter(
        (p) => p.meta?.access.kind === 'tenant' && p.meta.access.module === module,
      );
      expect(ofModule.length).toBeGreaterThan(0);
      for (const { path, type } of ofModule) {
        // No input at all: the module check comes before any input validation.
        await expect(call(ctx, path, type, undefined), path).rejects.toMatchObject({
          code: 'FORBIDDEN',
          message: `${moduleTitles[module]} is not switched on for ${tenant.name}.`,
        });
      }
    },
  );
});

/** The database handle with its top-level transactions counted (nested ones are savepoints on the tx). */
function counting(db: Db) {
  const counter = { transactions: 0 };
  const wrapped = new Proxy(db, {
    get(target, key, receiver) {
      if (key === 'transaction') {
        return (...args: Parameters<Db['transaction']>) => {
          counter.transactions += 1;
          return target.transaction(...args);
        };
      }
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: wrapped, counter };
}

describe('one transaction per request', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('a tenant query opens exactly one', async () => {
    const { tenant, user, school } = await makeWorkspaceWithEveryRole(database.db, moduleKeys);
    const { db, counter } = counting(database.db);
    const ctx = contextFor(db, user, tenant);
    const found = (await call(ctx, 'schools.byId', 'query', { id: school.id })) as { id: string };
    expect(found.id).toBe(school.id);
    expect(counter.transactions).toBe(1);
  });

  it('a tenant mutation that queues no email opens exactly one (its audit row included)', async () => {
    const { tenant, user, school } = await makeWorkspaceWithEveryRole(database.db, moduleKeys);
    const { db, counter } = counting(database.db);
    const ctx = contextFor(db, user, tenant);
    await call(ctx, 'schools.updateNotes', 'mutation', { id: school.id, notes: 'Counted' });
    expect(counter.transactions).toBe(1);
    // The change and its audit row both landed (in that one transaction).
    const audit = (await call(contextFor(database.db, user, tenant), 'audit.list', 'query', {})) as unknown;
    expect(JSON.stringify(audit)).toContain('schools.updateNotes');
  });
});
