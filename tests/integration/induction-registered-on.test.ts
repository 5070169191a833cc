import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { inductionPeriods } from '~/db/schema';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { runScheduledJob } from '~/server/jobs/run-scheduled-job';
import { outboxTo } from '../fixtures/factories';
import {
  inductionRegistration as registration,
  makeInductionHub as makeHub,
} from '../fixtures/induction-hub';
import { callerFor, openTestDatabase, testAppUrl } from './harness';

describe('An ECT’s date of registration', () => {
  let database: Database;
  let hub: Awaited<ReturnType<typeof makeHub>>;

  beforeAll(async () => {
    database = await openTestDatabase();
    hub = await makeHub(database);
  });

  it('an AB officer enters an earlier date for a registration made late; lateness and escalation count from it', async () => {
    const manager = hub.as(hub.people.manager);
    const today = todayInLondon();
    // The school sent its registration on 1 October 2025, a month after the start: late, but nothing was due yet.
    const registeredOn = '2025-10-01';
    const input = registration(hub.schoolA.id, hub.people.tutorA, { startsOn: '2025-09-03', registeredOn });
    const preview = await manager.induction.previewRegistration({
      startsOn: '2025-09-03',
      fte: 1,
      registeredOn,
    });
    expect(preview).toMatchObject({ registeredOn, late: true, overdue: [] });

    const result = await manager.induction.register(input);
    expect(result.lateRegistration).toEqual({
      late: true,
      startsOn: '2025-09-03',
      registeredOn,
      overdue: [],
    });
    const record = await manager.induction.byId({ ectId: result.ectId });
    expect(record.registration).toMatchObject({ registeredOn, late: true, overdue: [] });
    // Reviews that fell due after 1 October are overdue now, but were not when the school registered.
    const overdueNow = record.checkpoints.filter((c) => c.dueOn < today);
    expect(overdueNow.length).toBeGreaterThan(0);
    expect(record.checkpoints.every((c) => !c.overdueAtRegistration)).toBe(true);
    const onDashboard = (await manager.induction.dashboard()).overdue.filter((c) => c.ectId === result.ectId);
    expect(onDashboard).toHaveLength(overdueNow.length);
    expect(onDashboard.every((c) => c.registeredOn === registeredOn && !c.overdueAtRegistration)).toBe(true);

    // So they are chased from their due dates, long past: straight to the AB, with no "already overdue" note.
    await runScheduledJob(database.db, 'induction-escalations', {
      today,
      appUrl: testAppUrl,
      tenants: [hub.tenant.slug],
    });
    const toAb = await outboxTo(database.db, hub.people.officer.email, 'Overdue: Priya Raman');
    expect(toAb.length).toBeGreaterThan(0);
    expect(toAb.every((m) => !m.text?.includes('already overdue when'))).toBe(true);
  });

  it('is today for a school, which cannot date its own registration back; nobody can date it forward', async () => {
    const head = hub.as(hub.people.headA);
    const today = todayInLondon();
    await expect(
      head.induction.register(
        registration(hub.schoolA.id, hub.people.tutorA, { registeredOn: '2025-10-01' }),
      ),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only the Appropriate Body can enter an earlier date of registration.',
    });
    await expect(
      hub
        .as(hub.people.manager)
        .induction.register(registration(hub.schoolA.id, hub.people.tutorA, { registeredOn: '2999-01-01' })),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The date of registration cannot be in the future.',
    });
    // Left out (or today), a school's registration is dated today and stored so.
    const { ectId } = await head.induction.register(registration(hub.schoolA.id, hub.people.tutorA));
    const [period] = await withTenant(database.db, hub.tenant.id, (tx) =>
      tx.select().from(inductionPeriods).where(eq(inductionPeriods.ectId, ectId)),
    );
    expect(period?.registeredOn).toBe(today);
  });

  it('the demo AB’s registrations are dated to their starts, so none reads as late', async () => {
    const lead = await callerFor(database.db, 'induction@nwlhub.example', 'nwlhub');
    const overdue = (await lead.induction.dashboard()).overdue;
    expect(overdue.filter((c) => c.overdueAtRegistration)).toEqual([]);
  });

  it('a period registered before the date was kept reads the day its row was made', async () => {
    const ectId = await hub.register('Legacy Lee');
    await withTenant(database.db, hub.tenant.id, (tx) =>
      tx.update(inductionPeriods).set({ registeredOn: null }).where(eq(inductionPeriods.ectId, ectId)),
    );
    const record = await hub.as(hub.people.manager).induction.byId({ ectId });
    expect(record.registration?.registeredOn).toBe(todayInLondon());
  });
});
