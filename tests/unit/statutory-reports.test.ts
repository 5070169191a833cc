import { describe, expect, it } from 'vitest';
import {
  buildCommissionerReport,
  buildDashboard,
  buildDcsMonthlyReport,
  monthBounds,
  monthsOfYear,
  progressOf,
  standardsSummary,
  type Snapshot,
} from '~/server/reports/build-reports';
import { describeInspection, isGoodOrBetter, type InspectionShape } from '~/server/reports/ofsted-standing';
import { previousMonth } from '~/server/reports/statutory-reports';
import {
  commissionerReportCsv,
  dashboardCsv,
  dashboardDocument,
  dcsReportCsv,
} from '~/server/reports/report-exports';
import { defaultStatutorySettings } from '~/server/monitoring/statutory-settings';

const legacy = (grade: number, inspectedOn = '2022-06-15'): InspectionShape => ({
  framework: 'legacy_overall',
  overallGrade: grade,
  grades: {},
  safeguarding: null,
  categoryOfConcern: null,
  inspectedOn,
});
const card = (grades: Record<string, string>, safeguarding: 'met' | 'not_met' = 'met'): InspectionShape => ({
  framework: 'report_card_2025',
  overallGrade: null,
  grades,
  safeguarding,
  categoryOfConcern: null,
  inspectedOn: '2026-10-08',
});

describe('good or better, across the three shapes of Ofsted result', () => {
  it('legacy: grades 1 and 2 are good or better, 3 and 4 are not', () => {
    expect([1, 2, 3, 4].map((g) => isGoodOrBetter(legacy(g)))).toEqual([true, true, false, false]);
  });

  it('2024 sub-grades: good or better only when every sub-grade is 1 or 2', () => {
    const sub = (grades: Record<string, number>): InspectionShape => ({
      ...legacy(0),
      framework: 'sub_grades_2024',
      overallGrade: null,
      grades,
    });
    expect(isGoodOrBetter(sub({ quality_of_education: 2, leadership_and_management: 1 }))).toBe(true);
    expect(isGoodOrBetter(sub({ quality_of_education: 3, leadership_and_management: 1 }))).toBe(false);
  });

  it('report card (our reading): every area expected or above and safeguarding met', () => {
    expect(isGoodOrBetter(card({ inclusion: 'expected', achievement: 'strong' }))).toBe(true);
    expect(isGoodOrBetter(card({ inclusion: 'expected', achievement: 'needs_attention' }))).toBe(false);
    expect(isGoodOrBetter(card({ inclusion: 'exceptional' }, 'not_met'))).toBe(false);
  });

  it('a category of concern is never good or better', () => {
    expect(isGoodOrBetter({ ...legacy(2), categoryOfConcern: 'special_measures' })).toBe(false);
  });

  it('describes each shape in words', () => {
    expect(describeInspection(legacy(3))).toBe('Requires improvement');
    expect(
      describeInspection(card({ a: 'needs_attention', b: 'needs_attention', c: 'urgent_improvement' })),
    ).toBe('Report card: 1 urgent improvement, 2 needs attention');
    expect(describeInspection(card({ a: 'expected' }, 'not_met'))).toBe(
      'Report card: all areas expected or above, safeguarding not met',
    );
  });
});

function snapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  const school = (id: string, urn: number, typeGroup: string, pupils: number, laCategory: string) => ({
    id,
    urn,
    name: `School ${id}`,
    typeGroup,
    phase: 'Primary',
    status: 'open',
    numberOfPupils: pupils,
    laCategory,
  });
  return {
    settings: defaultStatutorySettings,
    schools: [
      school('a', 100001, 'Local authority maintained schools', 400, '2'),
      school('b', 100002, 'Local authority maintained schools', 200, '3'),
      school('c', 100003, 'Academies', 600, '2'),
      school('d', 100004, 'Local authority maintained schools', 100, '4b'),
    ],
    inspections: [
      { schoolId: 'a', ...legacy(2) },
      { schoolId: 'b', ...legacy(2, '2019-01-01') },
      { schoolId: 'b', ...card({ achievement: 'needs_attention' }) },
      { schoolId: 'c', ...legacy(1) },
      { schoolId: 'd', ...legacy(4, '2026-10-20'), categoryOfConcern: 'special_measures' },
    ],
    categoryChanges: [
      { schoolId: 'a', toCategory: '2', changedOn: '2026-09-15' },
      { schoolId: 'b', toCategory: '2', changedOn: '2026-09-15' },
      { schoolId: 'b', toCategory: '3', changedOn: '2026-10-10' },
    ],
    cases: [
      {
        id: 'case-b',
        schoolId: 'b',
        status: 'designated',
        identifiedOn: '2026-10-09',
        designatedOn: '2026-10-21',
        closedOn: null,
        concerns: 'Achievement needs attention',
        triggers: [{ trigger: 'low_or_declining_achievement' }],
        leadOfficerName: 'Samuel Osei',
        proposedStructuralSolution: '',
      },
      {
        id: 'case-a',
        schoolId: 'a',
        status: 'removed',
        identifiedOn: '2025-01-10',
        designatedOn: '2025-02-01',
        closedOn: '2026-11-04',
        concerns: '',
        triggers: [],
        leadOfficerName: null,
        proposedStructuralSolution: '',
      },
    ],
    planItems: [
      { schoolId: 'b', action: 'Phonics', dueOn: '2026-12-01', rag: 'amber', completedOn: null },
      {
        schoolId: 'b',
        action: 'Governance review',
        dueOn: '2026-10-01',
        rag: 'green',
        completedOn: '2026-10-01',
      },
    ],
    visits: [
      { schoolId: 'b', dueBy: '2026-10-15', status: 'done', completedOn: '2026-10-22' },
      { schoolId: 'b', dueBy: '2026-11-15', status: 'planned', completedOn: null },
    ],
    meetings: [{ schoolId: 'b', heldOn: '2026-11-02' }],
    deliveries: [{ urn: 100002, deliveredOn: '2026-11-03', daysHundredths: 150 }],
    ...overrides,
  };
}

describe('standards summary', () => {
  it('counts maintained schools good or better at their latest inspection, and the pupils in them', () => {
    const s = standardsSummary(snapshot(), '2026-11-30');
    expect(s).toMatchObject({
      maintainedSchools: 3,
      goodOrBetter: 1, // a; b's latest is a report card with an area needing attention; d is in special measures
      goodOrBetterPct: 33.3,
      pupils: 700,
      pupilsInGoodOrBetter: 400,
      pupilsPct: 57.1,
      academies: 1,
    });
    expect(s.byCategory.find((c) => c.label === '3 Requires Improvement')?.count).toBe(1);
  });
});

describe('DCS monthly report (SI21)', () => {
  it("lists the month's inspections and each designated school's progress and support", () => {
    const report = buildDcsMonthlyReport(snapshot(), '2026-10', '2026-11-23');
    expect(report.monthLabel).toBe('October 2026');
    expect(report.inspections.map((i) => i.urn)).toEqual([100002, 100004]);
    expect(report.cases).toHaveLength(1);
    expect(report.cases[0]).toMatchObject({
      urn: 100002,
      category: '3 Requires Improvement',
      leadOfficer: 'Samuel Osei',
      keyActions: ['Phonics'],
      actions: { total: 2, completed: 1, overdue: 0, amber: 1 },
      delivered: { visitsDone: 1, meetings: 1, commissionedDays: 1.5 },
      progress: 'Some concerns',
    });
  });

  it('marks a plan off track when an open action is red or overdue', () => {
    expect(
      progressOf(
        [{ schoolId: 'x', action: 'a', dueOn: '2026-11-01', rag: 'green', completedOn: null }],
        '2026-11-23',
      ),
    ).toBe('Off track');
    expect(progressOf([], '2026-11-23')).toBe('No plan yet');
  });
});

