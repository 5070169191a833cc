/**
 * The rules of SCC casework as pure functions (no database), so each can be unit-tested: the action plan
 * summary, when a Statement of Action is required, warning notice transitions, eligibility for intervention
 * powers, the SCC budget's DCS-approval rule and which schools the LA may intervene in.
 */

export type Rag = 'red' | 'amber' | 'green';
export type OfstedCategoryOfConcern =
  'serious_weaknesses' | 'special_measures' | 'requires_significant_improvement';

export type PlanItemFacts = { rag: Rag; dueOn: string; completedOn: string | null };

export type PlanSummary = {
  total: number;
  completed: number;
  byRag: Record<Rag, number>;
  /** Open items whose due date has passed. */
  overdue: number;
};

/** An item is overdue when it is not completed and its due date is before today. */
export function isOverdue(item: PlanItemFacts, today: string): boolean {
  return item.completedOn === null && item.dueOn < today;
}

/**
 * Why an action's due date is refused, or null. A new date must be today or later; an action whose date has
 * already passed keeps it when edited for anything else (it is overdue, not wrong), so an unchanged date passes.
 */
export function dueDateProblem(
  dueOn: string,
  today: string,
  previousDueOn: string | null = null,
): string | null {
  if (dueOn === previousDueOn || dueOn >= today) return null;
  return 'The due date must be today or later.';
}

/** Counts by RAG (open items only: a completed item is done, whatever its last RAG) and overdue items. */
export function summarisePlan(items: readonly PlanItemFacts[], today: string): PlanSummary {
  const byRag: Record<Rag, number> = { red: 0, amber: 0, green: 0 };
  let completed = 0;
  let overdue = 0;
  for (const item of items) {
    if (item.completedOn !== null) {
      completed += 1;
      continue;
    }
    byRag[item.rag] += 1;
    if (isOverdue(item, today)) overdue += 1;
  }
  return { total: items.length, completed, byRag, overdue };
}

/** The LA's own category setting (statementOfAction) and the latest Ofsted inspection's category of concern. */
export type StatementFacts = {
  laCategoryRequiresStatement: boolean;
  latestOfstedCategory: OfstedCategoryOfConcern | null;
};

const ofstedCategoryLabels: Record<OfstedCategoryOfConcern, string> = {
  special_measures: 'special measures',
  serious_weaknesses: 'serious weaknesses',
  requires_significant_improvement: 'requires significant improvement',
};

export const ofstedCategoryLabel = (c: OfstedCategoryOfConcern) => ofstedCategoryLabels[c];

/** Why a Statement of Action is required for this school, or null when an ordinary action plan will do. */
export function statementOfActionReason(facts: StatementFacts): string | null {
  if (facts.latestOfstedCategory)
    return `the school's latest Ofsted inspection placed it in ${ofstedCategoryLabels[facts.latestOfstedCategory]}`;
  if (facts.laCategoryRequiresStatement) return "the school's LA category requires a Statement of Action";
  return null;
}

/**
 * Why the case's plan cannot be started, or null when it can: a plan follows designation, so a candidate waits
 * for the review group's decision and a closed case has none. The page says this instead of offering a form the
 * server would refuse (createPlan's rule).
 */
export function planNotStartableReason(
  status: 'candidate' | 'designated' | 'removed' | 'not_designated',
  words: { meetingName: string; listName: string },
): string | null {
  if (status === 'designated') return null;
  if (status === 'candidate')
    return `The plan is started once the school is designated as causing concern: record the decision to designate it at a ${words.meetingName} meeting, then start the plan here.`;
  return `This case is closed (the school is not on ${words.listName}), so no plan can be started. Open a new case if the school gives cause for concern again.`;
}

/**
 * Only maintained schools get warning notices and intervention powers (academies go to the Regional Director):
 * isMaintainedSchool in server/schools/maintained.ts is the one rule.
 */

export type NoticeKind = 'informal' | 'formal_s60' | 'pay_and_conditions_s60a';
export type NoticeStatus = 'recommended' | 'issued' | 'complied' | 'not_complied' | 'withdrawn';
export const s60Grounds = [
  'unacceptably_low_standards',
  'breakdown_of_management_or_governance',
  'safety_threatened',
] as const;
export type S60Ground = (typeof s60Grounds)[number];

