/** Words for induction records, shared by domain messages and pages (app/ reads them from here). */

export const checkpointKindLabels = {
  review: 'Progress review',
  formal: 'Formal assessment',
  interim: 'Interim assessment',
} as const;

export const checkpointStatusLabels = {
  due: 'Due',
  submitted: 'Submitted, awaiting the AB',
  changes_requested: 'Changes requested',
  accepted: 'Accepted',
} as const;

export const judgementLabels = { on_track: 'On track', not_on_track: 'Not on track' } as const;

export const outcomeLabels = { pass: 'Pass', fail: 'Fail', extension: 'Extension' } as const;

export const appealResultLabels = {
  pending: 'Waiting for the decision',
  upheld: 'Appeal upheld',
  varied: 'Decision varied',
  dismissed: 'Appeal dismissed',
} as const;

export const inductionStatusLabels = { in_progress: 'In progress', completed: 'Completed' } as const;

/** "Progress review, term 2", "Formal assessment, term 3", "Interim assessment". */
export function checkpointTitle(c: { kind: keyof typeof checkpointKindLabels; termNumber: number | null }) {
  return c.termNumber
    ? `${checkpointKindLabels[c.kind]}, term ${c.termNumber}`
    : checkpointKindLabels[c.kind];
}

/** FTE from hundredths: 100 → "1.0", 60 → "0.6". */
export const fteLabel = (hundredths: number) => (hundredths / 100).toFixed(hundredths % 10 === 0 ? 1 : 2);

/** Terms to one decimal place from tenths. */
export const termsLabel = (tenths: number) => (tenths / 10).toFixed(1);
