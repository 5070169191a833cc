import { describe, expect, it } from 'vitest';
import {
  evaluateOfstedTrigger,
  evaluateTriggers,
  latestGraded,
  type InspectionResult,
} from '~/server/concern/evaluate-triggers';
import { isBelowGood, removalVerdict } from '~/server/concern/removal-rule';
import { addDays, buildAgenda, isOverdue, suggestNextMeetingOn } from '~/server/concern/review-agenda';

const base = { grades: {}, safeguarding: null, categoryOfConcern: null, overallGrade: null, kind: 'graded' };
const legacy = (
  inspectedOn: string,
  overallGrade: number,
  extra: Partial<InspectionResult> = {},
): InspectionResult => ({
  ...base,
  inspectedOn,
  framework: 'legacy_overall',
  overallGrade,
  ...extra,
});
const subGrades = (inspectedOn: string, grades: Record<string, number>): InspectionResult => ({
  ...base,
  inspectedOn,
  framework: 'sub_grades_2024',
  grades,
});
const areas = (overrides: Record<string, string> = {}) => ({
  inclusion: 'expected',
  curriculum_and_teaching: 'expected',
  achievement: 'expected',
  attendance_and_behaviour: 'expected',
  personal_development: 'expected',
  leadership_and_governance: 'expected',
  ...overrides,
});
const reportCard = (
  inspectedOn: string,
  overrides: Record<string, string> = {},
  extra: Partial<InspectionResult> = {},
): InspectionResult => ({
  ...base,
  inspectedOn,
  framework: 'report_card_2025',
  grades: areas(overrides),
  safeguarding: 'met',
  ...extra,
});

describe('the Ofsted trigger', () => {
  it('legacy grades (seeds’ wording, either reading): 3 and 4 trigger, 1 and 2 do not', () => {
    for (const reading of ['report_card', 'legacy'] as const) {
      expect(evaluateOfstedTrigger(legacy('2022-05-11', 3), reading)).toMatchObject({
        met: true,
        reasons: ['Judged requires improvement at the Ofsted inspection of 11 May 2022.'],
      });
      expect(evaluateOfstedTrigger(legacy('2024-05-15', 4), reading).reasons[0]).toContain('inadequate');
      expect(evaluateOfstedTrigger(legacy('2022-05-11', 2), reading).met).toBe(false);
      expect(evaluateOfstedTrigger(legacy('2022-05-11', 1), reading).met).toBe(false);
    }
  });

  it('legacy category of concern triggers', () => {
    const found = evaluateOfstedTrigger(
      legacy('2024-05-15', 4, { categoryOfConcern: 'serious_weaknesses' }),
      'report_card',
    );
    expect(found.reasons).toContain(
      'Category of concern (serious weaknesses) at the Ofsted inspection of 15 May 2024.',
    );
  });

  it('2024 sub-grades: any 3 or 4 triggers, naming the sub-grades', () => {
    const found = evaluateOfstedTrigger(
      subGrades('2025-03-05', {
        quality_of_education: 3,
        behaviour_and_attitudes: 2,
        personal_development: 2,
        leadership_and_management: 4,
      }),
      'report_card',
    );
    expect(found.met).toBe(true);
    expect(found.reasons[0]).toBe(
      'Inadequate or requires improvement at the Ofsted inspection (2024 sub-grades) of 5 March 2025: ' +
        'quality of education requires improvement, leadership and management inadequate.',
    );
    expect(
      evaluateOfstedTrigger(
        subGrades('2025-03-05', {
          quality_of_education: 2,
          behaviour_and_attitudes: 1,
          personal_development: 2,
          leadership_and_management: 2,
        }),
        'legacy',
      ).met,
    ).toBe(false);
  });

  describe('report cards, report-card reading', () => {
    it('needs attention in any area triggers', () => {
      const found = evaluateOfstedTrigger(
        reportCard('2026-01-28', { achievement: 'needs_attention' }),
        'report_card',
      );
      expect(found).toEqual({
        met: true,
        reasons: ['Needs attention at the Ofsted report card inspection of 28 January 2026: achievement.'],
      });
    });
    it('urgent improvement in any area triggers', () => {
      const found = evaluateOfstedTrigger(
        reportCard('2026-02-25', { attendance_and_behaviour: 'urgent_improvement' }),
        'report_card',
      );
      expect(found.reasons[0]).toContain('Urgent improvement');
      expect(found.reasons[0]).toContain('attendance and behaviour');
    });
    it('safeguarding not met triggers', () => {
      const found = evaluateOfstedTrigger(
        reportCard('2026-02-25', {}, { safeguarding: 'not_met' }),
        'report_card',
      );
      expect(found.reasons).toEqual([
        'Safeguarding not met at the Ofsted report card inspection of 25 February 2026.',
      ]);
    });
    it('a category of concern triggers', () => {
      const found = evaluateOfstedTrigger(
        reportCard(
          '2026-03-11',
          { leadership_and_governance: 'urgent_improvement', achievement: 'urgent_improvement' },
          {
            categoryOfConcern: 'special_measures',
          },
        ),
        'report_card',
      );
      expect(found.reasons[0]).toBe(
        'Category of concern (special measures) at the Ofsted report card inspection of 11 March 2026.',
      );
    });
    it('every area expected or above with safeguarding met does not trigger', () => {
      expect(
        evaluateOfstedTrigger(reportCard('2026-05-20', { achievement: 'strong' }), 'report_card').met,
      ).toBe(false);
    });
  });

  describe('report cards, legacy reading (the seeds’ words applied literally)', () => {
    it('only a category of concern ("inadequate") triggers, worded as the seeds do', () => {
      const found = evaluateOfstedTrigger(
        reportCard(
          '2026-02-25',
          { attendance_and_behaviour: 'urgent_improvement' },
          {
            categoryOfConcern: 'requires_significant_improvement',
          },
        ),
        'legacy',
      );
      expect(found.reasons).toEqual([
        'Inadequate: category of concern (requires significant improvement) at the Ofsted report card inspection of 25 February 2026.',
      ]);
    });
    it('needs attention without a category does not trigger', () => {
      expect(
        evaluateOfstedTrigger(reportCard('2026-01-28', { achievement: 'needs_attention' }), 'legacy').met,
      ).toBe(false);
    });
  });

  it('no inspection, no Ofsted trigger', () => {
    expect(evaluateOfstedTrigger(undefined, 'report_card')).toEqual({ met: false, reasons: [] });
  });

  it('reads the latest graded inspection, ignoring monitoring visits', () => {
    const latest = latestGraded([
      legacy('2021-11-17', 3),
      reportCard('2026-03-11'),
      { ...legacy('2026-06-01', 4), kind: 'monitoring' },
    ]);
    expect(latest?.inspectedOn).toBe('2026-03-11');
  });
});

