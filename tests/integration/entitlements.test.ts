import { DomainError } from '~/server/errors/domain-error';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { auditLog, chargeableItems, entitlementBalances, entitlementEntries, schools } from '~/db/schema';
import { academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { adjustEntitlement } from '~/server/entitlements/adjust-entitlement';
import { drawDownEntitlement, type ChargeAs } from '~/server/entitlements/draw-down-entitlement';
import { expireEntitlements } from '~/server/entitlements/expire-entitlements';
import { grantEntitlement } from '~/server/entitlements/grant-entitlement';
import { reverseDrawdown } from '~/server/entitlements/reverse-drawdown';
import { callerFor, failureOf, onPostgres, openTestDatabase, tenantBySlug } from './harness';

const year = academicYearOf(todayInLondon());
const charge: ChargeAs = {
  unitPricePence: 60_000,
  quantityHundredths: 100,
  vatRateBasisPoints: 0,
  pricedAsMember: true,
};

describe('entitlement ledger', () => {
  let database: Database;
  let tenantId: string;
  let schoolId: string;

  beforeAll(async () => {
    database = await openTestDatabase({ maxConnections: 50 });
    tenantId = (await tenantBySlug(database.db, 'hsip')).id;
    const [school] = await withTenant(database.db, tenantId, (tx) =>
      tx.select({ id: schools.id }).from(schools).where(eq(schools.status, 'open')).limit(1),
    );
    if (!school) throw new Error('no school');
    schoolId = school.id;
  });

  /** A fresh balance of `quantity` days under a category of its own, so tests never share one. */
  async function freshBalance(quantity: number | null) {
    const category = `test-${crypto.randomUUID()}`;
    const granted = await withTenant(database.db, tenantId, (tx) =>
      grantEntitlement(tx, {
        tenantId,
        schoolId,
        academicYear: year,
        unit: 'adviser_day',
        category,
        quantityHundredths: quantity === null ? null : quantity * 100,
        description: 'Test grant',
        actorUserId: null,
      }),
    );
    return { category, balanceId: granted.balanceId };
  }

  const drawOne = (category: string, chargeAs?: ChargeAs) =>
    withTenant(database.db, tenantId, (tx) =>
      drawDownEntitlement(tx, {
        tenantId,
        schoolId,
        academicYear: year,
        unit: 'adviser_day',
        category,
        quantityHundredths: 100,
        description: 'One day',
        actorUserId: null,
        sourceType: 'test',
        sourceId: crypto.randomUUID(),
        chargeAs,
      }),
    );

  async function ledgerOf(balanceId: string) {
    return withTenant(database.db, tenantId, async (tx) => {
      const [balance] = await tx
        .select()
        .from(entitlementBalances)
        .where(eq(entitlementBalances.id, balanceId));
      const [sum] = await tx
        .select({ total: sql<number>`coalesce(sum(${entitlementEntries.quantityHundredths}), 0)::int` })
        .from(entitlementEntries)
        .where(eq(entitlementEntries.balanceId, balanceId));
      return { balance: balance?.balanceHundredths, sumOfEntries: sum?.total };
    });
  }

  it('draws while there is balance, then charges at the given rate', async () => {
    const { category, balanceId } = await freshBalance(2);
    expect((await drawOne(category, charge)).outcome).toBe('drawn');
    expect((await drawOne(category, charge)).outcome).toBe('drawn');
    const third = await drawOne(category, charge);
    expect(third).toMatchObject({ outcome: 'charged', netPence: 60_000 });
    expect(await ledgerOf(balanceId)).toEqual({ balance: 0, sumOfEntries: 0 });
  });

  it('refuses a use with no balance left when it cannot be charged', async () => {
    const { category } = await freshBalance(1);
    await drawOne(category);
    await expect(drawOne(category)).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('never runs out of an unlimited entitlement', async () => {
    const { category } = await freshBalance(null);
    for (let i = 0; i < 5; i++) expect((await drawOne(category)).outcome).toBe('drawn');
  });

  it('reverses a drawdown once only', async () => {
    const { category, balanceId } = await freshBalance(1);
    const drawn = await drawOne(category);
    if (drawn.outcome !== 'drawn') throw new Error('expected a drawdown');
    const reverse = () =>
      withTenant(database.db, tenantId, (tx) =>
        reverseDrawdown(tx, {
          tenantId,
          entryId: drawn.entryId,
          reason: 'Visit cancelled',
          actorUserId: null,
          today: todayInLondon(),
        }),
      );
    await reverse();
    await expect(reverse()).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await ledgerOf(balanceId)).toEqual({ balance: 100, sumOfEntries: 100 });
  });

  it('adjusts with a reason and never below zero', async () => {
    const { balanceId } = await freshBalance(1);
    const adjust = (quantity: number) =>
      withTenant(database.db, tenantId, (tx) =>
        adjustEntitlement(tx, {
          tenantId,
          actorUserId: crypto.randomUUID(),
          balanceId,
          quantity,
          reason: 'Goodwill',
        }),
      );
    await adjust(0.5);
    expect(await ledgerOf(balanceId)).toEqual({ balance: 150, sumOfEntries: 150 });
    expect(await failureOf(adjust(-2))).toMatch(/below zero/);
    await adjust(-1.5);
    expect(await ledgerOf(balanceId)).toEqual({ balance: 0, sumOfEntries: 0 });
  });

  it('a manager’s adjustment is audited once, with its entry’s id; a refused one writes no audit row', async () => {
    const { balanceId } = await freshBalance(1);
    const manager = await callerFor(database.db, 'manager@hsip.example', 'hsip');
    const auditOf = () =>
      withTenant(database.db, tenantId, (tx) =>
        tx
          .select()
          .from(auditLog)
          .where(
            and(
              eq(auditLog.action, 'entitlements.adjust'),
              sql`${auditLog.targetIds} ->> 'balanceId' = ${balanceId}`,
            ),
          ),
      );
    const adjusted = await manager.entitlements.adjust({
      balanceId,
      quantity: -0.5,
      reason: 'Counted twice',
    });
    expect(adjusted.balanceId).toBe(balanceId);
    const rows = await auditOf();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      tenantId,
      resultIds: { id: adjusted.id, balanceId },
      targetIds: { balanceId },
    });
    await expect(
      manager.entitlements.adjust({ balanceId, quantity: -1, reason: 'Too much' }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/below zero/) });
    await expect(
      manager.entitlements.adjust({ balanceId: crypto.randomUUID(), quantity: 1, reason: 'No such line' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await auditOf()).toHaveLength(1);
    expect(await ledgerOf(balanceId)).toEqual({ balance: 50, sumOfEntries: 50 });
    // The next call on the pool finds its connection in a clean state after each of those.
    expect(
      (await manager.entitlements.adjust({ balanceId, quantity: 0.25, reason: 'Recounted' })).balanceId,
    ).toBe(balanceId);
    expect(await ledgerOf(balanceId)).toEqual({ balance: 75, sumOfEntries: 75 });
  });

  it('expires what is left at year end', async () => {
    const farYear = 2090 + Math.floor(Math.random() * 9);
    const granted = await withTenant(database.db, tenantId, (tx) =>
      grantEntitlement(tx, {
        tenantId,
        schoolId,
        academicYear: farYear,
        unit: 'adviser_hour',
        quantityHundredths: 700,
        description: 'Hours',
        actorUserId: null,
      }),
    );
    await withTenant(database.db, tenantId, (tx) =>
      expireEntitlements(tx, { tenantId, academicYear: farYear }),
    );
    expect(await ledgerOf(granted.balanceId)).toEqual({ balance: 0, sumOfEntries: 0 });
  });

  it('closes only a finished year, through the manager', async () => {
    const manager = await callerFor(database.db, 'manager@hsip.example', 'hsip');
    await expect(manager.entitlements.expireYear({ academicYear: year })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(manager.entitlements.expireYear({ academicYear: year - 1 })).resolves.toMatchObject({
      expiredBalances: 0,
    });
    const head = await callerFor(database.db, 'head@grange.sch.example', 'hsip');
    await expect(head.entitlements.expireYear({ academicYear: year - 1 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  // Separate connections racing on one balance: PostgreSQL only (CI, or any run with DATABASE_URL); PGlite has one.
  it.runIf(onPostgres)(
    '50 concurrent drawdowns against 10: exactly 10 drawn, 40 charged, never negative',
    async () => {
      const { category, balanceId } = await freshBalance(10);
      const results = await Promise.all(Array.from({ length: 50 }, () => drawOne(category, charge)));
      expect(results.filter((r) => r.outcome === 'drawn')).toHaveLength(10);
      expect(results.filter((r) => r.outcome === 'charged')).toHaveLength(40);
      expect(await ledgerOf(balanceId)).toEqual({ balance: 0, sumOfEntries: 0 });
      const charged = await withTenant(database.db, tenantId, (tx) =>
        tx
          .select({ n: sql<number>`count(*)::int` })
          .from(chargeableItems)
          .where(
            and(
              eq(chargeableItems.sourceType, 'test'),
              inArray(
                chargeableItems.id,
                results.flatMap((r) => (r.outcome === 'charged' ? [r.chargeableItemId] : [])),
              ),
            ),
          ),
      );
      expect(charged[0]?.n).toBe(40);
    },
  );

  it.runIf(onPostgres)(
    '50 concurrent drawdowns against 10 with no charging: 10 drawn, 40 refused',
    async () => {
      const { category, balanceId } = await freshBalance(10);
      const results = await Promise.allSettled(Array.from({ length: 50 }, () => drawOne(category)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(refused).toHaveLength(40);
      expect(refused.every((e) => e instanceof DomainError && e.code === 'PRECONDITION_FAILED')).toBe(true);
      expect(await ledgerOf(balanceId)).toEqual({ balance: 0, sumOfEntries: 0 });
    },
  );

  it('shows the statement with running balances to the school and the manager', async () => {
    const head = await callerFor(database.db, 'head@grange.sch.example', 'hsip');
    const own = (await head.workspaces.current()).mySchools[0];
    if (!own) throw new Error('no school');
    const statement = await head.entitlements.statement({ schoolId: own.id });
    expect(Array.isArray(statement)).toBe(true);
    await expect(head.entitlements.statement({ schoolId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const manager = await callerFor(database.db, 'manager@hsip.example', 'hsip');
    const managerView = await manager.entitlements.statement({ schoolId });
    const line = managerView.find((b) => b.entries.length > 1 && !b.unlimited);
    expect(line?.entries.at(-1)?.runningHundredths).toBe(line?.balanceHundredths);
    const unlimited = managerView.find((b) => b.unlimited);
    expect(unlimited?.entries.every((e) => e.runningHundredths === null)).toBe(true);
  });
});
