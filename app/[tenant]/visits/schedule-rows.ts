import type { PlannerVisit } from '~/server/monitoring/visit-planner';

/** What a schedule row shows: the page sends only these fields to the browser. */
export type ScheduleRow = Pick<
  PlannerVisit,
  | 'id'
  | 'schoolName'
  | 'sequence'
  | 'kind'
  | 'reason'
  | 'dueBy'
  | 'status'
  | 'completedOn'
  | 'adviserName'
  | 'overdue'
>;

export const scheduleRow = (v: PlannerVisit): ScheduleRow => ({
  id: v.id,
  schoolName: v.schoolName,
  sequence: v.sequence,
  kind: v.kind,
  reason: v.reason,
  dueBy: v.dueBy,
  status: v.status,
  completedOn: v.completedOn,
  adviserName: v.adviserName,
  overdue: v.overdue,
});
