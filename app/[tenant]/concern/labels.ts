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

// One wording for letters and grounds everywhere (the warning notice letter uses the same): kept with casework's.
export { groundLabels, letterKindLabels } from '~/server/casework/labels';
