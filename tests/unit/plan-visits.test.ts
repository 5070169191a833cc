import { describe, expect, it } from 'vitest';
import {
  diffPlan,
  planYear,
  schoolWeeks,
  spreadDueDates,
  visitRuleFor,
  type ExistingVisit,
  type PlanSchool,
} from '~/server/monitoring/plan-visits';
import { defaultStatutorySettings as settings } from '~/server/monitoring/statutory-settings';
import { isOverdue, progressBySchool, underServed } from '~/server/monitoring/visit-progress';

const school = (over: Partial<PlanSchool> = {}): PlanSchool => ({
  schoolId: 's1',
  type: 'Community school',
  typeGroup: 'Local authority maintained schools',
  phase: 'Primary',
  status: 'open',
  laCategory: '2',
  capacitySecure: null,
  hasSixthForm: false,
  linkAdviserUserId: 'a1',
  ...over,
});

describe('visits a year by the Barnet default rules', () => {
  it.each([
    ['1', 2, 'school_effectiveness'],
    ['2', 2, 'school_effectiveness'],
    ['good-of-concern', 6, 'school_effectiveness'],
    ['3', 19, 'concern_monitoring'],
  ] as const)('maintained category %s: %i visits, %s', (category, count, kind) => {
    const rule = visitRuleFor(school({ laCategory: category }), settings);
    expect(rule).toMatchObject({ count, kind });
  });

  // Source: 001 (Barnet Part B), visits table: RI "where the local authority consider there is good or better
  // capacity to improve: a minimum of six visits a year"; "where the capacity … is not secure: approximately
  // one visit or contact per fortnight"; "special measures or serious weaknesses: … following the LA's
  // Statement of Action".
  it('RI without secure capacity is visited about fortnightly (19)', () => {
    expect(visitRuleFor(school({ laCategory: '3', capacitySecure: false }), settings).count).toBe(19);
    expect(visitRuleFor(school({ laCategory: '3', capacitySecure: true }), settings).count).toBe(6);
  });

  it('RI with capacity not yet assessed is not given the lighter rule: fortnightly, and flagged', () => {
    const rule = visitRuleFor(school({ laCategory: '3', capacitySecure: null }), settings);
    expect(rule).toMatchObject({ count: 19, capacityToAssess: true });
    expect(rule.basis).toContain('not yet assessed');
  });

  it('a derived Ofsted category drives the rule through the tenant’s map, whatever the LA category says', () => {
    // Barnet default map: special measures → 4b, requires significant improvement → 4a.
    const sm = visitRuleFor(school({ laCategory: '2', ofstedCategory: 'special_measures' }), settings);
    expect(sm).toMatchObject({ count: 19, kind: 'concern_monitoring' });
    expect(sm.basis).toBe('4b Special measures: per Statement of Action');
    const rsi = visitRuleFor(
      school({ laCategory: '3', capacitySecure: true, ofstedCategory: 'requires_significant_improvement' }),
      settings,
    );
    expect(rsi.basis).toBe('4a Serious weaknesses: per Statement of Action');
    // Birmingham maps every Ofsted category onto "inadequate" (db/seed/statutory-data.ts).
    const birmingham = {
      ...settings,
      categories: [
        { key: 'good', label: 'Good', causesConcern: false, visitsPerYear: 2 },
        {
          key: 'inadequate',
          label: 'Inadequate',
          causesConcern: true,
          visitsPerYear: 19,
          statementOfAction: true,
        },
      ],
      ofstedCategoryMap: { requires_significant_improvement: 'inadequate' },
    };
    expect(
      visitRuleFor(
        school({ laCategory: 'good', ofstedCategory: 'requires_significant_improvement' }),
        birmingham,
      ),
    ).toMatchObject({ count: 19, basis: 'Inadequate: per Statement of Action' });
  });

  it('serious weaknesses and special measures plan per Statement of Action', () => {
    for (const category of ['4a', '4b']) {
      const rule = visitRuleFor(school({ laCategory: category, capacitySecure: false }), settings);
      expect(rule.count).toBe(19);
      expect(rule.basis).toContain('per Statement of Action');
      expect(rule.kind).toBe('concern_monitoring');
    }
  });

  it('academies and free schools get keeping-in-touch visits whatever their category', () => {
    for (const typeGroup of ['Academies', 'Free Schools']) {
      expect(visitRuleFor(school({ typeGroup, laCategory: '3' }), settings)).toMatchObject({
        count: 1,
        kind: 'keeping_in_touch',
      });
    }
  });

  it('PRUs get at least 2; a category asking more wins', () => {
    expect(visitRuleFor(school({ type: 'Pupil referral unit', laCategory: '1' }), settings).count).toBe(2);
    expect(
      visitRuleFor(school({ type: 'Pupil referral unit', laCategory: '3', capacitySecure: true }), settings)
        .count,
    ).toBe(6);
  });

  it('secondary schools with a sixth form get at least 3 unless the category asks more', () => {
    expect(visitRuleFor(school({ phase: 'Secondary', hasSixthForm: true }), settings).count).toBe(3);
    expect(visitRuleFor(school({ phase: 'Secondary', hasSixthForm: false }), settings).count).toBe(2);
    expect(
      visitRuleFor(
        school({ phase: 'Secondary', hasSixthForm: true, laCategory: 'good-of-concern' }),
        settings,
      ).count,
    ).toBe(6);
  });

  // README: a school that joins "not yet categorised" has no visits planned until an officer sets its category.
  it('a school not yet categorised gets none, whatever kind of school it is, until its category is set', () => {
    const uncategorised = [
      school({ laCategory: null }),
      school({ laCategory: null, type: 'Pupil referral unit' }),
      school({ laCategory: null, typeGroup: 'Academies' }),
      school({ laCategory: null, typeGroup: 'Free Schools' }),
      school({ laCategory: null, phase: 'Secondary', hasSixthForm: true }),
    ];
    for (const s of uncategorised) {
      const rule = visitRuleFor(s, settings);
      expect(rule.count).toBe(0);
      expect(rule.basis).toContain('Not yet categorised');
    }
    expect(planYear(uncategorised, settings, 2026)).toEqual([]);
    // Once set, the kind's minimum applies again.
    expect(visitRuleFor(school({ laCategory: '1', type: 'Pupil referral unit' }), settings).count).toBe(2);
    // A category of concern from Ofsted is a category the rules read, LA category or none.
    expect(
      visitRuleFor(school({ laCategory: null, ofstedCategory: 'special_measures' }), settings).count,
    ).toBeGreaterThan(0);
  });

  it('closed schools get none; the settings override the defaults', () => {
    expect(visitRuleFor(school({ status: 'closed' }), settings).count).toBe(0);
    expect(visitRuleFor(school({ typeGroup: 'Academies' }), { ...settings, academyVisits: 3 }).count).toBe(3);
  });
});

