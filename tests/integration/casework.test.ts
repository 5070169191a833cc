import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import {
  actionPlanItems,
  actionPlans,
  ofstedInspections,
  outboxEmails,
  sccCases,
  sccLetters,
  schools,
} from '~/db/schema';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { withMailroom } from '~/server/email/outbox';
import { addDays } from '~/server/monitoring/plan-visits';
import { makeDemoWorkspace, type DemoWorkspace } from '../fixtures/factories';
import { failureOf, openTestDatabase } from './harness';

/**
 * SCC casework through the real router on a fresh copy of the seeded Barnet: action plans (and the Statement of Action rule),
 * progress meetings, warning notices, intervention powers, Regional Director referrals and the SCC budget.
 */
let database: Database;
let barnet: DemoWorkspace;
let barnetId: string;
const caseIds: Record<string, string> = {};

async function schoolIdOf(urn: number) {
  const [row] = await withTenant(database.db, barnetId, (tx) =>
    tx.select({ id: schools.id }).from(schools).where(eq(schools.urn, urn)),
  );
  if (!row) throw new Error(`no school ${urn}`);
  return row.id;
}

async function caseOf(urn: number) {
  const schoolId = await schoolIdOf(urn);
  const [row] = await withTenant(database.db, barnetId, (tx) =>
    tx
      .select({ id: sccCases.id })
      .from(sccCases)
      .where(and(eq(sccCases.schoolId, schoolId), eq(sccCases.status, 'designated'))),
  );
  return row?.id;
}

/** A designated case made for a test (the review-meeting workflow belongs to the concern module). */
async function designate(urn: number, status: 'designated' | 'candidate' = 'designated') {
  const schoolId = await schoolIdOf(urn);
  const [made] = await withTenant(database.db, barnetId, (tx) =>
    tx
      .insert(sccCases)
      .values({
        tenantId: barnetId,
        schoolId,
        status,
        identifiedOn: '2026-10-01',
        designatedOn: '2026-10-08',
      })
      .returning({ id: sccCases.id }),
  );
  if (!made) throw new Error('case not made');
  return made.id;
}

/** The Director of Children's Services, the only one who records DCS decisions (seeded as Barnet's DCS). */
const director = () => barnet.caller('dcs@barnet.example');
/** Barnet's preconditions for a formal notice (db/seed/statutory-data.ts, from Part B). */
const notEngaging = 'The school has not engaged with the support and challenge offered';

beforeAll(async () => {
  database = await openTestDatabase();
  // A copy of Barnet of this file's own, so the suite can run again on the same database.
  barnet = await makeDemoWorkspace(database.db, 'barnet');
  barnetId = barnet.id;
  caseIds.brunswick = (await caseOf(101270)) ?? '';
  caseIds.stCatherines = (await caseOf(101335)) ?? '';
  // 101364: maintained, no seeded case; given a serious-weaknesses inspection so a Statement of Action is required.
  caseIds.serious = await designate(101364);
  const seriousSchool = await schoolIdOf(101364);
  await withTenant(database.db, barnetId, (tx) =>
    tx.insert(ofstedInspections).values({
      tenantId: barnetId,
      schoolId: seriousSchool,
      inspectedOn: '2026-10-20',
      framework: 'legacy_overall',
      overallGrade: 4,
      categoryOfConcern: 'serious_weaknesses',
    }),
  );
  // 138912 is an academy.
  caseIds.academy = await designate(138912, 'candidate');
});