describe("commissioner's monthly report", () => {
  it('reports list changes in the month, maintained inspections only, and schools below the floor', () => {
    const october = buildCommissionerReport(snapshot(), '2026-10');
    expect(october.listChanges.map((c) => c.change)).toEqual([
      'Identified as a candidate',
      'Added to the list',
    ]);
    expect(october.onListAtMonthEnd).toBe(2);
    expect(october.maintainedInspections.map((i) => i.urn)).toEqual([100002, 100004]);
    expect(october.belowFloor).toEqual([
      { school: 'School b', urn: 100002, phase: 'Primary', maintained: true, pupils: 200 },
    ]);
    const november = buildCommissionerReport(snapshot(), '2026-11');
    expect(november.listChanges).toEqual([
      { school: 'School a', urn: 100001, change: 'Removed from the list', on: '2026-11-04' },
    ]);
    expect(november.onListAtMonthEnd).toBe(1);
  });

  it('writes the dates in its CSVs as the other exports do ("4 Nov 2026")', () => {
    const csv = commissionerReportCsv(buildCommissionerReport(snapshot(), '2026-11'));
    expect(csv).toContain('List change,School a,100001,4 Nov 2026,Removed from the list');
    const dcs = dcsReportCsv(buildDcsMonthlyReport(snapshot(), '2026-10', '2026-11-23'));
    expect(dcs).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(dcs).toMatch(/^Inspection \(by publication date\),[^,]+,100002,\d{1,2} [A-Z][a-z]{2,3} 2026,/m);
  });
});

describe('reporting by publication date (000, SI21: "The outcome of inspections in the previous calendar month")', () => {
  // Results are recorded after publication, weeks after the inspection: a late-March inspection published in
  // April must be in April's report (filed by inspection date it would be in neither).
  const late = snapshot({
    inspections: [
      { schoolId: 'a', ...legacy(2, '2022-06-15') },
      {
        schoolId: 'b',
        ...card({ achievement: 'urgent_improvement' }),
        inspectedOn: '2026-03-25',
        publishedOn: '2026-04-20',
        categoryOfConcern: 'requires_significant_improvement',
      },
    ],
  });

  it('files a result in the month its report was published', () => {
    expect(buildDcsMonthlyReport(late, '2026-03', '2026-11-23').inspections).toEqual([]);
    const april = buildDcsMonthlyReport(late, '2026-04', '2026-11-23').inspections;
    expect(april).toMatchObject([{ urn: 100002, inspectedOn: '2026-03-25', publishedOn: '2026-04-20' }]);
  });

  it('gives the standards summary as at the end of the month, not today', () => {
    // School b's good report card, inspected in March, is published in April: April's news, not March's.
    const good = snapshot({
      inspections: [
        { schoolId: 'a', ...legacy(2, '2022-06-15') },
        {
          schoolId: 'b',
          ...card({ achievement: 'strong' }),
          inspectedOn: '2026-03-25',
          publishedOn: '2026-04-20',
        },
      ],
    });
    expect(standardsSummary(good, '2026-03-31').goodOrBetter).toBe(1);
    expect(standardsSummary(good, '2026-04-30').goodOrBetter).toBe(2);
    expect(standardsSummary(late, '2026-04-30').goodOrBetter).toBe(1);
    expect(
      buildDcsMonthlyReport(snapshot(), '2026-09', '2026-11-23').standards.byCategory.find(
        (c) => c.label === '3 Requires Improvement',
      )?.count,
    ).toBe(0);
    expect(
      buildDcsMonthlyReport(snapshot(), '2026-10', '2026-11-23').standards.byCategory.find(
        (c) => c.label === '3 Requires Improvement',
      )?.count,
    ).toBe(1);
  });

  it('leaves out schools that had not joined the register, or had left it, at the end of the month', () => {
    const withLeaver = snapshot({
      schools: [
        ...snapshot().schools.slice(0, 3),
        { ...snapshot().schools[3]!, status: 'closed', leftOn: '2026-10-15' },
      ],
    });
    expect(standardsSummary(withLeaver, '2026-09-30').maintainedSchools).toBe(3);
    expect(standardsSummary(withLeaver, '2026-10-31').maintainedSchools).toBe(2);
  });
});

