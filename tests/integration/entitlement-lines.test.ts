import { DomainError } from '~/server/errors/domain-error';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import {
  catalogueItems,
  chargeableItems,
  entitlementBalances,
  entitlementEntries,
  schools,
} from '~/db/schema';
import { academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { drawDownEntitlement, type PartialCover } from '~/server/entitlements/draw-down-entitlement';
import { expireEntitlements } from '~/server/entitlements/expire-entitlements';
import { grantEntitlement } from '~/server/entitlements/grant-entitlement';
import { recordServiceUse } from '~/server/entitlements/record-service-use';
import { quoteForSchool } from '~/server/subscriptions/quote-for-school';
import { subscribeSchool } from '~/server/subscriptions/subscribe-school';
import { callerFor, onPostgres, openTestDatabase, tenantBySlug, userByEmail } from './harness';

/**
 * Issue 11's entitlement rules on HSIP's real catalogue (Appendix 1 of 004): a use draws from the line that
 * covers it, partial cover, the manager's reversal, and a late joiner's proportional grant. Each test makes its
 * own school, so nothing here shares a balance with another test.
 */
const year = academicYearOf(todayInLondon());
const visitDay = `${year + 1}-02-10`;

describe('entitlement lines (HSIP)', () => {
  let database: Database;
  let tenantId: string;
  let managerId: string;
  const itemIdFor = async (code: string) => {
    const [item] = await withTenant(database.db, tenantId, (tx) =>
      tx
        .select({ id: catalogueItems.id })
        .from(catalogueItems)
        .where(and(eq(catalogueItems.code, code), eq(catalogueItems.academicYear, year))),
    );
    if (!item) throw new Error(`no ${code}`);
    return item.id;
  };

  /** A new partnership-member primary school, subscribed to HSIP-ACL on `joinedOn` (the year's start by default). */
  async function memberSchoolWithAcl(joinedOn = `${year}-09-01`) {
    const urn = 900_000 + Math.floor(Math.random() * 99_999);
    const [school] = await withTenant(database.db, tenantId, (tx) =>
      tx
        .insert(schools)
        .values({
          tenantId,
          urn,
          laCode: '310',
          laName: 'Harrow',
          establishmentNumber: String(urn % 10_000),
          name: `Test Primary ${urn}`,
          type: 'Community school',
          typeGroup: 'Local authority maintained schools',
          phase: 'Primary',
          numberOfPupils: 240,
          isPartnershipMember: true,
        })
        .returning({ id: schools.id }),
    );
    if (!school) throw new Error('no school');
    const acl = await itemIdFor('HSIP-ACL');
    const subscription = await withTenant(database.db, tenantId, (tx) =>
      subscribeSchool(tx, {
        tenantId,
        schoolId: school.id,
        itemId: acl,
        units: 1,
        actorUserId: managerId,
        today: joinedOn,
      }),
    );
    return { schoolId: school.id, subscription };
  }

  const balanceOf = (schoolId: string, unit: 'adviser_day' | 'adviser_half_day', category: string) =>
    withTenant(database.db, tenantId, async (tx) => {
      const [b] = await tx
        .select()
        .from(entitlementBalances)
        .where(
          and(
            eq(entitlementBalances.schoolId, schoolId),
            eq(entitlementBalances.academicYear, year),
            eq(entitlementBalances.unit, unit),
            eq(entitlementBalances.category, category),
          ),
        );
      return b;
    });

  const use = (
    schoolId: string,
    code: string,
    quantityHundredths: number,
    extra: { category?: string; partialCover?: PartialCover } = {},
  ) =>
    itemIdFor(code).then((serviceId) =>
      withTenant(database.db, tenantId, (tx) =>
        recordServiceUse(tx, {
          tenantId,
          schoolId,
          serviceId,
          quantityHundredths,
          on: visitDay,
          description: 'test visit',
          actorUserId: managerId,
          sourceType: 'test',
          sourceId: crypto.randomUUID(),
          ...extra,
        }),
      ),
    );

  beforeAll(async () => {
    database = await openTestDatabase({ maxConnections: 50 });
    tenantId = (await tenantBySlug(database.db, 'hsip')).id;
    managerId = (await userByEmail(database.db, 'manager@hsip.example')).id;
  });

  it('draws a specialist half day from the Specialist line, not the charge (004 line 387)', async () => {
    const { schoolId } = await memberSchoolWithAcl();
    expect((await balanceOf(schoolId, 'adviser_half_day', 'Specialist'))?.balanceHundredths).toBe(300);
    const used = await use(schoolId, 'HSIP-SPECIALIST', 100);
    expect(used).toMatchObject({ outcome: 'drawn', category: 'Specialist', drawnHundredths: 100 });
    expect((await balanceOf(schoolId, 'adviser_half_day', 'Specialist'))?.balanceHundredths).toBe(200);
    // The school review line (004 line 390: 2 days a year) is drawn by the review service.
    expect(await use(schoolId, 'HSIP-REVIEW', 100)).toMatchObject({
      outcome: 'drawn',
      category: 'School review',
    });
    expect((await balanceOf(schoolId, 'adviser_day', 'School review'))?.balanceHundredths).toBe(100);
    // The general half day has no line in ACL: unless the person logging chooses one, it is charged (£240).
    expect(await use(schoolId, 'HSIP-HALF', 100)).toMatchObject({ outcome: 'charged', netPence: 24_000 });
    expect(await use(schoolId, 'HSIP-HALF', 100, { category: 'Inspection support' })).toMatchObject({
      outcome: 'drawn',
      category: 'Inspection support',
    });
    expect((await balanceOf(schoolId, 'adviser_half_day', 'Inspection support'))?.balanceHundredths).toBe(
      100,
    );
    await expect(use(schoolId, 'HSIP-HALF', 100, { category: 'EMA training' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      field: 'category',
    });
  });

  it('an adviser logs a half day against the line they choose; the statement shows it on that line', async () => {
    const { schoolId } = await memberSchoolWithAcl();
    const manager = await callerFor(database.db, 'manager@hsip.example', 'hsip');
    const request = await manager.adviserTime.request({
      schoolId,
      serviceId: await itemIdFor('HSIP-HALF'),
      preferredDates: 'Any Tuesday',
    });
    const adviser = await userByEmail(database.db, 'adviser@hsip.example');
    await manager.adviserTime.assign({ requestId: request.id, adviserUserId: adviser.id });
    const advising = await callerFor(database.db, 'adviser@hsip.example', 'hsip');
    const logged = await advising.adviserTime.logVisit({
      requestId: request.id,
      visitDate: visitDay,
      duration: { amount: 1, unit: 'half_day' },
      summary: 'Mock inspection of early reading with the phonics lead.',
      category: 'Inspection support',
    });
    expect(logged).toMatchObject({ outcome: 'drawn', category: 'Inspection support', drawnHundredths: 100 });
    const statement = await manager.entitlements.statement({ schoolId, academicYear: year });
    const line = statement.find((b) => b.unit === 'adviser_half_day' && b.category === 'Inspection support');
    expect(line?.balanceHundredths).toBe(100);
    expect(line?.entries.at(-1)).toMatchObject({ kind: 'drawdown', quantityHundredths: -100 });
    expect(line?.entries.at(-1)?.description).toMatch(/from Inspection support/);
  });

  it('partial cover: a day logged against half a day left draws the half and charges the rest', async () => {
    const { schoolId } = await memberSchoolWithAcl();
    // The review line has 2 days (004 line 390); a day and a half leaves half a day.
    await use(schoolId, 'HSIP-REVIEW', 150);
    expect((await balanceOf(schoolId, 'adviser_day', 'School review'))?.balanceHundredths).toBe(50);
    const used = await use(schoolId, 'HSIP-REVIEW', 100);
    // Members pay £480 a day (004 line 394: 20% off £600): the uncovered half day is £240.
    expect(used).toMatchObject({ outcome: 'part_drawn', drawnHundredths: 50, netPence: 24_000 });
    expect((await balanceOf(schoolId, 'adviser_day', 'School review'))?.balanceHundredths).toBe(0);
    if (used.outcome !== 'part_drawn') throw new Error('expected partial cover');
    const [charge] = await withTenant(database.db, tenantId, (tx) =>
      tx.select().from(chargeableItems).where(eq(chargeableItems.id, used.chargeableItemId)),
    );
    expect(charge).toMatchObject({ quantityHundredths: 50, unitPricePence: 48_000, netPence: 24_000 });
  });

  it('partial cover refused by the tenant setting: nothing drawn or charged; with nothing left, charged', async () => {
    const { schoolId } = await memberSchoolWithAcl();
    await use(schoolId, 'HSIP-REVIEW', 150);
    await expect(use(schoolId, 'HSIP-REVIEW', 100, { partialCover: 'refuse' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('0.5 adviser days left of adviser days: School review'),
    });
    expect((await balanceOf(schoolId, 'adviser_day', 'School review'))?.balanceHundredths).toBe(50);
    await use(schoolId, 'HSIP-REVIEW', 50, { partialCover: 'refuse' });
    expect(await use(schoolId, 'HSIP-REVIEW', 100, { partialCover: 'refuse' })).toMatchObject({
      outcome: 'charged',
      netPence: 48_000,
    });
  });

  it('the manager reverses a mistaken drawdown with a reason; the school sees it; once only', async () => {
    const { schoolId } = await memberSchoolWithAcl();
    const used = await use(schoolId, 'HSIP-SPECIALIST', 100);
    if (used.outcome !== 'drawn') throw new Error('expected a drawdown');
    const finance = await callerFor(database.db, 'finance@hsip.example', 'hsip');
    await expect(
      finance.entitlements.reverse({ entryId: used.entryId, reason: 'Wrong school' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const manager = await callerFor(database.db, 'manager@hsip.example', 'hsip');
    await expect(manager.entitlements.reverse({ entryId: used.entryId, reason: '' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const reversed = await manager.entitlements.reverse({
      entryId: used.entryId,
      reason: 'Logged against the wrong school',
    });
    expect(reversed.restoredHundredths).toBe(100);
    await expect(
      manager.entitlements.reverse({ entryId: used.entryId, reason: 'Again' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const statement = await manager.entitlements.statement({ schoolId, academicYear: year });
    const line = statement.find((b) => b.category === 'Specialist');
    expect(line?.balanceHundredths).toBe(300);
    expect(line?.entries.find((e) => e.id === used.entryId)?.reversed).toBe(true);
    expect(line?.entries.at(-1)).toMatchObject({
      kind: 'reversal',
      quantityHundredths: 100,
      description: 'Logged against the wrong school',
      actorName: expect.any(String),
    });
  });

  it('a reversal never brings back an expired balance', async () => {
    const { schoolId } = await memberSchoolWithAcl();
    const farYear = 2080 + Math.floor(Math.random() * 9);
    const category = `expired-${crypto.randomUUID()}`;
    const drawn = await withTenant(database.db, tenantId, async (tx) => {
      await grantEntitlement(tx, {
        tenantId,
        schoolId,
        academicYear: farYear,
        unit: 'adviser_day',
        category,
        quantityHundredths: 300,
        description: 'Test grant',
        actorUserId: null,
      });
      return drawDownEntitlement(tx, {
        tenantId,
        schoolId,
        academicYear: farYear,
        unit: 'adviser_day',
        category,
        quantityHundredths: 100,
        description: 'A day logged by mistake',
        actorUserId: null,
        sourceType: 'test',
        sourceId: crypto.randomUUID(),
      });
    });
    if (drawn.outcome !== 'drawn') throw new Error('expected a drawdown');
    await withTenant(database.db, tenantId, (tx) =>
      expireEntitlements(tx, { tenantId, academicYear: farYear }),
    );
    const manager = await callerFor(database.db, 'manager@hsip.example', 'hsip');
    const reversed = await manager.entitlements.reverse({
      entryId: drawn.entryId,
      reason: 'Visit never happened',
    });
    expect(reversed.restoredHundredths).toBe(0);
    const [line] = (await manager.entitlements.statement({ schoolId, academicYear: farYear })).filter(
      (b) => b.category === category,
    );
    expect(line?.balanceHundredths).toBe(0);
    expect(line?.entries.map((e) => [e.kind, e.quantityHundredths])).toEqual([
      ['grant', 300],
      ['drawdown', -100],
      ['expiry', -200],
      ['reversal', 100],
      ['expiry', -100],
    ]);
  });

  it('a school joining in the Easter holiday pays for summer only and gets a third of each line', async () => {
    // Harrow 2026/27 as seeded: spring ends 25 March, summer starts 12 April (db/seed/term-dates-data.ts).
    const { schoolId, subscription } = await memberSchoolWithAcl(`${year + 1}-04-06`);
    // £3,900 ÷ 3 (004 line 392), at whatever price the catalogue holds now (another test reprices it).
    const aclId = await itemIdFor('HSIP-ACL');
    const [acl] = await withTenant(database.db, tenantId, (tx) =>
      tx.select().from(catalogueItems).where(eq(catalogueItems.id, aclId)),
    );
    expect(subscription.netPence).toBe(Math.round((acl?.memberPricePence ?? 0) / 3));
    const manager = await callerFor(database.db, 'manager@hsip.example', 'hsip');
    const statement = await manager.entitlements.statement({ schoolId, academicYear: year });
    const granted = Object.fromEntries(
      statement.map((b) => [`${b.unit}:${b.category}`, b.grantedHundredths]),
    );
    expect(granted).toEqual({
      'adviser_day:': 100, // 3 days (line 386) → 1
      'adviser_day:School review': 67, // 2 days a year (line 390) → 0.67
      'adviser_half_day:Inspection support': 67, // 2 half days (line 388) → 0.67
      'adviser_half_day:Specialist': 100, // 3 half days (line 387) → 1
      'network_place:Headteacher seminars': 100, // 3 places (line 389) → 1
      'network_place:Subject-leader networks': 100, // 3 places (line 391) → 1
    });
    expect(statement.find((b) => b.category === 'Specialist')?.entries[0]?.description).toMatch(
      /1 of 3 terms/,
    );
    // The head's preview said how each line was worked out, and the statement says it in the same words.
    const preview = await withTenant(database.db, tenantId, (tx) =>
      quoteForSchool(tx, { schoolId, itemId: aclId, units: 1, today: `${year + 1}-04-06` }),
    );
    const review = preview.grants.find((g) => g.category === 'School review');
    expect(review?.explanation).toBe(
      '0.67 of 2 adviser days: joining with 1 of 3 terms left, a third of 2 is 0.667, rounded up to two decimal places.',
    );
    expect(preview.grants.find((g) => g.category === 'Headteacher seminars')?.explanation).toBe(
      '1 of 3 seminar or network places: joining with 1 of 3 terms left, a third of 3.',
    );
    for (const grant of preview.grants) {
      const entry = statement.find((b) => b.unit === grant.unit && b.category === (grant.category ?? ''))
        ?.entries[0];
      expect(entry?.quantityHundredths).toBe(grant.grantedHundredths);
      expect(entry?.description).toContain(grant.explanation?.replace(/\.$/, '') ?? 'no explanation');
    }
  });

  // Separate connections racing on one categorised balance with partial cover: PostgreSQL only.
  it.runIf(onPostgres)(
    '50 concurrent day uses against 10.5 days of a categorised line: 10 drawn, 1 part, 39 charged',
    async () => {
      const { schoolId } = await memberSchoolWithAcl();
      const category = `race-${crypto.randomUUID()}`;
      const { balanceId } = await withTenant(database.db, tenantId, (tx) =>
        grantEntitlement(tx, {
          tenantId,
          schoolId,
          academicYear: year,
          unit: 'adviser_day',
          category,
          quantityHundredths: 1_050,
          description: 'Race grant',
          actorUserId: null,
        }),
      );
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, () =>
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
              sourceType: 'race',
              sourceId: crypto.randomUUID(),
              chargeAs: {
                unitPricePence: 48_000,
                quantityHundredths: 100,
                vatRateBasisPoints: 0,
                pricedAsMember: true,
              },
            }),
          ),
        ),
      );
      const done = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      expect(done).toHaveLength(50);
      expect(done.filter((r) => r.outcome === 'drawn')).toHaveLength(10);
      expect(done.filter((r) => r.outcome === 'part_drawn')).toMatchObject([
        { drawnHundredths: 50, netPence: 24_000 },
      ]);
      expect(done.filter((r) => r.outcome === 'charged')).toHaveLength(39);
      const totals = await withTenant(database.db, tenantId, async (tx) => {
        const [balance] = await tx
          .select()
          .from(entitlementBalances)
          .where(eq(entitlementBalances.id, balanceId));
        const [sum] = await tx
          .select({ total: sql<number>`coalesce(sum(${entitlementEntries.quantityHundredths}), 0)::int` })
          .from(entitlementEntries)
          .where(eq(entitlementEntries.balanceId, balanceId));
        const [charged] = await tx
          .select({ q: sql<number>`coalesce(sum(${chargeableItems.quantityHundredths}), 0)::int` })
          .from(chargeableItems)
          .where(and(eq(chargeableItems.schoolId, schoolId), eq(chargeableItems.sourceType, 'race')));
        return { balance: balance?.balanceHundredths, entries: sum?.total, charged: charged?.q };
      });
      // 10.5 days drawn, 39.5 charged: every day accounted for once, never below zero.
      expect(totals).toEqual({ balance: 0, entries: 0, charged: 3_950 });
    },
  );

  it.runIf(onPostgres)(
    '50 concurrent uses with partial cover refused: 10 drawn, the rest refused or charged',
    async () => {
      const { schoolId } = await memberSchoolWithAcl();
      const category = `race-refuse-${crypto.randomUUID()}`;
      await withTenant(database.db, tenantId, (tx) =>
        grantEntitlement(tx, {
          tenantId,
          schoolId,
          academicYear: year,
          unit: 'adviser_day',
          category,
          quantityHundredths: 1_050,
          description: 'Race grant',
          actorUserId: null,
        }),
      );
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, () =>
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
              sourceType: 'race',
              sourceId: crypto.randomUUID(),
              partialCover: 'refuse',
              chargeAs: {
                unitPricePence: 48_000,
                quantityHundredths: 100,
                vatRateBasisPoints: 0,
                pricedAsMember: true,
              },
            }),
          ),
        ),
      );
      const done = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(done.filter((r) => r.outcome === 'drawn')).toHaveLength(10);
      expect(done.some((r) => r.outcome === 'part_drawn')).toBe(false);
      expect(refused.every((e) => e instanceof DomainError && e.code === 'PRECONDITION_FAILED')).toBe(true);
      expect(refused).toHaveLength(40);
      expect((await balanceOf(schoolId, 'adviser_day', category))?.balanceHundredths).toBe(50);
    },
  );
});