describe('action plans', () => {
  it('shows the seeded Statement of Action with a summary by RAG and overdue items', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const plan = await officer.casework.plan({ caseId: caseIds.brunswick ?? '' });
    expect(plan.view).toBe('full');
    expect(plan.plan?.kind).toBe('statement_of_action');
    expect(plan.case.schoolName).toBe('Brunswick Park Primary School');
    expect(plan.statementRequiredBecause).toMatch(/special measures/);
    expect(plan.summary.total).toBe(plan.items.length);
    expect(
      plan.summary.byRag.red + plan.summary.byRag.amber + plan.summary.byRag.green + plan.summary.completed,
    ).toBe(plan.items.length);
  });

  it('offers a plan only for a designated case: a designated one without a plan may start it', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    expect(
      (await officer.casework.plan({ caseId: caseIds.brunswick ?? '' })).planNotStartableBecause,
    ).toBeNull();
    expect(
      (await officer.casework.plan({ caseId: caseIds.serious ?? '' })).planNotStartableBecause,
    ).toBeNull();
    expect((await officer.casework.plan({ caseId: caseIds.academy ?? '' })).planNotStartableBecause).toMatch(
      /^The plan is started once the school is designated/,
    );
  });

  it('refuses an ordinary plan for a school in an Ofsted category of concern, and makes a Statement of Action', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const refusal = await failureOf(
      officer.casework.createPlan({
        caseId: caseIds.serious ?? '',
        kind: 'action_plan',
        title: 'Improvement plan',
      }),
    );
    expect(refusal).toMatch(/needs a Statement of Action.*serious weaknesses/);
    const plan = await officer.casework.createPlan({
      caseId: caseIds.serious ?? '',
      kind: 'statement_of_action',
      title: 'Statement of Action',
      nextReviewOn: '2027-01-15',
    });
    expect(plan.kind).toBe('statement_of_action');
    expect(
      await failureOf(
        officer.casework.createPlan({
          caseId: caseIds.serious ?? '',
          kind: 'statement_of_action',
          title: 'Again',
        }),
      ),
    ).toMatch(/already has a plan/);
  });

  it('adds, edits, rates with evidence and completes an item; sets the next review', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const { plan } = await officer.casework.plan({ caseId: caseIds.serious ?? '' });
    if (!plan) throw new Error('no plan');
    const today = todayInLondon();
    const action = {
      priority: 'Leadership',
      action: 'Governance review by an NLG',
      ownerKind: 'broker',
      ownerName: 'BPSI',
      milestone: 'Review report to governors',
    } as const;
    // A new action is due today or later, refused beside the due date field otherwise.
    await expect(
      officer.casework.addItem({ planId: plan.id, ...action, dueOn: addDays(today, -1) }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The due date must be today or later.',
      cause: { field: 'dueOn' },
    });
    const item = await officer.casework.addItem({ planId: plan.id, ...action, dueOn: today });
    expect(item.dueOn).toBe(today);
    // An action whose date has since passed (made so here) is overdue.
    const pastDue = addDays(today, -10);
    await withTenant(database.db, barnetId, (tx) =>
      tx.update(actionPlanItems).set({ dueOn: pastDue }).where(eq(actionPlanItems.id, item.id)),
    );
    let view = await officer.casework.plan({ caseId: caseIds.serious ?? '' });
    expect(view.summary.overdue).toBe(1);
    // It may still be edited with its date unchanged, but not moved to another past date.
    const renamed = { ...action, priority: 'Leadership and governance' };
    expect(await officer.casework.editItem({ itemId: item.id, ...renamed, dueOn: pastDue })).toMatchObject({
      priority: 'Leadership and governance',
      dueOn: pastDue,
    });
    await expect(
      officer.casework.editItem({ itemId: item.id, ...renamed, dueOn: addDays(today, -1) }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { field: 'dueOn' } });
    await officer.casework.editItem({
      itemId: item.id,
      ...renamed,
      action: 'Governance review by a National Leader of Governance',
      dueOn: addDays(today, 60),
    });
    const rated = await officer.casework.updateProgress({
      itemId: item.id,
      rag: 'red',
      evidence: 'NLG not yet appointed; chair on leave.',
    });
    expect(rated).toMatchObject({ rag: 'red', evidence: 'NLG not yet appointed; chair on leave.' });
    view = await officer.casework.plan({ caseId: caseIds.serious ?? '' });
    expect(view.summary).toMatchObject({ total: 1, overdue: 0, byRag: { red: 1, amber: 0, green: 0 } });
    await officer.casework.completeItem({ itemId: item.id, completedOn: '2026-11-20' });
    expect(
      await failureOf(officer.casework.updateProgress({ itemId: item.id, rag: 'amber', evidence: 'Late' })),
    ).toMatch(/already completed/);
    await officer.casework.setNextReview({ planId: plan.id, nextReviewOn: '2027-02-10' });
    view = await officer.casework.plan({ caseId: caseIds.serious ?? '' });
    expect(view.summary.completed).toBe(1);
    expect(view.plan?.nextReviewOn).toBe('2027-02-10');
  });

  it('shows a RAG update without evidence as a field error', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const { items } = await officer.casework.plan({ caseId: caseIds.brunswick ?? '' });
    const first = items[0];
    if (!first) throw new Error('no items');
    expect(
      await failureOf(officer.casework.updateProgress({ itemId: first.id, rag: 'red', evidence: '' })),
    ).toMatch(/Record the evidence/);
  });
});

