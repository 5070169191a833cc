import { additionalSequenceStart, type IsoDate } from './plan-visits';

/** Whether the school is keeping up with its plan: pure sums over one school's visits of the year. */

export type ProgressVisit = {
  schoolId: string;
  sequence: number;
  status: 'planned' | 'done' | 'cancelled';
  dueBy: IsoDate;
};

export const isOverdue = (visit: { status: string; dueBy: IsoDate }, today: IsoDate) =>
  visit.status === 'planned' && visit.dueBy < today;

export type SchoolProgress = {
  schoolId: string;
  planned: number;
  done: number;
  expected: number;
  shortfall: number;
  overdue: number;
};

/** Each school's progress; the under-served are those whose done visits are behind the pro-rata expectation. */
export function progressBySchool(visits: readonly ProgressVisit[], today: IsoDate): SchoolProgress[] {
  const bySchool = new Map<string, ProgressVisit[]>();
  for (const v of visits) bySchool.set(v.schoolId, [...(bySchool.get(v.schoolId) ?? []), v]);
  return [...bySchool.entries()].map(([schoolId, own]) => {
    const planned = own.filter(
      (v) => v.sequence < additionalSequenceStart && v.status !== 'cancelled',
    ).length;
    const done = own.filter((v) => v.status === 'done').length;
    // What the plan said should be done by now: a plan spreads its visits over the weeks it covers (the whole
    // year, or what was left of it when the school joined), so this is the plan's own pro rata.
    const expected = own.filter(
      (v) => v.sequence < additionalSequenceStart && v.status !== 'cancelled' && v.dueBy <= today,
    ).length;
    return {
      schoolId,
      planned,
      done,
      expected,
      shortfall: Math.max(0, expected - done),
      overdue: own.filter((v) => isOverdue(v, today)).length,
    };
  });
}

export function underServed(visits: readonly ProgressVisit[], today: IsoDate): SchoolProgress[] {
  return progressBySchool(visits, today)
    .filter((p) => p.shortfall > 0)
    .sort((a, b) => b.shortfall - a.shortfall);
}

/** Most behind first; equally behind schools by name, so the list reads the same every time. */
export const worstFirst = (
  a: { shortfall: number; schoolName: string },
  b: { shortfall: number; schoolName: string },
) => b.shortfall - a.shortfall || a.schoolName.localeCompare(b.schoolName, 'en-GB');
