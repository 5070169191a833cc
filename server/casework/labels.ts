/**
 * Words for the casework pages. Safe in client components: no database code.
 */
export const ragLabels = { red: 'Red', amber: 'Amber', green: 'Green' } as const;

export const ownerKindLabels = {
  school: 'School',
  la: 'Local authority',
  provider: 'Provider',
  broker: 'Broker',
} as const;

export const planKindLabels = {
  action_plan: 'Action plan',
  statement_of_action: 'Statement of Action',
} as const;

export const letterKindLabels = {
  designation: 'Designation letter (informal warning)',
  concern: 'Letter of concern',
  removal: 'Removal letter',
  warning_notice: 'Warning notice',
  categorisation: 'Annual categorisation letter',
} as const;

export const meetingKindLabels = {
  progress_review: 'School Progress Review',
  monitoring_and_challenge: 'Monitoring and Challenge (with the Head of School Improvement)',
} as const;

export const noticeKindLabels = {
  informal: 'Informal warning notice (designation)',
  formal_s60: 'Formal warning notice (section 60)',
  pay_and_conditions_s60a: 'Teachers’ pay and conditions warning notice (section 60A)',
} as const;

export const noticeStatusLabels = {
  recommended: 'Recommended',
  issued: 'Issued',
  complied: 'Complied',
  not_complied: 'Not complied with',
  withdrawn: 'Withdrawn',
} as const;

export const groundLabels = {
  unacceptably_low_standards: 'Unacceptably low standards of performance',
  breakdown_of_management_or_governance: 'Serious breakdown in management or governance',
  safety_threatened: 'Safety of pupils or staff threatened',
} as const;

export const powerLabels = {
  s63_require_arrangements: 'Section 63: require arrangements or collaboration',
  s64_additional_governors: 'Section 64: appoint additional governors',
  s65_interim_executive_board: 'Section 65: interim executive board',
  s66_suspend_delegated_budget: 'Section 66: suspend the delegated budget',
} as const;

export const paymentStatusLabels = {
  requested: 'Requested',
  approved: 'Approved',
  paid: 'Paid',
  declined: 'Declined',
} as const;

export const ragClasses = {
  red: 'bg-red-100 text-red-900 border-red-700',
  amber: 'bg-amber-100 text-amber-900 border-amber-700',
  green: 'bg-green-100 text-green-900 border-green-700',
} as const;
