import { randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { auditLog, chargeableItems } from '~/db/schema';
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
  let tenantId: string;
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
    tenantId = tenant.id;
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

  const register = (withTrn: string = trn()) =>
    as(people.headA).induction.register({
      schoolId: schoolA.id,
      name: 'Rhys Jenkins',
      trn: withTrn,
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
    // The new mentor is invited to sign in, as at registration.
    expect(halfTime.invited).toContain('nia@alpha.sch.example');
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

  it('the AB reduces induction for prior experience with a reason; the schedule is recomputed', async () => {
    const { ectId, completesOn } = await register();
    const ab = as(people.officer);
    // The school may not reduce induction; a reduction needs a reason.
    await expect(
      as(people.headA).induction.setReduction({ ectId, reductionTerms: 2, reason: 'Taught abroad.' }),
    ).rejects.toThrow('Your role in this workspace does not allow this.');
    await expect(ab.induction.setReduction({ ectId, reductionTerms: 2, reason: '' })).rejects.toThrow(
      'Give the reason for the reduction',
    );
    await expect(
      ab.induction.setReduction({ ectId, reductionTerms: 6, reason: 'Years of experience.' }),
    ).rejects.toThrow('Between 0 and 5 terms');

    const reduced = await ab.induction.setReduction({
      ectId,
      reductionTerms: 2.5,
      reason: 'Two years teaching in an independent school.',
    });
    expect(reduced.termsRequired).toBe(3.5);
    expect(reduced.completesOn < completesOn).toBe(true);
    const record = await as(people.headA).induction.byId({ ectId });
    expect(record.ect).toMatchObject({
      reductionTenths: 25,
      reductionReason: 'Two years teaching in an independent school.',
    });
    expect(record.schedule).toMatchObject({ termsRequired: 3.5, completesOn: reduced.completesOn });
    // Four checkpoints: terms 1–2 reviews, 3 formal, and the half term left ends with a formal assessment.
    expect(record.checkpoints.filter((c) => c.kind !== 'interim').map((c) => c.kind)).toEqual([
      'review',
      'review',
      'formal',
      'formal',
    ]);
    expect(record.mayReduce).toBe(false);
    expect((await ab.induction.byId({ ectId })).mayReduce).toBe(true);

    // Reviews already submitted hold: a reduction cannot end induction before them.
    const [first, second] = record.checkpoints;
    for (const c of [first, second]) {
      if (!c) throw new Error('no checkpoint');
      await as(people.tutorA).induction.submitCheckpoint({
        checkpointId: c.id,
        judgement: 'on_track',
        evidence: 'Secure planning and good behaviour management observed this term.',
      });
    }
    await expect(
      ab.induction.setReduction({ ectId, reductionTerms: 5, reason: 'More experience found.' }),
    ).rejects.toThrow('already submitted the review for induction term 2');

    // Taken back: six terms again, the reason cleared.
    const undone = await ab.induction.setReduction({ ectId, reductionTerms: 0, reason: '' });
    expect(undone).toMatchObject({ termsRequired: 6, completesOn });
    const restored = await ab.induction.byId({ ectId });
    expect(restored.ect).toMatchObject({ reductionTenths: 0, reductionReason: '' });
    expect(restored.checkpoints).toHaveLength(6);
  });

  it('the AB (only) corrects a TRN; a TRN another ECT holds is refused; the change is audited', async () => {
    const mistyped = trn();
    const { ectId } = await register(mistyped);
    const other = await register();
    const otherTrn = (await as(people.officer).induction.byId({ ectId: other.ectId })).ect.trn;
    const ab = as(people.officer);
    await expect(as(people.headA).induction.correctTrn({ ectId, trn: trn() })).rejects.toThrow(
      'Your role in this workspace does not allow this.',
    );
    await expect(ab.induction.correctTrn({ ectId, trn: '12345' })).rejects.toThrow(
      'A teacher reference number (TRN) is seven digits.',
    );
    await expect(ab.induction.correctTrn({ ectId, trn: otherTrn })).rejects.toThrow(
      `TRN ${otherTrn} already belongs to another ECT in this workspace (Rhys Jenkins).`,
    );
    await expect(ab.induction.correctTrn({ ectId, trn: mistyped })).rejects.toThrow(
      `The TRN is already ${mistyped}.`,
    );
    let corrected = trn();
    while (corrected === mistyped || corrected === otherTrn) corrected = trn();
    await expect(ab.induction.correctTrn({ ectId, trn: corrected })).resolves.toEqual({
      ectId,
      trn: corrected,
    });
    const record = await as(people.headA).induction.byId({ ectId });
    expect(record.ect.trn).toBe(corrected);
    expect(record.mayCorrectTrn).toBe(false);
    // The old TRN is free again, so the school can register it (a different teacher).
    expect(await as(people.headA).induction.findTrn({ trn: mistyped })).toBeNull();
    const [fee] = await withTenant(database.db, tenantId, (tx) =>
      tx
        .select({ description: chargeableItems.description })
        .from(chargeableItems)
        .where(eq(chargeableItems.sourceId, ectId)),
    );
    expect(fee?.description).toBe(`Appropriate Body fee: induction of Rhys Jenkins (TRN ${corrected})`);
    const audited = await withTenant(database.db, tenantId, (tx) =>
      tx
        .select({ actorUserId: auditLog.actorUserId })
        .from(auditLog)
        .where(
          and(eq(auditLog.action, 'induction.correctTrn'), sql`${auditLog.targetIds}->>'ectId' = ${ectId}`),
        ),
    );
    expect(audited).toEqual([{ actorUserId: people.officer.id }]);
  });
});
