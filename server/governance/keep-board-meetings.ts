import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  governorCommitteeMembers,
  governorCommittees,
  governorMeetingAttendance,
  governorMeetingExpected,
  governorMeetings,
  governors,
  type GovernorMeeting,
} from '~/db/schema';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { DomainError } from '../errors/domain-error';
import { longDate } from '../format/dates';
import { assertMayManageBoard } from './board-access';
import { loadSchoolWithConstitution } from './load-board';
import { meetingLabel, onBoardOn, onCommitteeOn } from './meeting-attendance-rules';
import type { TAddMeetingInput, TMeetingInput, TUpdateMeetingInput } from './meeting-inputs';

/**
 * The clerk (or whoever keeps the register) records the board's meetings: adds, corrects and deletes them.
 * Attendance is marked on each meeting (`record-meeting-attendance.ts`).
 */

type Resolved = {
  values: {
    heldOn: string;
    kind: TMeetingInput['kind'];
    committeeId: string | null;
    committeeName: string;
    membersListed: boolean;
    notes: string;
  };
  /** Who the meeting expects, newly listed from the committee; null leaves the meeting's list as it is. */
  expected: string[] | null;
};

/**
 * What a meeting form means: a full board meeting; a committee's, expecting its members on the meeting's day
 * (by the days they joined and left it, and on the board that day); or, for a committee meeting recorded before committees were kept (or whose committee was
 * deleted) and left unchosen, its old name. A meeting that stays with the same committee keeps who it expected when it was first recorded.
 */
async function resolveMeeting(
  tx: Tx,
  schoolId: string,
  m: TMeetingInput,
  existing?: GovernorMeeting,
): Promise<Resolved> {
  const base = { heldOn: m.heldOn, kind: m.kind, notes: m.notes };
  if (m.kind === 'full_board')
    return {
      values: { ...base, committeeId: null, committeeName: '', membersListed: false },
      expected: null,
    };
  if (m.committeeId === null) {
    // Recorded before committees were kept, or its committee since deleted: it keeps its name and list.
    if (existing && existing.kind === 'committee' && existing.committeeId === null && existing.committeeName)
      return {
        values: {
          ...base,
          committeeId: null,
          committeeName: existing.committeeName,
          membersListed: existing.membersListed,
        },
        expected: null,
      };
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'committeeId',
      message: 'Choose the committee. A committee is added on the board’s committees page.',
    });
  }
  const [committee] = await tx
    .select()
    .from(governorCommittees)
    .where(and(eq(governorCommittees.id, m.committeeId), eq(governorCommittees.schoolId, schoolId)));
  if (!committee)
    throw new DomainError({
      code: 'NOT_FOUND',
      field: 'committeeId',
      message: 'That committee is not one of this board’s committees.',
    });
  const values = { ...base, committeeId: committee.id, committeeName: committee.name, membersListed: true };
  if (existing?.committeeId === committee.id && existing.membersListed) return { values, expected: null };
  const members = await tx
    .select()
    .from(governors)
    .innerJoin(governorCommitteeMembers, eq(governorCommitteeMembers.governorId, governors.id))
    .where(eq(governorCommitteeMembers.committeeId, committee.id));
  const expected = [
    ...new Set(
      members
        .filter(
          (r) => onCommitteeOn(r.governor_committee_members, m.heldOn) && onBoardOn(r.governors, m.heldOn),
        )
        .map((r) => r.governors.id),
    ),
  ];
  if (expected.length === 0)
    throw new DomainError({
      code: 'CONFLICT',
      field: 'committeeId',
      message: `The ${meetingLabel(values)} had no members on the board on ${longDate(m.heldOn)}: choose its members, with the day each joined, on the committees page first.`,
    });
  return { values, expected };
}

async function listExpected(tx: Tx, actor: Actor, meetingId: string, ids: readonly string[]) {
  await tx.delete(governorMeetingExpected).where(eq(governorMeetingExpected.meetingId, meetingId));
  if (ids.length)
    await tx
      .insert(governorMeetingExpected)
      .values(ids.map((governorId) => ({ tenantId: actor.tenantId, meetingId, governorId })));
}

/** A meeting of this workspace (row-level security hides any other's), else NOT_FOUND. */
export async function findMeeting(tx: Tx, meetingId: string) {
  const [row] = await tx.select().from(governorMeetings).where(eq(governorMeetings.id, meetingId));
  if (!row) throw new DomainError({ code: 'NOT_FOUND', message: 'That meeting was not found.' });
  return row;
}

export async function addMeeting(tx: Tx, actor: Actor, input: TAddMeetingInput) {
  await assertMayManageBoard(tx, actor, input.schoolId);
  await loadSchoolWithConstitution(tx, input.schoolId);
  const { values, expected } = await resolveMeeting(tx, input.schoolId, input.meeting);
  const [row] = await tx
    .insert(governorMeetings)
    .values({ tenantId: actor.tenantId, schoolId: input.schoolId, ...values })
    .returning({ id: governorMeetings.id });
  if (!row) throw new Error('meeting not added');
  if (expected) await listExpected(tx, actor, row.id, expected);
  return { id: row.id, label: meetingLabel(values) };
}

/**
 * Corrects a meeting. Its marks stay; a new date that someone marked was not on the board for (appointed
 * after it, or gone before it), a date still to come, or a committee someone marked is not a member of, is
 * refused rather than losing what was recorded.
 */
export async function updateMeeting(tx: Tx, actor: Actor, input: TUpdateMeetingInput & { today: IsoDate }) {
  const existing = await findMeeting(tx, input.meetingId);
  await assertMayManageBoard(tx, actor, existing.schoolId);
  const { values, expected } = await resolveMeeting(tx, existing.schoolId, input.meeting, existing);
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
  if (expected) {
    const marked = await tx
      .select({ governorId: governorMeetingAttendance.governorId, name: governors.name })
      .from(governorMeetingAttendance)
      .innerJoin(governors, eq(governors.id, governorMeetingAttendance.governorId))
      .where(eq(governorMeetingAttendance.meetingId, existing.id));
    const outside = marked.filter((m) => !expected.includes(m.governorId)).map((m) => m.name);
    if (outside.length > 0)
      throw new DomainError({
        code: 'CONFLICT',
        field: 'committeeId',
        message: `${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} marked at this meeting but ${outside.length === 1 ? 'was not a member' : 'were not members'} of the ${meetingLabel(values)} on ${longDate(values.heldOn)}: clear their attendance first.`,
      });
  }
  await tx
    .update(governorMeetings)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(governorMeetings.id, existing.id));
  if (expected) await listExpected(tx, actor, existing.id, expected);
  else if (!values.membersListed)
    await tx.delete(governorMeetingExpected).where(eq(governorMeetingExpected.meetingId, existing.id));
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

/** The governors a committee meeting listed as expected when it was recorded (empty for other meetings). */
export async function expectedIdsOf(tx: Tx, meetingId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ governorId: governorMeetingExpected.governorId })
    .from(governorMeetingExpected)
    .where(eq(governorMeetingExpected.meetingId, meetingId));
  return new Set(rows.map((r) => r.governorId));
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
