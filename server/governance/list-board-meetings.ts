import { and, asc, desc, eq, gte, lte } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { governorMeetingAttendance, governorMeetings, type GovernorAttendanceStatus } from '~/db/schema';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { assertMayReadSchool, mayManageBoard } from './board-access';
import { findMeeting } from './keep-board-meetings';
import { listBoardMembers, loadSchoolWithConstitution } from './load-board';
import { meetingLabel, onBoardOn, publishedWindow } from './meeting-attendance-rules';

/**
 * A board's meetings, newest first, each with how many were marked present, with apologies, absent and not
 * recorded among those on the board that day. Anyone of the school reads them; `mayEdit` says whether the
 * caller keeps them (the register's keepers).
 */
export async function listBoardMeetings(tx: Tx, actor: Actor, input: { schoolId: string; today: IsoDate }) {
  assertMayReadSchool(actor, input.schoolId);
  const [school, members, meetings, marks, mayEdit] = await Promise.all([
    loadSchoolWithConstitution(tx, input.schoolId),
    listBoardMembers(tx, input.schoolId),
    tx
      .select()
      .from(governorMeetings)
      .where(eq(governorMeetings.schoolId, input.schoolId))
      .orderBy(desc(governorMeetings.heldOn), asc(governorMeetings.createdAt)),
    tx
      .select({ meetingId: governorMeetingAttendance.meetingId, status: governorMeetingAttendance.status })
      .from(governorMeetingAttendance)
      .innerJoin(governorMeetings, eq(governorMeetings.id, governorMeetingAttendance.meetingId))
      .where(eq(governorMeetings.schoolId, input.schoolId)),
    mayManageBoard(tx, actor, input.schoolId),
  ]);
  const { from } = publishedWindow(input.today);
  return {
    school: { id: school.id, name: school.name },
    mayEdit,
    /** Meetings held in the last 12 months: when there are any, published attendance is counted from them. */
    heldInWindow: meetings.filter((m) => m.heldOn >= from && m.heldOn <= input.today).length,
    meetings: meetings.map((m) => {
      const at = marks.filter((x) => x.meetingId === m.id);
      const count = (s: GovernorAttendanceStatus) => at.filter((x) => x.status === s).length;
      const onBoard = members.filter((g) => onBoardOn(g, m.heldOn)).length;
      return {
        id: m.id,
        heldOn: m.heldOn,
        kind: m.kind,
        committeeName: m.committeeName,
        label: meetingLabel(m),
        notes: m.notes,
        upcoming: m.heldOn > input.today,
        present: count('present'),
        apologies: count('apologies'),
        absent: count('absent'),
        notRecorded: Math.max(0, onBoard - at.length),
      };
    }),
  };
}

/** One meeting with the board's members that day (the clerk excluded) and each one's mark, if any. */
export async function getBoardMeeting(tx: Tx, actor: Actor, input: { meetingId: string; today: IsoDate }) {
  const meeting = await findMeeting(tx, input.meetingId);
  assertMayReadSchool(actor, meeting.schoolId);
  const [school, members, marks, mayEdit] = await Promise.all([
    loadSchoolWithConstitution(tx, meeting.schoolId),
    listBoardMembers(tx, meeting.schoolId),
    tx
      .select({ governorId: governorMeetingAttendance.governorId, status: governorMeetingAttendance.status })
      .from(governorMeetingAttendance)
      .where(eq(governorMeetingAttendance.meetingId, meeting.id)),
    mayManageBoard(tx, actor, meeting.schoolId),
  ]);
  return {
    school: { id: school.id, name: school.name },
    mayEdit,
    meeting: {
      id: meeting.id,
      heldOn: meeting.heldOn,
      kind: meeting.kind,
      committeeName: meeting.committeeName,
      notes: meeting.notes,
      label: meetingLabel(meeting),
      upcoming: meeting.heldOn > input.today,
    },
    members: members
      // A mark left from before a correction to the register still shows, so it can be cleared.
      .filter((g) => onBoardOn(g, meeting.heldOn) || marks.some((x) => x.governorId === g.id))
      .map((g) => ({
        governorId: g.id,
        name: g.name,
        category: g.category,
        office: g.office,
        status: marks.find((x) => x.governorId === g.id)?.status ?? null,
      })),
  };
}

/** Each member's marks at the school's meetings held in the published window (the last 12 months). */
export async function marksInWindow(tx: Tx, schoolId: string, today: IsoDate) {
  const { from, to } = publishedWindow(today);
  const inWindow = and(
    eq(governorMeetings.schoolId, schoolId),
    gte(governorMeetings.heldOn, from),
    lte(governorMeetings.heldOn, to),
  );
  const [meetings, marks] = await Promise.all([
    tx.select({ id: governorMeetings.id }).from(governorMeetings).where(inWindow),
    tx
      .select({
        governorId: governorMeetingAttendance.governorId,
        heldOn: governorMeetings.heldOn,
        status: governorMeetingAttendance.status,
      })
      .from(governorMeetingAttendance)
      .innerJoin(governorMeetings, eq(governorMeetings.id, governorMeetingAttendance.meetingId))
      .where(inWindow),
  ]);
  return { meetingsHeld: meetings.length, marks };
}
