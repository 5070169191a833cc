import { z } from 'zod';

/**
 * Ofsted results in their three shapes — legacy overall grade 1–4 (to Aug 2024), the four sub-grades of
 * Sep 2024–Nov 2025, report cards (from 10 Nov 2025) — described in words for the register. Pure; safe to
 * import in client components.
 */

export const legacyGradeLabels: Record<number, string> = {
  1: 'Outstanding',
  2: 'Good',
  3: 'Requires improvement',
  4: 'Inadequate',
};

export const subGradeAreas = [
  ['quality_of_education', 'Quality of education'],
  ['behaviour_and_attitudes', 'Behaviour and attitudes'],
  ['personal_development', 'Personal development'],
  ['leadership_and_management', 'Leadership and management'],
] as const;

export const reportCardAreas = [
  ['inclusion', 'Inclusion'],
  ['curriculum_and_teaching', 'Curriculum and teaching'],
  ['achievement', 'Achievement'],
  ['attendance_and_behaviour', 'Attendance and behaviour'],
  ['personal_development', 'Personal development and well-being'],
  ['leadership_and_governance', 'Leadership and governance'],
] as const;

export const reportCardOptionalAreas = [
  ['early_years', 'Early years'],
  ['sixth_form', 'Sixth form'],
] as const;

export const reportCardGrades = [
  'exceptional',
  'strong',
  'expected',
  'needs_attention',
  'urgent_improvement',
] as const;
export type ReportCardGrade = (typeof reportCardGrades)[number];

export const reportCardGradeLabels: Record<ReportCardGrade, string> = {
  exceptional: 'Exceptional',
  strong: 'Strong standard',
  expected: 'Expected standard',
  needs_attention: 'Needs attention',
  urgent_improvement: 'Urgent improvement',
};

export const categoryOfConcernLabels = {
  serious_weaknesses: 'Serious weaknesses',
  special_measures: 'Special measures',
  requires_significant_improvement: 'Requires significant improvement',
} as const;
export type CategoryOfConcern = keyof typeof categoryOfConcernLabels;

/** The choice of shape when recording a result: the three frameworks and an ungraded inspection. */
export const recordShapeLabels = {
  report_card_2025: 'Report card (from 10 November 2025)',
  sub_grades_2024: 'Four sub-grades (September 2024 – November 2025)',
  legacy_overall: 'Overall grade (to August 2024)',
  ungraded: 'Ungraded inspection or monitoring visit (no grades)',
} as const;

export const frameworkLabels = {
  legacy_overall: 'Overall grade (to August 2024)',
  sub_grades_2024: 'Four sub-grades (September 2024 – November 2025)',
  report_card_2025: 'Report card (from 10 November 2025)',
} as const;
export type Framework = keyof typeof frameworkLabels;

export type InspectionResult = {
  inspectedOn: string;
  framework: Framework;
  overallGrade: number | null;
  grades: Record<string, string | number>;
  safeguarding: 'met' | 'not_met' | null;
  categoryOfConcern: CategoryOfConcern | null;
  kind: string;
};

export type ResultLine = { label: string; value: string };

const yearOf = (iso: string) => iso.slice(0, 4);
const labelOfReportGrade = (grade: string | number | undefined) =>
  typeof grade === 'string' && grade in reportCardGradeLabels
    ? reportCardGradeLabels[grade as ReportCardGrade]
    : 'Not graded';
const labelOfGrade = (grade: string | number | undefined) => legacyGradeLabels[Number(grade)] ?? 'Not graded';

/** One line for a list: "Good (2022)", "Sub-grades (2025): Good, Good, Good, Requires improvement", "Report card (2026)…". */
export function summariseInspection(result: InspectionResult): string {
  const year = yearOf(result.inspectedOn);
  const concern = result.categoryOfConcern ? `; ${categoryOfConcernLabels[result.categoryOfConcern]}` : '';
  if (result.kind !== 'graded') return `Ungraded visit (${year})${concern}`;
  if (result.framework === 'legacy_overall') {
    return `${labelOfGrade(result.overallGrade ?? undefined)} (${year})${concern}`;
  }
  if (result.framework === 'sub_grades_2024') {
    const grades = subGradeAreas.map(([key]) => labelOfGrade(result.grades[key]));
    return `Sub-grades (${year}): ${grades.join(', ')}${concern}`;
  }
  const weakest = worstReportCardGrade(result.grades);
  const safeguarding = result.safeguarding === 'not_met' ? 'safeguarding not met' : 'safeguarding met';
  return `Report card (${year}): lowest ${weakest ? reportCardGradeLabels[weakest].toLowerCase() : 'not graded'}, ${safeguarding}${concern}`;
}