describe("commissioner's report against the previous month (003, Reporting)", () => {
  // 003: "The impact on the total number of maintained schools that are good or outstanding"; "The number
  // of Primary and secondary schools below floor standards"; "The total number of children being taught in
  // maintained schools that are below floor standards".
  it('shows the month against the previous one and splits schools below the floor by phase', () => {
    const base = snapshot();
    const secondaryAcademy = { ...base.schools[2]!, phase: 'Secondary' };
    const report = buildCommissionerReport(
      {
        ...base,
        schools: [base.schools[0]!, base.schools[1]!, secondaryAcademy, base.schools[3]!],
        cases: [
          ...base.cases,
          {
            id: 'case-c',
            schoolId: 'c',
            status: 'candidate',
            identifiedOn: '2026-09-20',
            designatedOn: null,
            closedOn: null,
            concerns: 'Attainment fell',
            triggers: [{ trigger: 'low_or_declining_achievement' }],
            leadOfficerName: null,
            proposedStructuralSolution: '',
          },
        ],
      },
      '2026-10',
      '2026-11-23',
    );
    expect(report.previousMonthLabel).toBe('September 2026');
    expect(report.onListAtMonthEnd).toBe(2);
    expect(report.previous.onList).toBe(1);
    expect(report.belowFloorByPhase).toEqual([
      { phase: 'Primary', schools: 1, maintainedPupils: 200 },
      { phase: 'Secondary', schools: 1, maintainedPupils: 0 },
    ]);
    // The academy counts among the schools below the floor but not among the children in maintained ones.
    expect(report.belowFloorPupils).toBe(200);
    expect(report.previous).toMatchObject({ belowFloorSchools: 1, belowFloorPupils: 0 });
  });
});

describe('dashboard series', () => {
  it('runs from September to the current month, with categories as they stood at each month end', () => {
    const d = buildDashboard(snapshot(), 2026, '2026-11-23');
    expect(d.months.map((m) => m.key)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(d.categoryMix.find((c) => c.label === '2 Good')?.counts).toEqual([2, 1, 1]);
    expect(d.categoryMix.find((c) => c.label === '3 Requires Improvement')?.counts).toEqual([0, 1, 1]);
    expect(d.visits).toEqual({ planned: [0, 1, 1], done: [0, 1, 0] });
    expect(d.concern).toEqual({ entering: [0, 1, 0], leaving: [0, 0, 1], onList: [1, 2, 1] });
    // Every school here has a category (or no known history): no "Not categorised" series.
    expect(d.categoryMix.map((c) => c.label)).not.toContain('Not categorised');
  });

  it('counts the schools on the register with no category yet, so a new LA’s chart is not empty', () => {
    const base = snapshot();
    const joined = (id: string, joinedOn: string, laCategory: string | null) => ({
      ...base.schools[0]!,
      id,
      name: `School ${id}`,
      laCategory,
      joinedOn,
    });
    const d = buildDashboard(
      {
        ...base,
        schools: [...base.schools, joined('e', '2026-10-05', null), joined('f', '2026-10-01', '2')],
        categoryChanges: [
          ...base.categoryChanges,
          { schoolId: 'f', toCategory: '2', changedOn: '2026-11-02' },
        ],
      },
      2026,
      '2026-11-23',
    );
    expect(d.categoryMix.find((c) => c.label === 'Not categorised')?.counts).toEqual([0, 2, 1]);
    expect(d.categoryMix.find((c) => c.label === '2 Good')?.counts).toEqual([2, 1, 2]);
  });

  it('knows month lengths and the months of a year', () => {
    expect(monthBounds('2027-02')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(monthsOfYear(2026, '2030-01-01')).toHaveLength(12);
    expect(previousMonth('2027-01-05')).toBe('2026-12');
  });
});

describe('dashboard exports', () => {
  it('puts every series in the CSV, one column per month, and each section in the PDF', () => {
    const d = buildDashboard(snapshot(), 2026, '2026-11-23');
    const csv = dashboardCsv(d);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('Section,Series,2026-09,2026-10,2026-11');
    expect(lines).toContain('Visits,Done,0,1,0');
    expect(lines).toContain('Schools causing concern,On the list at month end,1,2,1');
    const doc = dashboardDocument(d, 'Barnet', 2026);
    expect(doc.title).toBe('Statutory trends 2026/27');
    expect(doc.blocks.filter((b) => b.kind === 'table')).toHaveLength(3);
  });
});
