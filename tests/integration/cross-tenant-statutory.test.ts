import { callTRPCProcedure, TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { withTenant, type Database } from '~/db/client';
import { appRouter } from '~/server/routers';
import type { Context } from '~/server/trpc';
import { openTestDatabase, rowsOf, tenantBySlug, testAppUrl, userByEmail } from './harness';
import { allProcedures, foreignInputs, type ForeignIds } from './procedures';

/**
 * The generic cross-tenant test attacks from a partnership (BEP), which the statutory procedures refuse at the
 * module check before any data is touched. Here the attacker is another LA's head of school improvement (Harrow:
 * same modules, every role-gate open) aiming every statutory procedure at Barnet's and Birmingham's rows. Each
 * procedure is called once per kind of foreign id (case, note, visit, meeting, letter, plan, item, notice,
 * payment, contract), so whichever id it takes, it is tried with a real one from the victims.
 */
const statutoryRouters = [
  'register',
  'visits',
  'notesOfVisit',
  'concern',
  'casework',
  'commissioning',
  'reports',
];

const victimTables = [
  'school_monitoring',
  'la_category_changes',
  'ofsted_inspections',
  'planned_visits',
  'notes_of_visit',
  'note_of_visit_versions',
  'scc_cases',
  'review_meetings',
  'review_decisions',
  'scc_letters',
  'action_plans',
  'action_plan_items',
  'scc_meetings',
  'warning_notices',
  'intervention_powers',
  'regional_director_referrals',
  'scc_budget_payments',
  'commissioning_contracts',
  'contract_schools',
  'audit_log',
];

async function call(ctx: Context, path: string, type: 'query' | 'mutation', input: unknown) {
  return callTRPCProcedure({
    router: appRouter,
    path,
    type,
    ctx,
    getRawInput: async () => input,
    signal: undefined,
    batchIndex: 0,
  });
}

/** A fingerprint of every statutory row a tenant owns: any insert, update or delete changes it. */
async function fingerprint(database: Database, tenantId: string) {
  return withTenant(database.db, tenantId, async (tx) => {
    const prints: Record<string, string> = {};
    for (const table of victimTables) {
      const result = await tx.execute(
        sql`select count(*)::text || ':' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') as print
            from ${sql.identifier(table)} t where tenant_id = ${tenantId}`,
      );
      prints[table] = rowsOf<{ print: string }>(result)[0]?.print ?? '';
    }
    return prints;
  });
}

async function firstIds(database: Database, tenantId: string, tables: string[]) {
  return withTenant(database.db, tenantId, async (tx) => {
    const found: string[] = [];
    for (const table of tables) {
      const result = await tx.execute(sql`select id::text as id from ${sql.identifier(table)} limit 1`);
      const id = rowsOf<{ id: string }>(result)[0]?.id;
      if (id) found.push(id);
    }
    return found;
  });
}

describe('another LA aiming the statutory procedures at Barnet and Birmingham', () => {
  let database: Database;
  let attacker: Context;
  let victims: string[];
  let base: ForeignIds;
  let candidates: string[];
  const procedures = allProcedures().filter(
    (p) => p.meta?.access.kind === 'tenant' && statutoryRouters.includes(p.path.split('.')[0] ?? ''),
  );

  beforeAll(async () => {
    database = await openTestDatabase();
    const barnet = await tenantBySlug(database.db, 'barnet');
    const birmingham = await tenantBySlug(database.db, 'birmingham');
    victims = [barnet.id, birmingham.id];
    const [stCatherines] = await withTenant(database.db, barnet.id, async (tx) =>
      rowsOf<{ id: string }>(await tx.execute(sql`select id::text as id from schools where urn = 101335`)),
    );
    const adviser = await userByEmail(database.db, 'adviser@barnet.example');
    candidates = [
      ...(await firstIds(database, barnet.id, [
        'scc_cases',
        'notes_of_visit',
        'planned_visits',
        'review_meetings',
        'scc_letters',
        'action_plans',
        'action_plan_items',
        'warning_notices',
        'scc_budget_payments',
      ])),
      ...(await firstIds(database, birmingham.id, ['commissioning_contracts', 'scc_cases'])),
    ];
    expect(candidates.length).toBeGreaterThanOrEqual(6);
    base = {
      schoolId: stCatherines?.id ?? '',
      itemId: candidates[0] ?? '',
      subscriptionId: candidates[0] ?? '',
      balanceId: candidates[0] ?? '',
      serviceId: candidates[0] ?? '',
      requestId: candidates[0] ?? '',
      courseId: candidates[0] ?? '',
      bookingId: candidates[0] ?? '',
      waitlistEntryId: candidates[0] ?? '',
      adviserUserId: adviser.id,
    };
    const user = await userByEmail(database.db, 'head.si@harrow.example');
    attacker = {
      db: database.db,
      session: { id: user.id, email: user.email, name: user.name, isSuperadmin: false },
      tenantSlug: 'harrow',
      appUrl: testAppUrl,
    };
  });

  it('covers every statutory procedure', () => {
    expect(procedures.length).toBeGreaterThan(60);
  });

  it.each(procedures)(
    "$path with each of the victims' ids: refused or empty, nothing changes",
    async ({ path, type }) => {
      const before = await Promise.all(victims.map((v) => fingerprint(database, v)));
      for (const candidate of candidates) {
        const ids = { ...base, requestId: candidate, itemId: candidate };
        const input = foreignInputs[path]?.(ids);
        const outcome = await call(attacker, path, type === 'mutation' ? 'mutation' : 'query', input).then(
          (data) => ({ ok: true as const, data }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        if (outcome.ok) {
          const text = JSON.stringify(outcome.data) ?? '';
          expect(text, `${path} returned a foreign row`).not.toContain(candidate);
          expect(text).not.toContain(base.schoolId);
          for (const victim of victims) expect(text).not.toContain(victim);
        } else {
          expect(outcome.error).toBeInstanceOf(TRPCError);
          const code = (outcome.error as TRPCError).code;
          expect(code, `${path}: ${(outcome.error as Error).message}`).not.toBe('INTERNAL_SERVER_ERROR');
          const aimsAtVictim =
            JSON.stringify(input ?? null).includes(candidate) ||
            JSON.stringify(input ?? null).includes(base.schoolId);
          // Aimed at a victim's row: it does not exist here. (An input rejected by validation before any lookup
          // reveals nothing either.)
          if (aimsAtVictim && !((outcome.error as TRPCError).cause instanceof ZodError))
            expect(['NOT_FOUND', 'FORBIDDEN'], `${path}: ${(outcome.error as Error).message}`).toContain(
              code,
            );
        }
      }
      expect(await Promise.all(victims.map((v) => fingerprint(database, v)))).toEqual(before);
    },
  );
});
