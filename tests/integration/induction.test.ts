import { eq } from 'drizzle-orm';
import { academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { checkpointTitle } from '~/server/induction/induction-labels';
import { beforeAll, describe, expect, it } from 'vitest';
import { withPlatform, withTenant, type Database } from '~/db/client';
import { chargeableItems, inductionCheckpoints, users } from '~/db/schema';
import { workingDaysAfter } from '~/server/courses/working-days';
import { longDate } from '~/server/format/dates';
import { runScheduledJob } from '~/server/jobs/run-scheduled-job';
import { addMembership, makeUser, makeWorkspaceWithEveryRole, outboxTo } from '../fixtures/factories';
import {
  inductionRegistration as registration,
  makeInductionHub as makeHub,
} from '../fixtures/induction-hub';
import { openTestDatabase, testAppUrl } from './harness';

describe('ECT induction (Appropriate Body)', () => {
  let database: Database;
  let hub: Awaited<ReturnType<typeof makeHub>>;

  beforeAll(async () => {
    database = await openTestDatabase();
    hub = await makeHub(database);
  });

  const emailsTo = (to: string, subject: string) => outboxTo(database.db, to, subject);

  it('a school registers an ECT: six checkpoints, and the AB fee becomes a chargeable item', async () => {
    const head = hub.as(hub.people.headA);
    const input = registration(hub.schoolA.id, hub.people.tutorA);
    const result = await head.induction.register(input);
    expect(result.transferred).toBe(false);
    // The mentor and the ECT are invited to sign in; the tutor already works at the school here.
    expect(result.invited.sort()).toEqual([input.email, 'mentor@alpha.sch.example'].sort());
    const invitedAs = async (to: string, line: string) =>
      (await emailsTo(to, 'You are invited')).some((m) => m.text?.includes(line));
    expect(
      await invitedAs('mentor@alpha.sch.example', 'You are Priya Raman’s mentor at Alpha Primary School'),
    ).toBe(true);
    expect(await invitedAs(input.email, 'Alpha Primary School has registered your induction.')).toBe(true);
    // A second ECT with the same mentor: the mentor's invitation is still open, so it is not sent again.
    const second = await head.induction.register(registration(hub.schoolA.id, hub.people.tutorA));
    expect(second.invited).not.toContain('mentor@alpha.sch.example');
    const record = await head.induction.byId({ ectId: result.ectId });
    expect(record.checkpoints.map((c) => `${c.termNumber}:${c.kind}`)).toEqual([
      '1:review',
      '2:review',
      '3:formal',
      '4:review',
      '5:review',
      '6:formal',
    ]);
    const [charge] = await withTenant(database.db, hub.tenant.id, (tx) =>
      tx.select().from(chargeableItems).where(eq(chargeableItems.sourceId, result.ectId)),
    );
    expect(charge).toMatchObject({
      schoolId: hub.schoolA.id,
      unitPricePence: 45_000,
      netPence: 45_000,
      sourceType: 'ect_registration',
      status: 'uninvoiced',
    });
    // The same TRN twice at one school is refused.
    await expect(head.induction.register({ ...input, name: 'Someone Else' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('the AB’s manager sets the fee per ECT; schools are charged the new fee from then on', async () => {
    const manager = hub.as(hub.people.manager);
    const head = hub.as(hub.people.headA);
    expect(await head.induction.settings()).toMatchObject({ feePerEctPence: 45_000 });
    await expect(head.induction.updateSettings({ feePerEctPence: 100 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(manager.induction.updateSettings({ feePerEctPence: -1 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await manager.induction.updateSettings({ feePerEctPence: 30_000 })).toMatchObject({
      feePerEctPence: 30_000,
    });
    const { ectId } = await hub
      .as(hub.people.headA)
      .induction.register(registration(hub.schoolA.id, hub.people.tutorA));
    const [charge] = await withTenant(database.db, hub.tenant.id, (tx) =>
      tx.select().from(chargeableItems).where(eq(chargeableItems.sourceId, ectId)),
    );
    expect(charge?.unitPricePence).toBe(30_000);
    // No fee: nothing charged.
    await manager.induction.updateSettings({ feePerEctPence: 0 });
    const free = await hub
      .as(hub.people.headA)
      .induction.register(registration(hub.schoolA.id, hub.people.tutorA));
    expect(free.chargeableItemId).toBeNull();
    await manager.induction.updateSettings({ feePerEctPence: 45_000 });
  });

  it('refuses a bad TRN, an FTE out of range, and a school that is not the head’s', async () => {
    const head = hub.as(hub.people.headA);
    await expect(
      head.induction.register(registration(hub.schoolA.id, hub.people.tutorA, { trn: '123456' })),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      head.induction.register(registration(hub.schoolA.id, hub.people.tutorA, { fte: 0.05 })),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      head.induction.register(registration(hub.schoolB.id, hub.people.tutorA)),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('one school cannot see another school’s ECTs', async () => {
    const { ectId } = await hub
      .as(hub.people.headA)
      .induction.register(registration(hub.schoolA.id, hub.people.tutorA));
    const headB = hub.as(hub.people.headB);
    expect((await headB.induction.list({})).map((e) => e.id)).not.toContain(ectId);
    await expect(headB.induction.byId({ ectId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(headB.induction.list({ schoolId: hub.schoolA.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await hub.as(hub.people.officer).induction.list({})).map((e) => e.id)).toContain(ectId);
  });

  it('a TRN registered at another school is found, and the new school continues that induction', async () => {
    const input = registration(hub.schoolA.id, hub.people.tutorA);
    const { ectId } = await hub.as(hub.people.headA).induction.register(input);
    const headB = hub.as(hub.people.headB);
    const found = await headB.induction.findTrn({ trn: input.trn });
    expect(found).toMatchObject({ id: ectId, name: 'Priya Raman', schoolName: 'Alpha Primary School' });
    const moved = {
      ...input,
      schoolId: hub.schoolB.id,
      startsOn: '2026-01-05',
      fte: 0.6,
      tutorEmail: 'tutor@beta.sch.example',
    };
    await expect(headB.induction.register(moved)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('at Alpha Primary School since 3 September 2025.'),
    });
    const transfer = await headB.induction.register({ ...moved, continueInduction: true });
    expect(transfer).toMatchObject({ ectId, transferred: true, chargeableItemId: null });
    // The school left behind is told, with the interim assessment it owes.
    const moving = await emailsTo(hub.people.tutorA.email, 'ECT moving on: Priya Raman');
    expect(moving.some((m) => m.text?.includes('interim assessment'))).toBe(true);
    expect((await emailsTo(hub.people.headA.email, 'ECT moving on: Priya Raman')).length).toBeGreaterThan(0);
    // The new school's tutor is invited; the ECT already was.
    expect(transfer.invited).toContain('tutor@beta.sch.example');
    expect(transfer.invited).not.toContain(input.email);
    const record = await headB.induction.byId({ ectId });
    expect(record.periods.map((p) => [p.schoolName, p.startsOn, p.endsOn])).toEqual([
      ['Alpha Primary School', '2025-09-03', '2026-01-04'],
      ['Beta High School', '2026-01-05', null],
    ]);
    const interim = record.checkpoints.find((c) => c.kind === 'interim');
    // Due on the ECT's last working day in term at Alpha, not on Sunday 4 January in the holidays.
    expect(interim).toMatchObject({ dueOn: '2025-12-19', schoolName: 'Alpha Primary School', status: 'due' });
    expect(moving.some((m) => m.text?.includes('by 19 December 2025, their last day in term with you'))).toBe(
      true,
    );
    // Term 1 was at Alpha and stays there (not yet submitted); the rest move to Beta and a 0.6 FTE schedule.
    expect(record.checkpoints.find((c) => c.termNumber === 1)?.schoolName).toBe('Alpha Primary School');
    expect(record.checkpoints.find((c) => c.termNumber === 6)?.schoolName).toBe('Beta High School');
    const charges = await withTenant(database.db, hub.tenant.id, (tx) =>
      tx.select().from(chargeableItems).where(eq(chargeableItems.sourceId, ectId)),
    );
    expect(charges).toHaveLength(1);
    // The school the ECT left still submits the interim assessment.
    await hub.as(hub.people.tutorA).induction.submitCheckpoint({
      checkpointId: interim?.id ?? '',
      judgement: 'on_track',
      evidence: 'Interim assessment: meeting the Teachers’ Standards in every area observed.',
    });
  });

  it('after a transfer the school left keeps the reviews of its terms, still submits them, and is told which', async () => {
    // Full time at Alpha from September 2025: Alpha sent term 1's review, not terms 2 and 3 (now overdue).
    const input = registration(hub.schoolA.id, hub.people.tutorA);
    const { ectId } = await hub.as(hub.people.headA).induction.register(input);
    const tutorA = hub.as(hub.people.tutorA);
    const headB = hub.as(hub.people.headB);
    const term = (r: Awaited<ReturnType<typeof tutorA.induction.byId>>, n: number) => {
      const found = r.checkpoints.find((c) => c.termNumber === n);
      if (!found) throw new Error(`no checkpoint for term ${n}`);
      return found;
    };
    const evidence = 'Meeting the Teachers’ Standards in every area observed this term.';
    await tutorA.induction.submitCheckpoint({
      checkpointId: term(await tutorA.induction.byId({ ectId }), 1).id,
      judgement: 'on_track',
      evidence,
    });
    // Beta continues the induction from Monday 7 September 2026, the start of the autumn term.
    await headB.induction.register({
      ...input,
      schoolId: hub.schoolB.id,
      startsOn: '2026-09-07',
      tutorEmail: 'tutor@beta.sch.example',
      continueInduction: true,
    });
    const record = await hub.as(hub.people.manager).induction.byId({ ectId });
    expect(record.checkpoints.map((c) => [c.termNumber, c.status, c.schoolName])).toEqual([
      [1, 'submitted', 'Alpha Primary School'],
      [2, 'due', 'Alpha Primary School'],
      [3, 'due', 'Alpha Primary School'],
      [null, 'due', 'Alpha Primary School'],
      [4, 'due', 'Beta High School'],
      [5, 'due', 'Beta High School'],
      [6, 'due', 'Beta High School'],
    ]);
    // Terms 2 and 3 are still overdue, at Alpha (for the AB's dashboard and Alpha's escalations alike), and
    // so is the interim assessment: Beta registered the move three months after it.
    const overdue = (await hub.as(hub.people.manager).induction.dashboard()).overdue.filter(
      (c) => c.ectId === ectId,
    );
    expect(overdue.map((c) => [c.termNumber, c.schoolName])).toEqual([
      [2, 'Alpha Primary School'],
      [3, 'Alpha Primary School'],
      [null, 'Alpha Primary School'],
    ]);

    // Alpha's head is told what Alpha still has to submit: terms 2 and 3 and the interim assessment.
    const told = (await emailsTo(hub.people.headA.email, 'ECT moving on: Priya Raman')).find((m) =>
      m.text?.includes(ectId),
    );
    const interim = record.checkpoints.find((c) => c.kind === 'interim');
    expect(told?.text).toContain(`Progress review, term 2: due ${longDate(term(record, 2).dueOn)} (overdue)`);
    expect(told?.text).toContain(
      `Formal assessment, term 3: due ${longDate(term(record, 3).dueOn)} (overdue)`,
    );
    expect(told?.text).toContain(`Interim assessment: by ${longDate(interim?.dueOn ?? null)}`);
    expect(told?.text).toContain('and the reviews and assessments of terms they completed with you');
    expect(told?.text).toContain('not passed to Beta High School');
    expect(told?.text).not.toContain('term 1');
    expect(told?.text).not.toContain('term 4');

    // Alpha's tutor still submits term 2; Beta's head may not (in words), but submits Beta's term 4.
    const asAlpha = await tutorA.induction.byId({ ectId });
    expect(term(asAlpha, 2).maySubmit).toBe(true);
    expect(term(asAlpha, 4).maySubmit).toBe(false);
    const asBeta = await headB.induction.byId({ ectId });
    expect(term(asBeta, 2).maySubmit).toBe(false);
    expect(term(asBeta, 2).guidance).toContain(
      'covers Priya Raman’s time at Alpha Primary School, so Alpha Primary School submits it',
    );
    await expect(
      headB.induction.submitCheckpoint({ checkpointId: term(asBeta, 3).id, judgement: 'on_track', evidence }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining("covers Priya Raman's time at Alpha Primary School"),
    });
    await tutorA.induction.submitCheckpoint({
      checkpointId: term(asAlpha, 2).id,
      judgement: 'on_track',
      evidence,
    });
    await headB.induction.submitCheckpoint({
      checkpointId: term(asBeta, 4).id,
      judgement: 'on_track',
      evidence,
    });
    // Each school's list counts only what it submits: Alpha term 3 and the interim assessment (both overdue), Beta
    // nothing overdue.
    const inList = async (caller: typeof headB) =>
      (await caller.induction.list({})).find((e) => e.id === ectId);
    expect(await inList(hub.as(hub.people.headA))).toMatchObject({
      overdue: 2,
      nextDueOn: term(record, 3).dueOn,
    });
    expect(await inList(headB)).toMatchObject({ overdue: 0, nextDueOn: term(record, 5).dueOn });
  });

  it('an overdue review of a term at the school left is chased with that school, not the new one', async () => {
    // At Alpha from September 2026, at Beta from Monday 4 January 2027; Alpha has not sent term 1's review.
    const input = registration(hub.schoolA.id, hub.people.tutorA, { startsOn: '2026-09-03' });
    const { ectId } = await hub.as(hub.people.headA).induction.register(input);
    await hub.as(hub.people.headB).induction.register({
      ...input,
      schoolId: hub.schoolB.id,
      startsOn: '2027-01-04',
      tutorEmail: 'tutor@beta.sch.example',
      continueInduction: true,
    });
    const record = await hub.as(hub.people.manager).induction.byId({ ectId });
    const first = record.checkpoints.find((c) => c.termNumber === 1);
    expect(first).toMatchObject({ schoolName: 'Alpha Primary School', status: 'due' });
    const run = (workingDays: number) =>
      runScheduledJob(database.db, 'induction-escalations', {
        today: workingDaysAfter(first?.dueOn ?? '', workingDays),
        appUrl: testAppUrl,
        tenants: [hub.tenant.slug],
      });
    const chased = async (to: string) =>
      (await emailsTo(to, 'Overdue: Priya Raman')).filter((m) => m.text?.includes(ectId));
    // Term 1's review and the interim assessment, both due on the last day of the autumn term.
    await run(1);
    const toTutor = await chased(hub.people.tutorA.email);
    expect(toTutor.map((m) => m.subject).sort()).toEqual([
      expect.stringContaining('interim assessment'),
      expect.stringContaining('progress review, term 1'),
    ]);
    expect(toTutor.every((m) => m.text?.includes('at Alpha Primary School'))).toBe(true);
    await run(10);
    expect(await chased(hub.people.headA.email)).toHaveLength(2);
    expect(await chased('tutor@beta.sch.example')).toHaveLength(0);
    expect(await chased(hub.people.headB.email)).toHaveLength(0);
  });

  it('continuing an induction with the ECT’s new email puts it on the record; none given keeps the old one', async () => {
    // The ECT signs in with the old school's address, which they lose when they leave.
    const oldSelf = await makeUser(database.db, { email: `priya.${Date.now()}@alpha.sch.example` });
    await addMembership(database.db, hub.tenant.id, oldSelf.id, 'ect', hub.schoolA.id);
    const input = registration(hub.schoolA.id, hub.people.tutorA, { email: oldSelf.email });
    const { ectId } = await hub.as(hub.people.headA).induction.register(input);
    const newEmail = `Priya.Raman.${Date.now()}@Beta.sch.example`;
    const transfer = await hub.as(hub.people.headB).induction.register({
      ...input,
      schoolId: hub.schoolB.id,
      email: newEmail,
      startsOn: '2026-01-05',
      tutorEmail: 'tutor@beta.sch.example',
      continueInduction: true,
    });
    // The invitation goes to the new address, and the record now carries it.
    expect(transfer.invited).toContain(newEmail.toLowerCase());
    expect(await emailsTo(newEmail.toLowerCase(), 'You are invited')).toHaveLength(1);
    expect((await hub.as(hub.people.manager).induction.byId({ ectId })).ect.email).toBe(
      newEmail.toLowerCase(),
    );
    // Signed in with the new address, the ECT finds their record; the old address no longer opens it.
    // (The invitation made their account; accepting it gives them the ECT role.)
    const [newSelf] = await withPlatform(database.db, (tx) =>
      tx
        .select({ id: users.id, email: users.email, name: users.name, isSuperadmin: users.isSuperadmin })
        .from(users)
        .where(eq(users.email, newEmail.toLowerCase())),
    );
    if (!newSelf) throw new Error('the invitation made no account');
    await addMembership(database.db, hub.tenant.id, newSelf.id, 'ect', hub.schoolB.id);
    expect((await hub.as(newSelf).induction.list({})).map((e) => e.id)).toEqual([ectId]);
    expect((await hub.as(newSelf).induction.byId({ ectId })).ect.id).toBe(ectId);
    expect(await hub.as(oldSelf).induction.list({})).toEqual([]);

    // A school that gives no email keeps the one on the record (and invites nobody new as the ECT).
    const second = registration(hub.schoolA.id, hub.people.tutorA);
    const kept = await hub.as(hub.people.headA).induction.register(second);
    const noEmail = await hub.as(hub.people.headB).induction.register({
      ...second,
      schoolId: hub.schoolB.id,
      name: 'Priya Raman',
      email: '',
      startsOn: '2026-01-05',
      tutorEmail: 'tutor@beta.sch.example',
      continueInduction: true,
    });
    expect(noEmail.invited).not.toContain('');
    expect((await hub.as(hub.people.manager).induction.byId({ ectId: kept.ectId })).ect.email).toBe(
      second.email,
    );
    // A new registration still needs an email.
    await expect(
      hub
        .as(hub.people.headA)
        .induction.register(registration(hub.schoolA.id, hub.people.tutorA, { email: '' })),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('a move at a lower FTE stretches only the induction after the move, not the term served before it', async () => {
    // Autumn 2026 full time at Alpha; at Beta from Monday 4 January 2027 at 0.8 FTE.
    const input = registration(hub.schoolA.id, hub.people.tutorA, { startsOn: '2026-09-03', fte: 1 });
    const { ectId } = await hub.as(hub.people.headA).induction.register(input);
    const before = await hub.as(hub.people.manager).induction.byId({ ectId });
    const transfer = await hub.as(hub.people.headB).induction.register({
      ...input,
      schoolId: hub.schoolB.id,
      startsOn: '2027-01-04',
      fte: 0.8,
      tutorEmail: 'tutor@beta.sch.example',
      continueInduction: true,
    });
    const record = await hub.as(hub.people.manager).induction.byId({ ectId });
    const due = (term: number) => record.checkpoints.find((c) => c.termNumber === term)?.dueOn;
    const dueBefore = (term: number) => before.checkpoints.find((c) => c.termNumber === term)?.dueOn;
    // Term 1 was served full time in the autumn: its review stays at the end of that term.
    expect(due(1)).toBe(dueBefore(1));
    expect(due(1) ?? '').toMatch(/^2026-12-/);
    // After the move each school term counts 0.8 (1.8, 2.6, 3.4, 4.2, 5.0, 5.8, 6.6): term 5 is complete at
    // the end of the summer 2028 (0.8 FTE from the start would say autumn 2028), term 6 in spring 2029.
    expect(due(5)).toBe('2028-07-21');
    expect(due(6) ?? '').toMatch(/^2029-0[34]-/);
    expect(transfer.completesOn).toBe(due(6));
    // Alpha's interim assessment is due on the last working day of the autumn term, not Sunday 3 January.
    const interim = record.checkpoints.find((c) => c.kind === 'interim');
    expect(interim?.dueOn).toBe(due(1));
  });

  it('not on track opens a support plan and emails the AB; the AB sends it back, then accepts it', async () => {
    const { ectId } = await hub
      .as(hub.people.headA)
      .induction.register(registration(hub.schoolA.id, hub.people.tutorA));
    const tutor = hub.as(hub.people.tutorA);
    const record = await tutor.induction.byId({ ectId });
    const first = record.checkpoints[0];
    const final = record.checkpoints.at(-1);
    if (!first || !final) throw new Error('no checkpoint');
    expect(first.maySubmit).toBe(true);
    // Another member of the school's staff (the mentor, say) reads the record but does not judge the ECT.
    const mentor = await makeUser(database.db);
    await addMembership(database.db, hub.tenant.id, mentor.id, 'school_staff', hub.schoolA.id);
    const asMentor = hub.as(mentor);
    expect((await asMentor.induction.byId({ ectId })).checkpoints[0]?.maySubmit).toBe(false);
    await expect(
      asMentor.induction.submitCheckpoint({
        checkpointId: first.id,
        judgement: 'on_track',
        evidence: 'Written by someone who is not the tutor.',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('induction tutor') });
    // Nor records absences, which can lengthen induction.
    expect((await asMentor.induction.byId({ ectId })).mayRecordAbsence).toBe(false);
    await expect(
      asMentor.induction.recordAbsence({ ectId, startsOn: '2026-02-02', days: 31 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('induction tutor') });
    // The final assessment, years away, is not open: it says from when, and refuses an early submission.
    expect(final).toMatchObject({ maySubmit: false, status: 'due' });
    expect(final.opensOn > todayInLondon()).toBe(true);
    await expect(
      tutor.induction.submitCheckpoint({
        checkpointId: final.id,
        judgement: 'on_track',
        evidence: 'Written far too early, before the term it covers.',
      }),
    ).rejects.toThrow(/can be submitted from/);
    const submitted = await tutor.induction.submitCheckpoint({
      checkpointId: first.id,
      judgement: 'not_on_track',
      evidence: 'Behaviour management is not yet secure; lessons are often disrupted.',
    });
    expect(submitted.supportPlanId).toEqual(expect.any(String));
    // No adviser time sold here (no traded module): consultancy support is not offered.
    expect(submitted.consultancy).toBe(false);
    expect(await emailsTo(hub.people.manager.email, 'ECT not on track')).toHaveLength(1);
    expect(await emailsTo(hub.people.officer.email, 'ECT not on track')).toHaveLength(1);

    const officer = hub.as(hub.people.officer);
    const dashboard = await officer.induction.dashboard();
    expect(dashboard.atRisk.map((e) => e.id)).toContain(ectId);
    expect(dashboard.awaitingReview.map((c) => c.checkpointId)).toContain(first.id);
    // An AB serving many schools sees which school each review came from.
    expect(dashboard.awaitingReview.find((c) => c.checkpointId === first.id)?.schoolName).toBe(
      dashboard.atRisk.find((e) => e.id === ectId)?.schoolName,
    );

    await expect(
      officer.induction.reviewCheckpoint({
        checkpointId: first.id,
        decision: 'request_changes',
        comment: '',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await officer.induction.reviewCheckpoint({
      checkpointId: first.id,
      decision: 'request_changes',
      comment: 'Please add the support you will put in place.',
    });
    expect(await emailsTo(hub.people.tutorA.email, 'Changes requested')).not.toHaveLength(0);
    await tutor.induction.submitCheckpoint({
      checkpointId: first.id,
      judgement: 'not_on_track',
      evidence: 'Behaviour management is not yet secure. Support: weekly coaching with the mentor.',
    });
    await officer.induction.reviewCheckpoint({ checkpointId: first.id, decision: 'accept', comment: '' });
    const after = await officer.induction.byId({ ectId });
    expect(after.checkpoints[0]).toMatchObject({ status: 'accepted', judgement: 'not_on_track' });
    expect(after.supportPlans).toHaveLength(1);
    expect(after.atRisk).toBe(true);
    await expect(
      tutor.induction.submitCheckpoint({
        checkpointId: first.id,
        judgement: 'on_track',
        evidence: 'x'.repeat(30),
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a mentor is told, for each review, who submits it, by when and what they can do; no form is offered', async () => {
    const mentorEmail = `mentor.${Date.now()}@alpha.sch.example`;
    const { ectId } = await hub
      .as(hub.people.headA)
      .induction.register(registration(hub.schoolA.id, hub.people.tutorA, { mentorEmail }));
    // The registration invited the mentor (which made their account); accepting gives them school staff access.
    const [mentorUser] = await withPlatform(database.db, (tx) =>
      tx
        .select({ id: users.id, email: users.email, name: users.name, isSuperadmin: users.isSuperadmin })
        .from(users)
        .where(eq(users.email, mentorEmail)),
    );
    if (!mentorUser) throw new Error('the invitation made no account');
    await addMembership(database.db, hub.tenant.id, mentorUser.id, 'school_staff', hub.schoolA.id);
    const mentor = hub.as(mentorUser);
    const record = await mentor.induction.byId({ ectId });
    expect(record.checkpoints.every((c) => !c.maySubmit && !c.submitsThis && c.guidance)).toBe(true);
    const tutorName = hub.people.tutorA.name;
    const [first] = record.checkpoints;
    // Term 1 (December 2025) is overdue: who submits it, and the mentor's notes are wanted now.
    expect(first?.guidance).toBe(
      `This progress review was due on ${longDate(first?.dueOn ?? null)} and is overdue. The induction tutor (${tutorName}) or the headteacher at Alpha Primary School submits it to the Appropriate Body. As Priya Raman’s mentor you do not submit it, but your notes from mentoring sessions and observations are evidence for it: give them to ${tutorName} now.`,
    );
    // The final assessment, not yet open: between when and when, with nothing offered to submit.
    const final = record.checkpoints.at(-1);
    expect(final?.guidance).toContain(
      `between ${longDate(final?.opensOn ?? null)}, when the term it covers begins, and ${longDate(final?.dueOn ?? null)}.`,
    );
    await expect(
      mentor.induction.submitCheckpoint({
        checkpointId: first?.id ?? '',
        judgement: 'on_track',
        evidence: 'Written by the mentor, who does not submit reviews.',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('induction tutor') });

    // Once the tutor submits it, nothing is asked of the mentor.
    await hub.as(hub.people.tutorA).induction.submitCheckpoint({
      checkpointId: first?.id ?? '',
      judgement: 'on_track',
      evidence: 'Meeting the Teachers’ Standards in every area observed this term.',
    });
    expect((await mentor.induction.byId({ ectId })).checkpoints[0]?.guidance).toBe(
      'Alpha Primary School submitted this progress review; the Appropriate Body is checking it. Nothing is needed from you.',
    );
    // The tutor, who submits them, and the AB's officer get no such line; other staff are told who submits.
    const asTutor = await hub.as(hub.people.tutorA).induction.byId({ ectId });
    expect(asTutor.checkpoints.every((c) => c.guidance === null && c.submitsThis)).toBe(true);
    const asOfficer = await hub.as(hub.people.officer).induction.byId({ ectId });
    expect(asOfficer.checkpoints.every((c) => c.guidance === null && !c.submitsThis)).toBe(true);
    const colleague = await makeUser(database.db);
    await addMembership(database.db, hub.tenant.id, colleague.id, 'school_staff', hub.schoolA.id);
    expect((await hub.as(colleague).induction.byId({ ectId })).checkpoints[1]?.guidance).toContain(
      'Only they can submit it.',
    );
  });

  it('refuses roles: a head cannot review, an ECT cannot submit but sees their own record only', async () => {
    const ectUser = await makeUser(database.db);
    const schoolA = hub.schoolA.id;
    await addMembership(database.db, hub.tenant.id, ectUser.id, 'ect', schoolA);
    const head = hub.as(hub.people.headA);
    const own = await head.induction.register(
      registration(schoolA, hub.people.tutorA, { email: ectUser.email, name: ectUser.name }),
    );
    const other = await head.induction.register(registration(schoolA, hub.people.tutorA));
    const ect = hub.as(ectUser);
    expect((await ect.induction.list({})).map((e) => e.id)).toEqual([own.ectId]);
    const mine = await ect.induction.byId({ ectId: own.ectId });
    expect(mine.checkpoints.every((c) => !c.maySubmit && !c.mayReview)).toBe(true);
    await expect(ect.induction.byId({ ectId: other.ectId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const checkpointId = mine.checkpoints[0]?.id ?? '';
    await expect(
      ect.induction.submitCheckpoint({
        checkpointId,
        judgement: 'on_track',
        evidence: 'I think it went well.',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(ect.induction.dashboard()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      head.induction.reviewCheckpoint({ checkpointId, decision: 'accept', comment: '' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      head.induction.recordOutcome({
        ectId: own.ectId,
        outcome: 'pass',
        decidedOn: '2027-07-30',
        termsServed: 6,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('absences of 30 days extend the year; an extension adds terms; a pass completes and is exported', async () => {
    const input = registration(hub.schoolA.id, hub.people.tutorA, { dateOfBirth: '1999-04-12' });
    const { ectId, completesOn } = await hub.as(hub.people.headA).induction.register(input);
    const tutor = hub.as(hub.people.tutorA);
    const absence = await tutor.induction.recordAbsence({ ectId, startsOn: '2026-02-02', days: 32 });
    expect(absence.absenceExtensions).toEqual([{ year: 1, days: 32 }]);
    expect(absence.completesOn > completesOn).toBe(true);

    const manager = hub.as(hub.people.manager);
    // A pass after one term of six is refused in words: a pass or fail ends a complete induction.
    await expect(
      manager.induction.recordOutcome({ ectId, outcome: 'pass', decidedOn: '2026-12-04', termsServed: 1 }),
    ).rejects.toThrow(/has to serve 6 induction terms and has served 1/);
    // Nor is one typed as six terms served when the date shows they cannot have been: the form offers six.
    await expect(
      manager.induction.recordOutcome({ ectId, outcome: 'pass', decidedOn: '2026-12-04', termsServed: 6 }),
    ).rejects.toThrow(
      "Priya Raman's induction is not complete on 4 December 2026: a pass or a fail can be decided from",
    );
    await manager.induction.recordOutcome({
      ectId,
      outcome: 'extension',
      decidedOn: '2027-09-10',
      termsServed: 6,
      extensionTerms: 1,
    });
    const extended = await manager.induction.byId({ ectId });
    expect(extended.checkpoints.filter((c) => c.termNumber !== null)).toHaveLength(7);
    expect(extended.checkpoints.find((c) => c.termNumber === 7)?.kind).toBe('formal');

    await manager.induction.recordOutcome({
      ectId,
      outcome: 'pass',
      decidedOn: '2028-01-14',
      termsServed: 7,
    });
    const passed = await manager.induction.byId({ ectId });
    expect(passed.ect.status).toBe('completed');
    expect(passed.mayRecordOutcome).toBe(false);
    await expect(
      manager.induction.recordOutcome({ ectId, outcome: 'fail', decidedOn: '2028-01-17', termsServed: 7 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const { csv } = await manager.induction.exportOutcomes({});
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'TRN,Name,Date of birth,School URN,School,Induction start date,Induction end date,FTE,Terms served,Outcome,Outcome date',
    );
    expect(lines).toContain(
      `${input.trn},Priya Raman,1999-04-12,${hub.schoolA.urn},Alpha Primary School,2025-09-03,,1.00,6.0,Extension,2027-09-10`,
    );
    expect(lines).toContain(
      `${input.trn},Priya Raman,1999-04-12,${hub.schoolA.urn},Alpha Primary School,2025-09-03,2028-01-14,1.00,7.0,Pass,2028-01-14`,
    );
  });

  it('the head recommends, the ECT makes representations, the AB decides by the deadline; a fail is appealed', async () => {
    const ectUser = await makeUser(database.db);
    await addMembership(database.db, hub.tenant.id, ectUser.id, 'ect', hub.schoolA.id);
    const head = hub.as(hub.people.headA);
    // An ECT a year into induction: the recommendation waits for the term of their final assessment.
    const early = await head.induction.register(registration(hub.schoolA.id, hub.people.tutorA));
    const earlyRecord = await head.induction.byId({ ectId: early.ectId });
    expect(earlyRecord.decisions.mayRecommend).toBe(false);
    expect(earlyRecord.decisions.recommendationOpensOn).toBe(
      earlyRecord.checkpoints.filter((c) => c.termNumber === 6)[0]?.opensOn,
    );
    await expect(
      head.induction.recordRecommendation({
        ectId: early.ectId,
        recommendation: 'pass',
        recommendedOn: '2026-11-02',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('final assessment') });

    // One who started in September 2024: two years on, in the term of their final assessment or past it.
    const { ectId } = await head.induction.register(
      registration(hub.schoolA.id, hub.people.tutorA, {
        email: ectUser.email,
        name: ectUser.name,
        startsOn: '2024-09-03',
      }),
    );
    const manager = hub.as(hub.people.manager);
    const ect = hub.as(ectUser);
    const before = await head.induction.byId({ ectId });
    expect(before.decisions).toMatchObject({ mayRecommend: true, mayMakeRepresentations: false });
    expect(before.decisions.deadlines.recommendationDue).toBe(
      workingDaysAfter(before.schedule.completesOn, 10),
    );
    // The ECT cannot recommend their own outcome, nor make representations before there is a recommendation.
    await expect(
      ect.induction.recordRecommendation({ ectId, recommendation: 'pass', recommendedOn: '2026-01-05' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      ect.induction.recordRepresentations({
        ectId,
        representations: 'I disagree with this.',
        madeOn: '2026-01-05',
      }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });

    // The recommendation is the headteacher's: not the induction tutor's, nor the mentor's.
    const tutor = hub.as(hub.people.tutorA);
    expect((await tutor.induction.byId({ ectId })).decisions.mayRecommend).toBe(false);
    await expect(
      tutor.induction.recordRecommendation({ ectId, recommendation: 'pass', recommendedOn: '2026-11-02' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('headteacher') });
    const recommended = await head.induction.recordRecommendation({
      ectId,
      recommendation: 'fail',
      recommendedOn: '2026-11-02',
      note: 'Standards not met in the final assessment.',
    });
    // Monday 2 November 2026: 10 working days on is Monday 16, 20 is Monday 30 November.
    expect(recommended).toMatchObject({ representationsDue: '2026-11-16', decisionDue: '2026-11-30' });
    // The ECT hears what was recommended and by when they may make representations, with a link to the record.
    const toEct = await emailsTo(ectUser.email, "the headteacher's recommendation");
    expect(toEct).toHaveLength(1);
    expect(toEct[0]?.text).toContain('recommended to the Appropriate Body that you fail induction');
    expect(toEct[0]?.text).toContain('by 16 November 2026');
    expect(toEct[0]?.text).toContain(`/${hub.tenant.slug}/induction/${ectId}`);
    // The AB's managers hear that a recommendation waits for their decision, and by when.
    const toManager = await emailsTo(hub.people.manager.email, `Decision due by 30 November 2026`);
    expect(toManager).toHaveLength(1);
    expect(toManager[0]?.subject).toContain(ectUser.name);
    expect(toManager[0]?.text).toContain('by 30 November 2026');
    expect(await emailsTo(hub.people.officer.email, 'Decision due by')).toHaveLength(0);
    await expect(
      head.induction.recordRecommendation({ ectId, recommendation: 'pass', recommendedOn: '2026-11-03' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      head.induction.recordRepresentations({
        ectId,
        representations: 'On the ECT’s behalf.',
        madeOn: '2026-11-05',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await ect.induction.recordRepresentations({
      ectId,
      representations: 'My mentor was absent for a term; please consider an extension.',
      madeOn: '2026-11-10',
    });
    await expect(
      ect.induction.recordRepresentations({
        ectId,
        representations: 'A second try at this.',
        madeOn: '2026-11-11',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const dashboard = await manager.induction.dashboard();
    expect(dashboard.outcomesDue.find((e) => e.id === ectId)).toMatchObject({
      recommendation: 'fail',
      recommendedOn: '2026-11-02',
      decisionDue: '2026-11-30',
    });
    // The workspace's dashboard counts the recommendations awaiting a decision apart from those not yet sent.
    expect(dashboard.counts.recommended).toBe(
      dashboard.outcomesDue.filter((e) => e.recommendation !== null).length,
    );
    expect(dashboard.counts.recommended).toBeGreaterThan(0);
    expect(dashboard.counts.recommended + dashboard.counts.pastEndWithoutRecommendation).toBe(
      dashboard.counts.outcomesDue,
    );
    const waiting = await manager.induction.byId({ ectId });
    expect(waiting.decisions.deadlines.decisionDue).toBe('2026-11-30');
    expect(waiting.decisions.recommendations[0]).toMatchObject({
      recommendation: 'fail',
      representationsOn: '2026-11-10',
    });

    // No appeal before a fail or an extension.
    await expect(manager.induction.recordAppeal({ ectId, lodgedOn: '2026-11-20' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    await manager.induction.recordOutcome({
      ectId,
      outcome: 'fail',
      decidedOn: '2026-11-20',
      termsServed: 6,
    });
    const failed = await manager.induction.byId({ ectId });
    expect(failed.decisions).toMatchObject({
      pendingRecommendationId: null,
      mayRecordAppeal: true,
      // Friday 20 November 2026 + 20 working days (no bank holiday before Christmas) = Friday 18 December.
      deadlines: { appealBy: '2026-12-18', decisionDue: null },
    });
    const afterOutcome = await manager.induction.dashboard();
    expect(afterOutcome.outcomesDue.some((e) => e.id === ectId)).toBe(false);
    expect(afterOutcome.counts.recommended).toBe(dashboard.counts.recommended - 1);
    await expect(ect.induction.recordAppeal({ ectId, lodgedOn: '2026-12-01' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const { id: appealId } = await manager.induction.recordAppeal({ ectId, lodgedOn: '2026-12-01' });
    await expect(manager.induction.recordAppeal({ ectId, lodgedOn: '2026-12-02' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      manager.induction.decideAppeal({ appealId, result: 'dismissed', resultOn: '2026-11-30' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await manager.induction.decideAppeal({ appealId, result: 'dismissed', resultOn: '2027-02-15' });
    await expect(
      manager.induction.decideAppeal({ appealId, result: 'upheld', resultOn: '2027-02-16' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const decided = await ect.induction.byId({ ectId });
    expect(decided.decisions.appeals).toMatchObject([{ result: 'dismissed', resultOn: '2027-02-15' }]);
    expect(decided.decisions.mayRecordAppeal).toBe(false);
  });

  it('a late registration is warned of before and after, its overdue reviews kept, flagged to the AB and chased from the registration', async () => {
    const hub3 = await makeHub(database);
    const head = hub3.as(hub3.people.headA);
    const today = todayInLondon();
    // Before confirming: a start next September is not late; one in September 2025 is, with reviews overdue.
    const nextYear = `${academicYearOf(today) + 1}-09-03`;
    expect(await head.induction.previewRegistration({ startsOn: nextYear, fte: 1 })).toMatchObject({
      late: false,
      overdue: [],
      next: { title: 'Progress review, term 1' },
    });
    const input = registration(hub3.schoolA.id, hub3.people.tutorA, { startsOn: '2025-09-03' });
    const preview = await head.induction.previewRegistration({ startsOn: input.startsOn, fte: 1 });
    expect(preview.late).toBe(true);
    // Terms 1 to 3 ended in December 2025, spring and July 2026: overdue by now.
    expect(preview.overdue.slice(0, 3).map((c) => c.title)).toEqual([
      'Progress review, term 1',
      'Progress review, term 2',
      'Formal assessment, term 3',
    ]);
    await expect(head.induction.previewRegistration({ startsOn: '2025-09-03', fte: 2 })).rejects.toThrow(
      'FTE is between 0.1 and 1.',
    );
    // Only a registrar asks: the induction tutor cannot.
    await expect(
      hub3.as(hub3.people.tutorA).induction.previewRegistration({ startsOn: '2025-09-03', fte: 1 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Registered anyway: the confirmation says the same, and nothing is dropped.
    const result = await head.induction.register(input);
    expect(result.lateRegistration).toEqual({
      late: true,
      startsOn: '2025-09-03',
      registeredOn: today,
      overdue: preview.overdue,
    });
    const record = await head.induction.byId({ ectId: result.ectId });
    expect(record.checkpoints).toHaveLength(6);
    const overdueTitles = record.checkpoints.filter((c) => c.dueOn < today).map((c) => checkpointTitle(c));
    expect(preview.overdue.map((c) => c.title)).toEqual(overdueTitles);
    expect(record.registration).toMatchObject({ registeredOn: today, late: true, overdue: preview.overdue });
    expect(record.checkpoints.map((c) => c.overdueAtRegistration)).toEqual(
      record.checkpoints.map((c) => c.dueOn < today),
    );

    // The AB sees them as overdue, flagged with the registration, and is emailed the list.
    const manager = hub3.as(hub3.people.manager);
    const onDashboard = (await manager.induction.dashboard()).overdue.filter((c) => c.ectId === result.ectId);
    expect(onDashboard.map((c) => checkpointTitle(c))).toEqual(overdueTitles);
    expect(onDashboard.every((c) => c.overdueAtRegistration && c.registeredOn === today)).toBe(true);
    for (const to of [hub3.people.manager.email, hub3.people.officer.email]) {
      const [told] = await emailsTo(to, 'Late registration: Priya Raman at Alpha Primary School');
      expect(told?.text).toContain(
        `Progress review, term 1 (due ${longDate(record.checkpoints[0]?.dueOn ?? null)})`,
      );
    }
    // The school registering is not emailed about its own registration.
    expect(await emailsTo(hub3.people.headA.email, 'Late registration')).toHaveLength(0);

    // Chased from the registration: the tutor at once (not straight to the AB, as if weeks of reminders had
    // gone unanswered), the head 10 working days on, the AB 20.
    const run = (on: string) =>
      runScheduledJob(database.db, 'induction-escalations', {
        today: on,
        appUrl: testAppUrl,
        tenants: [hub3.tenant.slug],
      });
    const overdueTo = async (to: string) => emailsTo(to, 'Overdue: Priya Raman');
    await run(today);
    const toTutor = await overdueTo(hub3.people.tutorA.email);
    expect(toTutor).toHaveLength(overdueTitles.length);
    expect(toTutor[0]?.text).toContain(
      `It was already overdue when Alpha Primary School registered Priya Raman with the Appropriate Body on ${longDate(today)}.`,
    );
    expect(await overdueTo(hub3.people.headA.email)).toHaveLength(0);
    expect(await overdueTo(hub3.people.manager.email)).toHaveLength(0);
    await run(workingDaysAfter(today, 10));
    expect(await overdueTo(hub3.people.headA.email)).toHaveLength(overdueTitles.length);
    expect(await overdueTo(hub3.people.manager.email)).toHaveLength(0);
    await run(workingDaysAfter(today, 20));
    expect(await overdueTo(hub3.people.manager.email)).toHaveLength(overdueTitles.length);
  });

  it('a school continuing an induction late is warned only of the reviews now its own', async () => {
    const input = registration(hub.schoolA.id, hub.people.tutorA, { startsOn: '2025-09-03' });
    await hub.as(hub.people.headA).induction.register(input);
    const moveOn = '2026-09-07';
    const preview = await hub.as(hub.people.headB).induction.previewRegistration({
      trn: input.trn,
      startsOn: moveOn,
      fte: 1,
      continueInduction: true,
    });
    // Alpha keeps terms 1 to 3 (from before the move); Beta is warned only of what falls due from its start.
    expect(preview).toMatchObject({ continuing: true, late: true });
    expect(preview.overdue.every((c) => c.dueOn >= moveOn && c.dueOn < todayInLondon())).toBe(true);
    expect(preview.overdue.map((c) => c.termNumber)).not.toContain(3);
  });

  it('an LA workspace with the induction module is not an Appropriate Body', async () => {
    const la = await makeWorkspaceWithEveryRole(database.db, ['induction', 'courses'], { kind: 'la' });
    await expect(la.caller.induction.list({})).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('not an Appropriate Body'),
    });
  });

  it('escalates an overdue review to the tutor, then the head, then the AB, once each', async () => {
    const hub2 = await makeHub(database);
    // Registered in good time, before a start next September: its reviews fall due after the registration.
    const { ectId } = await hub2.as(hub2.people.headA).induction.register(
      registration(hub2.schoolA.id, hub2.people.tutorA, {
        startsOn: `${academicYearOf(todayInLondon()) + 1}-09-03`,
      }),
    );
    const record = await hub2.as(hub2.people.manager).induction.byId({ ectId });
    const first = record.checkpoints[0];
    if (!first) throw new Error('no checkpoint');
    const level = async () => {
      const [row] = await withTenant(database.db, hub2.tenant.id, (tx) =>
        tx.select().from(inductionCheckpoints).where(eq(inductionCheckpoints.id, first.id)),
      );
      return row?.escalationLevel;
    };
    const run = (today: string) =>
      runScheduledJob(database.db, 'induction-escalations', {
        today,
        appUrl: testAppUrl,
        tenants: [hub2.tenant.slug],
      });
    const dayAfter = workingDaysAfter(first.dueOn, 1);
    const [report] = await run(dayAfter);
    expect(report?.result).toMatchObject({ ran: true, summary: { toTutors: 1, toHeads: 0, toAb: 0 } });
    expect(await level()).toBe(1);
    // Run twice the same day: nothing more.
    expect((await run(dayAfter))[0]?.result).toMatchObject({ ran: false });
    // The next day: already escalated to the tutor, so no second email.
    const [next] = await run(workingDaysAfter(first.dueOn, 2));
    expect(next?.result).toMatchObject({ ran: true, summary: { toTutors: 0, toHeads: 0 } });
    expect(await emailsTo(hub2.people.tutorA.email, 'Overdue')).not.toHaveLength(0);
    const tutorEmails = (await emailsTo(hub2.people.tutorA.email, 'Overdue')).filter((e) =>
      e.subject.includes('term 1'),
    );
    expect(tutorEmails).toHaveLength(1);

    await run(workingDaysAfter(first.dueOn, 10));
    expect(await level()).toBe(2);
    expect(await emailsTo(hub2.people.headA.email, 'Overdue')).not.toHaveLength(0);
    await run(workingDaysAfter(first.dueOn, 20));
    expect(await level()).toBe(3);
    expect(await emailsTo(hub2.people.manager.email, 'Overdue')).not.toHaveLength(0);
    expect(await emailsTo(hub2.people.officer.email, 'Overdue')).not.toHaveLength(0);
  });
});
