import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { catalogueItems } from '~/db/schema';
import { makeDemoWorkspace, type DemoWorkspace } from '../fixtures/factories';
import { openTestDatabase } from './harness';

describe('adviser time (BPSI)', () => {
  let database: Database;
  let barnet: DemoWorkspace;
  let serviceIdFor: (code: string) => Promise<string>;

  beforeAll(async () => {
    database = await openTestDatabase();
    // A copy of Barnet of this file's own, so the suite can run again on the same database.
    barnet = await makeDemoWorkspace(database.db, 'barnet');
    serviceIdFor = async (code) => {
      const [item] = await withTenant(database.db, barnet.id, (tx) =>
        tx.select({ id: catalogueItems.id }).from(catalogueItems).where(eq(catalogueItems.code, code)),
      );
      if (!item) throw new Error(`no ${code}`);
      return item.id;
    };
  });

  it('a school requests a review, the manager assigns it, the adviser logs it, and the balance drops', async () => {
    const head = await barnet.caller('head@coppettswood.sch.example');
    const school = (await head.workspaces.current()).mySchools[0];
    if (!school) throw new Error('no school');
    // Seeded: Coppetts Wood subscribes to BPSI, which gives 20 BPSI hours.
    const hoursBefore = (await head.entitlements.statement({ schoolId: school.id })).find(
      (b) => b.unit === 'adviser_hour',
    );
    expect(hoursBefore?.balanceHundredths).toBe(2000);

    const request = await head.adviserTime.request({
      schoolId: school.id,
      serviceId: await serviceIdFor('BPSI-REVIEW'),
      preferredDates: 'Week beginning 2 March',
      details: 'Focus on reading in KS1',
    });
    const manager = await barnet.caller('head.si@barnet.example');
    const adviser = await barnet.user('adviser@barnet.example');
    await manager.adviserTime.assign({ requestId: request.id, adviserUserId: adviser.id });

    const otherAdviser = await barnet.caller('amara.nwosu@barnet.example');
    const visit = {
      requestId: request.id,
      visitDate: '2026-11-18',
      duration: { amount: 2, unit: 'day' as const },
      summary: 'Review of reading with two peer headteachers; report to follow.',
    };
    await expect(otherAdviser.adviserTime.logVisit(visit)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await otherAdviser.adviserTime.list({})).toEqual([]);

    const assigned = await barnet.caller('adviser@barnet.example');
    expect((await assigned.adviserTime.list({})).map((r) => r.id)).toContain(request.id);
    const logged = await assigned.adviserTime.logVisit(visit);
    expect(logged.outcome).toBe('drawn');
    await expect(assigned.adviserTime.logVisit(visit)).rejects.toMatchObject({ code: 'CONFLICT' });

    const hoursAfter = (await head.entitlements.statement({ schoolId: school.id })).find(
      (b) => b.unit === 'adviser_hour',
    );
    expect(hoursAfter?.balanceHundredths).toBe(800);
    expect(hoursAfter?.entries.at(-1)).toMatchObject({ kind: 'drawdown', quantityHundredths: -1200 });
    const mine = await head.adviserTime.list({});
    expect(mine.find((r) => r.id === request.id)).toMatchObject({
      status: 'completed',
      adviserName: "Rachel O'Connor",
    });

    const usage = await manager.adviserTime.utilisation({});
    const rachel = usage.byAdviser.find((a) => a.userId === adviser.id);
    expect(rachel).toMatchObject({ visits: 1, daysHundredths: 200, costPence: 76_000 });
    expect(usage.byService.find((s) => s.name === 'BPSI School Review')?.valuePence).toBeGreaterThan(0);
  });

  it('a consultancy hour beyond the balance is charged at the school rate', async () => {
    const manager = await barnet.caller('head.si@barnet.example');
    const subscribed = new Set((await manager.subscriptions.list({})).map((s) => s.schoolId));
    const school = (await manager.schools.list({ status: 'open' })).find((s) => !subscribed.has(s.id));
    if (!school) throw new Error('every school subscribes');
    // The manager requests and logs on the school's and adviser's behalf: three hours, with no balance to draw.
    const request = await manager.adviserTime.request({
      schoolId: school.id,
      serviceId: await serviceIdFor('BPSI-HOUR'),
      preferredDates: 'Any afternoon',
    });
    const adviser = await barnet.user('adviser@barnet.example');
    await manager.adviserTime.assign({ requestId: request.id, adviserUserId: adviser.id });
    const logged = await manager.adviserTime.logVisit({
      requestId: request.id,
      visitDate: '2026-11-19',
      duration: { amount: 3, unit: 'hour' },
      summary: 'Budget-setting support with the SBM.',
    });
    expect(logged.outcome).toBe('charged');
    expect(logged.valuePence).toBe(3 * (school.isPartnershipMember ? 9_500 : 11_500));
  });

  it('refuses a visit with a bad date or no summary, with field messages', async () => {
    const manager = await barnet.caller('head.si@barnet.example');
    await expect(
      manager.adviserTime.logVisit({
        requestId: crypto.randomUUID(),
        visitDate: '18/11/2026',
        duration: { amount: 1, unit: 'day' },
        summary: 'short',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
