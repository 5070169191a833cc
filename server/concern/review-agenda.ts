/**
 * The review meeting's agenda, generated from the register: new candidates to decide on, designated schools
 * due their review by the meeting date, and schools whose action plan has overdue or red-rated items.
 */
export type AgendaReason = 'new_candidate' | 'review_due' | 'overdue_actions';

export const agendaReasonLabels: Record<AgendaReason, string> = {
  new_candidate: 'New candidate: decide whether to designate',
  review_due: 'Designated: review due',
  overdue_actions: 'Action plan items overdue or rated red',
};

export type AgendaCase = {
  caseId: string;
  schoolId: string;
  schoolName: string;
  status: 'candidate' | 'designated' | 'removed' | 'not_designated';
  nextReviewOn: string | null;
};

export type AgendaPlanItem = {
  caseId: string;
  dueOn: string;
  completedOn: string | null;
  rag: 'red' | 'amber' | 'green';
};

export type AgendaItem = AgendaCase & { reasons: AgendaReason[]; overdueItems: number };

const order: Record<AgendaReason, number> = { new_candidate: 0, review_due: 1, overdue_actions: 2 };

/** An item is overdue on the meeting date when its due date has passed and it is not done, or it is red. */
export function isOverdue(item: AgendaPlanItem, meetingOn: string): boolean {
  if (item.completedOn) return false;
  return item.dueOn < meetingOn || item.rag === 'red';
}

export function buildAgenda(input: {
  meetingOn: string;
  cases: readonly AgendaCase[];
  planItems: readonly AgendaPlanItem[];
}): AgendaItem[] {
  const overdue = new Map<string, number>();
  for (const item of input.planItems)
    if (isOverdue(item, input.meetingOn)) overdue.set(item.caseId, (overdue.get(item.caseId) ?? 0) + 1);
  const items: AgendaItem[] = [];
  for (const c of input.cases) {
    const reasons: AgendaReason[] = [];
    if (c.status === 'candidate') reasons.push('new_candidate');
    if (c.status === 'designated' && c.nextReviewOn !== null && c.nextReviewOn <= input.meetingOn)
      reasons.push('review_due');
    const overdueItems =
      c.status === 'designated' || c.status === 'candidate' ? (overdue.get(c.caseId) ?? 0) : 0;
    if (overdueItems > 0) reasons.push('overdue_actions');
    if (reasons.length > 0) items.push({ ...c, reasons, overdueItems });
  }
  return items.sort(
    (a, b) =>
      order[a.reasons[0] ?? 'overdue_actions'] - order[b.reasons[0] ?? 'overdue_actions'] ||
      a.schoolName.localeCompare(b.schoolName),
  );
}

/** ISO date plus whole days. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The date to suggest for the next meeting: one cadence after the last meeting, or today when there has been
 * none or that date has already passed (a missed meeting is held as soon as possible, not skipped).
 */
export function suggestNextMeetingOn(input: {
  lastMeetingOn: string | null;
  cadenceDays: number;
  today: string;
}): string {
  if (!input.lastMeetingOn) return input.today;
  const next = addDays(input.lastMeetingOn, input.cadenceDays);
  return next < input.today ? input.today : next;
}
