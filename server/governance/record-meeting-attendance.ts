import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { governorMeetingAttendance } from '~/db/schema';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { DomainError } from '../errors/domain-error';
import { longDate } from '../format/dates';
import { assertMayManageBoard } from './board-access';
import { expectedIdsOf, findMeeting, membersOfBoard } from './keep-board-meetings';
import { expectedAt, meetingLabel, onBoardOn } from './meeting-attendance-rules';
import type { TRecordAttendanceInput } from './meeting-inputs';

/**
 * Saves the attendance form of one meeting: a mark per member sent (present, apologies accepted, absent), or
 * none (not recorded). Only those the meeting expected may be marked (`expectedAt`: the committee's members as
 * listed when it was recorded, or everyone on the board that day); the clerk is not. Members not sent keep their marks.
 */
export async function recordMeetingAttendance(
  tx: Tx,
  actor: Actor,
  input: TRecordAttendanceInput & { today: IsoDate },
) {
  const meeting = await findMeeting(tx, input.meetingId);
  await assertMayManageBoard(tx, actor, meeting.schoolId);
  if (meeting.heldOn > input.today)
    throw new DomainError({
      code: 'CONFLICT',
      message: `This meeting is on ${longDate(meeting.heldOn)}: attendance can be recorded once it has been held.`,
    });
  const ids = input.marks.map((m) => m.governorId);
  if (new Set(ids).size !== ids.length)
    throw new DomainError({ code: 'BAD_REQUEST', field: 'marks', message: 'Each person is marked once.' });
  const [members, listed] = await Promise.all([
    membersOfBoard(tx, meeting.schoolId, ids),
    expectedIdsOf(tx, meeting.id),
  ]);
  for (const [i, mark] of input.marks.entries()) {
    const member = members.find((m) => m.id === mark.governorId);
    if (!member || expectedAt(meeting, member, listed) || mark.status === null) continue;
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: `marks.${i}.status`,
      message:
        member.category === 'clerk'
          ? `${member.name} is the clerk: the clerk’s attendance is not recorded.`
          : !onBoardOn(member, meeting.heldOn)
            ? `${member.name} was not on the board on ${longDate(meeting.heldOn)}, so cannot be marked at this meeting.`
            : `${member.name} was not a member of the ${meetingLabel(meeting)} on ${longDate(meeting.heldOn)}, so cannot be marked at it.`,
    });
  }
  const cleared = input.marks.filter((m) => m.status === null).map((m) => m.governorId);
  if (cleared.length > 0)
    await tx
      .delete(governorMeetingAttendance)
      .where(
        and(
          eq(governorMeetingAttendance.meetingId, meeting.id),
          inArray(governorMeetingAttendance.governorId, cleared),
        ),
      );
  const marked = input.marks.flatMap((m) =>
    m.status === null
      ? []
      : [{ tenantId: actor.tenantId, meetingId: meeting.id, governorId: m.governorId, status: m.status }],
  );
  if (marked.length > 0)
    await tx
      .insert(governorMeetingAttendance)
      .values(marked)
      .onConflictDoUpdate({
        target: [
          governorMeetingAttendance.tenantId,
          governorMeetingAttendance.meetingId,
          governorMeetingAttendance.governorId,
        ],
        set: { status: sql`excluded.status`, updatedAt: sql`now()` },
      });
  return {
    meetingId: meeting.id,
    present: marked.filter((m) => m.status === 'present').length,
    apologies: marked.filter((m) => m.status === 'apologies').length,
    absent: marked.filter((m) => m.status === 'absent').length,
  };
}