/** A short heading for a result whose grades are listed beneath it: "Good (2022)", "Report card (2026)". */
export function inspectionHeadline(result: InspectionResult): string {
  if (result.framework === 'legacy_overall' || result.kind !== 'graded') return summariseInspection(result);
  const year = yearOf(result.inspectedOn);
  return result.framework === 'sub_grades_2024' ? `Sub-grades (${year})` : `Report card (${year})`;
}

/** Every grade of the result, area by area, for the school's history. */
export function describeInspection(result: InspectionResult): ResultLine[] {
  const lines: ResultLine[] = [];
  if (result.framework === 'legacy_overall') {
    lines.push({ label: 'Overall effectiveness', value: labelOfGrade(result.overallGrade ?? undefined) });
  } else if (result.framework === 'sub_grades_2024') {
    for (const [key, label] of subGradeAreas) lines.push({ label, value: labelOfGrade(result.grades[key]) });
  } else {
    for (const [key, label] of reportCardAreas)
      lines.push({ label, value: labelOfReportGrade(result.grades[key]) });
    for (const [key, label] of reportCardOptionalAreas) {
      if (result.grades[key] !== undefined)
        lines.push({ label, value: labelOfReportGrade(result.grades[key]) });
    }
  }
  if (result.safeguarding) {
    lines.push({ label: 'Safeguarding', value: result.safeguarding === 'met' ? 'Met' : 'Not met' });
  }
  if (result.categoryOfConcern) {
    lines.push({ label: 'Category of concern', value: categoryOfConcernLabels[result.categoryOfConcern] });
  }
  return lines;
}

function worstReportCardGrade(grades: Record<string, string | number>): ReportCardGrade | undefined {
  let worst = -1;
  for (const value of Object.values(grades)) {
    const index = reportCardGrades.indexOf(value as ReportCardGrade);
    if (index > worst) worst = index;
  }
  return reportCardGrades[worst];
}

// ---- Recording a new inspection: one zod shape per framework ----------------------------------------------

const isoDate = z.iso.date({ message: 'Enter the date as a real date.' });
const subGrade = z.coerce
  .number({ message: 'Choose a grade from 1 to 4.' })
  .int({ message: 'Choose a grade from 1 to 4.' })
  .min(1, { message: 'Choose a grade from 1 to 4.' })
  .max(4, { message: 'Choose a grade from 1 to 4.' });
const reportGrade = z.enum(reportCardGrades, { message: 'Choose a grade for this area.' });
const common = {
  schoolId: z.uuid({ message: 'Choose a school.' }),
  inspectedOn: isoDate,
  /** Results are recorded after publication, and reports file them by it. */
  publishedOn: z.iso.date({ message: 'Enter the date the report was published.' }),
  /**
   * Only where the framework leaves a choice (an inadequate legacy or 2024–25 result: serious weaknesses or
   * special measures); otherwise derived from the grades, and a different one is refused.
   */
  categoryOfConcern: z
    .enum(['serious_weaknesses', 'special_measures', 'requires_significant_improvement'], {
      message: 'Choose a category of concern, or none.',
    })
    .optional(),
  notes: z.string().trim().max(2000, { message: 'Keep notes under 2,000 characters.' }).default(''),
};

export const ZRecordInspectionInput = z.discriminatedUnion('framework', [
  z.object({
    ...common,
    framework: z.literal('legacy_overall'),
    overallGrade: subGrade,
  }),
  z.object({
    ...common,
    framework: z.literal('sub_grades_2024'),
    grades: z.object({
      quality_of_education: subGrade,
      behaviour_and_attitudes: subGrade,
      personal_development: subGrade,
      leadership_and_management: subGrade,
    }),
  }),
  z.object({
    ...common,
    framework: z.literal('report_card_2025'),
    grades: z.object({
      inclusion: reportGrade,
      curriculum_and_teaching: reportGrade,
      achievement: reportGrade,
      attendance_and_behaviour: reportGrade,
      personal_development: reportGrade,
      leadership_and_governance: reportGrade,
      early_years: reportGrade.optional(),
      sixth_form: reportGrade.optional(),
    }),
    safeguarding: z.enum(['met', 'not_met'], { message: 'Say whether safeguarding was met.' }),
  }),
  /** An ungraded inspection (or monitoring visit): recorded under the framework of its date, with no grades. */
  z.object({
    ...common,
    framework: z.literal('ungraded'),
  }),
]);
export type RecordInspectionInput = z.infer<typeof ZRecordInspectionInput>;
