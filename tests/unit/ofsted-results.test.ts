import { describe, expect, it } from 'vitest';
import {
  describeInspection,
  inspectionHeadline,
  summariseInspection,
  ZRecordInspectionInput,
  type InspectionResult,
} from '~/server/monitoring/ofsted-results';

const base: InspectionResult = {
  inspectedOn: '2022-06-15',
  framework: 'legacy_overall',
  overallGrade: 2,
  grades: {},
  safeguarding: null,
  categoryOfConcern: null,
  kind: 'graded',
};

describe('Ofsted results in three shapes', () => {
  it('headlines: legacy in full, the newer shapes by name with their grades listed beneath', () => {
    expect(inspectionHeadline(base)).toBe('Good (2022)');
    expect(inspectionHeadline({ ...base, framework: 'report_card_2025', inspectedOn: '2026-02-01' })).toBe(
      'Report card (2026)',
    );
  });

  it('legacy: "Good (2022)"', () => {
    expect(summariseInspection(base)).toBe('Good (2022)');
    expect(summariseInspection({ ...base, overallGrade: 4, categoryOfConcern: 'special_measures' })).toBe(
      'Inadequate (2022); Special measures',
    );
  });

  it('2024 sub-grades: each of the four areas', () => {
    const result: InspectionResult = {
      ...base,
      inspectedOn: '2025-03-04',
      framework: 'sub_grades_2024',
      overallGrade: null,
      grades: {
        quality_of_education: 3,
        behaviour_and_attitudes: 2,
        personal_development: 2,
        leadership_and_management: 3,
      },
    };
    expect(summariseInspection(result)).toBe(
      'Sub-grades (2025): Requires improvement, Good, Good, Requires improvement',
    );
    expect(describeInspection(result)[0]).toEqual({
      label: 'Quality of education',
      value: 'Requires improvement',
    });
  });

  it('report card: each area, optional areas when present, safeguarding met / not met', () => {
    const result: InspectionResult = {
      ...base,
      inspectedOn: '2026-02-10',
      framework: 'report_card_2025',
      overallGrade: null,
      grades: {
        inclusion: 'strong',
        curriculum_and_teaching: 'expected',
        achievement: 'needs_attention',
        attendance_and_behaviour: 'expected',
        personal_development: 'strong',
        leadership_and_governance: 'expected',
        early_years: 'exceptional',
      },
      safeguarding: 'not_met',
      categoryOfConcern: 'requires_significant_improvement',
    };
    const lines = describeInspection(result);
    expect(lines.map((l) => l.label)).toContain('Early years');
    expect(lines.map((l) => l.label)).not.toContain('Sixth form');
    expect(lines).toContainEqual({ label: 'Safeguarding', value: 'Not met' });
    expect(lines).toContainEqual({ label: 'Achievement', value: 'Needs attention' });
    expect(summariseInspection(result)).toBe(
      'Report card (2026): lowest needs attention, safeguarding not met; Requires significant improvement',
    );
  });
});

describe('recording an inspection is validated per shape', () => {
  const schoolId = '00000000-0000-4000-8000-000000000001';
  it('legacy needs a grade 1–4', () => {
    expect(
      ZRecordInspectionInput.safeParse({
        schoolId,
        inspectedOn: '2024-01-10',
        framework: 'legacy_overall',
        overallGrade: 5,
      }).success,
    ).toBe(false);
    expect(
      ZRecordInspectionInput.safeParse({
        schoolId,
        inspectedOn: '2024-01-10',
        publishedOn: '2024-02-14',
        framework: 'legacy_overall',
        overallGrade: 2,
      }).success,
    ).toBe(true);
  });
  it('every result needs its publication date (reports count by it); ungraded inspections need no grades', () => {
    const ungraded = { schoolId, inspectedOn: '2026-01-10', framework: 'ungraded' };
    const missing = ZRecordInspectionInput.safeParse(ungraded);
    expect(missing.error?.issues.map((i) => i.path.join('.'))).toEqual(['publishedOn']);
    expect(ZRecordInspectionInput.safeParse({ ...ungraded, publishedOn: '2026-02-03' }).success).toBe(true);
  });
  it('report cards need all six areas and safeguarding', () => {
    const outcome = ZRecordInspectionInput.safeParse({
      schoolId,
      inspectedOn: '2026-01-10',
      framework: 'report_card_2025',
      grades: { inclusion: 'strong' },
    });
    expect(outcome.success).toBe(false);
    const paths = outcome.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toContain('grades.achievement');
    expect(paths).toContain('safeguarding');
  });
});
