import { additionalSequenceStart, schoolWeeks, type IsoDate } from './plan-visits';

/** Whether the school is keeping up with its plan: pure sums over one school's visits of the year. */

export type ProgressVisit = {
  schoolId: string;
  sequence: number;
  status: 'planned' | 'done' | 'cancelled';
  dueBy: IsoDate;
};

export const isOverdue = (visit: { status: string; dueBy: IsoDate }, today: IsoDate) =>
  visit.status === 'planned' && visit.dueBy < today;

/** School weeks of the year that have begun by `today` (0 before the first, 39 after the last). */
export function schoolWeeksElapsed(academicYear: number, today: IsoDate): number {
  return schoolWeeks(academicYear).filter((monday) => monday <= today).length;
}

/** Visits a school should have had by `today`: its planned count pro rata to the school weeks gone. */
export function expectedSoFar(plannedCount: number, academicYear: number, today: IsoDate): number {
  return Math.floor((plannedCount * schoolWeeksElapsed(academicYear, today)) / 39);
}

export type SchoolProgress = {
  schoolId: string;
  planned: number;
  done: number;
  expected: number;
  shortfall: number;
  overdue: number;
};

/** Each school's progress; the under-served are those whose done visits are behind the pro-rata expectation. */
export function progressBySchool(
  visits: readonly ProgressVisit[],
  academicYear: number,
  today: IsoDate,
): SchoolProgress[] {
  const bySchool = new Map<string, ProgressVisit[]>();
  for (const v of visits) bySchool.set(v.schoolId, [...(bySchool.get(v.schoolId) ?? []), v]);
  return [...bySchool.entries()].map(([schoolId, own]) => {
    const planned = own.filter(
      (v) => v.sequence < additionalSequenceStart && v.status !== 'cancelled',
    ).length;
    const done = own.filter((v) => v.status === 'done').length;
    const expected = expectedSoFar(planned, academicYear, today);
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

export function underServed(
  visits: readonly ProgressVisit[],
  academicYear: number,
  today: IsoDate,
): SchoolProgress[] {
  return progressBySchool(visits, academicYear, today)
    .filter((p) => p.shortfall > 0)
    .sort((a, b) => b.shortfall - a.shortfall);
}

/** Most behind first; equally behind schools by name, so the list reads the same every time. */
export const worstFirst = (
  a: { shortfall: number; schoolName: string },
  b: { shortfall: number; schoolName: string },
) => b.shortfall - a.shortfall || a.schoolName.localeCompare(b.schoolName, 'en-GB');