describe('spreading visits across the school year', () => {
  it('has 39 school weeks from September to July, skipping the holidays', () => {
    const weeks = schoolWeeks(2026);
    expect(weeks).toHaveLength(39);
    expect(weeks[0]).toBe('2026-09-07');
    expect(weeks).not.toContain('2026-10-26');
    expect(weeks).not.toContain('2026-12-21');
    expect(weeks).not.toContain('2026-12-28');
    expect(weeks.at(-1)! < '2027-07-31').toBe(true);
  });

  it('spreads every count evenly inside the year, on Fridays, in order', () => {
    for (const count of [1, 2, 3, 6, 19]) {
      const dates = spreadDueDates(2026, count);
      expect(dates).toHaveLength(count);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(count);
      for (const d of dates) {
        expect(d >= '2026-09-11' && d <= '2027-07-23').toBe(true);
        expect(new Date(`${d}T00:00:00Z`).getUTCDay()).toBe(5);
      }
    }
    expect(spreadDueDates(2026, 2)[0]! > '2027-01-01').toBe(true);
    expect(spreadDueDates(2026, 6)[0]! < '2026-11-01').toBe(true);
  });

  it('plans each school its count with sequences from 1, given to the link adviser', () => {
    const drafts = planYear(
      [school(), school({ schoolId: 's2', laCategory: '3', capacitySecure: true })],
      settings,
      2026,
    );
    expect(drafts.filter((d) => d.schoolId === 's1').map((d) => d.sequence)).toEqual([1, 2]);
    expect(drafts.filter((d) => d.schoolId === 's2')).toHaveLength(6);
    expect(drafts.every((d) => d.adviserUserId === 'a1' && d.academicYear === 2026)).toBe(true);
  });
});