describe('progress meetings', () => {
  it('records a School Progress Review and a Monitoring and Challenge meeting and lists them', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    await officer.casework.recordMeeting({
      caseId: caseIds.stCatherines ?? '',
      kind: 'progress_review',
      heldOn: '2026-11-12',
      attendees: 'Headteacher, chair of governors, Lead Officer, LNI',
      notes: 'Curriculum maps for five foundation subjects complete; phonics on track.',
    });
    await officer.casework.recordMeeting({
      caseId: caseIds.stCatherines ?? '',
      kind: 'monitoring_and_challenge',
      heldOn: '2026-11-19',
      attendees: 'Head of School Improvement, headteacher, chair',
      notes: 'Challenge on pace of foundation-subject work; next review in January.',
    });
    const meetings = await officer.casework.meetings({ caseId: caseIds.stCatherines ?? '' });
    expect(meetings.map((m) => m.kind).slice(0, 2)).toEqual(['monitoring_and_challenge', 'progress_review']);
    expect(meetings[0]?.recordedBy).toBeTruthy();
  });
});

describe('warning notices and intervention powers', () => {
  it('refuses a power while the school is not eligible, with the reason', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const dcs = await barnet.user('dcs@barnet.example');
    const refusal = await failureOf(
      (await director()).casework.recordPower({
        caseId: caseIds.stCatherines ?? '',
        power: 's64_additional_governors',
        dcsDecision: 'approved',
        dcsDecisionOn: '2026-11-20',
        dcsDecisionByUserId: dcs.id,
      }),
    );
    expect(refusal).toMatch(/not eligible/);
    // An officer only recommends: the power is the DCS's to decide.
    expect(
      await failureOf(
        officer.casework.recordPower({
          caseId: caseIds.stCatherines ?? '',
          power: 's64_additional_governors',
          dcsDecision: 'approved',
          dcsDecisionOn: '2026-11-20',
        }),
      ),
    ).toMatch(/Only the Director of Children’s Services/);
  });

  it('takes a formal s60 notice from recommended to issued only with the DCS decision, then not complied → a power', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const dcs = await barnet.user('dcs@barnet.example');
    expect(
      await failureOf(
        officer.casework.recordNotice({ caseId: caseIds.stCatherines ?? '', kind: 'formal_s60' }),
      ),
    ).toMatch(/at least one ground/);
    expect(
      await failureOf(
        officer.casework.recordNotice({
          caseId: caseIds.stCatherines ?? '',
          kind: 'formal_s60',
          grounds: ['unacceptably_low_standards'],
        }),
      ),
    ).toMatch(/conditions for a formal warning notice apply: The school has not engaged/);
    const notice = await officer.casework.recordNotice({
      caseId: caseIds.stCatherines ?? '',
      kind: 'formal_s60',
      grounds: ['unacceptably_low_standards', 'breakdown_of_management_or_governance'],
      preconditions: [notEngaging],
    });
    expect(notice.status).toBe('recommended');
    const noDcs = await failureOf(
      (await director()).casework.issueNotice({
        noticeId: notice.id,
        issuedOn: '2026-11-20',
        complianceBy: '2027-01-20',
      }),
    );
    expect(noDcs).toMatch(/only be issued once the DCS decision is recorded/);
    const noDate = await failureOf(
      (await director()).casework.issueNotice({
        noticeId: notice.id,
        issuedOn: '2026-11-20',
        dcsDecisionOn: '2026-11-19',
        dcsDecisionByUserId: dcs.id,
      }),
    );
    expect(noDate).toMatch(/must comply/);
    const adviser = await barnet.user('adviser@barnet.example');
    expect(
      await failureOf(
        (await director()).casework.issueNotice({
          noticeId: notice.id,
          issuedOn: '2026-11-20',
          complianceBy: '2027-01-20',
          dcsDecisionOn: '2026-11-19',
          dcsDecisionByUserId: adviser.id,
        }),
      ),
    ).toMatch(/Director of Children’s Services or one of their named delegates/);
    // An officer recommends; only the DCS (or a named delegate) records the decision.
    expect(
      await failureOf(
        officer.casework.issueNotice({
          noticeId: notice.id,
          issuedOn: '2026-11-20',
          complianceBy: '2027-01-20',
          dcsDecisionOn: '2026-11-19',
        }),
      ),
    ).toMatch(
      /Only the Director of Children’s Services or a named delegate records this decision \(Catherine Blake\)/,
    );
    const issued = await (
      await director()
    ).casework.issueNotice({
      noticeId: notice.id,
      issuedOn: '2026-11-20',
      complianceBy: '2027-01-20',
      dcsDecisionOn: '2026-11-19',
      dcsDecisionByUserId: dcs.id,
    });
    expect(issued).toMatchObject({
      status: 'issued',
      complianceBy: '2027-01-20',
      dcsDecisionByUserId: dcs.id,
    });
    // The notice is written to the school: a letter under the case's letters, emailed to its head and governors.
    const [letter] = await withTenant(database.db, barnetId, (tx) =>
      tx
        .select()
        .from(sccLetters)
        .where(eq(sccLetters.id, issued?.letterId ?? '00000000-0000-0000-0000-000000000000')),
    );
    expect(letter).toMatchObject({ kind: 'warning_notice', caseId: caseIds.stCatherines });
    expect(letter?.subject).toMatch(
      /warning notice under section 60 of the Education and Inspections Act 2006/,
    );
    expect(letter?.body).toContain('by 20 January 2027');
    expect(letter?.body).toContain(
      'unacceptably low standards of performance; serious breakdown in management',
    );
    expect(letter?.body).toContain('an interim executive board (section 65)');
    const emailed = await withMailroom(database.db, (tx) =>
      tx
        .select()
        .from(outboxEmails)
        .where(eq(outboxEmails.subject, letter?.subject ?? '')),
    );
    expect(emailed.length).toBeGreaterThan(0);
    const outcome = await officer.casework.noticeOutcome({
      noticeId: notice.id,
      outcome: 'not_complied',
      outcomeOn: '2027-01-21',
      notes: 'Governors did not commission the external review.',
    });
    expect(outcome?.status).toBe('not_complied');
    expect(
      await failureOf(
        officer.casework.noticeOutcome({
          noticeId: notice.id,
          outcome: 'complied',
          outcomeOn: '2027-01-22',
          notes: 'Again',
        }),
      ),
    ).toMatch(/already has an outcome/);
    const view = await officer.casework.interventions({ caseId: caseIds.stCatherines ?? '' });
    expect(view.eligibility).toMatchObject({
      eligible: true,
      reason: expect.stringMatching(/did not comply/),
    });
    const power = await (
      await director()
    ).casework.recordPower({
      caseId: caseIds.stCatherines ?? '',
      power: 's65_interim_executive_board',
      noticeId: notice.id,
      dcsDecision: 'approved',
      dcsDecisionOn: '2027-01-25',
      dcsDecisionByUserId: dcs.id,
      notes: 'IEB from February half term.',
    });
    expect(power.power).toBe('s65_interim_executive_board');
  });

  it('records a pay-and-conditions (s60A) notice as its own kind, and the informal notice as issued', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const s60a = await officer.casework.recordNotice({
      caseId: caseIds.serious ?? '',
      kind: 'pay_and_conditions_s60a',
    });
    expect(s60a).toMatchObject({ kind: 'pay_and_conditions_s60a', grounds: [], status: 'recommended' });
    // Before issue, only withdrawal (the DCS does not take it up) — not complied or not.
    expect(
      await failureOf(
        officer.casework.noticeOutcome({
          noticeId: s60a.id,
          outcome: 'complied',
          outcomeOn: '2026-11-21',
          notes: 'Pay policy corrected before issue.',
        }),
      ),
    ).toMatch(/can only be withdrawn/);
    const declined = await officer.casework.recordNotice({
      caseId: caseIds.serious ?? '',
      kind: 'formal_s60',
      grounds: ['unacceptably_low_standards'],
      preconditions: [notEngaging],
    });
    const declinedOutcome = await officer.casework.noticeOutcome({
      noticeId: declined.id,
      outcome: 'withdrawn',
      outcomeOn: '2026-11-21',
      notes: 'The DCS did not take the recommendation up: the school has a new headteacher.',
    });
    expect(declinedOutcome).toMatchObject({ status: 'withdrawn', dcsDecisionOn: null, complianceBy: null });
    const dcs = await barnet.user('dcs@barnet.example');
    await (
      await director()
    ).casework.issueNotice({
      noticeId: s60a.id,
      issuedOn: '2026-11-21',
      complianceBy: '2026-12-19',
      dcsDecisionOn: '2026-11-21',
      dcsDecisionByUserId: dcs.id,
    });
    const withdrawn = await officer.casework.noticeOutcome({
      noticeId: s60a.id,
      outcome: 'withdrawn',
      outcomeOn: '2026-12-01',
      notes: 'Pay policy corrected.',
    });
    expect(withdrawn?.status).toBe('withdrawn');
    const informal = await officer.casework.recordNotice({
      caseId: caseIds.serious ?? '',
      kind: 'informal',
      issuedOn: '2026-10-08',
    });
    expect(informal).toMatchObject({ status: 'issued', issuedOn: '2026-10-08' });
    // One informal warning per case: the page no longer offers it, and a second is refused.
    expect((await officer.casework.interventions({ caseId: caseIds.serious ?? '' })).informalGiven).toBe(
      true,
    );
    expect(
      await failureOf(
        officer.casework.recordNotice({
          caseId: caseIds.serious ?? '',
          kind: 'informal',
          issuedOn: '2026-10-09',
        }),
      ),
    ).toMatch(/informal warning already/);
  });

  it('is eligible for powers in an Ofsted category of concern without a notice', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const view = await officer.casework.interventions({ caseId: caseIds.brunswick ?? '' });
    expect(view.school.maintained).toBe(true);
    expect(view.eligibility).toMatchObject({
      eligible: true,
      reason: expect.stringMatching(/special measures/),
    });
  });

  it('refuses notices and powers for an academy, and refers it to the Regional Director instead', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const dcs = await barnet.user('dcs@barnet.example');
    expect(
      await failureOf(
        officer.casework.recordNotice({
          caseId: caseIds.academy ?? '',
          kind: 'formal_s60',
          grounds: ['safety_threatened'],
        }),
      ),
    ).toMatch(/only to maintained schools.*Regional Director/);
    expect(
      await failureOf(
        (await director()).casework.recordPower({
          caseId: caseIds.academy ?? '',
          power: 's63_require_arrangements',
          dcsDecision: 'approved',
          dcsDecisionOn: '2026-11-20',
          dcsDecisionByUserId: dcs.id,
        }),
      ),
    ).toMatch(/Regional Director/);
    const referral = await officer.casework.referToRegionalDirector({
      caseId: caseIds.academy ?? '',
      referredOn: '2026-11-20',
      concern: 'Safeguarding culture weak at LNI keeping-in-touch visit; trust not engaging.',
    });
    await officer.casework.referralResponse({
      caseId: caseIds.academy ?? '',
      referralId: referral.id,
      respondedOn: '2026-11-27',
      response: 'Regional Director has asked the trust for a safeguarding review.',
    });
    const view = await officer.casework.interventions({ caseId: caseIds.academy ?? '' });
    expect(view.school.maintained).toBe(false);
    expect(view.referrals[0]?.referral.response).toMatch(/safeguarding review/);
    expect(
      await failureOf(
        officer.casework.referToRegionalDirector({
          caseId: caseIds.stCatherines ?? '',
          referredOn: '2026-11-20',
          concern: 'Should go through warning notices instead.',
        }),
      ),
    ).toMatch(/for academies/);
  });

  it('lets an adviser read the interventions of a case they advise but not issue notices', async () => {
    const adviser = await barnet.caller('la.officer@barnet.example');
    expect((await adviser.casework.interventions({ caseId: caseIds.brunswick ?? '' })).notices).toBeDefined();
    const lni = await barnet.caller('adviser@barnet.example');
    expect(
      await failureOf(
        lni.casework.recordNotice({
          caseId: caseIds.brunswick ?? '',
          kind: 'formal_s60',
          grounds: ['safety_threatened'],
        }),
      ),
    ).toMatch(/does not allow/);
  });
});

