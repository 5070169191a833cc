import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { catalogueItems, schools } from '~/db/schema';
import { makeDemoWorkspace, type DemoWorkspace } from '../fixtures/factories';
import { onPostgres, openTestDatabase } from './harness';
import { paidShare, proRataGrant } from '~/server/entitlements/pro-rata-grant';

describe('packages and subscriptions', () => {
  let database: Database;
  let hsip: DemoWorkspace;
  let tenantId: string;

  beforeAll(async () => {
    database = await openTestDatabase({ maxConnections: 10 });
    // A copy of HSIP of this file's own, so the suite can run again on the same database.
    hsip = await makeDemoWorkspace(database.db, 'hsip');
    tenantId = hsip.id;
  });

  const openSchool = async (index: number) => {
    const open = await withTenant(database.db, tenantId, (tx) =>
      tx.select({ id: schools.id }).from(schools).where(eq(schools.status, 'open')).orderBy(schools.urn),
    );
    return open[index];
  };

  const itemByCode = async (code: string) => {
    const [item] = await withTenant(database.db, tenantId, (tx) =>
      tx.select().from(catalogueItems).where(eq(catalogueItems.code, code)),
    );
    if (!item) throw new Error(`no item ${code}`);
    return item;
  };

  it('a manager creates a package with lines and bands, and a duplicate code is refused', async () => {
    const manager = await hsip.caller('manager@hsip.example');
    const code = `T-${Date.now()}`;
    const input = {
      academicYear: 2040,
      kind: 'package' as const,
      code,
      name: 'Test package',
      pricingBasis: 'school' as const,
      memberPrice: 1000,
      nonMemberPrice: 1250.5,
      lines: [
        {
          unit: 'adviser_day' as const,
          quantity: 1.5,
          description: '1½ adviser days',
          standaloneUnitPrice: 600,
        },
      ],
      bands: [{ phase: 'Secondary', memberPrice: 2000, nonMemberPrice: 2500 }],
    };
    const created = await manager.catalogue.create(input);
    const item = await manager.catalogue.byId({ id: created.id });
    expect(item).toMatchObject({ code, nonMemberPricePence: 125_050, memberPricePence: 100_000 });
    expect(item.lines[0]).toMatchObject({ quantityHundredths: 150, standaloneUnitPricePence: 60_000 });
    expect(item.bands).toHaveLength(1);
    await expect(manager.catalogue.create(input)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(manager.catalogue.create({ ...input, code: `${code}-B`, lines: [] })).rejects.toThrow(
      /at least one line/,
    );
    const finance = await hsip.caller('finance@hsip.example');
    await expect(finance.catalogue.create({ ...input, code: `${code}-C` })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('a headteacher sees their own price, subscribes with a PO number, and the entitlements arrive', async () => {
    const head = await hsip.caller('head@grange.sch.example');
    const own = (await head.workspaces.current()).mySchools[0];
    if (!own) throw new Error('no school');
    const ema = await itemByCode('HSIP-EMA');
    const quote = await head.catalogue.quote({ schoolId: own.id, itemId: ema.id, units: 1 });
    expect(quote.quote.pricedAsMember).toBe(true);
    expect(quote.quote.fullPricePence).toBe(280_000);
    expect(quote.saving.separatelyPence).toBe(360_000);
    const subscribed = await head.subscriptions.subscribe({
      schoolId: own.id,
      itemId: ema.id,
      purchaseOrderNumber: 'PO 4471/EMA',
      expectedNetPence: quote.quote.netPence,
    });
    expect(subscribed.netPence).toBe(quote.quote.netPence);
    const statement = await head.entitlements.statement({ schoolId: own.id, academicYear: ema.academicYear });
    const training = statement.find((b) => b.category === 'EMA training');
    // 6 × ½ day training (004 line 486), in proportion to the terms paid for today.
    const granted = proRataGrant('adviser_half_day', 600, paidShare(quote.quote));
    expect(training).toMatchObject({
      unit: 'adviser_half_day',
      balanceHundredths: granted,
      grantedHundredths: granted,
    });
    await expect(head.subscriptions.subscribe({ schoolId: own.id, itemId: ema.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const mine = await head.subscriptions.list({});
    expect(mine.map((s) => s.itemCode)).toContain('HSIP-EMA');
    expect(mine.every((s) => s.schoolId === own.id)).toBe(true);
  });

  it("a headteacher cannot subscribe another school, or see another school's price", async () => {
    const head = await hsip.caller('head@grange.sch.example');
    const own = (await head.workspaces.current()).mySchools[0];
    const [other] = await withTenant(database.db, tenantId, (tx) =>
      tx.select({ id: schools.id }).from(schools).where(eq(schools.status, 'open')),
    );
    const target = other?.id === own?.id ? undefined : other?.id;
    if (!target) throw new Error('no other school');
    const acl = await itemByCode('HSIP-ACL');
    await expect(head.subscriptions.subscribe({ schoolId: target, itemId: acl.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(head.catalogue.quote({ schoolId: target, itemId: acl.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('a manager reprices or withdraws an item; existing subscriptions keep their price', async () => {
    const manager = await hsip.caller('manager@hsip.example');
    const acl = await itemByCode('HSIP-ACL');
    const before = (await manager.subscriptions.list({})).filter(
      (s) => s.itemCode === 'HSIP-ACL' && s.status === 'active',
    );
    await manager.catalogue.update({
      id: acl.id,
      name: acl.name,
      description: acl.description,
      memberPrice: 4000,
      nonMemberPrice: 4900,
      active: true,
    });
    expect(await manager.catalogue.byId({ id: acl.id })).toMatchObject({ memberPricePence: 400_000 });
    const after = (await manager.subscriptions.list({})).filter(
      (s) => s.itemCode === 'HSIP-ACL' && s.status === 'active',
    );
    expect(after.map((s) => s.netPricePence)).toEqual(before.map((s) => s.netPricePence));
    const bespoke = await itemByCode('HSIP-HTREC-ADVICE');
    await manager.catalogue.update({
      ...bespoke,
      id: bespoke.id,
      memberPrice: 6,
      nonMemberPrice: 6,
      active: false,
    });
    const head = await hsip.caller('head@grange.sch.example');
    expect((await head.catalogue.list({})).map((i) => i.code)).not.toContain('HSIP-HTREC-ADVICE');
    await expect(
      head.catalogue.update({ ...bespoke, id: bespoke.id, memberPrice: 6, nonMemberPrice: 6, active: true }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a stale price is caught before anything is bought', async () => {
    const manager = await hsip.caller('manager@hsip.example');
    const gov = await itemByCode('HSIP-GOV');
    const school = await openSchool(3);
    if (!school) throw new Error('no school');
    await expect(
      manager.subscriptions.subscribe({ schoolId: school.id, itemId: gov.id, expectedNetPence: 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const list = await manager.subscriptions.list({ schoolId: school.id });
    expect(list.filter((s) => s.itemCode === 'HSIP-GOV')).toHaveLength(0);
  });

  it('cancelling withdraws what is unused and keeps the history', async () => {
    const manager = await hsip.caller('manager@hsip.example');
    const subs = await manager.subscriptions.list({});
    const live = subs.find((s) => s.status === 'active' && s.itemCode === 'HSIP-ACL');
    if (!live) throw new Error('no live seeded subscription');
    const result = await manager.subscriptions.cancel({
      id: live.id,
      reason: 'School converting to an academy',
    });
    expect(result.withdrawnHundredths).toBeGreaterThan(0);
    const history = await manager.subscriptions.history({ id: live.id });
    expect(history.map((h) => h.event)).toEqual(['subscribed', 'cancelled']);
    await expect(manager.subscriptions.cancel({ id: live.id, reason: 'Again' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const statement = await manager.entitlements.statement({ schoolId: live.schoolId });
    for (const b of statement.filter((x) => !x.unlimited))
      expect(b.balanceHundredths).toBeGreaterThanOrEqual(0);
  });

  // Two clicks at once on separate connections: PostgreSQL only; PGlite has one connection.
  it.runIf(onPostgres)('five simultaneous subscribes to one package make one subscription', async () => {
    const manager = await hsip.caller('manager@hsip.example');
    const ect = await itemByCode('HSIP-ECT');
    const school = await openSchool(4);
    if (!school) throw new Error('no school');
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        manager.subscriptions.subscribe({ schoolId: school.id, itemId: ect.id, units: 2 }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const statement = await manager.entitlements.statement({
      schoolId: school.id,
      academicYear: ect.academicYear,
    });
    const { quote } = await manager.catalogue.quote({ schoolId: school.id, itemId: ect.id, units: 2 });
    expect(statement.find((b) => b.unit === 'ect_induction')?.balanceHundredths).toBe(
      proRataGrant('ect_induction', 200, paidShare(quote)),
    );
  });
});
