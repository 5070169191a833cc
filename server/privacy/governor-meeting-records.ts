import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  governorCommitteeMembers,
  governorCommittees,
  governorMeetingAttendance,
  governorMeetingExpected,
  governorMeetings,
  type GovernorAttendanceStatus,
} from '~/db/schema';
import { attendanceLabels, meetingLabel } from '../governance/meeting-attendance-rules';

/** How an erasure treats meetings, said the same way on the page and in the erasure's result. */
export const meetingsNote =
  'A governor’s attendance at board and committee meetings and their committee memberships stay with the anonymised register entry (they hold no name), so the board’s meeting records still add up; their name is taken out of the notes of their boards’ meetings.';

/**
 * What the boards' meeting records hold about the given register entries: each meeting they were marked at or
 * expected at (a committee's member when it was recorded), with the date, the board or committee and their
 * mark; and the committees they sit on or sat on. Read for the subject-access export and the person's page.
 */
export async function governorMeetingRecords(tx: Tx, governorIds: readonly string[]) {
  if (governorIds.length === 0) return { meetings: [], committees: [] };
  const ids = [...governorIds];
  const [marked, expected, committees] = await Promise.all([
    tx
      .select({
        governorId: governorMeetingAttendance.governorId,
        meeting: governorMeetings,
        status: governorMeetingAttendance.status,
      })
      .from(governorMeetingAttendance)
      .innerJoin(governorMeetings, eq(governorMeetings.id, governorMeetingAttendance.meetingId))
      .where(inArray(governorMeetingAttendance.governorId, ids)),
    tx
      .select({ governorId: governorMeetingExpected.governorId, meeting: governorMeetings })
      .from(governorMeetingExpected)
      .innerJoin(governorMeetings, eq(governorMeetings.id, governorMeetingExpected.meetingId))
      .where(and(inArray(governorMeetingExpected.governorId, ids), eq(governorMeetings.membersListed, true))),
    tx
      .select({
        governorId: governorCommitteeMembers.governorId,
        name: governorCommittees.name,
        since: governorCommitteeMembers.joinedOn,
        leftOn: governorCommitteeMembers.leftOn,
      })
      .from(governorCommitteeMembers)
      .innerJoin(governorCommittees, eq(governorCommittees.id, governorCommitteeMembers.committeeId))
      .where(inArray(governorCommitteeMembers.governorId, ids))
      .orderBy(asc(governorCommittees.name)),
  ]);
  const rows: {
    governorId: string;
    meeting: typeof governorMeetings.$inferSelect;
    status: GovernorAttendanceStatus | null;
  }[] = [
    ...marked,
    ...expected
      .filter((e) => !marked.some((m) => m.governorId === e.governorId && m.meeting.id === e.meeting.id))
      .map((e) => ({ ...e, status: null })),
  ];
  rows.sort((a, b) => a.meeting.heldOn.localeCompare(b.meeting.heldOn));
  return {
    meetings: rows.map((r) => ({
      governorId: r.governorId,
      heldOn: r.meeting.heldOn,
      meeting: meetingLabel(r.meeting),
      of: r.meeting.kind === 'full_board' ? ('full board' as const) : ('committee' as const),
      attendance: r.status ? attendanceLabels[r.status] : 'Not recorded',
    })),
    committees: committees.map((c) => ({
      governorId: c.governorId,
      name: c.name,
      /** The day they joined the committee (yyyy-mm-dd). */
      memberSince: c.since,
      /** The day they were taken off the committee; null while they sit on it. */
      leftOn: c.leftOn,
    })),
  };
}
