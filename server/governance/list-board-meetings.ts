import { and, asc, desc, eq, exists, gte, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  governorMeetingAttendance,
  governorMeetingExpected,
  governorMeetings,
  type GovernorAttendanceStatus,
} from '~/db/schema';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { assertMayReadSchool, mayManageBoard } from './board-access';
import { expectedIdsOf, findMeeting } from './keep-board-meetings';
import { committeesOfSchool } from './keep-committees';
import { listBoardMembers, loadSchoolWithConstitution } from './load-board';
import {
  expectedAt,
  expectsKnown,
  meetingLabel,
  publishedAttendancePeriods,
} from './meeting-attendance-rules';

/**
 * A board's meetings, newest first, each with how many were marked present, with apologies, absent and not
 * recorded among those on the board that day. Anyone of the school reads them; `mayEdit` says whether the
 * caller keeps them (the register's keepers).
 */
export async function listBoardMeetings(tx: Tx, actor: Actor, input: { schoolId: string; today: IsoDate }) {
  assertMayReadSchool(actor, input.schoolId);
  const [school, members, meetings, marks, listed, committees, mayEdit] = await Promise.all([
    loadSchoolWithConstitution(tx, input.schoolId),
    listBoardMembers(tx, input.schoolId),
    tx
      .select()
      .from(governorMeetings)
      .where(eq(governorMeetings.schoolId, input.schoolId))
      .orderBy(desc(governorMeetings.heldOn), asc(governorMeetings.createdAt)),
    tx
      .select({
        meetingId: governorMeetingAttendance.meetingId,
        governorId: governorMeetingAttendance.governorId,
        status: governorMeetingAttendance.status,
      })
      .from(governorMeetingAttendance)
      .innerJoin(governorMeetings, eq(governorMeetings.id, governorMeetingAttendance.meetingId))
      .where(eq(governorMeetings.schoolId, input.schoolId)),
    tx
      .select({
        meetingId: governorMeetingExpected.meetingId,
        governorId: governorMeetingExpected.governorId,
      })
      .from(governorMeetingExpected)
      .innerJoin(governorMeetings, eq(governorMeetings.id, governorMeetingExpected.meetingId))
      .where(eq(governorMeetings.schoolId, input.schoolId)),
    committeesOfSchool(tx, input.schoolId, input.today),
    mayManageBoard(tx, actor, input.schoolId),
  ]);
  const periods = publishedAttendancePeriods(input.today);
  const heldIn = (p: { from: IsoDate; to: IsoDate }) =>
    meetings.filter((m) => m.heldOn >= p.from && m.heldOn <= p.to).length;
  return {
    school: { id: school.id, name: school.name },
    mayEdit,
    /**
     * The periods the published attendance covers (the last academic year, this one so far), each with the
     * meetings held in it: when there are some, published attendance is counted from them.
     */
    published: {
      lastYear: { ...periods.lastYear, held: heldIn(periods.lastYear) },
      thisYear: { ...periods.thisYear, held: heldIn(periods.thisYear) },
    },
    /** The board's committees, for the meeting form and the committees link. */
    committees: committees.map(committeeChoice),
    meetings: meetings.map((m) => {
      const at = marks.filter((x) => x.meetingId === m.id);
      const count = (s: GovernorAttendanceStatus) => at.filter((x) => x.status === s).length;
      const ids = new Set(listed.filter((x) => x.meetingId === m.id).map((x) => x.governorId));
      const expected = members.filter((g) => expectedAt(m, g, ids));
      const notRecorded = expected.filter((g) => !at.some((x) => x.governorId === g.id)).length;
      return {
        id: m.id,
        heldOn: m.heldOn,
        kind: m.kind,
        committeeId: m.committeeId,
        committeeName: m.committeeName,
        label: meetingLabel(m),
        notes: m.notes,
        upcoming: m.heldOn > input.today,
        present: count('present'),
        apologies: count('apologies'),
        absent: count('absent'),
        notRecorded,
        /** Members it expected who are still to be marked, for the clerk: only where who it expected is known. */
        toRecord: m.heldOn <= input.today && expectsKnown(m) ? notRecorded : 0,
      };
    }),
  };
}

/**
 * One meeting with those it expected (`expectedAt`: the committee's members as listed when it was recorded, or
 * the board's members that day, the clerk excluded) and each one's mark, if any.
 */
