import { TRPCError } from '@trpc/server';
import { callTRPCProcedure } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { assignAdviser } from '~/server/adviser-time/assign-adviser';
import { requestAdviserTime } from '~/server/adviser-time/request-adviser-time';
import {
  adviserRequests,
  auditLog,
  catalogueItems,
  entitlementBalances,
  courseBookings,
  courses,
  entitlementEntries,
  schools,
  subscriptions,
} from '~/db/schema';
import { appRouter } from '~/server/routers';
import type { Context } from '~/server/trpc';
import { openTestDatabase, tenantBySlug, testAppUrl, userByEmail } from './harness';
import { allProcedures, foreignInputs, type ForeignIds } from './procedures';

const attackerEmail = 'manager@bep.example';

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

async function snapshotOfVictim(database: Database, tenantId: string) {
  return withTenant(database.db, tenantId, async (tx) => ({
    schools: await tx
      .select({ id: schools.id, notes: schools.notes, updatedAt: schools.updatedAt })
      .from(schools)
      .orderBy(schools.id),
    audit: (await tx.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]?.n,
    catalogue: (await tx.select({ n: sql<number>`count(*)::int` }).from(catalogueItems))[0]?.n,
    subscriptions: await tx
      .select({ id: subscriptions.id, status: subscriptions.status })
      .from(subscriptions)
      .orderBy(subscriptions.id),
    requests: await tx
      .select({ id: adviserRequests.id, status: adviserRequests.status })
      .from(adviserRequests)
      .orderBy(adviserRequests.id),
    balances: await tx
      .select({ id: entitlementBalances.id, balance: entitlementBalances.balanceHundredths })
      .from(entitlementBalances)
      .orderBy(entitlementBalances.id),
    entries: (await tx.select({ n: sql<number>`count(*)::int` }).from(entitlementEntries))[0]?.n,
    courses: await tx
      .select({ id: courses.id, status: courses.status, title: courses.title, taken: courses.placesTaken })
      .from(courses)
      .orderBy(courses.id),
    bookings: await tx
      .select({ id: courseBookings.id, status: courseBookings.status, email: courseBookings.delegateEmail })
      .from(courseBookings)
      .orderBy(courseBookings.id),
  }));
}

describe('a tenant-A user aiming at tenant B', () => {
  let database: Database;
  let ids: ForeignIds;
  let victimId: string;
  let attacker: Context;
  const tenantProcedures = allProcedures().filter((p) => p.meta?.access.kind === 'tenant');

  beforeAll(async () => {
    database = await openTestDatabase();
    const victim = await tenantBySlug(database.db, 'hsip');
    victimId = victim.id;
    const [school] = await withTenant(database.db, victim.id, (tx) =>
      tx.select().from(schools).where(eq(schools.tenantId, victim.id)).limit(1),
    );
    if (!school) throw new Error('hsip has no schools');
    const foreign = await withTenant(database.db, victim.id, async (tx) => ({
      item: (await tx.select({ id: catalogueItems.id }).from(catalogueItems).limit(1))[0],
      subscription: (
        await tx
          .select({ id: subscriptions.id, schoolId: subscriptions.schoolId })
          .from(subscriptions)
          .limit(1)
      )[0],
      balance: (await tx.select({ id: entitlementBalances.id }).from(entitlementBalances).limit(1))[0],
      course: (
        await tx.select({ id: courses.id }).from(courses).where(eq(courses.status, 'published')).limit(1)
      )[0],
    }));
    if (!foreign.item || !foreign.subscription || !foreign.balance || !foreign.course)
      throw new Error('hsip seed lacks traded data');
    const hsipAdviser = await userByEmail(database.db, 'adviser@hsip.example');
    const request = await withTenant(database.db, victim.id, async (tx) => {
      const [service] = await tx
        .select({ id: catalogueItems.id })
        .from(catalogueItems)
        .where(eq(catalogueItems.kind, 'service'));
      if (!service || !foreign.subscription) throw new Error('hsip seed lacks a service');
      const made = await requestAdviserTime(tx, {
        tenantId: victim.id,
        schoolId: foreign.subscription.schoolId,
        serviceId: service.id,
        preferredDates: 'Any Monday',
        details: '',
        actorUserId: hsipAdviser.id,
      });
      await assignAdviser(tx, { requestId: made.id, adviserUserId: hsipAdviser.id });
      return { id: made.id, serviceId: service.id };
    });
    ids = {
      schoolId: foreign.subscription.schoolId,
      itemId: foreign.item.id,
      subscriptionId: foreign.subscription.id,
      balanceId: foreign.balance.id,
      serviceId: request.serviceId,
      requestId: request.id,
      adviserUserId: hsipAdviser.id,
      courseId: foreign.course.id,
      // Ids of B's course rows: a booking or waiting-list id that is not A's is not found either way.
      bookingId: foreign.course.id,
      waitlistEntryId: foreign.course.id,
    };
    const user = await userByEmail(database.db, attackerEmail);
    attacker = {
      db: database.db,
      session: { id: user.id, email: user.email, name: user.name, isSuperadmin: false },
      tenantSlug: 'bep',
      appUrl: testAppUrl,
    };
  });

  it.each(tenantProcedures)(
    "$path, from A's workspace with B's ids: NOT_FOUND or no foreign data",
    async ({ path, type }) => {
      const before = await snapshotOfVictim(database, victimId);
      const input = foreignInputs[path]?.(ids);
      const outcome = await call(attacker, path, type === 'mutation' ? 'mutation' : 'query', input).then(
        (data) => ({ ok: true as const, data }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      if (outcome.ok) {
        // A list that ignores the ids must still show nothing of B.
        const text = JSON.stringify(outcome.data);
        expect(text).not.toContain(ids.schoolId);
        expect(text).not.toContain(victimId);
      } else {
        expect(outcome.error).toBeInstanceOf(TRPCError);
        const code = (outcome.error as TRPCError).code;
        const aimsAtB = Object.values(ids).some((id) => JSON.stringify(input ?? null).includes(id));
        // Aimed at B's rows: they do not exist here. Otherwise it is A's own business and may fail on A's rules.
        if (aimsAtB) expect(['NOT_FOUND', 'FORBIDDEN']).toContain(code);
        else expect(code).not.toBe('INTERNAL_SERVER_ERROR');
      }
      expect(await snapshotOfVictim(database, victimId)).toEqual(before);
    },
  );

  it.each(tenantProcedures)(
    "$path, naming B's workspace: FORBIDDEN, nothing changes",
    async ({ path, type }) => {
      const before = await snapshotOfVictim(database, victimId);
      const input = foreignInputs[path]?.(ids);
      await expect(
        call({ ...attacker, tenantSlug: 'hsip' }, path, type === 'mutation' ? 'mutation' : 'query', input),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await snapshotOfVictim(database, victimId)).toEqual(before);
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
        call(
          { ...attacker, session: null, tenantSlug: 'hsip' },
          path,
          type === 'mutation' ? 'mutation' : 'query',
          foreignInputs[path]?.(ids),
        ),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
  });
});