describe('regenerating a plan', () => {
  const drafts = planYear([school({ laCategory: '3', capacitySecure: true })], settings, 2026);

  it('adds nothing when every sequence exists, whatever its status', () => {
    const existing = drafts.map((d, i) => ({
      id: `v${i}`,
      schoolId: d.schoolId,
      sequence: d.sequence,
      status: i === 0 ? ('done' as const) : ('planned' as const),
    }));
    expect(diffPlan(drafts, existing)).toEqual({ toAdd: [], surplus: [] });
  });

  it('adds only the missing sequences', () => {
    const existing = [{ id: 'v1', schoolId: 's1', sequence: 1, status: 'done' as const }];
    expect(diffPlan(drafts, existing).toAdd.map((d) => d.sequence)).toEqual([2, 3, 4, 5, 6]);
  });

  it('reports, never removes, planned visits beyond a lowered count; done and additional ones are not surplus', () => {
    const lowered = planYear([school({ laCategory: '2' })], settings, 2026);
    const existing: ExistingVisit[] = [
      ...drafts.map((d) => ({
        id: `v${d.sequence}`,
        schoolId: 's1',
        sequence: d.sequence,
        status: 'planned' as const,
      })),
      { id: 'extra', schoolId: 's1', sequence: 1000, status: 'planned' as const },
    ];
    existing[2] = { ...existing[2]!, status: 'done' };
    const { toAdd, surplus } = diffPlan(lowered, existing);
    expect(toAdd).toEqual([]);
    expect(surplus.map((v) => v.sequence)).toEqual([4, 5, 6]);
  });
});

describe('under-served and overdue', () => {
  it('an overdue visit is still planned and past its due date', () => {
    expect(isOverdue({ status: 'planned', dueBy: '2026-11-20' }, '2026-11-23')).toBe(true);
    expect(isOverdue({ status: 'planned', dueBy: '2026-11-23' }, '2026-11-23')).toBe(false);
    expect(isOverdue({ status: 'done', dueBy: '2026-10-01' }, '2026-11-23')).toBe(false);
    expect(isOverdue({ status: 'cancelled', dueBy: '2026-10-01' }, '2026-11-23')).toBe(false);
  });

  it('expects, by a day, the plan’s visits due by then', () => {
    const visits = spreadDueDates(2026, 19).map((dueBy, i) => ({
      schoolId: 's1',
      sequence: i + 1,
      status: 'planned' as const,
      dueBy,
    }));
    expect(progressBySchool(visits, '2026-09-01')[0]?.expected).toBe(0);
    expect(progressBySchool(visits, '2027-08-31')[0]?.expected).toBe(19);
    // 23 Nov 2026 is the 12th school week (half term skipped): 19 × 12 / 39 = 5.8 → 5.
    expect(progressBySchool(visits, '2026-11-23')[0]?.expected).toBe(5);
  });

  it('lists schools whose done visits are behind, worst first; cancelled and additional visits do not count as planned', () => {
    const visits = [
      ...Array.from({ length: 19 }, (_, i) => ({
        schoolId: 'behind',
        sequence: i + 1,
        status: i < 2 ? ('done' as const) : ('planned' as const),
        dueBy: spreadDueDates(2026, 19)[i]!,
      })),
      ...Array.from({ length: 6 }, (_, i) => ({
        schoolId: 'fine',
        sequence: i + 1,
        status: i < 2 ? ('done' as const) : ('planned' as const),
        dueBy: spreadDueDates(2026, 6)[i]!,
      })),
      { schoolId: 'fine', sequence: 1000, status: 'planned' as const, dueBy: '2026-10-01' },
    ];
    const progress = progressBySchool(visits, '2026-11-23');
    expect(progress.find((p) => p.schoolId === 'fine')).toMatchObject({ planned: 6, done: 2, overdue: 1 });
    const behind = underServed(visits, '2026-11-23');
    expect(behind.map((p) => p.schoolId)).toEqual(['behind']);
    expect(behind[0]).toMatchObject({ planned: 19, done: 2, expected: 5, shortfall: 3 });
  });
});