describe('SCC budget', () => {
  it('requests, approves and pays a payment to the school; finance marks it paid; totals by year and status', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const finance = await barnet.caller('finance@barnet.example');
    const payment = await officer.casework.requestPayment({
      caseId: caseIds.brunswick ?? '',
      payeeKind: 'school',
      amountPence: 1_250_000,
      purpose: 'Interim executive headteacher costs, spring term',
      financialYear: 2026,
    });
    expect(payment).toMatchObject({ payeeName: 'Brunswick Park Primary School', status: 'requested' });
    expect(
      await failureOf(finance.casework.decidePayment({ paymentId: payment.id, to: 'approved' })),
    ).toMatch(/does not allow/);
    await officer.casework.decidePayment({ paymentId: payment.id, to: 'approved' });
    const paid = await finance.casework.markPaid({ paymentId: payment.id, paidOn: '2026-12-01' });
    expect(paid).toMatchObject({ status: 'paid', paidOn: '2026-12-01' });
    const budget = await finance.casework.budget();
    expect(budget.currentFinancialYear).toBe(2026);
    const year = budget.totals.find((t) => t.financialYear === 2026);
    expect(year?.byStatus.paid).toBeGreaterThanOrEqual(1_250_000);
  });

  it('does not approve or pay another payee until the DCS approval is recorded', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const dcs = await barnet.user('dcs@barnet.example');
    const payment = await officer.casework.requestPayment({
      caseId: caseIds.brunswick ?? '',
      payeeKind: 'other',
      payeeName: 'Totteridge Academy (supporting school)',
      amountPence: 800_000,
      purpose: 'Brokered maths teaching support',
      financialYear: 2026,
    });
    expect(
      await failureOf(officer.casework.decidePayment({ paymentId: payment.id, to: 'approved' })),
    ).toMatch(/needs the DCS approval recorded/);
    await (
      await director()
    ).casework.recordDcsApproval({
      paymentId: payment.id,
      approvedOn: '2026-11-20',
      approvedByUserId: dcs.id,
    });
    const approved = await officer.casework.decidePayment({ paymentId: payment.id, to: 'approved' });
    expect(approved?.status).toBe('approved');
    const declined = await officer.casework.requestPayment({
      caseId: caseIds.brunswick ?? '',
      payeeKind: 'other',
      payeeName: 'Consultant',
      amountPence: 100_00,
      purpose: 'Not agreed',
      financialYear: 2026,
    });
    expect((await officer.casework.decidePayment({ paymentId: declined.id, to: 'declined' }))?.status).toBe(
      'declined',
    );
  });

  it('refuses the budget to an academy and to an adviser', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    expect(
      await failureOf(
        officer.casework.requestPayment({
          caseId: caseIds.academy ?? '',
          payeeKind: 'school',
          amountPence: 100,
          purpose: 'Not allowed',
          financialYear: 2026,
        }),
      ),
    ).toMatch(/academy/);
    const adviser = await barnet.caller('adviser@barnet.example');
    expect(await failureOf(adviser.casework.budget())).toMatch(/does not allow/);
  });
});

describe('the school view', () => {
  it('shows the headteacher their own plan and letters only', async () => {
    const head = await barnet.caller('head@stcatherines.sch.example');
    const mine = await head.casework.mySupport();
    expect(mine.school.name).toBe("St Catherine's RC Primary School");
    expect(mine.plan?.kind).toBe('action_plan');
    expect(mine.plan?.items.length).toBeGreaterThan(0);
    expect(Object.keys(mine).sort()).toEqual(['letters', 'plan', 'school']);
    const [plan] = await withTenant(database.db, barnetId, (tx) =>
      tx
        .select({ id: actionPlans.id })
        .from(actionPlans)
        .where(eq(actionPlans.caseId, caseIds.stCatherines ?? '')),
    );
    expect(mine.plan?.id).toBe(plan?.id);
  });
});
