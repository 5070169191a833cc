import type { CategoryOfConcern, Framework, ReportCardGrade } from './ofsted-results';
import { longDate } from '../format/dates';

/**
 * Ofsted's category of concern, derived from the recorded result as the framework of that inspection defines
 * it, never ticked by hand against the grades (domain note, "Current policy (2024–2026)"). Pure; safe in
 * client components.
 *
 * - Report cards (inspections from 10 November 2025): *requires significant improvement* when any evaluation
 *   area is at urgent improvement or safeguarding is not met; *special measures* when leadership and
 *   governance is at urgent improvement and so is another area, or safeguarding is not met. Nothing else.
 * - Legacy overall grades (to 1 September 2024) and the 2024–25 sub-grades: an inadequate judgement (grade 4,
 *   overall or in any key judgement) puts the school in *serious weaknesses* or *special measures* — the
 *   inspectors say which, so the officer chooses between those two; a school with no grade 4 has none.
 *   "Requires significant improvement" does not exist in these frameworks.
 * - Ungraded inspections place no school in a category: the category of the last graded one stands.
 */

/** The dates each framework applies to, inclusive (domain note: single-word judgements ended 2 Sep 2024). */
export const frameworkPeriods: Record<Framework, { from: string | null; to: string | null }> = {
  legacy_overall: { from: null, to: '2024-09-01' },
  sub_grades_2024: { from: '2024-09-02', to: '2025-11-09' },
  report_card_2025: { from: '2025-11-10', to: null },
};

/** The framework Ofsted inspected under on this date. */
export function frameworkOn(inspectedOn: string): Framework {
  if (inspectedOn >= '2025-11-10') return 'report_card_2025';
  if (inspectedOn >= '2024-09-02') return 'sub_grades_2024';
  return 'legacy_overall';
}

/** Why this framework cannot be right for an inspection on this date (null when it can). */
export function frameworkDateProblem(framework: Framework, inspectedOn: string): string | null {
  const { from, to } = frameworkPeriods[framework];
  if (from && inspectedOn < from)
    return framework === 'report_card_2025'
      ? `Report cards began on ${longDate(from)}: an inspection on ${longDate(inspectedOn)} has ${frameworkOn(inspectedOn) === 'sub_grades_2024' ? 'four sub-grades' : 'an overall grade'}.`
      : `The four sub-grades were given from ${longDate(from)}: an inspection on ${longDate(inspectedOn)} has an overall grade.`;
  if (to && inspectedOn > to)
    return framework === 'legacy_overall'
      ? `Overall grades ended on ${longDate(to)}: an inspection on ${longDate(inspectedOn)} has ${frameworkOn(inspectedOn) === 'sub_grades_2024' ? 'four sub-grades' : 'a report card'}.`
      : `The four sub-grades ended on ${longDate(to)}: an inspection on ${longDate(inspectedOn)} has a report card.`;
  return null;
}

export type GradedResult = {
  framework: Framework;
  overallGrade?: number | null;
  grades?: Record<string, string | number | undefined>;
  safeguarding?: 'met' | 'not_met' | null;
};

/** What the framework allows: a category it fixes, or the categories the inspectors chose between. */
export type CategoryRule =
  | { kind: 'fixed'; category: CategoryOfConcern | null; because: string }
  | { kind: 'choose'; choices: CategoryOfConcern[]; because: string };

const urgent: ReportCardGrade = 'urgent_improvement';

/** The category of concern a graded result carries, by its framework's definition. */
export function categoryRuleFor(result: GradedResult): CategoryRule {
  const grades = Object.entries(result.grades ?? {}).filter(([, v]) => v !== undefined);
  if (result.framework === 'report_card_2025') {
    const urgentAreas = grades.filter(([, v]) => v === urgent).map(([k]) => k);
    const safeguardingNotMet = result.safeguarding === 'not_met';
    const leadershipUrgent = urgentAreas.includes('leadership_and_governance');
    if (leadershipUrgent && (urgentAreas.length > 1 || safeguardingNotMet))
      return {
        kind: 'fixed',
        category: 'special_measures',
        because: `leadership and governance is at urgent improvement, and ${safeguardingNotMet ? 'safeguarding is not met' : 'so is another area'}`,
      };
    if (urgentAreas.length > 0 || safeguardingNotMet)
      return {
        kind: 'fixed',
        category: 'requires_significant_improvement',
        because: safeguardingNotMet
          ? 'safeguarding is not met'
          : 'an evaluation area is at urgent improvement',
      };
    return {
      kind: 'fixed',
      category: null,
      because: 'no area is at urgent improvement and safeguarding is met',
    };
  }
  const inadequate =
    result.framework === 'legacy_overall'
      ? Number(result.overallGrade) === 4
      : grades.some(([, v]) => Number(v) === 4);
  if (inadequate)
    return {
      kind: 'choose',
      choices: ['serious_weaknesses', 'special_measures'],
      because:
        result.framework === 'legacy_overall'
          ? 'an inadequate school has serious weaknesses or needs special measures'
          : 'an inadequate key judgement puts the school in serious weaknesses or special measures',
    };
  return { kind: 'fixed', category: null, because: 'no judgement is inadequate' };
}

const words: Record<CategoryOfConcern, string> = {
  serious_weaknesses: 'serious weaknesses',
  special_measures: 'special measures',
  requires_significant_improvement: 'requires significant improvement',
};

/**
 * The category to store for a graded result and the category the officer gave (if any): the derived one,
 * or a problem message when the framework does not have that combination.
 */
export function resolveCategory(
  result: GradedResult,
  given: CategoryOfConcern | null | undefined,
): { category: CategoryOfConcern | null } | { problem: string } {
  const rule = categoryRuleFor(result);
  if (rule.kind === 'fixed') {
    if (given && given !== rule.category)
      return {
        problem: rule.category
          ? `This result puts the school in ${words[rule.category]} (${rule.because}), not ${words[given]}.`
          : `This result carries no category of concern (${rule.because}), so it cannot be ${words[given]}.`,
      };
    return { category: rule.category };
  }
  if (!given)
    return {
      problem: `Say which category of concern the inspectors gave: ${rule.because}.`,
    };
  if (!rule.choices.includes(given))
    return {
      problem: `${words[given][0]?.toUpperCase()}${words[given].slice(1)} is not a category of this framework: choose serious weaknesses or special measures.`,
    };
  return { category: given };
}