/**
 * Which statuses a notice may move to from its current one. A recommended notice is issued (on the DCS's
 * recorded decision) or withdrawn when the DCS does not take it up; an issued one gets its outcome.
 */
export function nextNoticeStatuses(status: NoticeStatus): NoticeStatus[] {
  if (status === 'recommended') return ['issued', 'withdrawn'];
  if (status === 'issued') return ['complied', 'not_complied', 'withdrawn'];
  return [];
}

/**
 * What stops a notice from being issued, as messages for the user (empty when it may be issued). A formal
 * notice (s60 or s60A) is issued only on the DCS's recorded decision, with a compliance date the issuer sets.
 */
export function issueProblems(input: {
  kind: NoticeKind;
  status: NoticeStatus;
  issuedOn: string | null;
  complianceBy: string | null;
  dcsDecisionOn: string | null;
  dcsDecisionByUserId: string | null;
}): string[] {
  const problems: string[] = [];
  if (input.status !== 'recommended') problems.push('Only a recommended warning notice can be issued.');
  if (!input.issuedOn) problems.push('Enter the date the notice was issued.');
  if (input.kind !== 'informal') {
    if (!input.dcsDecisionOn || !input.dcsDecisionByUserId)
      problems.push(
        'A formal warning notice can only be issued once the DCS decision is recorded: enter the date and who decided.',
      );
    if (!input.complianceBy) problems.push('Enter the date by which the school must comply.');
    else if (input.issuedOn && input.complianceBy <= input.issuedOn)
      problems.push('The compliance date must be after the date the notice was issued.');
  }
  return problems;
}

export type InterventionFacts = {
  maintained: boolean;
  /** Formal notices (s60 or s60A) with their status. */
  notices: readonly { kind: NoticeKind; status: NoticeStatus }[];
  latestOfstedCategory: OfstedCategoryOfConcern | null;
};

/**
 * Whether the school is eligible for intervention (s63–s66): a formal warning notice (s60 or s60A) was not
 * complied with, or the school is in an Ofsted category of concern. Returns the reason either way.
 */
export function interventionEligibility(facts: InterventionFacts): { eligible: boolean; reason: string } {
  if (!facts.maintained)
    return {
      eligible: false,
      reason:
        'Intervention powers apply only to maintained schools. Refer concerns about an academy to the Regional Director.',
    };
  if (facts.notices.some((n) => n.kind !== 'informal' && n.status === 'not_complied'))
    return { eligible: true, reason: 'The school did not comply with a formal warning notice.' };
  if (facts.latestOfstedCategory)
    return {
      eligible: true,
      reason: `The school is in an Ofsted category of concern (${ofstedCategoryLabels[facts.latestOfstedCategory]}).`,
    };
  return {
    eligible: false,
    reason:
      'The school is not eligible for intervention: it has not failed to comply with a formal warning notice and is not in an Ofsted category of concern.',
  };
}

export type PaymentStatus = 'requested' | 'approved' | 'paid' | 'declined';
export type PayeeKind = 'school' | 'other';

/** What stops a budget payment moving to `to` (null when it may). */
export function paymentTransitionProblem(
  payment: { status: PaymentStatus; payeeKind: PayeeKind; dcsApprovedOn: string | null },
  to: PaymentStatus,
): string | null {
  const allowed: Record<PaymentStatus, PaymentStatus[]> = {
    requested: ['approved', 'declined'],
    approved: ['paid', 'declined'],
    paid: [],
    declined: [],
  };
  if (!allowed[payment.status].includes(to)) return `A ${payment.status} payment cannot be marked ${to}.`;
  if ((to === 'approved' || to === 'paid') && payment.payeeKind === 'other' && !payment.dcsApprovedOn)
    return 'A payment to anyone other than the school needs the DCS approval recorded before it can be approved or paid.';
  return null;
}

/** The financial year (April–March) a date falls in, by its start year: 2026-11-23 → 2026 (2026-27). */
export function financialYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

export const financialYearLabel = (start: number) => `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
