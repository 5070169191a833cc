import type { GovernorAttendanceStatus, GovernorCategory, GovernorMeetingKind } from '~/db/schema';
import {
  academicYearEnd,
  academicYearLabel,
  academicYearStart,
  type IsoDate,
} from '../catalogue/academic-year';
import { endedAcademicYear } from '../jobs/job-periods';
import { countOf } from '../format/plural';

/**
 * The rules of board meetings' attendance, as pure functions (unit-tested): who was on the board on a
 * meeting's day, and what the school publishes as a governor's attendance: over the last complete academic
 * year, and the current one so far.
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

/** A member of a committee on a day: joined it on or before the day, and not taken off it before the day. */
export const onCommitteeOn = (membership: { joinedOn: IsoDate; leftOn: IsoDate | null }, day: IsoDate) =>
  membership.joinedOn <= day && (membership.leftOn === null || membership.leftOn >= day);

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

/**
 * Whether a meeting says who it expected, so a member left unmarked is attendance still to record: a full board
 * meeting (everyone on the board that day) or a committee meeting that listed its members. An older committee
 * meeting expects anyone on the board, so someone unmarked there may simply not sit on it: not flagged, not counted.
 */
export const expectsKnown = (m: { kind: GovernorMeetingKind; membersListed: boolean }) =>
  m.kind === 'full_board' || m.membersListed;

/** A span of days, both ends included, named for the reader: "2025/26 academic year", "2026/27 so far". */
export type AttendancePeriod = { label: string; from: IsoDate; to: IsoDate };

/**
 * The periods the school publishes attendance over: the last complete academic year (1 September – 31 August;
 * on 6 December 2026, 2025/26), as the governance handbook asks, and the current year so far, which is what a
 * reader looking for recent attendance expects (a governor appointed since September has nothing in the first).
 */
export function publishedAttendancePeriods(today: IsoDate): {
  lastYear: AttendancePeriod;
  thisYear: AttendancePeriod;
} {
  const last = endedAcademicYear(today);
  const current = last + 1;
  return {
    lastYear: {
      label: `${academicYearLabel(last)} academic year`,
      from: academicYearStart(last),
      to: academicYearEnd(last),
    },
    thisYear: { label: `${academicYearLabel(current)} so far`, from: academicYearStart(current), to: today },
  };
}

/**
 * `expected`: meetings they were marked at (the count's denominator); `notRecorded`: meetings held that
 * expected them where the clerk has not marked them, so neither attended nor missed as far as the record says.
 */
export type AttendanceCount = { attended: number; expected: number; apologies: number; notRecorded: number };

/**
 * A governor's attendance from the marks at the meetings held in the period (a meeting still to come is outside
 * it: a period ends today at the latest). A meeting counts when the clerk
 * marked them at it: present is attended; apologies and absent are expected but not attended. A meeting held
 * that expected them (`expectsKnown`) but where they were never marked is counted apart as not recorded: it is
 * not taken as missed (the record does not say so), nor dropped without a word. A committee they do not sit on
 * is neither.
 */
export function countAttendance(
  marks: readonly { heldOn: IsoDate; status: GovernorAttendanceStatus }[],
  period: { from: IsoDate; to: IsoDate },
  unmarked: readonly { heldOn: IsoDate }[] = [],
): AttendanceCount {
  const { from, to } = period;
  const inWindow = (m: { heldOn: IsoDate }) => m.heldOn >= from && m.heldOn <= to;
  const counted = marks.filter(inWindow);
  return {
    attended: counted.filter((m) => m.status === 'present').length,
    expected: counted.length,
    apologies: counted.filter((m) => m.status === 'apologies').length,
    notRecorded: unmarked.filter(inWindow).length,
  };
}

/**
 * "5 of 6 meetings (1 apology)"; with meetings whose attendance the clerk has not recorded, "3 of 4 meetings;
 * 1 more not recorded"; "Not recorded at 2 meetings" when none of theirs is; "None recorded" when they were
 * expected at no meeting.
 */
export function attendanceText(count: AttendanceCount): string {
  const more = count.notRecorded;
  if (count.expected === 0) return more > 0 ? `Not recorded at ${countOf(more, 'meeting')}` : 'None recorded';
  const apologies = count.apologies > 0 ? ` (${countOf(count.apologies, 'apology', 'apologies')})` : '';
  const unrecorded = more > 0 ? `; ${more} more not recorded` : '';
  return `${count.attended} of ${countOf(count.expected, 'meeting')}${apologies}${unrecorded}`;
}