describe('all triggers of a school', () => {
  it('lists Ofsted first, then each recorded trigger with its evidence, ignoring blank evidence', () => {
    const met = evaluateTriggers({
      latestInspection: legacy('2024-03-06', 3),
      recorded: [
        {
          trigger: 'low_or_declining_achievement',
          evidence: 'KS2 RWM fell from 64% to 41%.',
          recordedOn: '2026-10-14',
        },
        {
          trigger: 'la_judges_below_standard',
          evidence: 'LNI visit: weak teaching.',
          recordedOn: '2026-10-14',
        },
        { trigger: 'safeguarding', evidence: '  ', recordedOn: '2026-10-14' },
      ],
      reading: 'report_card',
    });
    expect(met.map((t) => t.key)).toEqual([
      'ofsted',
      'la_judges_below_standard',
      'low_or_declining_achievement',
    ]);
    expect(met[1]?.evidence).toEqual(['LNI visit: weak teaching. (recorded 14 October 2026)']);
  });

  it('a school with a good inspection and nothing recorded meets no trigger', () => {
    expect(
      evaluateTriggers({ latestInspection: legacy('2019-06-05', 2), recorded: [], reading: 'legacy' }),
    ).toEqual([]);
  });
});

describe('the removal rule', () => {
  it('legacy: RI at the latest inspection refuses removal, naming it', () => {
    const verdict = removalVerdict({
      inspections: [legacy('2024-03-06', 3)],
      designatedOn: '2024-04-01',
      reading: 'report_card',
    });
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.reason).toContain('the Ofsted inspection of 6 March 2024');
  });

  it('legacy: a later good inspection after designation allows removal', () => {
    expect(
      removalVerdict({
        inspections: [legacy('2024-03-06', 3), legacy('2026-10-01', 2)],
        designatedOn: '2024-04-01',
        reading: 'legacy',
      }),
    ).toEqual({ allowed: true });
  });

  it('2024 sub-grades: any 3 or 4 refuses', () => {
    expect(
      isBelowGood(
        subGrades('2025-03-05', { quality_of_education: 3, leadership_and_management: 2 }),
        'legacy',
      ),
    ).toBe(true);
    expect(
      isBelowGood(
        subGrades('2025-03-05', { quality_of_education: 2, leadership_and_management: 1 }),
        'report_card',
      ),
    ).toBe(false);
  });

  it('report-card reading: any area below expected or safeguarding not met refuses; all expected+ and met allows', () => {
    const designatedOn = '2026-02-11';
    const refused = removalVerdict({
      inspections: [reportCard('2026-01-28', { achievement: 'needs_attention' })],
      designatedOn,
      reading: 'report_card',
    });
    expect(refused.allowed).toBe(false);
    if (!refused.allowed)
      expect(refused.reason).toContain(
        'every evaluation area at expected standard or above and safeguarding met',
      );
    expect(isBelowGood(reportCard('2026-01-28', {}, { safeguarding: 'not_met' }), 'report_card')).toBe(true);
    expect(
      removalVerdict({
        inspections: [
          reportCard('2026-01-28', { achievement: 'needs_attention' }),
          reportCard('2026-11-02', { achievement: 'strong' }),
        ],
        designatedOn,
        reading: 'report_card',
      }),
    ).toEqual({ allowed: true });
  });

  it('legacy reading of a report card: only a category of concern refuses', () => {
    expect(isBelowGood(reportCard('2026-01-28', { achievement: 'needs_attention' }), 'legacy')).toBe(false);
    expect(
      isBelowGood(reportCard('2026-03-11', {}, { categoryOfConcern: 'special_measures' }), 'legacy'),
    ).toBe(true);
  });

  it('a school designated on the LA’s own evidence with a good latest inspection may be removed', () => {
    expect(
      removalVerdict({
        inspections: [legacy('2019-06-05', 2)],
        designatedOn: '2026-11-23',
        reading: 'report_card',
      }),
    ).toEqual({ allowed: true });
  });
});

