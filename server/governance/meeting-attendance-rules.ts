import type { GovernorAttendanceStatus, GovernorCategory, GovernorMeetingKind } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import { countOf } from '../format/plural';
import { addDays } from './board-rules';

/**
 * The rules of board meetings' attendance, as pure functions (unit-tested): who was on the board on a
 * meeting's day, and what the school publishes as a governor's attendance over the last 12 months.
 */

/** How a mark reads, on the form and in sentences. */
export const attendanceLabels: Record<GovernorAttendanceStatus, string> = {
  present: 'Present',
  apologies: 'Apologies accepted',
  absent: 'Absent',
};

/** "Full board meeting", "Finance and resources committee". */
export function meetingLabel(m: { kind: GovernorMeetingKind; committeeName: string }): string {
  if (m.kind === 'full_board') return 'Full board meeting';
  const name = m.committeeName.trim();
  return /committee$/i.test(name) ? name : `${name} committee`;
}

type Member = {
  category: GovernorCategory;
  appointedOn: IsoDate;
  steppedDownOn: IsoDate | null;
  termEndsOn: IsoDate | null;
};

/**
 * On the board on the day of a meeting: appointed on or before it, not stepped down before it (a governor who
 * stepped down that day may have come to it), term not over; the clerk serves the board and is not marked.
 */
export const onBoardOn = (m: Member, day: IsoDate) =>
  m.category !== 'clerk' &&
  m.appointedOn <= day &&
  (m.steppedDownOn === null || m.steppedDownOn >= day) &&
  (m.termEndsOn === null || m.termEndsOn >= day);

/**
 * Expected at a meeting, so listed on its attendance form and counted when marked: for a committee meeting
 * recorded since committees are kept, its members as listed when it was recorded (and on the board that day);
 * for the full board, or an older committee meeting, everyone on the board that day.
 */
export const expectedAt = (
  meeting: { heldOn: IsoDate; membersListed: boolean },
  member: Member & { id: string },
  listed: ReadonlySet<string>,
) => onBoardOn(member, meeting.heldOn) && (!meeting.membersListed || listed.has(member.id));

/** The window of the published information: the last 12 months, as `servedWithinYear` reads them. */
export const publishedWindow = (today: IsoDate) => ({ from: addDays(today, -365), to: today });

export type AttendanceCount = { attended: number; expected: number; apologies: number };

/**
 * A governor's attendance from the marks at the meetings held in the window. A meeting counts when the clerk
 * marked them at it: present is attended; apologies and absent are expected but not attended. An unmarked
 * meeting is not recorded (a committee they do not sit on, or not yet marked) and does not count.
 */
export function countAttendance(
  marks: readonly { heldOn: IsoDate; status: GovernorAttendanceStatus }[],
  today: IsoDate,
): AttendanceCount {
  const { from, to } = publishedWindow(today);
  const counted = marks.filter((m) => m.heldOn >= from && m.heldOn <= to);
  return {
    attended: counted.filter((m) => m.status === 'present').length,
    expected: counted.length,
    apologies: counted.filter((m) => m.status === 'apologies').length,
  };
}

/** "5 of 6 meetings (1 apology)"; "None recorded" when they were marked at no meeting. */
export function attendanceText(count: AttendanceCount): string {
  if (count.expected === 0) return 'None recorded';
  const apologies = count.apologies > 0 ? ` (${countOf(count.apologies, 'apology', 'apologies')})` : '';
  return `${count.attended} of ${countOf(count.expected, 'meeting')}${apologies}`;
}
