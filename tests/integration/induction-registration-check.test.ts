import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import {
  auditLog,
  chargeableItems,
  ectRegistrations,
  ects,
  inductionCheckpoints,
  inductionPeriods,
} from '~/db/schema';
import { outboxTo } from '../fixtures/factories';
import {
  inductionRegistration as registration,
  makeInductionHub as makeHub,
  trn,
} from '../fixtures/induction-hub';
import { callerFor, openTestDatabase, tenantBySlug } from './harness';

/**
 * "Check school registrations before they take effect": a school's registration awaits the AB's acceptance;
 * nothing is scheduled or charged until the AB accepts it, and a declined one tells the school why.
 */
describe('an Appropriate Body checks a school’s registration before it takes effect', () => {
  let database: Database;
  let hub: Awaited<ReturnType<typeof makeHub>>;

  beforeAll(async () => {
    database = await openTestDatabase();
    hub = await makeHub(database);
    await hub
      .as(hub.people.manager)
      .induction.updateSettings({ feePerEctPence: 45_000, checkRegistrations: true });
  });

  const inTenant = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(database.db, hub.tenant.id, fn);
  const ectsWithTrn = (value: string) => inTenant((tx) => tx.select().from(ects).where(eq(ects.trn, value)));
  const chargesAtSchoolA = () =>
    inTenant((tx) => tx.select().from(chargeableItems).where(eq(chargeableItems.schoolId, hub.schoolA.id)));
  const statusOf = async (registrationId: string) =>
    (
      await inTenant((tx) =>
        tx
          .select({ status: ectRegistrations.status })
          .from(ectRegistrations)
          .where(eq(ectRegistrations.id, registrationId)),
      )
    )[0]?.status;

  it('awaiting: the school sees it, the AB sees it to check, nothing is scheduled or charged; accepting starts the schedule', async () => {
    const head = hub.as(hub.people.headA);
    const officer = hub.as(hub.people.officer);
    expect(await head.induction.settings()).toMatchObject({
      checkRegistrations: true,
      registrationsAwaitAcceptance: true,
    });
    const input = registration(hub.schoolA.id, hub.people.tutorA, {
      name: 'Awaiting Ada',
      previousInduction: 'Two terms at Elm School with Another AB, 2024',
    });
    // Registering at once is refused to the school: it sends the registration for checking instead.
    await expect(head.induction.register(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const chargesBefore = (await chargesAtSchoolA()).length;
    const countsBefore = (await officer.induction.dashboard()).counts.inProgress;
    const sent = await head.induction.submitRegistration(input);
    expect(sent.awaitingAcceptance).toBe(true);

    expect(await head.induction.registrations()).toEqual([
      expect.objectContaining({ id: sent.registrationId, status: 'awaiting', name: 'Awaiting Ada' }),
    ]);
    const toCheck = await officer.induction.registrations();
    expect(toCheck.find((r) => r.id === sent.registrationId)).toMatchObject({
      schoolName: 'Alpha Primary School',
      name: 'Awaiting Ada',
      trn: input.trn,
      startsOn: '2025-09-03',
      previousInduction: 'Two terms at Elm School with Another AB, 2024',
      registeredSince: null,
    });
    // The AB's staff are told there is one to check.
    expect(await outboxTo(database.db, hub.people.officer.email, 'A registration to check')).not.toHaveLength(
      0,
    );
    // Not in induction: no ECT record, period, checkpoint or charge.
    expect(await ectsWithTrn(input.trn)).toEqual([]);
    expect((await officer.induction.dashboard()).counts.inProgress).toBe(countsBefore);
    expect(await chargesAtSchoolA()).toHaveLength(chargesBefore);

    const accepted = await officer.induction.acceptRegistration({ registrationId: sent.registrationId });
    expect(await statusOf(sent.registrationId)).toBe('accepted');
    const record = await head.induction.byId({ ectId: accepted.ectId });
    // The same schedule as a registration taking effect at once (the AB's manager registers one directly).
    const direct = await hub
      .as(hub.people.manager)
      .induction.register(registration(hub.schoolA.id, hub.people.tutorA, { name: 'Direct Dev' }));
    const directRecord = await head.induction.byId({ ectId: direct.ectId });
    const schedule = (r: typeof record) => r.checkpoints.map((c) => `${c.termNumber}:${c.kind}:${c.dueOn}`);
    expect(schedule(record)).toHaveLength(6);
    expect(schedule(record)).toEqual(schedule(directRecord));
    // Dated the day the school sent it.
    const [period] = await inTenant((tx) =>
      tx
        .select({ registeredOn: inductionPeriods.registeredOn })
        .from(inductionPeriods)
        .where(eq(inductionPeriods.ectId, accepted.ectId)),
    );
    expect(period?.registeredOn).toBe(
      (
        await inTenant((tx) =>
          tx.select().from(ectRegistrations).where(eq(ectRegistrations.id, sent.registrationId)),
        )
      )[0]?.submittedOn,
    );
    const [fee] = await inTenant((tx) =>
      tx.select().from(chargeableItems).where(eq(chargeableItems.sourceId, accepted.ectId)),
    );
    expect(fee).toMatchObject({ sourceType: 'ect_registration', unitPricePence: 45_000 });
    expect((await officer.induction.registrations()).map((r) => r.id)).not.toContain(sent.registrationId);
    expect(
      await outboxTo(database.db, hub.people.headA.email, 'Registration accepted: Awaiting Ada'),
    ).toHaveLength(1);
    const audited = await inTenant((tx) =>
      tx
        .select({ actorUserId: auditLog.actorUserId })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, 'induction.acceptRegistration'),
            sql`${auditLog.targetIds}->>'registrationId' = ${sent.registrationId}`,
          ),
        ),
    );
    expect(audited).toEqual([{ actorUserId: hub.people.officer.id }]);
    // Decided once.
    await expect(
      officer.induction.rejectRegistration({
        registrationId: sent.registrationId,
        reason: 'Too late now, sorry.',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('rejecting with a reason emails the school and leaves no ECT, checkpoint or charge; the school corrects it and registers again', async () => {
    const head = hub.as(hub.people.headA);
    const manager = hub.as(hub.people.manager);
    const input = registration(hub.schoolA.id, hub.people.tutorA, { name: 'Rejected Rory' });
    const chargesBefore = (await chargesAtSchoolA()).length;
    const { registrationId } = await head.induction.submitRegistration(input);
    await expect(
      manager.induction.rejectRegistration({ registrationId, reason: 'No' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const reason = 'The TRN does not match a teacher with QTS: please check it with the ECT.';
    expect(await manager.induction.rejectRegistration({ registrationId, reason })).toMatchObject({
      registrationId,
      emailed: 1,
    });
    expect(await statusOf(registrationId)).toBe('rejected');
    const [email] = await outboxTo(
      database.db,
      hub.people.headA.email,
      'Registration not accepted: Rejected Rory',
    );
    expect(email?.template).toBe('ect-registration-rejected');
    expect(JSON.stringify(email?.props)).toContain(reason);
    expect(await ectsWithTrn(input.trn)).toEqual([]);
    const checkpointsOfTrn = await inTenant((tx) =>
      tx
        .select({ id: inductionCheckpoints.id })
        .from(inductionCheckpoints)
        .innerJoin(ects, eq(ects.id, inductionCheckpoints.ectId))
        .where(eq(ects.trn, input.trn)),
    );
    expect(checkpointsOfTrn).toEqual([]);
    expect(await chargesAtSchoolA()).toHaveLength(chargesBefore);
    // The school sees it, with the reason; accepting it now is refused.
    expect((await head.induction.registrations()).find((r) => r.id === registrationId)).toMatchObject({
      status: 'rejected',
      rejectionReason: reason,
    });
    await expect(manager.induction.acceptRegistration({ registrationId })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // Corrected and sent again: the declined one gives way to it on the school's list.
    const details = await head.induction.registration({ registrationId });
    const again = await head.induction.submitRegistration({
      ...details,
      dateOfBirth: details.dateOfBirth ?? undefined,
      trn: trn(),
    });
    const mine = await head.induction.registrations();
    expect(mine.map((r) => r.id)).toContain(again.registrationId);
    expect(mine.map((r) => r.id)).not.toContain(registrationId);
  });

  it('the school corrects or withdraws a registration while it waits; the same TRN cannot wait twice', async () => {
    const head = hub.as(hub.people.headA);
    const input = registration(hub.schoolA.id, hub.people.tutorA, { name: 'Corrected Cara' });
    const { registrationId } = await head.induction.submitRegistration(input);
    await expect(head.induction.submitRegistration(input)).rejects.toMatchObject({ code: 'CONFLICT' });
    await head.induction.correctRegistration({ ...input, registrationId, startsOn: '2026-01-05', fte: 0.6 });
    expect(await head.induction.registration({ registrationId })).toMatchObject({
      startsOn: '2026-01-05',
      fte: 0.6,
    });
    await head.induction.withdrawRegistration({ registrationId });
    expect(await statusOf(registrationId)).toBe('withdrawn');
    await expect(
      hub.as(hub.people.officer).induction.acceptRegistration({ registrationId }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await ectsWithTrn(input.trn)).toEqual([]);
  });

  it('refuses the wrong role: a school cannot accept or decline, nor see another school’s registration', async () => {
    const { registrationId } = await hub
      .as(hub.people.headA)
      .induction.submitRegistration(registration(hub.schoolA.id, hub.people.tutorA, { name: 'Role Rhea' }));
    for (const person of [hub.people.headA, hub.people.tutorA, hub.people.headB]) {
      await expect(hub.as(person).induction.acceptRegistration({ registrationId })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        hub.as(person).induction.rejectRegistration({ registrationId, reason: 'Not one of ours at all.' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const headB = hub.as(hub.people.headB);
    expect((await headB.induction.registrations()).map((r) => r.id)).not.toContain(registrationId);
    await expect(headB.induction.registration({ registrationId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(headB.induction.withdrawRegistration({ registrationId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await statusOf(registrationId)).toBe('awaiting');
  });

  it('a user of another workspace can do nothing to it, whichever ids they send', async () => {
    const input = registration(hub.schoolA.id, hub.people.tutorA, { name: 'Tenant Tom' });
    const { registrationId } = await hub.as(hub.people.headA).induction.submitRegistration(input);
    const other = await makeHub(database);
    await other
      .as(other.people.manager)
      .induction.updateSettings({ feePerEctPence: 45_000, checkRegistrations: true });
    const intruder = other.as(other.people.manager);
    const refused = { code: expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/) };
    await expect(intruder.induction.acceptRegistration({ registrationId })).rejects.toMatchObject(refused);
    await expect(
      intruder.induction.rejectRegistration({ registrationId, reason: 'From another workspace entirely.' }),
    ).rejects.toMatchObject(refused);
    await expect(intruder.induction.withdrawRegistration({ registrationId })).rejects.toMatchObject(refused);
    await expect(
      intruder.induction.correctRegistration({ ...input, registrationId, schoolId: other.schoolA.id }),
    ).rejects.toMatchObject(refused);
    await expect(intruder.induction.registration({ registrationId })).rejects.toMatchObject(refused);
    expect((await intruder.induction.registrations()).map((r) => r.id)).not.toContain(registrationId);
    // Sending it for the other workspace's school with this workspace's school id finds no school.
    await expect(
      other.as(other.people.headA).induction.submitRegistration({ ...input, trn: trn() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Through this workspace's address, the other workspace's manager is not a member.
    await expect(
      callerFor(database.db, other.people.manager.email, hub.tenant.slug).then((c) =>
        c.induction.acceptRegistration({ registrationId }),
      ),
    ).rejects.toMatchObject(refused);
    expect(await statusOf(registrationId)).toBe('awaiting');
    expect(await ectsWithTrn(input.trn)).toEqual([]);
  });

  it('with the setting off a school’s registration takes effect at once, as before; the AB’s own staff always register at once', async () => {
    const plain = await makeHub(database);
    const head = plain.as(plain.people.headA);
    expect(await head.induction.settings()).toMatchObject({
      checkRegistrations: false,
      registrationsAwaitAcceptance: false,
    });
    const { ectId } = await head.induction.register(registration(plain.schoolA.id, plain.people.tutorA));
    expect((await head.induction.byId({ ectId })).checkpoints).toHaveLength(6);
    await expect(
      head.induction.submitRegistration(registration(plain.schoolA.id, plain.people.tutorA)),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // With the check on, the manager registering for a school needs no acceptance.
    const managerView = await hub.as(hub.people.manager).induction.settings();
    expect(managerView).toMatchObject({ checkRegistrations: true, registrationsAwaitAcceptance: false });
  });

  it('an Appropriate Body workspace created on the platform checks registrations from the start', async () => {
    const run = Date.now().toString(36);
    const admin = await callerFor(database.db, 'platform@stride.example', null);
    await admin.platform.createWorkspace({
      name: 'Southshire Teaching School Hub',
      shortName: 'SSH',
      slug: `ssh-${run}`,
      kind: 'appropriate_body',
      modules: ['induction'],
      managerEmail: `director-${run}@ssh.example`,
    });
    expect((await tenantBySlug(database.db, `ssh-${run}`)).settings).toMatchObject({
      induction: { checkRegistrations: true },
    });
  });
});
