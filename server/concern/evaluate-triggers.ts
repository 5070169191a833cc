import type { OfstedInspection } from '~/db/schema';
import { longDate } from '../format/dates';

/**
 * The triggers of concern (Barnet Part B, as read against today's Ofsted framework). `ofsted` is derived live
 * from the latest inspection; the other four are judgements an officer records with evidence.
 */
export const triggerKeys = [
  'ofsted',
  'la_judges_below_standard',
  'leadership_breakdown',
  'safeguarding',
  'low_or_declining_achievement',
] as const;
export type TriggerKey = (typeof triggerKeys)[number];
export const recordedTriggerKeys = triggerKeys.filter((k) => k !== 'ofsted') as Exclude<
  TriggerKey,
  'ofsted'
>[];

export const triggerLabels: Record<TriggerKey, string> = {
  ofsted: 'Ofsted judgement',
  la_judges_below_standard: 'The LA believes the school would be judged below standard if inspected now',
  leadership_breakdown: 'Serious breakdown of leadership, management or governance',
  safeguarding: 'Pupils’ safety threatened or safeguarding unsatisfactory',
  low_or_declining_achievement:
    'Unacceptably low or sharply declining achievement without evidence of capacity to reverse it',
};

export type OfstedReading = 'report_card' | 'legacy';

/** The parts of an inspection the rules read. */
export type InspectionResult = Pick<
  OfstedInspection,
  'inspectedOn' | 'framework' | 'overallGrade' | 'grades' | 'safeguarding' | 'categoryOfConcern' | 'kind'
>;

export const areaLabels: Record<string, string> = {
  inclusion: 'inclusion',
  curriculum_and_teaching: 'curriculum and teaching',
  achievement: 'achievement',
  attendance_and_behaviour: 'attendance and behaviour',
  personal_development: 'personal development and well-being',
  leadership_and_governance: 'leadership and governance',
  early_years: 'early years',
  sixth_form: 'sixth form',
  quality_of_education: 'quality of education',
  behaviour_and_attitudes: 'behaviour and attitudes',
  leadership_and_management: 'leadership and management',
};

const gradeWords: Record<string, string> = {
  exceptional: 'exceptional',
  strong: 'strong standard',
  expected: 'expected standard',
  needs_attention: 'needs attention',
  urgent_improvement: 'urgent improvement',
};
const legacyGradeWords: Record<number, string> = {
  1: 'outstanding',
  2: 'good',
  3: 'requires improvement',
  4: 'inadequate',
};
const categoryWords: Record<string, string> = {
  serious_weaknesses: 'serious weaknesses',
  special_measures: 'special measures',
  requires_significant_improvement: 'requires significant improvement',
};

/** "the report card inspection of 11 March 2026", naming an inspection in messages. */
export function describeInspection(i: Pick<InspectionResult, 'inspectedOn' | 'framework'>): string {
  const shape =
    i.framework === 'report_card_2025'
      ? 'report card inspection'
      : i.framework === 'sub_grades_2024'
        ? 'inspection (2024 sub-grades)'
        : 'inspection';
  return `the Ofsted ${shape} of ${longDate(i.inspectedOn)}`;
}

/** Graded inspections only (monitoring visits carry no grades), newest first. */
export function latestGraded<T extends InspectionResult>(inspections: readonly T[]): T | undefined {
  return [...inspections]
    .filter((i) => i.kind === 'graded')
    .sort((a, b) => b.inspectedOn.localeCompare(a.inspectedOn))[0];
}

const areasAt = (grades: Record<string, string | number>, wanted: readonly string[]) =>
  Object.entries(grades)
    .filter(([, g]) => wanted.includes(String(g)))
    .map(([area]) => areaLabels[area] ?? area.replaceAll('_', ' '));

const subGradesAt = (grades: Record<string, string | number>, wanted: readonly number[]) =>
  Object.entries(grades)
    .filter(([, g]) => wanted.includes(Number(g)))
    .map(([area, g]) => `${areaLabels[area] ?? area} ${legacyGradeWords[Number(g)]}`);

