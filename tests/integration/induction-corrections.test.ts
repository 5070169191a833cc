import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import {
  addMembership,
  callerAs,
  makeSchool,
  makeTenant,
  makeUser,
  type MadeUser,
} from '../fixtures/factories';
import { openTestDatabase } from './harness';

const trn = () => String(randomInt(1_000_000, 9_999_999));

/** Corrections after registration (details, a period's FTE and start, recomputed schedule) and closing a support plan. */
describe('induction record corrections', () => {
  let database: Database;
  let slug: string;
  const people: Record<'officer' | 'headA' | 'headB' | 'tutorA', MadeUser> = {} as never;
  let schoolA: { id: string };
  const as = (u: MadeUser) => callerAs(database.db, u, slug);

  beforeAll(async () => {
    database = await openTestDatabase();
    const tenant = await makeTenant(database.db, {
      kind: 'appropriate_body',
      modules: ['induction', 'courses', 'invoices'],
    });
    slug = tenant.slug;
    schoolA = await makeSchool(database.db, tenant.id, { name: 'Alpha Primary School' });
    const schoolB = await makeSchool(database.db, tenant.id, { name: 'Beta High School' });
    const person = async (role: 'adviser' | 'school_admin' | 'school_staff', schoolId: string | null) => {
      const user = await makeUser(database.db);
      await addMembership(database.db, tenant.id, user.id, role, schoolId);
      return user;
    };
    people.officer = await person('adviser', null);
    people.headA = await person('school_admin', schoolA.id);
    people.headB = await person('school_admin', schoolB.id);
    people.tutorA = await person('school_staff', schoolA.id);
  });

  const register = () =>
    as(people.headA).induction.register({
      schoolId: schoolA.id,
      name: 'Rhys Jenkins',
      trn: trn(),
      email: `rhys.${trn()}@alpha.sch.example`,
      startsOn: '2025-09-03',
      fte: 1,
      tutorName: 'Tara Tutor',
      tutorEmail: people.tutorA.email,
      mentorName: 'Mo Mentor',
      mentorEmail: 'mentor@alpha.sch.example',
    });

  it('the head corrects details and the FTE; the schedule is recomputed', async () => {
    const { ectId, completesOn } = await register();
    const head = as(people.headA);
    await head.induction.updateEct({ ectId, name: 'Rhys Jenkins-Evans', email: 'RHYS.J@alpha.sch.example' });
    const before = await head.induction.byId({ ectId });
    expect(before.ect).toMatchObject({ name: 'Rhys Jenkins-Evans', email: 'rhys.j@alpha.sch.example' });
    const period = before.periods[0];
    if (!period) throw new Error('no period');
    const formalBefore = before.checkpoints.find((c) => c.termNumber === 3)?.dueOn ?? '';

    // Part time at 0.5: six terms take twice as long, so every due date moves later.
    const halfTime = await head.induction.updatePeriod({
      periodId: period.id,
      startsOn: period.startsOn,
      fte: 0.5,
      tutorName: period.tutorName,
      tutorEmail: period.tutorEmail,
      mentorName: 'Nia Mentor',
      mentorEmail: 'nia@alpha.sch.example',
    });
    expect(halfTime.completesOn > completesOn).toBe(true);
    const after = await head.induction.byId({ ectId });
    expect(after.schedule.completesOn).toBe(halfTime.completesOn);
    expect(after.periods[0]).toMatchObject({ fteHundredths: 50, mentorName: 'Nia Mentor' });
    expect((after.checkpoints.find((c) => c.termNumber === 3)?.dueOn ?? '') > formalBefore).toBe(true);

    // A later start moves the ECT's induction start with it.
    await head.induction.updatePeriod({
      periodId: period.id,
      startsOn: '2026-01-05',
      fte: 1,
      tutorName: period.tutorName,
      tutorEmail: period.tutorEmail,
      mentorName: 'Nia Mentor',
      mentorEmail: 'nia@alpha.sch.example',
    });
    const moved = await head.induction.byId({ ectId });
    expect(moved.ect.startsOn).toBe('2026-01-05');
    expect(moved.schedule.completesOn > completesOn).toBe(true);
    await expect(
      head.induction.updatePeriod({
        periodId: period.id,
        startsOn: '2026-01-05',
        fte: 1.5,
        tutorName: 'T',
        tutorEmail: 'x',
        mentorName: 'M',
        mentorEmail: 'y',
      }),
    ).rejects.toThrow('FTE is between 0.1 and 1.');
    // Another school's head learns nothing; the tutor may not correct the record.
    await expect(
      as(people.headB).induction.updateEct({ ectId, name: 'X Y', email: 'x@y.example' }),
    ).rejects.toThrow('That ECT was not found.');
    await expect(
      as(people.tutorA).induction.updateEct({ ectId, name: 'X Y', email: 'x@y.example' }),
    ).rejects.toThrow('Your role in this workspace does not allow this.');
  });

  it('the AB closes a support plan by hand; the ECT is no longer at risk', async () => {
    const { ectId } = await register();
    const first = (await as(people.tutorA).induction.byId({ ectId })).checkpoints[0];
    if (!first) throw new Error('no checkpoint');
    await as(people.tutorA).induction.submitCheckpoint({
      checkpointId: first.id,
      judgement: 'not_on_track',
      evidence: 'Planning is not yet secure; weekly coaching agreed with the mentor.',
    });
    const atRisk = await as(people.officer).induction.byId({ ectId });
    expect(atRisk.atRisk).toBe(true);
    const plan = atRisk.supportPlans[0];
    if (!plan) throw new Error('no plan');
    await expect(
      as(people.headA).induction.closeSupportPlan({ supportPlanId: plan.id, note: 'Back on track now.' }),
    ).rejects.toThrow('Your role in this workspace does not allow this.');
    await expect(
      as(people.officer).induction.closeSupportPlan({ supportPlanId: plan.id, note: '' }),
    ).rejects.toThrow('Say why the plan is closed');
    const closed = await as(people.officer).induction.closeSupportPlan({
      supportPlanId: plan.id,
      note: 'Observed twice since: planning now secure.',
    });
    expect(closed.notified).toBe(1);
    const after = await as(people.headA).induction.byId({ ectId });
    expect(after.atRisk).toBe(false);
    expect(after.supportPlans[0]).toMatchObject({
      status: 'closed',
      closingNote: 'Observed twice since: planning now secure.',
    });
    await expect(
      as(people.officer).induction.closeSupportPlan({ supportPlanId: plan.id, note: 'Again, closing.' }),
    ).rejects.toThrow('This support plan is already closed.');
  });
});
