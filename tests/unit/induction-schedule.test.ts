import { describe, expect, it } from 'vitest';
import { defaultTermDates, type TermDates } from '~/server/calendar/term-dates';
import { todayInLondon } from '~/server/catalogue/academic-year';
import {
  addSchoolDays,
  checkpointCount,
  checkpointOpensOn,
  escalationLevelDue,
  inductionTermsRequired,
  interimDueOn,
  isOverdue,
  overdueAtRegistration,
  periodOfCheckpoint,
  planInduction,
  schoolTermsStartingFrom,
  termsServedBy,
  termWeight,
} from '~/server/induction/induction-schedule';
import { demoTermDates } from '~/seed/term-dates-data';

/** London's published terms for 2025–2027 (the seed's), the estimate for later years. */
const termDatesFor = (year: number): TermDates => {
  const terms = demoTermDates.barnet?.[year];
  return terms ? { academicYear: year, source: 'tenant', terms } : defaultTermDates(year);
};
const dues = (plan: ReturnType<typeof planInduction>) =>
  plan.checkpoints.map((c) => `${c.termNumber}:${c.kind}:${c.dueOn}`);

describe('induction schedule', () => {
  it('full time: six terms, reviews at the end of terms 1, 2, 4, 5 and formal assessments at 3 and 6', () => {
    const plan = planInduction({ startsOn: '2026-09-03', fte: 1, termDatesFor });
    expect(plan.termsRequired).toBe(6);
    expect(dues(plan)).toEqual([
      '1:review:2026-12-18',
      '2:review:2027-03-25',
      '3:formal:2027-07-21',
      '4:review:2027-12-17',
      '5:review:2028-03-31',
      '6:formal:2028-07-21',
    ]);
    expect(plan.completesOn).toBe('2028-07-21');
  });

  it('0.5 FTE: each induction term spans two school terms, so induction takes four years', () => {
    const plan = planInduction({ startsOn: '2026-09-03', fte: 0.5, termDatesFor });
    expect(plan.checkpoints.map((c) => c.dueOn).slice(0, 3)).toEqual([
      '2027-03-25',
      '2027-12-17',
      '2028-07-21',
    ]);
    // Term 6 closes the twelfth school term: the summer of 2030.
    expect(plan.completesOn.slice(0, 7)).toBe('2030-07');
  });

  it('0.6 FTE: a checkpoint falls at the end of the school term in which its induction term is complete', () => {
    const plan = planInduction({ startsOn: '2026-09-03', fte: 0.6, termDatesFor });
    // 1/0.6 = 1.67 → school term 2; 2/0.6 = 3.33 → 4; 3/0.6 = 5 → 5.
    expect(plan.checkpoints.map((c) => c.dueOn).slice(0, 3)).toEqual([
      '2027-03-25',
      '2027-12-17',
      '2028-03-31',
    ]);
    expect(plan.checkpoints).toHaveLength(6);
  });

  it('a mid-year start counts the term it starts in as the first', () => {
    const plan = planInduction({ startsOn: '2027-01-18', fte: 1, termDatesFor });
    expect(plan.checkpoints[0]?.dueOn).toBe('2027-03-25');
    expect(plan.checkpoints[2]).toEqual({ termNumber: 3, kind: 'formal', dueOn: '2027-12-17' });
  });

  it('a start in the holiday begins with the next term', () => {
    const plan = planInduction({ startsOn: '2026-12-28', fte: 1, termDatesFor });
    expect(plan.checkpoints[0]?.dueOn).toBe('2027-03-25');
  });

  it('a reduction for prior experience shortens induction; the last term is a formal assessment', () => {
    expect(dues(planInduction({ startsOn: '2026-09-03', fte: 1, reductionTerms: 3, termDatesFor }))).toEqual([
      '1:review:2026-12-18',
      '2:review:2027-03-25',
      '3:formal:2027-07-21',
    ]);
    const part = planInduction({ startsOn: '2026-09-03', fte: 1, reductionTerms: 2.5, termDatesFor });
    expect(part.termsRequired).toBe(3.5);
    expect(part.checkpoints.map((c) => c.kind)).toEqual(['review', 'review', 'formal', 'formal']);
    expect(
      planInduction({ startsOn: '2026-09-03', fte: 1, reductionTerms: 5, termDatesFor }).checkpoints,
    ).toEqual([{ termNumber: 1, kind: 'formal', dueOn: '2026-12-18' }]);
  });

  it('terms required: six less the reduction plus extensions, never under one; a part term has its checkpoint', () => {
    expect(inductionTermsRequired({})).toBe(6);
    expect(inductionTermsRequired({ reductionTerms: 2.5 })).toBe(3.5);
    expect(inductionTermsRequired({ reductionTerms: 3, extensionTerms: 1 })).toBe(4);
    expect(inductionTermsRequired({ reductionTerms: 5, extensionTerms: 0 })).toBe(1);
    expect(inductionTermsRequired({ reductionTerms: 7 })).toBe(1);
    // 0.1 steps do not drift: 6 - 0.3 is 5.7, not 5.699999.
    expect(inductionTermsRequired({ reductionTerms: 0.3 })).toBe(5.7);
    expect([1, 3.5, 5.7, 6].map(checkpointCount)).toEqual([1, 4, 6, 6]);
  });

  it('a reduction part time: the terms left are pro rata (0.5 FTE, three terms off → three years)', () => {
    expect(
      dues(planInduction({ startsOn: '2026-09-03', fte: 0.5, reductionTerms: 3, termDatesFor })),
    ).toEqual(['1:review:2027-03-25', '2:review:2027-12-17', '3:formal:2028-07-21']);
  });

  it('a reduction and a later extension combine; the last term is a formal assessment', () => {
    const plan = planInduction({
      startsOn: '2026-09-03',
      fte: 1,
      reductionTerms: 3,
      extensionTerms: 1,
      termDatesFor,
    });
    expect(plan.termsRequired).toBe(4);
    expect(dues(plan)).toEqual([
      '1:review:2026-12-18',
      '2:review:2027-03-25',
      '3:formal:2027-07-21',
      '4:formal:2027-12-17',
    ]);
  });

  it('absence still extends a reduced induction: its one year ends later by the days absent', () => {
    const plan = planInduction({
      startsOn: '2026-09-03',
      fte: 1,
      reductionTerms: 3,
      absences: [{ startsOn: '2027-02-01', days: 30 }],
      termDatesFor,
    });
    expect(plan.absenceExtensions).toEqual([{ year: 1, days: 30 }]);
    expect(plan.completesOn).toBe('2027-10-13');
  });

  it('an extension adds terms, ending with a formal assessment', () => {
    const plan = planInduction({ startsOn: '2026-09-03', fte: 1, extensionTerms: 2, termDatesFor });
    expect(plan.termsRequired).toBe(8);
    expect(plan.checkpoints.map((c) => c.kind)).toEqual([
      'review',
      'review',
      'formal',
      'review',
      'review',
      'formal',
      'review',
      'formal',
    ]);
  });

  it('an ordinary extension follows straight on from the end of induction', () => {
    const plan = planInduction({ startsOn: '2026-09-03', fte: 1, extensionTerms: 2, termDatesFor });
    expect(dues(plan).slice(5)).toEqual([
      '6:formal:2028-07-21',
      '7:review:2028-12-15',
      '8:formal:2029-03-29',
    ]);
  });

  it("a resumption (an appeal's result months later) dates the terms after it from the first term starting then", () => {
    // Failed at the end of six terms (July 2028); the TRA varies it on 15 January 2029 to two more terms. The
    // spring term is already under way, so the extension runs through the summer and autumn terms.
    const plan = planInduction({
      startsOn: '2026-09-03',
      fte: 1,
      extensionTerms: 2,
      resumptions: [{ afterTerms: 6, resumesOn: '2029-01-15' }],
      termDatesFor,
    });
    expect(dues(plan)).toEqual([
      '1:review:2026-12-18',
      '2:review:2027-03-25',
      '3:formal:2027-07-21',
      '4:review:2027-12-17',
      '5:review:2028-03-31',
      '6:formal:2028-07-21',
      '7:review:2029-07-20',
      '8:formal:2029-12-14',
    ]);
    expect(plan.completesOn).toBe('2029-12-14');
    expect(plan.termsRequired).toBe(8);
  });

  it('a resumption in the holiday, or on the first day of a term, starts with that next term', () => {
    const after = (resumesOn: string) =>
      dues(
        planInduction({
          startsOn: '2026-09-03',
          fte: 1,
          extensionTerms: 1.5,
          resumptions: [{ afterTerms: 6, resumesOn }],
          termDatesFor,
        }),
      ).slice(6);
    // The autumn term 2028 ends on Friday 15 December; spring 2029 (the estimate) starts on Monday 8 January.
    expect(after('2028-12-20')).toEqual(['7:review:2029-03-29', '8:formal:2029-07-20']);
    expect(after('2029-01-08')).toEqual(['7:review:2029-03-29', '8:formal:2029-07-20']);
    expect(after('2029-01-09')).toEqual(['7:review:2029-07-20', '8:formal:2029-12-14']);
    expect(schoolTermsStartingFrom('2029-01-09', 1, termDatesFor)).toEqual([
      { term: 'summer', startsOn: '2029-04-09', endsOn: '2029-07-20' },
    ]);
  });

  it('part time after a resumption: each induction term after it spans school terms pro rata from it', () => {
    const plan = planInduction({
      startsOn: '2026-09-03',
      fte: 0.5,
      extensionTerms: 2,
      resumptions: [{ afterTerms: 6, resumesOn: '2031-01-06' }],
      termDatesFor,
    });
    // Spring 2031 starts on 6 January: terms 7 and 8 close the second and fourth school terms from it.
    expect(dues(plan).slice(6)).toEqual(['7:review:2031-07-22', '8:formal:2032-03-25']);
  });

  it('a later ordinary extension follows on from the resumed terms; absence before a resumption stops at it', () => {
    const plan = planInduction({
      startsOn: '2026-09-03',
      fte: 1,
      extensionTerms: 3,
      resumptions: [{ afterTerms: 6, resumesOn: '2029-01-15' }],
      absences: [{ startsOn: '2027-02-01', days: 35 }],
      termDatesFor,
    });
    expect(plan.absenceExtensions).toEqual([{ year: 1, days: 35 }]);
    // Year 1's end and the terms after it move 35 school days, up to the pause; the resumed terms do not.
    expect(plan.checkpoints[2]?.dueOn).toBe('2027-10-20');
    expect(dues(plan).slice(6)).toEqual([
      '7:review:2029-07-20',
      '8:review:2029-12-14',
      '9:formal:2030-04-18',
    ]);
  });

  it('a move to 0.8 FTE stretches only the time after it, not the term already served full time', () => {
    // Autumn 2026 full time at one school, then 0.8 FTE at another from 4 January 2027.
    const plan = planInduction({
      startsOn: '2026-09-03',
      fte: 1,
      fteChanges: [{ from: '2027-01-04', fte: 0.8 }],
      termDatesFor,
    });
    // Served: 1 (autumn), then 0.8 a term: 1.8, 2.6, 3.4, 4.2, 5.0, 5.8, 6.6.
    expect(dues(plan)).toEqual([
      '1:review:2026-12-18',
      '2:review:2027-07-21',
      '3:formal:2027-12-17',
      '4:review:2028-03-31',
      '5:review:2028-07-21',
      '6:formal:2029-03-29',
    ]);
    // 0.8 FTE from the start would have put term 1 in the spring and term 5 a term later.
    const backwards = planInduction({ startsOn: '2026-09-03', fte: 0.8, termDatesFor });
    expect(backwards.checkpoints[0]?.dueOn).toBe('2027-03-25');
    expect(backwards.checkpoints[4]?.dueOn).toBe('2028-12-15');
  });

  it('a move to half time ends induction a term sooner than half time throughout; a move to full time shortens it', () => {
    const half = planInduction({
      startsOn: '2026-09-03',
      fte: 1,
      fteChanges: [{ from: '2027-01-04', fte: 0.5 }],
      termDatesFor,
    });
    // 1 + 0.5 × 10 school terms = 6: the eleventh school term (spring 2030), not the twelfth (summer 2030).
    expect(half.completesOn.slice(0, 7)).toBe('2030-04');
    expect(planInduction({ startsOn: '2026-09-03', fte: 0.5, termDatesFor }).completesOn.slice(0, 7)).toBe(
      '2030-07',
    );
    const full = planInduction({
      startsOn: '2026-09-03',
      fte: 0.5,
      fteChanges: [{ from: '2027-09-01', fte: 1 }],
      termDatesFor,
    });
    // A year at 0.5 (1.5 terms), then full time: terms 2 to 6 close autumn 2027 to summer 2029 term by term.
    expect(dues(full)).toEqual([
      '1:review:2027-03-25',
      '2:review:2027-12-17',
      '3:formal:2028-03-31',
      '4:review:2028-07-21',
      '5:review:2028-12-15',
      '6:formal:2029-03-29',
    ]);
  });

  it('a term the FTE changes in counts at each FTE for its share of the days', () => {
    const span = { term: 'spring' as const, startsOn: '2027-01-01', endsOn: '2027-01-10' };
    expect(termWeight(span, { fte: 1, fteChanges: [{ from: '2027-01-06', fte: 0.5 }] })).toBeCloseTo(0.75);
    expect(termWeight(span, { fte: 1, fteChanges: [{ from: '2026-12-20', fte: 0.6 }] })).toBe(0.6);
    expect(termWeight(span, { fte: 0.7 })).toBe(0.7);
    // Terms served count each term at its own FTE.
    const input = {
      startsOn: '2026-09-03',
      fte: 1,
      fteChanges: [{ from: '2027-01-04', fte: 0.5 }],
      termDatesFor,
    };
    expect(termsServedBy(input, '2027-07-21')).toBe(2);
  });

  it('absence still extends the year after a change of FTE', () => {
    const plan = planInduction({
      startsOn: '2026-09-03',
      fte: 1,
      fteChanges: [{ from: '2027-01-04', fte: 0.8 }],
      absences: [{ startsOn: '2027-02-01', days: 35 }],
      termDatesFor,
    });
    expect(plan.absenceExtensions).toEqual([{ year: 1, days: 35 }]);
    // Year 1 ends at term 3 (17 December 2027 before the absence): 35 school days later.
    expect((plan.checkpoints[2]?.dueOn ?? '') > '2027-12-17').toBe(true);
    expect(plan.checkpoints[1]?.dueOn).toBe('2027-07-21');
  });

  it("a school's interim assessment falls due on the ECT's last working day in term there", () => {
    // Left on Sunday 3 January 2027 (the new school from Monday 4): the autumn term ended on Friday 18 December.
    expect(interimDueOn('2026-09-03', '2027-01-03', termDatesFor)).toBe('2026-12-18');
    // Left on a Saturday in term: the Friday before.
    expect(interimDueOn('2026-09-03', '2027-02-06', termDatesFor)).toBe('2027-02-05');
    // Left on a working day in term: that day.
    expect(interimDueOn('2026-09-03', '2027-02-10', termDatesFor)).toBe('2027-02-10');
    // Easter: left on Easter Monday 2027 (a bank holiday in the holidays): the last day of the spring term.
    expect(interimDueOn('2026-09-03', '2027-03-29', termDatesFor)).toBe('2027-03-25');
    // No day of the time there in term (joined and left in the summer holidays): the day they left.
    expect(interimDueOn('2027-07-26', '2027-08-20', termDatesFor)).toBe('2027-08-20');
  });

  it('after a move, a checkpoint stays with the school the ECT was at on its due date', () => {
    // At Alpha from 3 September 2026, at Beta from Monday 4 January 2027 (Alpha's time ends the day before).
    const periods = [
      { id: 'alpha', startsOn: '2026-09-03' },
      { id: 'beta', startsOn: '2027-01-04' },
    ];
    const plan = planInduction({ startsOn: '2026-09-03', fte: 1, termDatesFor });
    const owner = plan.checkpoints.map((c) => `${c.termNumber}:${periodOfCheckpoint(periods, c.dueOn)?.id}`);
    // Term 1 closes on 18 December 2026, at Alpha: Alpha reviews it, even if it has not yet done so.
    expect(owner).toEqual(['1:alpha', '2:beta', '3:beta', '4:beta', '5:beta', '6:beta']);
    // Due on the new school's first day: the new school's.
    expect(periodOfCheckpoint(periods, '2027-01-04')?.id).toBe('beta');
    expect(periodOfCheckpoint(periods, '2027-01-03')?.id).toBe('alpha');
    // One period: always that one.
    expect(periodOfCheckpoint(periods.slice(0, 1), '2030-07-01')?.id).toBe('alpha');
  });

  it('30 or more days absent in induction year 1 extend that year (and what follows) by the days absent', () => {
    const absences = [
      { startsOn: '2027-02-01', days: 20 },
      { startsOn: '2027-05-10', days: 15 },
    ];
    const plan = planInduction({ startsOn: '2026-09-03', fte: 1, absences, termDatesFor });
    expect(plan.absenceExtensions).toEqual([{ year: 1, days: 35 }]);
    // Terms 1 and 2 keep their dates; the formal assessment moves 35 school days past 21 July, into autumn.
    expect(plan.checkpoints[1]?.dueOn).toBe('2027-03-25');
    expect(plan.checkpoints[2]?.dueOn).toBe('2027-10-20');
    expect((plan.checkpoints[3]?.dueOn ?? '') > '2027-12-17').toBe(true);
  });

  it('29 days absent do not extend the year', () => {
    const plan = planInduction({
      startsOn: '2026-09-03',
      fte: 1,
      absences: [{ startsOn: '2027-02-01', days: 29 }],
      termDatesFor,
    });
    expect(plan.absenceExtensions).toEqual([]);
    expect(plan.checkpoints[2]?.dueOn).toBe('2027-07-21');
  });

  it('school days skip holidays and bank holidays', () => {
    const spans = [
      { term: 'spring' as const, startsOn: '2027-01-04', endsOn: '2027-03-25' },
      { term: 'summer' as const, startsOn: '2027-04-12', endsOn: '2027-07-21' },
    ];
    expect(addSchoolDays('2027-03-24', 2, spans)).toBe('2027-04-12');
    // 3 May 2027 is the early May bank holiday.
    expect(addSchoolDays('2027-04-30', 1, spans)).toBe('2027-05-04');
  });

  it('terms served are counted to one decimal place, pro rata', () => {
    expect(termsServedBy({ startsOn: '2026-09-03', fte: 1, termDatesFor }, '2027-07-21')).toBe(3);
    expect(termsServedBy({ startsOn: '2026-09-03', fte: 0.5, termDatesFor }, '2027-07-21')).toBe(1.5);
    expect(termsServedBy({ startsOn: '2026-09-03', fte: 1, termDatesFor }, '2026-10-26')).toBe(0.5);
  });

  it('overdue is judged on the London date: 23:30 BST on the due date is not yet overdue', () => {
    const checkpoint = { dueOn: '2027-07-21', status: 'due' as const };
    expect(isOverdue(checkpoint, todayInLondon(new Date('2027-07-21T22:30:00Z')))).toBe(false);
    expect(isOverdue(checkpoint, todayInLondon(new Date('2027-07-21T23:30:00Z')))).toBe(true);
    expect(isOverdue({ ...checkpoint, status: 'submitted' }, '2027-08-01')).toBe(false);
    expect(isOverdue({ ...checkpoint, status: 'changes_requested' }, '2027-08-01')).toBe(true);
  });

  it('escalates to the tutor, then the head after 10 working days, then the AB after 20', () => {
    const c = { dueOn: '2027-03-25', status: 'due' as const };
    expect(escalationLevelDue(c, '2027-03-25')).toBe(0);
    expect(escalationLevelDue(c, '2027-03-26')).toBe(1);
    // Good Friday and Easter Monday 2027 are not working days.
    expect(escalationLevelDue(c, '2027-04-09')).toBe(1);
    expect(escalationLevelDue(c, '2027-04-12')).toBe(2);
    expect(escalationLevelDue(c, '2027-04-26')).toBe(3);
  });

  it('a checkpoint already overdue at a late registration is chased from the registration, tutor first', () => {
    // Due on 25 March 2027; the school registered the ECT on Monday 7 June 2027, long after.
    const c = { dueOn: '2027-03-25', status: 'due' as const };
    expect(overdueAtRegistration(c, '2027-06-07')).toBe(true);
    expect(overdueAtRegistration(c, '2027-03-25')).toBe(false);
    expect(overdueAtRegistration({ ...c, status: 'submitted' }, '2027-06-07')).toBe(false);
    // Counted from the due date it would go straight to the AB; from the registration, the tutor first.
    expect(escalationLevelDue(c, '2027-06-07')).toBe(3);
    expect(escalationLevelDue(c, '2027-06-07', '2027-06-07')).toBe(1);
    expect(escalationLevelDue(c, '2027-06-18', '2027-06-07')).toBe(1);
    expect(escalationLevelDue(c, '2027-06-21', '2027-06-07')).toBe(2);
    expect(escalationLevelDue(c, '2027-07-05', '2027-06-07')).toBe(3);
    // Registered before it fell due: counted from the due date as usual.
    expect(escalationLevelDue(c, '2027-04-12', '2027-01-04')).toBe(2);
  });
});

describe('when a checkpoint opens for submission', () => {
  it('opens at the start of the school term it closes, not before', () => {
    const plan = planInduction({ startsOn: '2026-09-03', fte: 0.5, termDatesFor: defaultTermDates });
    const first = plan.checkpoints[0];
    const last = plan.checkpoints.at(-1);
    if (!first || !last) throw new Error('no checkpoints');
    const firstOpens = checkpointOpensOn(first.dueOn, defaultTermDates);
    const lastOpens = checkpointOpensOn(last.dueOn, defaultTermDates);
    // 0.5 FTE: induction term 1 spans autumn and spring; its review opens with the spring term.
    expect(firstOpens.startsWith('2027-01')).toBe(true);
    expect(firstOpens <= first.dueOn).toBe(true);
    // The final assessment, four years on, opens only in its own last term.
    expect(lastOpens > '2030-04-01').toBe(true);
    expect(lastOpens <= last.dueOn).toBe(true);
  });
});
