/** Words for the concern pages (safe in client components: no server code). */
export const statusLabels = {
  candidate: 'Candidate',
  designated: 'Designated',
  removed: 'Removed',
  not_designated: 'Not designated',
} as const;

export const decisionLabels = {
  designate: 'Designate',
  remove: 'Remove from the register',
  continue: 'Continue (review again)',
  not_designated: 'Not designated',
  letter_of_concern: 'Send a letter of concern',
  recommend_warning_notice: 'Recommend a formal warning notice to the DCS',
} as const;

export const letterKindLabels = {
  designation: 'Designation letter (informal warning)',
  concern: 'Letter of concern',
  removal: 'Removal letter',
  warning_notice: 'Warning notice',
  categorisation: 'Annual categorisation letter',
} as const;

export const groundLabels = {
  unacceptably_low_standards: 'Unacceptably low standards of performance',
  breakdown_of_management_or_governance: 'Serious breakdown in management or governance',
  safety_threatened: 'Pupils’ or staff safety threatened',
} as const;