describe('the review meeting agenda', () => {
  const cases = [
    {
      caseId: 'c1',
      schoolId: 's1',
      schoolName: 'Underhill Primary School',
      status: 'candidate' as const,
      nextReviewOn: null,
    },
    {
      caseId: 'c2',
      schoolId: 's2',
      schoolName: 'Brookland Junior',
      status: 'designated' as const,
      nextReviewOn: '2026-12-09',
    },
    {
      caseId: 'c3',
      schoolId: 's3',
      schoolName: 'Alpha Infant',
      status: 'designated' as const,
      nextReviewOn: '2027-02-01',
    },
    {
      caseId: 'c4',
      schoolId: 's4',
      schoolName: 'Zed Primary',
      status: 'designated' as const,
      nextReviewOn: '2027-02-01',
    },
    {
      caseId: 'c5',
      schoolId: 's5',
      schoolName: 'Closed Primary',
      status: 'removed' as const,
      nextReviewOn: null,
    },
  ];
  const planItems = [
    { caseId: 'c3', dueOn: '2026-11-30', completedOn: null, rag: 'amber' as const },
    { caseId: 'c3', dueOn: '2026-11-30', completedOn: '2026-11-20', rag: 'amber' as const },
    { caseId: 'c4', dueOn: '2027-06-30', completedOn: null, rag: 'green' as const },
    { caseId: 'c5', dueOn: '2026-01-01', completedOn: null, rag: 'red' as const },
  ];

  it('lists new candidates, reviews due on or before the date and overdue action plans; nothing else', () => {
    const agenda = buildAgenda({ meetingOn: '2026-12-09', cases, planItems });
    expect(agenda.map((a) => [a.schoolName, a.reasons, a.overdueItems])).toEqual([
      ['Underhill Primary School', ['new_candidate'], 0],
      ['Brookland Junior', ['review_due'], 0],
      ['Alpha Infant', ['overdue_actions'], 1],
    ]);
  });

  it('a review due after the meeting date is not on the agenda; a red item is overdue whatever its date', () => {
    const agenda = buildAgenda({
      meetingOn: '2026-12-08',
      cases,
      planItems: [...planItems, { caseId: 'c4', dueOn: '2027-06-30', completedOn: null, rag: 'red' }],
    });
    expect(agenda.map((a) => a.schoolName)).toEqual([
      'Underhill Primary School',
      'Alpha Infant',
      'Zed Primary',
    ]);
    expect(
      isOverdue({ caseId: 'x', dueOn: '2026-12-09', completedOn: null, rag: 'amber' }, '2026-12-09'),
    ).toBe(false);
  });
});

describe('the meeting cadence', () => {
  it('suggests one cadence after the last meeting (Barnet half-termly 42 days, Birmingham fortnightly 14)', () => {
    expect(suggestNextMeetingOn({ lastMeetingOn: '2026-11-18', cadenceDays: 42, today: '2026-11-23' })).toBe(
      '2026-12-30',
    );
    expect(suggestNextMeetingOn({ lastMeetingOn: '2026-11-18', cadenceDays: 14, today: '2026-11-23' })).toBe(
      '2026-12-02',
    );
  });
  it('suggests today when there has been no meeting or the cadence date has passed', () => {
    expect(suggestNextMeetingOn({ lastMeetingOn: null, cadenceDays: 14, today: '2026-11-23' })).toBe(
      '2026-11-23',
    );
    expect(suggestNextMeetingOn({ lastMeetingOn: '2026-09-01', cadenceDays: 14, today: '2026-11-23' })).toBe(
      '2026-11-23',
    );
  });
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-20', 14)).toBe('2027-01-03');
    expect(addDays('2028-02-20', 14)).toBe('2028-03-05');
  });
});