export type OfstedFinding = { met: boolean; reasons: string[] };

/**
 * Whether the Ofsted trigger is met by this inspection, and why, in the words the reading uses.
 * Legacy grades and 2024 sub-grades always use the seeds' wording ("inadequate or requires improvement").
 * Report cards: the 'report_card' reading (default) counts a category of concern, any area at urgent
 * improvement or needs attention, or safeguarding not met; the 'legacy' reading applies the seeds' words
 * literally — a report card has no overall grade, so only a category of concern ("inadequate") counts.
 */
export function evaluateOfstedTrigger(
  inspection: InspectionResult | undefined,
  reading: OfstedReading,
): OfstedFinding {
  if (!inspection) return { met: false, reasons: [] };
  // Named only when a reason is given: most schools meet no trigger, and formatting a date is not free.
  let description: string | undefined;
  const named = () => (description ??= describeInspection(inspection));
  const category = inspection.categoryOfConcern ? categoryWords[inspection.categoryOfConcern] : undefined;
  if (inspection.framework === 'legacy_overall') {
    const grade = inspection.overallGrade ?? 0;
    const reasons: string[] = [];
    if (grade === 3 || grade === 4) reasons.push(`Judged ${legacyGradeWords[grade]} at ${named()}.`);
    if (category) reasons.push(`Category of concern (${category}) at ${named()}.`);
    return { met: reasons.length > 0, reasons };
  }
  if (inspection.framework === 'sub_grades_2024') {
    const low = subGradesAt(inspection.grades, [3, 4]);
    const reasons =
      low.length > 0 ? [`Inadequate or requires improvement at ${named()}: ${low.join(', ')}.`] : [];
    if (category) reasons.push(`Category of concern (${category}) at ${named()}.`);
    return { met: reasons.length > 0, reasons };
  }
  if (reading === 'legacy') {
    const reasons = category ? [`Inadequate: category of concern (${category}) at ${named()}.`] : [];
    return { met: reasons.length > 0, reasons };
  }
  const reasons: string[] = [];
  if (category) reasons.push(`Category of concern (${category}) at ${named()}.`);
  const urgent = areasAt(inspection.grades, ['urgent_improvement']);
  if (urgent.length > 0) reasons.push(`Urgent improvement at ${named()}: ${urgent.join(', ')}.`);
  const attention = areasAt(inspection.grades, ['needs_attention']);
  if (attention.length > 0) reasons.push(`Needs attention at ${named()}: ${attention.join(', ')}.`);
  if (inspection.safeguarding === 'not_met') reasons.push(`Safeguarding not met at ${named()}.`);
  return { met: reasons.length > 0, reasons };
}

export type RecordedTrigger = { trigger: string; evidence: string; recordedOn: string };
export type TriggerMet = { key: TriggerKey; label: string; evidence: string[] };

/** Every trigger a school meets: Ofsted's (live) first, then those recorded with evidence, one entry per key. */
export function evaluateTriggers(input: {
  latestInspection: InspectionResult | undefined;
  recorded: readonly RecordedTrigger[];
  reading: OfstedReading;
}): TriggerMet[] {
  const met: TriggerMet[] = [];
  const ofsted = evaluateOfstedTrigger(input.latestInspection, input.reading);
  if (ofsted.met) met.push({ key: 'ofsted', label: triggerLabels.ofsted, evidence: ofsted.reasons });
  for (const key of recordedTriggerKeys) {
    const evidence = input.recorded.filter((r) => r.trigger === key && r.evidence.trim() !== '');
    if (evidence.length > 0)
      met.push({
        key,
        label: triggerLabels[key],
        evidence: evidence.map((e) => `${e.evidence} (recorded ${longDate(e.recordedOn)})`),
      });
  }
  return met;
}

/** Grade words for pages. */
export function gradeWord(framework: InspectionResult['framework'], grade: string | number): string {
  if (framework === 'report_card_2025') return gradeWords[String(grade)] ?? String(grade);
  return legacyGradeWords[Number(grade)] ?? String(grade);
}