export async function getBoardMeeting(tx: Tx, actor: Actor, input: { meetingId: string; today: IsoDate }) {
  const meeting = await findMeeting(tx, input.meetingId);
  assertMayReadSchool(actor, meeting.schoolId);
  const [school, members, marks, listed, committees, mayEdit] = await Promise.all([
    loadSchoolWithConstitution(tx, meeting.schoolId),
    listBoardMembers(tx, meeting.schoolId),
    tx
      .select({ governorId: governorMeetingAttendance.governorId, status: governorMeetingAttendance.status })
      .from(governorMeetingAttendance)
      .where(eq(governorMeetingAttendance.meetingId, meeting.id)),
    expectedIdsOf(tx, meeting.id),
    committeesOfSchool(tx, meeting.schoolId, input.today),
    mayManageBoard(tx, actor, meeting.schoolId),
  ]);
  const expected = members.filter((g) => expectedAt(meeting, g, listed));
  return {
    school: { id: school.id, name: school.name },
    mayEdit,
    /** Those it expected still to be marked, once it has been held and where who it expected is known. */
    toRecord:
      meeting.heldOn <= input.today && expectsKnown(meeting)
        ? expected.filter((g) => !marks.some((x) => x.governorId === g.id)).length
        : 0,
    meeting: {
      id: meeting.id,
      heldOn: meeting.heldOn,
      kind: meeting.kind,
      committeeId: meeting.committeeId,
      committeeName: meeting.committeeName,
      /** Its committee's members were listed when it was recorded (else everyone on the board that day). */
      membersListed: meeting.membersListed,
      notes: meeting.notes,
      label: meetingLabel(meeting),
      upcoming: meeting.heldOn > input.today,
    },
    committees: committees.map(committeeChoice),
    members: members
      // A mark left from before a correction to the register still shows, so it can be cleared.
      .filter((g) => expectedAt(meeting, g, listed) || marks.some((x) => x.governorId === g.id))
      .map((g) => ({
        governorId: g.id,
        name: g.name,
        category: g.category,
        office: g.office,
        status: marks.find((x) => x.governorId === g.id)?.status ?? null,
      })),
  };
}

/**
 * Each member's marks at the school's meetings held in a span of days (the published periods), and the
 * meetings there that expected them (`expectsKnown`, `expectedAt`) where they are not marked: attendance not
 * recorded, counted apart in the published attendance.
 */
export async function marksBetween(
  tx: Tx,
  schoolId: string,
  span: { from: IsoDate; to: IsoDate },
  members: readonly Parameters<typeof expectedAt>[1][],
) {
  const { from, to } = span;
  const inWindow = and(
    eq(governorMeetings.schoolId, schoolId),
    gte(governorMeetings.heldOn, from),
    lte(governorMeetings.heldOn, to),
  );
  const [meetings, marks, listed] = await Promise.all([
    tx
      .select({
        id: governorMeetings.id,
        heldOn: governorMeetings.heldOn,
        kind: governorMeetings.kind,
        membersListed: governorMeetings.membersListed,
      })
      .from(governorMeetings)
      .where(inWindow),
    tx
      .select({
        meetingId: governorMeetingAttendance.meetingId,
        governorId: governorMeetingAttendance.governorId,
        heldOn: governorMeetings.heldOn,
        status: governorMeetingAttendance.status,
      })
      .from(governorMeetingAttendance)
      .innerJoin(governorMeetings, eq(governorMeetings.id, governorMeetingAttendance.meetingId))
      .where(
        and(
          inWindow,
          // A committee meeting counts for those it expected (a mark left from before a correction does not).
          or(
            eq(governorMeetings.membersListed, false),
            exists(
              tx
                .select({ one: sql`1` })
                .from(governorMeetingExpected)
                .where(
                  and(
                    eq(governorMeetingExpected.meetingId, governorMeetingAttendance.meetingId),
                    eq(governorMeetingExpected.governorId, governorMeetingAttendance.governorId),
                  ),
                ),
            ),
          ),
        ),
      ),
    tx
      .select({
        meetingId: governorMeetingExpected.meetingId,
        governorId: governorMeetingExpected.governorId,
      })
      .from(governorMeetingExpected)
      .innerJoin(governorMeetings, eq(governorMeetings.id, governorMeetingExpected.meetingId))
      .where(inWindow),
  ]);
  const unmarked = meetings.filter(expectsKnown).flatMap((m) => {
    const ids = new Set(listed.filter((x) => x.meetingId === m.id).map((x) => x.governorId));
    return members
      .filter(
        (g) => expectedAt(m, g, ids) && !marks.some((x) => x.meetingId === m.id && x.governorId === g.id),
      )
      .map((g) => ({ governorId: g.id, heldOn: m.heldOn }));
  });
  return { meetingsHeld: meetings.length, meetings, marks, unmarked };
}

/** A committee as the meeting form offers it: its name and how many members it has now. */
const committeeChoice = (c: Awaited<ReturnType<typeof committeesOfSchool>>[number]) => ({
  id: c.id,
  name: c.name,
  label: c.label,
  members: c.members.length,
});
