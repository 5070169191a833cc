import {
  describeInspection,
  latestGraded,
  type InspectionResult,
  type OfstedReading,
} from './evaluate-triggers';
import { longDate } from '~/server/format/dates';

const belowExpected = ['needs_attention', 'urgent_improvement'];

/**
 * Whether an inspection leaves the school below good (or in a category of concern), in the reading's terms.
 * Legacy: grade 3 or 4, or a category. 2024 sub-grades: a 3 or 4 anywhere. Report card ('report_card' reading):
 * an area below expected standard, safeguarding not met, or a category; ('legacy' reading): a category of concern.
 */
export function isBelowGood(inspection: InspectionResult, reading: OfstedReading): boolean {
  if (inspection.categoryOfConcern) return true;
  if (inspection.framework === 'legacy_overall') return (inspection.overallGrade ?? 0) >= 3;
  if (inspection.framework === 'sub_grades_2024')
    return Object.values(inspection.grades).some((g) => Number(g) >= 3);
  if (reading === 'legacy') return false;
  return (
    inspection.safeguarding === 'not_met' ||
    Object.values(inspection.grades).some((g) => belowExpected.includes(String(g)))
  );
}

export type RemovalVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * The removal rule (Barnet Part B; Birmingham's "good or outstanding at latest inspection"): a school judged
 * below good, or placed in a category of concern, by Ofsted stays on the register until a later inspection —
 * after it was designated — judges it good or better (report card: every area at expected standard or above
 * and safeguarding met). A school designated on the LA's own evidence whose latest inspection is good may be
 * removed once the review meeting is satisfied with its progress.
 */
export function removalVerdict(input: {
  inspections: readonly InspectionResult[];
  designatedOn: string | null;
  reading: OfstedReading;
}): RemovalVerdict {
  const latest = latestGraded(input.inspections);
  if (!latest || !isBelowGood(latest, input.reading)) return { allowed: true };
  const since = input.designatedOn ? ` since it was designated on ${longDate(input.designatedOn)}` : '';
  const needed =
    input.reading === 'report_card'
      ? 'every evaluation area at expected standard or above and safeguarding met'
      : 'good or better';
  return {
    allowed: false,
    reason:
      `This school cannot be removed yet: ${describeInspection(latest)} judged it below good or placed it in ` +
      `a category of concern, and no later inspection${since} has judged it ${needed}.`,
  };
}
