import { callTRPCProcedure, TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { commissionedDeliveries, commissioningContracts, contractSchools, moduleKeys } from '~/db/schema';
import { tenants as demoTenants } from '~/seed/demo-data';
import { assignAdviser } from '~/server/adviser-time/assign-adviser';
import { requestAdviserTime } from '~/server/adviser-time/request-adviser-time';
import { giasUploadBody } from '~/server/schools/import-gias/gias-upload';
import type { Context } from '~/server/trpc';
import { appRouter } from '~/server/routers';
import { giasCsv, giasRow } from '../fixtures/gias';
import {
  makeDemoWorkspace,
  makeWorkspaceWithEveryRole,
  tenantTables,
  type DemoWorkspace,
} from '../fixtures/factories';
import { acceptsInput, generatedInput, inputSchemaOf, takesIds } from './generated-inputs';
import { openTestDatabase, rowsOf, testAppUrl } from './harness';
import { allProcedures } from './procedures';

/**
 * A real member of tenant A — holding every role, in a workspace with every module — calls every tenant
 * procedure aimed at tenant B's rows. Each procedure's input is generated from its own zod schema with every id
 * field set to one of B's ids, once per kind of row B has (every tenant table, found in the catalogue), and to
 * B's users and B itself. The call must be refused (NOT_FOUND, FORBIDDEN or BAD_REQUEST) or return nothing of
 * B's, and every one of B's rows, in every tenant table, must be unchanged. A new procedure or table joins on
 * its own. B is two fresh copies of demo workspaces: an LA (Barnet: statutory, traded) commissioning a provider
 * (HSIP), so contracts, covered schools and deliveries are among the targets; the commissioning procedures are
 * also tried from a provider-kind A.
 */

/** Uploads (octet-stream inputs) cannot be generated from JSON Schema: a GIAS file naming B's schools. */
const handMadeInputs: Record<string, () => unknown> = {
  'schoolImport.preview': () => giasFileNamingVictimSchools(),
  'schoolImport.commit': () => giasFileNamingVictimSchools(),
};

function giasFileNamingVictimSchools() {
  const urns = demoTenants.find((t) => t.slug === 'barnet')?.schoolUrns ?? [];
  const rows = urns.map((urn) =>
    giasRow({
      urn,
      laCode: '302',
      laName: 'Barnet',
      name: 'Renamed from another workspace',
      status: 'Closed',
    }),
  );
  return giasUploadBody(new Blob([new Uint8Array(giasCsv(rows))]), { urns });
}

async function call(ctx: Context, path: string, type: string, input: unknown) {
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

const tenantProcedures = allProcedures().filter((p) => p.meta?.access.kind === 'tenant');

/**
 * Procedures taking no ids whose zod refinements JSON Schema cannot say (the three terms in order, two prices
 * with different names): a valid input made by hand, so the call reaches the domain instead of stopping at
 * validation.
 */
const refinedInputs: Record<string, () => unknown> = {
  // The attacker keeps every role they hold (a generated list would give some up and weaken the calls after).
  'members.setOwnRoles': () => ({ roles: ['tenant_admin', 'finance', 'adviser', 'la_officer'] }),
  'catalogue.updateSettings': () => ({
    memberPriceName: 'Member',
    nonMemberPriceName: 'Non-member',
    partialCover: 'split',
  }),
  'calendar.setTermDates': () => ({
    academicYear: 2031,
    terms: [
      { term: 'autumn', startsOn: '2031-09-03', endsOn: '2031-12-19' },
      { term: 'spring', startsOn: '2032-01-05', endsOn: '2032-03-26' },
      { term: 'summer', startsOn: '2032-04-12', endsOn: '2032-07-21' },
    ],
  }),
};

/** The input aimed at `id`: generated from the schema, or the hand-made upload or refined input. */
function inputFor(path: string, id: string): unknown {
  const handMade = handMadeInputs[path] ?? refinedInputs[path];
  return handMade ? handMade() : generatedInput(path, id);
}

describe('a tenant-A member aiming every tenant procedure at tenant B', () => {
  let database: Database;
  let tables: string[];
  let barnet: DemoWorkspace;
  let hsip: DemoWorkspace;
  let victims: string[];
  /** One of B's ids of every kind (every tenant table with an id, B's users, B itself). */
  let candidates: { kind: string; id: string }[];
  let attacker: Context;
  let providerAttacker: Context;

  /** A fingerprint of every row B owns in every tenant table: any insert, update or delete changes it. */
  async function fingerprint(tenantId: string): Promise<Record<string, string>> {
    const parts = tables.map(
      (table) =>
        sql`select ${table} as t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, ',' order by x::text)), '') as print from ${sql.identifier(table)} x where tenant_id = ${tenantId}`,
    );
    const result = await withTenant(database.db, tenantId, (tx) =>
      tx.execute(sql.join(parts, sql` union all `)),
    );
    return Object.fromEntries(rowsOf<{ t: string; print: string }>(result).map((r) => [r.t, r.print]));
  }
  const fingerprints = () => Promise.all(victims.map((v) => fingerprint(v)));

  beforeAll(async () => {
    database = await openTestDatabase();
    tables = await tenantTables(database.db);
    barnet = await makeDemoWorkspace(database.db, 'barnet', { invoices: true });
    hsip = await makeDemoWorkspace(database.db, 'hsip', { invoices: true });
    victims = [barnet.id, hsip.id];

    // Barnet commissions HSIP for one school; HSIP has delivered a day; an HSIP school asked for adviser time.
    const coveredUrn = 101335;
    const contract = await withTenant(database.db, barnet.id, async (tx) => {
      const [made] = await tx
        .insert(commissioningContracts)
        .values({
          tenantId: barnet.id,
          providerTenantId: hsip.id,
          title: 'SCC support',
          annualValuePence: 1_000_000,
          startsOn: '2026-09-01',
          endsOn: '2027-08-31',
        })
        .returning({ id: commissioningContracts.id });
      if (!made) throw new Error('no contract');
      await tx.insert(contractSchools).values({
        tenantId: barnet.id,
        contractId: made.id,
        schoolId: barnet.schoolId(coveredUrn),
        providerTenantId: hsip.id,
        urn: coveredUrn,
        schoolName: "St Catherine's RC Primary School",
        fundedDaysHundredths: 500,
        assignedPartnerUserId: hsip.user('adviser@hsip.example').id,
      });
      return made;
    });
    await withTenant(database.db, hsip.id, async (tx) => {
      await tx.insert(commissionedDeliveries).values({
        tenantId: hsip.id,
        contractId: contract.id,
        laTenantId: barnet.id,
        urn: coveredUrn,
        deliveredOn: '2026-10-01',
        partnerUserId: hsip.user('adviser@hsip.example').id,
        daysHundredths: 100,
        costPence: 60_000,
        activity: 'Leadership coaching',
        progressRag: 'green',
      });
      const service = rowsOf<{ id: string }>(
        await tx.execute(sql`select id::text as id from catalogue_items where kind = 'service' limit 1`),
      )[0];
      const school = rowsOf<{ id: string }>(
        await tx.execute(sql`select school_id::text as id from subscriptions limit 1`),
      )[0];
      if (!service || !school) throw new Error('hsip copy lacks traded data');
      const adviser = hsip.user('adviser@hsip.example').id;
      const made = await requestAdviserTime(tx, {
        tenantId: hsip.id,
        schoolId: school.id,
        serviceId: service.id,
        preferredDates: 'Any Monday',
        details: '',
        actorUserId: adviser,
      });
      await assignAdviser(tx, { requestId: made.id, adviserUserId: adviser });
    });

    candidates = [];
    for (const victim of victims) {
      candidates.push({ kind: 'tenant', id: victim });
      await withTenant(database.db, victim, async (tx) => {
        for (const table of tables) {
          const hasId = rowsOf(
            await tx.execute(
              sql`select 1 from information_schema.columns where table_schema = 'public' and table_name = ${table} and column_name = 'id' and data_type = 'uuid'`,
            ),
          );
          if (hasId.length === 0) continue;
          const [row] = rowsOf<{ id: string }>(
            await tx.execute(sql`select id::text as id from ${sql.identifier(table)} limit 1`),
          );
          // One id of each kind is enough (from whichever copy has one): every call costs a request.
          if (row && !candidates.some((c) => c.kind === table)) candidates.push({ kind: table, id: row.id });
        }
        const users = rowsOf<{ id: string; role: string }>(
          await tx.execute(
            sql`select distinct on (role) user_id::text as id, role::text as role from memberships order by role, user_id`,
          ),
        );
        for (const u of users)
          if (!candidates.some((c) => c.kind === `user (${u.role})`))
            candidates.push({ kind: `user (${u.role})`, id: u.id });
      });
    }

    const asMember = async (kind: 'la' | 'provider') => {
      const { tenant, user } = await makeWorkspaceWithEveryRole(database.db, moduleKeys, { kind });
      return {
        db: database.db,
        session: { id: user.id, email: user.email, name: user.name, isSuperadmin: false },
        tenantSlug: tenant.slug,
        appUrl: testAppUrl,
      } satisfies Context;
    };
    attacker = await asMember('la');
    providerAttacker = await asMember('provider');
  });

  it("collects B's ids of every kind", () => {
    const kinds = new Set(candidates.map((c) => c.kind));
    for (const kind of [
      'schools',
      'scc_cases',
      'notes_of_visit',
      'planned_visits',
      'action_plans',
      'action_plan_items',
      'commissioning_contracts',
      'commissioned_deliveries',
      'catalogue_items',
      'subscriptions',
      'entitlement_balances',
      'adviser_requests',
      'memberships',
      'user (adviser)',
      'user (tenant_admin)',
      'tenant',
    ])
      expect(kinds, kind).toContain(kind);
  });

  it('has an input for every tenant procedure: generated from its schema, or a hand-made upload', () => {
    const covered = tenantProcedures.filter((p) => {
      const schema = inputSchemaOf(p.path);
      return schema !== undefined || p.path in handMadeInputs;
    });
    expect(covered.map((p) => p.path)).toEqual(tenantProcedures.map((p) => p.path));
    // Hand-made inputs are only for what JSON cannot carry.
    for (const path of Object.keys(handMadeInputs)) expect(inputSchemaOf(path), path).toBeUndefined();
  });

  it.each(tenantProcedures.filter((p) => !(p.path in handMadeInputs)))(
    '$path: the generated input passes its own schema',
    ({ path }) => {
      const input = inputFor(path, '3f2504e0-4f89-41d3-9a0c-0305e82c3301');
      if (path in refinedInputs) expect(takesIds(inputSchemaOf(path)), path).toBe(false);
      const verdict = acceptsInput(path, input);
      expect(verdict.issues, `${path} ${JSON.stringify(input)}`).toBe('');
    },
  );

  it.each(tenantProcedures)(
    "$path, from A's workspace with each of B's ids: refused or nothing of B's, nothing changes",
    async ({ path, type, meta }) => {
      const before = await fingerprints();
      const aimsAtB = takesIds(inputSchemaOf(path)) || path in handMadeInputs;
      const targets = aimsAtB ? candidates : (candidates.slice(0, 1) ?? []);
      const attackers =
        meta?.access.kind === 'tenant' && meta.access.module === 'commissioning'
          ? [attacker, providerAttacker]
          : [attacker];
      for (const from of attackers) {
        for (const target of targets) {
          const input = inputFor(path, target.id);
          const outcome = await call(from, path, type, input).then(
            (data) => ({ ok: true as const, data }),
            (error: unknown) => ({ ok: false as const, error }),
          );
          if (outcome.ok) {
            // Succeeding is allowed only when it shows nothing of B.
            const text = JSON.stringify(outcome.data) ?? '';
            for (const c of candidates) expect(text, `${path} returned B's ${c.kind}`).not.toContain(c.id);
          } else {
            expect(outcome.error, `${path}: ${String(outcome.error)}`).toBeInstanceOf(TRPCError);
            const { code, message } = outcome.error as TRPCError;
            if (aimsAtB)
              expect(
                ['NOT_FOUND', 'FORBIDDEN', 'BAD_REQUEST'],
                `${path} (B's ${target.kind}): ${message}`,
              ).toContain(code);
            // Not aimed at B: it is A's own business and may fail on A's rules, but never crash.
            else expect(code, `${path}: ${message}`).not.toBe('INTERNAL_SERVER_ERROR');
          }
        }
      }
      expect(await fingerprints()).toEqual(before);
    },
  );

  it.each(tenantProcedures)(
    "$path, naming B's workspace: FORBIDDEN, nothing changes",
    async ({ path, type }) => {
      const before = await fingerprints();
      for (const slug of [barnet.slug, hsip.slug]) {
        const input = inputFor(path, candidates[1]?.id ?? '');
        await expect(call({ ...attacker, tenantSlug: slug }, path, type, input)).rejects.toMatchObject({
          code: 'FORBIDDEN',
        });
      }
      expect(await fingerprints()).toEqual(before);
    },
  );

  it('an unknown workspace is NOT_FOUND, and no workspace at all is refused', async () => {
    await expect(
      call({ ...attacker, tenantSlug: 'nowhere' }, 'workspaces.current', 'query', undefined),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      call({ ...attacker, tenantSlug: null }, 'workspaces.current', 'query', undefined),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('a signed-out caller is refused by every tenant procedure', async () => {
    for (const { path, type } of tenantProcedures) {
      await expect(
        call({ ...attacker, session: null, tenantSlug: barnet.slug }, path, type, inputFor(path, barnet.id)),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
  });
});
