import { eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { inductionDeadlineReminders, inductionOutcomes, outboxEmails } from '~/db/schema';
import { workingDaysAfter } from '~/server/courses/working-days';
import { isOverdue } from '~/server/induction/induction-schedule';
import { withMailroom } from '~/server/email/outbox';
import { runScheduledJob } from '~/server/jobs/run-scheduled-job';
import { anonymiseEct } from '~/server/privacy/anonymise';
import { newPlaceholder } from '~/server/privacy/privacy-subject';
import { outboxTo } from '../fixtures/factories';
import { inductionRegistration, makeInductionHub as makeHub } from '../fixtures/induction-hub';
import { openTestDatabase, testAppUrl } from './harness';

describe('the end of induction: deadline reminders and appeal results', () => {
  let database: Database;
  let hub: Awaited<ReturnType<typeof makeHub>>;

  beforeAll(async () => {
    database = await openTestDatabase();
    hub = await makeHub(database);
  });

  const emailsTo = (to: string, subject: string) => outboxTo(database.db, to, subject);
  /**
   * A new ECT of the hub who started in September 2024, decided by the AB on 20 Nov 2026 after six terms, and that
   * decision appealed on 25 Nov.
   */
  async function decidedAndAppealed(
    decision: { outcome: 'fail' } | { outcome: 'extension'; extensionTerms: number },
  ) {
    const manager = hub.as(hub.people.manager);
    const ectId = await hub.register('Priya Raman', { startsOn: '2024-09-03' });
    await manager.induction.recordOutcome({ ectId, decidedOn: '2026-11-20', termsServed: 6, ...decision });
    const { id: appealId } = await manager.induction.recordAppeal({ ectId, lodgedOn: '2026-11-25' });
    return { manager, ectId, appealId };
  }
  const remind = (today: string, slug = hub.tenant.slug) =>
    runScheduledJob(database.db, 'induction-deadline-reminders', {
      today,
      appUrl: testAppUrl,
      tenants: [slug],
    });

  it('reminds the school of the recommendation and the AB of the decision, each once', async () => {
    const own = await makeHub(database);
    // Started in September 2024, so by now in (or past) the term of her final assessment: she may be recommended.
    const ectId = await own.register('Rhiannon Price', { startsOn: '2024-09-03' });
    // A second ECT whose induction is complete is never reminded of.
    const passedId = await own.register('Peter Passed', { startsOn: '2024-09-03' });
    const manager = own.as(own.people.manager);
    await manager.induction.recordOutcome({
      ectId: passedId,
      outcome: 'pass',
      decidedOn: '2026-11-02',
      termsServed: 6,
    });
    const { schedule, decisions } = await manager.induction.byId({ ectId });
    const due = decisions.deadlines.recommendationDue;
    expect(due).toBe(workingDaysAfter(schedule.completesOn, 10));

    // Four working days before the deadline: too early.
    const early = await remind(workingDaysAfter(schedule.completesOn, 6), own.tenant.slug);
    expect(early[0]?.result).toMatchObject({ ran: true, summary: { recommendationReminders: 0, emails: 0 } });
    // Three working days before: the tutor and the headteacher.
    const [first] = await remind(workingDaysAfter(schedule.completesOn, 7), own.tenant.slug);
    expect(first?.result).toMatchObject({
      ran: true,
      summary: { recommendationReminders: 1, decisionReminders: 0, emails: 2 },
    });
    // The same day again: the run does nothing; the next days and once overdue: nothing more is sent.
    expect(
      (await remind(workingDaysAfter(schedule.completesOn, 7), own.tenant.slug))[0]?.result,
    ).toMatchObject({
      ran: false,
    });
    for (const days of [8, 12]) {
      const [later] = await remind(workingDaysAfter(schedule.completesOn, days), own.tenant.slug);
      expect(later?.result).toMatchObject({ ran: true, summary: { recommendationReminders: 0, emails: 0 } });
    }
    const tutorMail = await emailsTo(own.people.tutorA.email, 'recommendation for Rhiannon Price');
    expect(tutorMail).toHaveLength(1);
    expect(tutorMail[0]?.subject).toContain('Due soon');
    expect(JSON.stringify(tutorMail[0]?.props)).toContain(`/induction/${ectId}`);
    expect(await emailsTo(own.people.headA.email, 'recommendation for Rhiannon Price')).toHaveLength(1);
    expect(await emailsTo(own.people.headA.email, 'Peter Passed')).toHaveLength(0);

    // The head recommends (Monday 2 November 2026): the decision is due Monday 30 November.
    await own.as(own.people.headA).induction.recordRecommendation({
      ectId,
      recommendation: 'pass',
      recommendedOn: '2026-11-02',
    });
    // Six working days before: nothing; five: the AB's staff.
    expect((await remind('2026-11-20', own.tenant.slug))[0]?.result).toMatchObject({
      summary: { decisionReminders: 0 },
    });
    expect((await remind('2026-11-23', own.tenant.slug))[0]?.result).toMatchObject({
      summary: { decisionReminders: 1, emails: 2 },
    });
    expect((await remind('2026-12-01', own.tenant.slug))[0]?.result).toMatchObject({
      summary: { decisionReminders: 0, recommendationReminders: 0, emails: 0 },
    });
    expect(await emailsTo(own.people.manager.email, "outcome of Rhiannon Price's induction")).toHaveLength(1);
    expect(await emailsTo(own.people.officer.email, "outcome of Rhiannon Price's induction")).toHaveLength(1);
    expect(await emailsTo(own.people.tutorA.email, "outcome of Rhiannon Price's induction")).toHaveLength(0);

    const sent = await withTenant(database.db, own.tenant.id, (tx) =>
      tx.select().from(inductionDeadlineReminders).where(eq(inductionDeadlineReminders.ectId, ectId)),
    );
    expect(sent.map((s) => `${s.kind}:${s.stage}:${s.dueOn}`).sort()).toEqual([
      'decision:0:2026-11-30',
      `recommendation:0:${due}`,
    ]);

    // The export lists the reminders; erasing the record (after retention) takes the name out of the notices.
    const data = await manager.personalData.exportJson({ subject: { kind: 'ect', id: ectId } });
    expect(data.induction?.deadlineReminders.map((r) => r.deadline).sort()).toEqual([
      'decision',
      'recommendation',
    ]);
    const pdf = await manager.personalData.exportPdf({ subject: { kind: 'ect', id: ectId } });
    expect(
      pdf.document.blocks.some((b) => b.kind === 'heading' && b.text === 'Deadline reminders sent'),
    ).toBe(true);
    await manager.induction.recordOutcome({
      ectId,
      outcome: 'pass',
      decidedOn: '2026-11-27',
      termsServed: 6,
    });
    await withTenant(database.db, own.tenant.id, (tx) =>
      anonymiseEct(tx, { id: ectId, name: 'Rhiannon Price', trn: '' }, newPlaceholder(), 'full'),
    );
    expect(await emailsTo(own.people.tutorA.email, 'Rhiannon Price')).toHaveLength(0);
    const notices = await withMailroom(database.db, (tx) =>
      tx.select().from(outboxEmails).where(like(outboxEmails.subject, '%recommendation for %')),
    );
    const mine = notices.filter((n) => JSON.stringify(n.props).includes(`/induction/${ectId}`));
    expect(mine).toHaveLength(2);
    for (const n of mine) expect(JSON.stringify(n.props)).not.toContain('Rhiannon');
  });

  it('reminds an ECT who failed, and their tutor, of the deadline to appeal, once', async () => {
    const own = await makeHub(database);
    const manager = own.as(own.people.manager);
    const failedId = await own.register('Farah Fail', { startsOn: '2024-09-03' });
    const appealedId = await own.register('Aled Appealed', { startsOn: '2024-09-03' });
    const extendedId = await own.register('Eli Extended');
    // Friday 11 September 2026: the appeal is due by Friday 9 October (20 working days).
    for (const ectId of [failedId, appealedId])
      await manager.induction.recordOutcome({
        ectId,
        outcome: 'fail',
        decidedOn: '2026-09-11',
        termsServed: 6,
      });
    await manager.induction.recordOutcome({
      ectId: extendedId,
      outcome: 'extension',
      decidedOn: '2026-09-11',
      termsServed: 6,
      extensionTerms: 1,
    });
    await manager.induction.recordAppeal({ ectId: appealedId, lodgedOn: '2026-09-20' });
    const { ect, decisions } = await manager.induction.byId({ ectId: failedId });
    expect(decisions.deadlines.appealBy).toBe('2026-10-09');

    const summaryOn = async (today: string) => (await remind(today, own.tenant.slug))[0]?.result;
    expect(await summaryOn('2026-10-01')).toMatchObject({
      ran: true,
      summary: { appealReminders: 0, emails: 0 },
    });
    expect(await summaryOn('2026-10-02')).toMatchObject({
      ran: true,
      summary: { appealReminders: 1, recommendationReminders: 0, decisionReminders: 0, emails: 2 },
    });
    for (const today of ['2026-10-05', '2026-10-09', '2026-10-12'])
      expect(await summaryOn(today)).toMatchObject({ ran: true, summary: { appealReminders: 0, emails: 0 } });

    const toEct = await emailsTo(ect.email, 'Deadline to appeal');
    expect(toEct).toHaveLength(1);
    expect(toEct[0]?.subject).toContain("Farah Fail's induction (9 October 2026)");
    expect(JSON.stringify(toEct[0]?.props)).toContain(`/induction/${failedId}`);
    expect(await emailsTo(own.people.tutorA.email, 'Deadline to appeal')).toHaveLength(1);
    expect(await emailsTo(own.people.headA.email, 'Deadline to appeal')).toHaveLength(0);
    const sent = await withTenant(database.db, own.tenant.id, (tx) =>
      tx.select().from(inductionDeadlineReminders),
    );
    expect(
      sent.map((r) => `${r.ectId === failedId ? 'failed' : r.ectId}:${r.kind}:${r.stage}:${r.dueOn}`),
    ).toEqual(['failed:appeal:1:2026-10-09']);
  });

  it('an appeal upheld against a fail: the ECT is treated as having passed', async () => {
    const { manager, ectId, appealId } = await decidedAndAppealed({ outcome: 'fail' });
    const result = await manager.induction.decideAppeal({
      appealId,
      result: 'upheld',
      resultOn: '2026-12-02',
    });
    expect(result).toMatchObject({ effect: 'passed' });
    const record = await manager.induction.byId({ ectId });
    expect(record.ect.status).toBe('completed');
    expect(record.outcomes.map((o) => `${o.outcome}:${o.decidedOn}`)).toEqual([
      'fail:2026-11-20',
      'pass:2026-12-02',
    ]);
    expect(record.outcomes[1]).toMatchObject({ termsServedTenths: 60 });
    expect(record.decisions.appeals[0]).toMatchObject({
      result: 'upheld',
      resultOutcomeId: record.outcomes[1]?.id,
    });
    expect(record.decisions).toMatchObject({ mayRecordAppeal: false, deadlines: { appealBy: null } });
    const { csv } = await manager.induction.exportOutcomes({ from: '2026-12-02', to: '2026-12-02' });
    expect(csv).toContain('Pass,2026-12-02');
    const data = await manager.personalData.exportJson({ subject: { kind: 'ect', id: ectId } });
    expect(data.induction?.appeals).toMatchObject([{ result: 'upheld', resultOutcome: 'pass' }]);
    const pdf = await manager.personalData.exportPdf({ subject: { kind: 'ect', id: ectId } });
    const headings = pdf.document.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
    expect(headings).toContain('Appeals to the Teaching Regulation Agency');
  });

  it('an appeal against a fail varied to an extension: induction reopens, extended, with its checkpoints', async () => {
    const { manager, ectId, appealId } = await decidedAndAppealed({ outcome: 'fail' });
    await expect(
      manager.induction.decideAppeal({ appealId, result: 'varied', resultOn: '2026-12-02' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const result = await manager.induction.decideAppeal({
      appealId,
      result: 'varied',
      resultOn: '2026-12-02',
      extensionTerms: 1.5,
    });
    expect(result).toMatchObject({ effect: 'extended' });
    const record = await manager.induction.byId({ ectId });
    expect(record.ect).toMatchObject({ status: 'in_progress', extensionTenths: 15 });
    expect(record.periods.at(-1)?.endsOn).toBeNull();
    expect(record.outcomes.map((o) => `${o.outcome}:${o.extensionTenths ?? ''}`)).toEqual([
      'fail:',
      'extension:15',
    ]);
    // 7.5 terms: checkpoints for terms 7 and 8, the last a formal assessment, as an extension would add. The
    // six terms before the fail had no reports (the fail removed them): induction resumes at term 7.
    const terms = record.checkpoints.filter((c) => c.termNumber !== null);
    expect(terms.map((c) => c.termNumber)).toEqual([7, 8]);
    expect(terms.at(-1)?.kind).toBe('formal');
    expect(record.schedule.termsRequired).toBe(7.5);
    expect(record.decisions.appeals[0]).toMatchObject({
      result: 'varied',
      resultOutcomeId: record.outcomes[1]?.id,
    });
    // The TRA's decision is final: no appeal against it; the AB records the outcome at the extension's end.
    expect(record.decisions).toMatchObject({ mayRecordAppeal: false, deadlines: { appealBy: null } });
    expect(record.mayRecordOutcome).toBe(true);
    await expect(manager.induction.recordAppeal({ ectId, lodgedOn: '2026-12-03' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
  });

  it('an appeal upheld against an extension completes induction; the extension no longer counts', async () => {
    const { manager, ectId, appealId } = await decidedAndAppealed({
      outcome: 'extension',
      extensionTerms: 2,
    });
    await manager.induction.decideAppeal({ appealId, result: 'upheld', resultOn: '2026-12-02' });
    const record = await manager.induction.byId({ ectId });
    expect(record.ect).toMatchObject({ status: 'completed', extensionTenths: 0 });
    expect(record.checkpoints.some((c) => c.status === 'due')).toBe(false);
    expect(record.periods.at(-1)?.endsOn).toBe('2026-12-02');
    expect(record.outcomes.at(-1)).toMatchObject({ outcome: 'pass', decidedOn: '2026-12-02' });
  });

  it('a dismissed appeal changes nothing; a result cannot replace a later outcome', async () => {
    const { manager, ectId, appealId } = await decidedAndAppealed({ outcome: 'fail' });
    const before = await manager.induction.byId({ ectId });
    expect(
      await manager.induction.decideAppeal({ appealId, result: 'dismissed', resultOn: '2026-12-02' }),
    ).toMatchObject({
      effect: 'none',
    });
    const after = await manager.induction.byId({ ectId });
    expect(after.ect).toEqual(before.ect);
    expect(after.outcomes).toEqual(before.outcomes);
    expect(after.decisions.appeals[0]).toMatchObject({ result: 'dismissed', resultOutcomeId: null });
    // Appealed once: no further appeal date.
    expect(after.decisions.deadlines.appealBy).toBeNull();

    // Six terms from September 2024 and one more from the extension: the pass in December 2026 ends it.
    const extendedId = await hub.register('Priya Raman', { startsOn: '2024-09-03' });
    await manager.induction.recordOutcome({
      ectId: extendedId,
      outcome: 'extension',
      decidedOn: '2026-09-10',
      termsServed: 6,
      extensionTerms: 1,
    });
    const { id: lateAppeal } = await manager.induction.recordAppeal({
      ectId: extendedId,
      lodgedOn: '2026-09-20',
    });
    await manager.induction.recordOutcome({
      ectId: extendedId,
      outcome: 'pass',
      decidedOn: '2026-12-01',
      termsServed: 7,
    });
    await expect(
      manager.induction.decideAppeal({ appealId: lateAppeal, result: 'upheld', resultOn: '2026-12-02' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  describe('a varied result months after the decision resumes induction from the result', () => {
    /**
     * An ECT of a hub of their own (so the jobs' counts are theirs alone) who started full time in September
     * 2024, so six terms ended on 22 July 2026 (the default term dates). The school reported on every term; the
     * AB decided on 10 September 2026 and the ECT appealed on 25 September. The TRA's result comes on Monday
     * 10 May 2027, in the summer term.
     */
    async function endedAndAppealed(
      decision: { outcome: 'fail' } | { outcome: 'extension'; extensionTerms: number },
      reportOnExtension = false,
    ) {
      const own = await makeHub(database);
      const manager = own.as(own.people.manager);
      const { ectId } = await own.as(own.people.headA).induction.register(
        inductionRegistration(own.schoolA.id, own.people.tutorA, {
          name: 'Amara Okafor',
          startsOn: '2024-09-03',
        }),
      );
      const report = async (upTo: number) => {
        const { checkpoints } = await manager.induction.byId({ ectId });
        for (const c of checkpoints)
          if (c.termNumber !== null && c.termNumber <= upTo && c.status === 'due')
            await own.as(own.people.tutorA).induction.submitCheckpoint({
              checkpointId: c.id,
              judgement: 'not_on_track',
              evidence: 'Lesson observations and planning scrutiny show the standards are not yet met.',
            });
      };
      await report(6);
      const { schedule } = await manager.induction.byId({ ectId });
      expect(schedule.completesOn).toBe('2026-07-22');
      await manager.induction.recordOutcome({ ectId, decidedOn: '2026-09-10', termsServed: 6, ...decision });
      if (reportOnExtension) await report(7);
      const { id: appealId } = await manager.induction.recordAppeal({ ectId, lodgedOn: '2026-09-25' });
      return { own, manager, ectId, appealId };
    }
    const resultOn = '2027-05-10';
    const dueOnes = async (own: Awaited<ReturnType<typeof makeHub>>, ectId: string) =>
      (await own.as(own.people.manager).induction.byId({ ectId })).checkpoints.filter(
        (c) => c.status === 'due' || c.status === 'changes_requested',
      );

    it('against a fail: the new terms run from the first term starting after the result; nothing is overdue', async () => {
      const { own, manager, ectId, appealId } = await endedAndAppealed({ outcome: 'fail' });
      const result = await manager.induction.decideAppeal({
        appealId,
        result: 'varied',
        resultOn,
        extensionTerms: 1.5,
      });
      // The summer term 2027 is under way on 10 May: term 7 is the autumn term, term 8 (half a term) the spring.
      expect(result).toMatchObject({ effect: 'extended', completesOn: '2028-04-13' });
      const record = await manager.induction.byId({ ectId });
      expect(record.schedule).toMatchObject({ termsRequired: 7.5, completesOn: '2028-04-13' });
      const terms = record.checkpoints.filter((c) => c.termNumber !== null);
      expect(terms.map((c) => `${c.termNumber}:${c.kind}:${c.status}:${c.dueOn}`)).toEqual([
        '1:review:submitted:2024-12-20',
        '2:review:submitted:2025-04-17',
        '3:formal:submitted:2025-07-22',
        '4:review:submitted:2025-12-19',
        '5:review:submitted:2026-04-02',
        '6:formal:submitted:2026-07-22',
        '7:review:due:2027-12-17',
        '8:formal:due:2028-04-13',
      ]);
      const due = await dueOnes(own, ectId);
      expect(due.filter((c) => isOverdue(c, resultOn))).toEqual([]);
      expect(due.every((c) => !isOverdue(c, '2027-12-17'))).toBe(true);
      // Kept on the outcome: the resumption the schedule honours from now on.
      const [outcome] = await withTenant(database.db, own.tenant.id, (tx) =>
        tx
          .select()
          .from(inductionOutcomes)
          .where(eq(inductionOutcomes.id, record.outcomes.at(-1)?.id ?? '')),
      );
      expect(outcome).toMatchObject({ outcome: 'extension', resumesOn: resultOn, resumesAfterTenths: 60 });
      expect(outcome?.note).toContain('from 10 May 2027');

      // The jobs, run on the day of the result and the next: nothing to escalate or remind anyone of.
      for (const today of [resultOn, '2027-05-11']) {
        const [escalated] = await runScheduledJob(database.db, 'induction-escalations', {
          today,
          appUrl: testAppUrl,
          tenants: [own.tenant.slug],
        });
        expect(escalated?.result).toMatchObject({ ran: true, summary: { overdue: 0, emails: 0 } });
        const [reminded] = await remind(today, own.tenant.slug);
        expect(reminded?.result).toMatchObject({
          ran: true,
          summary: { recommendationReminders: 0, decisionReminders: 0, emails: 0 },
        });
      }
      expect(await emailsTo(own.people.tutorA.email, 'Amara Okafor')).toHaveLength(0);
      expect(await emailsTo(own.people.headA.email, 'Amara Okafor')).toHaveLength(0);
      const reminders = await withTenant(database.db, own.tenant.id, (tx) =>
        tx.select().from(inductionDeadlineReminders).where(eq(inductionDeadlineReminders.ectId, ectId)),
      );
      expect(reminders).toEqual([]);
    });

    it('against an extension: terms already reported on stand; the rest run from the result', async () => {
      // The AB extended by two terms (7 and 8: autumn 2026 and spring 2027); the school reported on term 7.
      const { own, manager, ectId, appealId } = await endedAndAppealed(
        { outcome: 'extension', extensionTerms: 2 },
        true,
      );
      const before = await manager.induction.byId({ ectId });
      expect(before.checkpoints.find((c) => c.termNumber === 8)?.dueOn).toBe('2027-03-25');
      await manager.induction.decideAppeal({ appealId, result: 'varied', resultOn, extensionTerms: 1.5 });
      const record = await manager.induction.byId({ ectId });
      expect(record.ect.extensionTenths).toBe(15);
      const terms = record.checkpoints.filter((c) => c.termNumber !== null).slice(6);
      // Term 8 was overdue under the AB's extension; the TRA's half term left runs through the autumn.
      expect(terms.map((c) => `${c.termNumber}:${c.kind}:${c.status}:${c.dueOn}`)).toEqual([
        '7:review:submitted:2026-12-18',
        '8:formal:due:2027-12-17',
      ]);
      expect(terms[1]?.escalationLevel).toBe(0);
      expect(record.schedule.completesOn).toBe('2027-12-17');
      expect((await dueOnes(own, ectId)).filter((c) => isOverdue(c, resultOn))).toEqual([]);
      const [reminded] = await remind(resultOn, own.tenant.slug);
      expect(reminded?.result).toMatchObject({ summary: { recommendationReminders: 0, emails: 0 } });
    });

    it('an ordinary extension by the AB still follows straight on from the end of induction', async () => {
      const { manager, ectId } = await endedAndAppealed({ outcome: 'extension', extensionTerms: 2 });
      const { checkpoints } = await manager.induction.byId({ ectId });
      expect(checkpoints.filter((c) => (c.termNumber ?? 0) > 6).map((c) => c.dueOn)).toEqual([
        '2026-12-18',
        '2027-03-25',
      ]);
    });
  });
});
