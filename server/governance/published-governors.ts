import type { Tx } from '~/db/client';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { assertMayReadSchool } from './board-access';
import { isCurrent, servedWithinYear } from './board-rules';
import { listBoardMembers, loadSchoolWithConstitution } from './load-board';
import { otherBoardsOf } from './list-current-governors';
import { marksBetween } from './list-board-meetings';
import {
  attendanceText,
  countAttendance,
  publishedAttendancePeriods,
  type AttendancePeriod,
} from './meeting-attendance-rules';

/**
 * What the school must publish: everyone who served in the last 12 months, with appointment date, term,
 * date stepped down, appointing body, business and pecuniary interests (other boards included), attendance.
 * No contact details. Attendance is counted from the meetings the clerk recorded, over the last complete
 * academic year (what the governance handbook asks for) and the current one so far
 * (`publishedAttendancePeriods`); a school that recorded none since the last year began still shows the
 * attendance typed on each entry (`attendanceSource`).
 */
export async function publishedGovernors(tx: Tx, actor: Actor, input: { schoolId: string; today: IsoDate }) {
  assertMayReadSchool(actor, input.schoolId);
  const [school, members] = await Promise.all([
    loadSchoolWithConstitution(tx, input.schoolId),
    listBoardMembers(tx, input.schoolId),
  ]);
  const periods = publishedAttendancePeriods(input.today);
  const recorded = await marksBetween(
    tx,
    input.schoolId,
    { from: periods.lastYear.from, to: periods.thisYear.to },
    members,
  );
  const fromMeetings = recorded.meetingsHeld > 0;
  const listed = members.filter((m) => m.category !== 'clerk' && servedWithinYear(m, input.today));
  const others = await otherBoardsOf(
    tx,
    listed.filter((m) => isCurrent(m, input.today)),
    input.today,
  );
  const attendanceOf = (governorId: string, period: AttendancePeriod) =>
    attendanceText(
      countAttendance(
        recorded.marks.filter((x) => x.governorId === governorId),
        period,
        recorded.unmarked.filter((x) => x.governorId === governorId),
      ),
    );
  return {
    schoolName: school.name,
    /** `meetings`: counted from the recorded meetings; `typed`: none recorded in the periods, as typed. */
    attendanceSource: fromMeetings ? ('meetings' as const) : ('typed' as const),
    /** The last complete academic year and the current one so far, each with the meetings held in it. */
    periods: {
      lastYear: { ...periods.lastYear, held: heldIn(recorded.meetings, periods.lastYear) },
      thisYear: { ...periods.thisYear, held: heldIn(recorded.meetings, periods.thisYear) },
    },
    governors: listed.map((m) => ({
      id: m.id,
      name: m.name,
      category: m.category,
      office: m.office,
      appointingBody: m.appointingBody,
      appointedOn: m.appointedOn,
      termYears: m.termYears,
      termEndsOn: m.termEndsOn,
      steppedDownOn: m.steppedDownOn,
      businessInterests: m.businessInterests,
      businessInterestsUrl: m.businessInterestsUrl,
      otherBoards: (others.get(m.id) ?? []).map((o) => o.schoolName),
      /** Over the last complete academic year; as typed on the entry when no meeting is recorded. */
      attendance: fromMeetings ? attendanceOf(m.id, periods.lastYear) : m.attendance,
      /** Over the current academic year so far; null when the typed attendance is shown. */
      attendanceThisYear: fromMeetings ? attendanceOf(m.id, periods.thisYear) : null,
    })),
  };
}

const heldIn = (meetings: readonly { heldOn: IsoDate }[], period: AttendancePeriod) =>
  meetings.filter((m) => m.heldOn >= period.from && m.heldOn <= period.to).length;
