import type { OfstedInspection } from '~/db/schema';

/**
 * What a report needs to know of an Ofsted result whatever its shape: legacy overall grade, the 2024–25
 * sub-grades, or a report card. "Good or better" follows our reading of report cards (domain notes): every
 * area at expected standard or above, and safeguarding met.
 */
export type InspectionShape = Pick<
  OfstedInspection,
  'framework' | 'overallGrade' | 'grades' | 'safeguarding' | 'categoryOfConcern' | 'inspectedOn'
>;

const legacyWords: Record<number, string> = {
  1: 'Outstanding',
  2: 'Good',
  3: 'Requires improvement',
  4: 'Inadequate',
};

export const reportCardScale = [
  'exceptional',
  'strong',
  'expected',
  'needs_attention',
  'urgent_improvement',
] as const;

const reportCardWords: Record<string, string> = {
  exceptional: 'Exceptional',
  strong: 'Strong standard',
  expected: 'Expected standard',
  needs_attention: 'Needs attention',
  urgent_improvement: 'Urgent improvement',
};

const concernWords: Record<string, string> = {
  serious_weaknesses: 'Serious weaknesses',
  special_measures: 'Special measures',
  requires_significant_improvement: 'Requires significant improvement',
};

const gradeValues = (i: InspectionShape) => Object.values(i.grades ?? {});

export function isGoodOrBetter(i: InspectionShape): boolean {
  if (i.categoryOfConcern) return false;
  switch (i.framework) {
    case 'legacy_overall':
      return i.overallGrade !== null && i.overallGrade <= 2;
    case 'sub_grades_2024':
      return gradeValues(i).length > 0 && gradeValues(i).every((g) => Number(g) <= 2);
    case 'report_card_2025':
      return (
        i.safeguarding === 'met' &&
        gradeValues(i).length > 0 &&
        gradeValues(i).every((g) => ['exceptional', 'strong', 'expected'].includes(String(g)))
      );
  }
}

/** One line for a table cell: "Good", "Sub-grades: QoE 3, B&A 2, …", "Report card: 2 areas need attention". */
export function describeInspection(i: InspectionShape): string {
  const concern = i.categoryOfConcern ? ` (${concernWords[i.categoryOfConcern]})` : '';
  switch (i.framework) {
    case 'legacy_overall':
      return `${legacyWords[i.overallGrade ?? 0] ?? 'Not graded'}${concern}`;
    case 'sub_grades_2024': {
      const worst = Math.max(...gradeValues(i).map(Number));
      return `Sub-grades, lowest ${legacyWords[worst] ?? '–'}${concern}`;
    }
    case 'report_card_2025': {
      const counts = new Map<string, number>();
      for (const g of gradeValues(i)) counts.set(String(g), (counts.get(String(g)) ?? 0) + 1);
      const below = ['urgent_improvement', 'needs_attention']
        .filter((g) => counts.has(g))
        .map((g) => `${counts.get(g)} ${reportCardWords[g]?.toLowerCase()}`);
      const safeguarding = i.safeguarding === 'not_met' ? ', safeguarding not met' : '';
      return `Report card: ${below.length > 0 ? below.join(', ') : 'all areas expected or above'}${safeguarding}${concern}`;
    }
  }
}

/** The most recent inspection per school. */
export function latestBySchool<T extends InspectionShape & { schoolId: string }>(
  rows: readonly T[],
): Map<string, T> {
  const latest = new Map<string, T>();
  for (const row of rows) {
    const seen = latest.get(row.schoolId);
    if (!seen || row.inspectedOn > seen.inspectedOn) latest.set(row.schoolId, row);
  }
  return latest;
}
