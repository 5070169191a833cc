import type { Tx } from '~/db/client';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { assertMayReadSchool } from './board-access';
import { isCurrent, servedWithinYear } from './board-rules';
import { listBoardMembers, loadSchoolWithConstitution } from './load-board';
import { otherBoardsOf } from './list-current-governors';
import { marksInWindow } from './list-board-meetings';
import { attendanceText, countAttendance } from './meeting-attendance-rules';

/**
 * What the school must publish: everyone who served in the last 12 months, with appointment date, term,
 * date stepped down, appointing body, business and pecuniary interests (other boards included), attendance.
 * No contact details. Attendance is counted from the meetings the clerk recorded in the same 12 months; a
 * school that recorded none there still shows the attendance typed on each entry (`attendanceSource`).
 */
export async function publishedGovernors(tx: Tx, actor: Actor, input: { schoolId: string; today: IsoDate }) {
  assertMayReadSchool(actor, input.schoolId);
  const [school, members] = await Promise.all([
    loadSchoolWithConstitution(tx, input.schoolId),
    listBoardMembers(tx, input.schoolId),
  ]);
  const recorded = await marksInWindow(tx, input.schoolId, input.today, members);
  const fromMeetings = recorded.meetingsHeld > 0;
  const listed = members.filter((m) => m.category !== 'clerk' && servedWithinYear(m, input.today));
  const others = await otherBoardsOf(
    tx,
    listed.filter((m) => isCurrent(m, input.today)),
    input.today,
  );
  return {
    schoolName: school.name,
    /** `meetings`: counted from the recorded meetings; `typed`: none recorded in the window, as typed. */
    attendanceSource: fromMeetings ? ('meetings' as const) : ('typed' as const),
    meetingsHeld: recorded.meetingsHeld,
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
      attendance: fromMeetings
        ? attendanceText(
            countAttendance(
              recorded.marks.filter((x) => x.governorId === m.id),
              input.today,
              recorded.unmarked.filter((x) => x.governorId === m.id),
            ),
          )
        : m.attendance,
    })),
  };
}
