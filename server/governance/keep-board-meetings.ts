import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { governorMeetingAttendance, governorMeetings, governors } from '~/db/schema';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { DomainError } from '../errors/domain-error';
import { longDate } from '../format/dates';
import { assertMayManageBoard } from './board-access';
import { loadSchoolWithConstitution } from './load-board';
import { meetingLabel, onBoardOn } from './meeting-attendance-rules';
import type { TAddMeetingInput, TMeetingInput, TUpdateMeetingInput } from './meeting-inputs';

/**
 * The clerk (or whoever keeps the register) records the board's meetings: adds, corrects and deletes them.
 * Attendance is marked on each meeting (`record-meeting-attendance.ts`).
 */

const valuesOf = (m: TMeetingInput) => ({
  heldOn: m.heldOn,
  kind: m.kind,
  committeeName: m.kind === 'committee' ? m.committeeName : '',
  notes: m.notes,
});

/** A meeting of this workspace (row-level security hides any other's), else NOT_FOUND. */
export async function findMeeting(tx: Tx, meetingId: string) {
  const [row] = await tx.select().from(governorMeetings).where(eq(governorMeetings.id, meetingId));
  if (!row) throw new DomainError({ code: 'NOT_FOUND', message: 'That meeting was not found.' });
  return row;
}

export async function addMeeting(tx: Tx, actor: Actor, input: TAddMeetingInput) {
  await assertMayManageBoard(tx, actor, input.schoolId);
  await loadSchoolWithConstitution(tx, input.schoolId);
  const [row] = await tx
    .insert(governorMeetings)
    .values({ tenantId: actor.tenantId, schoolId: input.schoolId, ...valuesOf(input.meeting) })
    .returning({ id: governorMeetings.id });
  if (!row) throw new Error('meeting not added');
  return { id: row.id, label: meetingLabel(input.meeting) };
}

/**
 * Corrects a meeting. Its marks stay; a new date that someone marked was not on the board for (appointed
 * after it, or gone before it), or a date still to come, is refused rather than losing what was recorded.
 */
export async function updateMeeting(tx: Tx, actor: Actor, input: TUpdateMeetingInput & { today: IsoDate }) {
  const existing = await findMeeting(tx, input.meetingId);
  await assertMayManageBoard(tx, actor, existing.schoolId);
  const values = valuesOf(input.meeting);
  if (values.heldOn !== existing.heldOn) {
    const marked = await tx
      .select({
        name: governors.name,
        category: governors.category,
        appointedOn: governors.appointedOn,
        steppedDownOn: governors.steppedDownOn,
        termEndsOn: governors.termEndsOn,
      })
      .from(governorMeetingAttendance)
      .innerJoin(governors, eq(governors.id, governorMeetingAttendance.governorId))
      .where(eq(governorMeetingAttendance.meetingId, existing.id));
    if (marked.length > 0 && values.heldOn > input.today)
      throw new DomainError({
        code: 'CONFLICT',
        field: 'heldOn',
        message: 'Attendance is recorded for this meeting, so it cannot move to a date still to come.',
      });
    const off = marked.filter((m) => !onBoardOn(m, values.heldOn)).map((m) => m.name);
    if (off.length > 0)
      throw new DomainError({
        code: 'CONFLICT',
        field: 'heldOn',
        message: `${off.join(', ')} ${off.length === 1 ? 'was' : 'were'} not on the board on ${longDate(values.heldOn)} but ${off.length === 1 ? 'is' : 'are'} marked at this meeting: clear their attendance first.`,
      });
  }
  await tx
    .update(governorMeetings)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(governorMeetings.id, existing.id));
  return { id: existing.id, label: meetingLabel(values) };
}

/** Deletes a meeting and the attendance marked at it (the published counts change with it). */
export async function deleteMeeting(tx: Tx, actor: Actor, input: { meetingId: string }) {
  const existing = await findMeeting(tx, input.meetingId);
  await assertMayManageBoard(tx, actor, existing.schoolId);
  await tx.delete(governorMeetingAttendance).where(eq(governorMeetingAttendance.meetingId, existing.id));
  await tx.delete(governorMeetings).where(eq(governorMeetings.id, existing.id));
  return {
    schoolId: existing.schoolId,
    label: `${meetingLabel(existing)} on ${longDate(existing.heldOn)}`,
  };
}

/** The board's members for the given ids, all of them on this school's board. */
export async function membersOfBoard(tx: Tx, schoolId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await tx
    .select()
    .from(governors)
    .where(and(eq(governors.schoolId, schoolId), inArray(governors.id, [...ids])));
  if (rows.length !== new Set(ids).size)
    throw new DomainError({
      code: 'NOT_FOUND',
      field: 'marks',
      message: 'One of the people marked is not on this school’s board.',
    });
  return rows;
}
