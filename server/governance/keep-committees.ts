import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  governorCommitteeMembers,
  governorCommittees,
  governorMeetingAttendance,
  governorMeetingExpected,
  governorMeetings,
  governors,
  type Governor,
} from '~/db/schema';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { DomainError } from '../errors/domain-error';
import { longDate } from '../format/dates';
import { countOf } from '../format/plural';
import { assertMayManageBoard, assertMayReadSchool, mayManageBoard } from './board-access';
import { isCurrent, membershipPeriod } from './board-rules';
import type { TAddCommitteeInput, TCommitteeInput, TUpdateCommitteeInput } from './committee-inputs';
import { listBoardMembers, loadSchoolWithConstitution } from './load-board';
import { meetingLabel, onBoardOn } from './meeting-attendance-rules';

/**
 * The register's keepers keep the board's committees: a name and members chosen from the current register (the
 * clerk serves committees but is not a member). A committee meeting expects its members as they were when it
 * was recorded (`keep-board-meetings.ts`), so changing or deleting a committee leaves past meetings as they were.
 */

/** A committee of this workspace (row-level security hides any other's), else NOT_FOUND. */
export async function findCommittee(tx: Tx, committeeId: string) {
  const [row] = await tx.select().from(governorCommittees).where(eq(governorCommittees.id, committeeId));
  if (!row) throw new DomainError({ code: 'NOT_FOUND', message: 'That committee was not found.' });
  return row;
}

/** The ids of a committee's members now (memberships not ended). */
export async function committeeMemberIds(tx: Tx, committeeId: string) {
  const rows = await tx
    .select({ governorId: governorCommitteeMembers.governorId })
    .from(governorCommitteeMembers)
    .where(
      and(eq(governorCommitteeMembers.committeeId, committeeId), isNull(governorCommitteeMembers.leftOn)),
    );
  return rows.map((r) => r.governorId);
}

/**
 * A school's committees, by name, each with its current members and its former ones (taken off the committee,
 * or left the board while on it), each membership with when it began and ended, latest to end first.
 */
export async function committeesOfSchool(tx: Tx, schoolId: string, today: IsoDate) {
  const [committees, members] = await Promise.all([
    tx
      .select()
      .from(governorCommittees)
      .where(eq(governorCommittees.schoolId, schoolId))
      .orderBy(asc(governorCommittees.name)),
    tx
      .select({
        committeeId: governorCommitteeMembers.committeeId,
        joinedOn: governorCommitteeMembers.joinedOn,
        leftOn: governorCommitteeMembers.leftOn,
        governor: governors,
      })
      .from(governorCommitteeMembers)
      .innerJoin(governors, eq(governors.id, governorCommitteeMembers.governorId))
      .where(eq(governors.schoolId, schoolId))
      .orderBy(asc(governors.name)),
  ]);
  const periods = members.map((m) => ({
    committeeId: m.committeeId,
    governorId: m.governor.id,
    name: m.governor.name,
    ...membershipPeriod(m, m.governor, today),
  }));
  return committees.map((c) => {
    const of = periods.filter((p) => p.committeeId === c.id);
    return {
      id: c.id,
      name: c.name,
      label: meetingLabel({ kind: 'committee', committeeName: c.name }),
      members: of
        .filter((p) => p.current)
        .map((p) => ({ governorId: p.governorId, name: p.name, joinedOn: p.joinedOn })),
      formerMembers: of
        .filter((p) => !p.current && p.leftOn !== null)
        .sort((a, b) => (b.leftOn ?? '').localeCompare(a.leftOn ?? '') || a.name.localeCompare(b.name))
        .map((p) => ({ governorId: p.governorId, name: p.name, joinedOn: p.joinedOn, leftOn: p.leftOn })),
    };
  });
}

/**
 * The committees one governor sits on, and those they sat on (each membership with when it began and ended),
 * current first, then the latest to end.
 */
export async function committeesOfGovernor(tx: Tx, governor: Governor, today: IsoDate) {
  const rows = await tx
    .select({
      committeeId: governorCommittees.id,
      name: governorCommittees.name,
      joinedOn: governorCommitteeMembers.joinedOn,
      leftOn: governorCommitteeMembers.leftOn,
    })
    .from(governorCommitteeMembers)
    .innerJoin(governorCommittees, eq(governorCommittees.id, governorCommitteeMembers.committeeId))
    .where(eq(governorCommitteeMembers.governorId, governor.id))
    .orderBy(asc(governorCommittees.name));
  return rows
    .map((r) => ({
      committeeId: r.committeeId,
      label: meetingLabel({ kind: 'committee', committeeName: r.name }),
      ...membershipPeriod(r, governor, today),
    }))
    .filter((r) => r.current || r.leftOn !== null)
    .sort((a, b) => Number(b.current) - Number(a.current) || (b.leftOn ?? '').localeCompare(a.leftOn ?? ''));
}

/** The committees page: the board's committees and who may be chosen as members (the current register). */
export async function listCommittees(tx: Tx, actor: Actor, input: { schoolId: string; today: IsoDate }) {
  assertMayReadSchool(actor, input.schoolId);
  const [school, members, committees] = await Promise.all([
    loadSchoolWithConstitution(tx, input.schoolId),
    listBoardMembers(tx, input.schoolId),
    committeesOfSchool(tx, input.schoolId, input.today),
  ]);
  return {
    school: { id: school.id, name: school.name },
    /** Today in London: the committee form's dates default to it. */
    today: input.today,
    mayEdit: await mayManageBoard(tx, actor, input.schoolId),
    committees,
    choosable: members
      .filter((m) => m.category !== 'clerk' && isCurrent(m, input.today))
      .map((m) => ({ governorId: m.id, name: m.name, category: m.category, office: m.office })),
  };
}

async function assertNameFree(tx: Tx, schoolId: string, name: string, exceptId?: string) {
  const [same] = await tx
    .select({ id: governorCommittees.id })
    .from(governorCommittees)
    .where(
      and(
        eq(governorCommittees.schoolId, schoolId),
        sql`lower(${governorCommittees.name}) = lower(${name})`,
        exceptId ? ne(governorCommittees.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (same)
    throw new DomainError({
      code: 'CONFLICT',
      field: 'name',
      message: `The board already has a committee called “${name}”.`,
    });
}

/** New members must be on the school's current register and not the clerk; members kept may have left since. */
async function assertChoosable(
  tx: Tx,
  schoolId: string,
  ids: readonly string[],
  kept: readonly string[],
  today: IsoDate,
) {
  if (new Set(ids).size !== ids.length)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'memberIds',
      message: 'Each member is chosen once.',
    });
  const added = ids.filter((id) => !kept.includes(id));
  if (added.length === 0) return;
  const rows = await tx
    .select()
    .from(governors)
    .where(and(eq(governors.schoolId, schoolId), inArray(governors.id, added)));
  if (rows.length !== added.length)
    throw new DomainError({
      code: 'NOT_FOUND',
      field: 'memberIds',
      message: 'One of the members chosen is not on this school’s board.',
    });
  for (const g of rows) {
    if (g.category === 'clerk')
      throw new DomainError({
        code: 'BAD_REQUEST',
        field: 'memberIds',
        message: `${g.name} is the clerk: the clerk serves committees but is not a member of them.`,
      });
    if (!isCurrent(g, today))
      throw new DomainError({
        code: 'BAD_REQUEST',
        field: 'memberIds',
        message: `${g.name} is not on the board now, so cannot join a committee.`,
      });
  }
}

/**
 * Sets a committee's members, on the days given (each today unless the clerk says otherwise, never in the
 * future): someone taken off it has their membership ended on `leftOn` (kept, so the committee's former members
 * can be listed), not before they joined; someone new, or rejoining, starts a membership on `joinedOn`, not before
 * their appointment to the board nor before they last left it, except that putting back someone on the day they
 * left (a slip corrected) carries on the membership they had. The committee's meetings follow: a member joining
 * is expected at those held from that day (while on the board), one leaving no longer at those held after it;
 * someone marked at such a meeting is refused rather than losing what was recorded.
 */
async function setMembers(
  tx: Tx,
  actor: Actor,
  committeeId: string,
  ids: readonly string[],
  dates: { joinedOn?: IsoDate; leftOn?: IsoDate; today: IsoDate },
) {
  const joinedOn = dates.joinedOn ?? dates.today;
  const leftOn = dates.leftOn ?? dates.today;
  const memberships = await tx
    .select({
      id: governorCommitteeMembers.id,
      joinedOn: governorCommitteeMembers.joinedOn,
      leftOn: governorCommitteeMembers.leftOn,
      governor: governors,
    })
    .from(governorCommitteeMembers)
    .innerJoin(governors, eq(governors.id, governorCommitteeMembers.governorId))
    .where(eq(governorCommitteeMembers.committeeId, committeeId));
  const open = memberships.filter((m) => m.leftOn === null);
  const leaving = open.filter((m) => !ids.includes(m.governor.id));
  const joining = ids.filter((id) => !open.some((m) => m.governor.id === id));
  if (leaving.length > 0) {
    if (leftOn > dates.today)
      throw new DomainError({
        code: 'BAD_REQUEST',
        field: 'leftOn',
        message: 'The date they left cannot be in the future.',
      });
    for (const m of leaving)
      if (leftOn < m.joinedOn)
        throw new DomainError({
          code: 'BAD_REQUEST',
          field: 'leftOn',
          message: `${m.governor.name} joined the committee on ${longDate(m.joinedOn)}, so cannot have left it before then.`,
        });
  }
  if (joining.length > 0 && joinedOn > dates.today)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'joinedOn',
      message: 'The date they joined cannot be in the future.',
    });
  const meetings = await tx
    .select({ id: governorMeetings.id, heldOn: governorMeetings.heldOn })
    .from(governorMeetings)
    .where(and(eq(governorMeetings.committeeId, committeeId), eq(governorMeetings.membersListed, true)));

  for (const m of leaving) {
    const after = meetings.filter((x) => x.heldOn > leftOn).map((x) => x.id);
    if (after.length > 0) {
      const [marked] = await tx
        .select({ heldOn: governorMeetings.heldOn })
        .from(governorMeetingAttendance)
        .innerJoin(governorMeetings, eq(governorMeetings.id, governorMeetingAttendance.meetingId))
        .where(
          and(
            eq(governorMeetingAttendance.governorId, m.governor.id),
            inArray(governorMeetingAttendance.meetingId, after),
          ),
        )
        .orderBy(asc(governorMeetings.heldOn))
        .limit(1);
      if (marked)
        throw new DomainError({
          code: 'CONFLICT',
          field: 'leftOn',
          message: `${m.governor.name} is marked at the committee’s meeting on ${longDate(marked.heldOn)}, after ${longDate(leftOn)}: give a later date they left, or clear that attendance first.`,
        });
      await tx
        .delete(governorMeetingExpected)
        .where(
          and(
            eq(governorMeetingExpected.governorId, m.governor.id),
            inArray(governorMeetingExpected.meetingId, after),
          ),
        );
    }
    await tx.update(governorCommitteeMembers).set({ leftOn }).where(eq(governorCommitteeMembers.id, m.id));
  }

  for (const governorId of joining) {
    const past = memberships.filter((m) => m.governor.id === governorId);
    const [latest] = past.sort((a, b) => (b.leftOn ?? '').localeCompare(a.leftOn ?? ''));
    const governor =
      latest?.governor ?? (await tx.select().from(governors).where(eq(governors.id, governorId)))[0];
    if (!governor) throw new Error('committee member not found');
    if (joinedOn < governor.appointedOn)
      throw new DomainError({
        code: 'BAD_REQUEST',
        field: 'joinedOn',
        message: `${governor.name} was appointed to the board on ${longDate(governor.appointedOn)}, so cannot have joined the committee before then.`,
      });
    if (latest?.leftOn && joinedOn < latest.leftOn)
      throw new DomainError({
        code: 'BAD_REQUEST',
        field: 'joinedOn',
        message: `${governor.name} was on the committee until ${longDate(latest.leftOn)}: they can rejoin from that day.`,
      });
    if (latest?.leftOn && joinedOn === latest.leftOn)
      await tx
        .update(governorCommitteeMembers)
        .set({ leftOn: null })
        .where(eq(governorCommitteeMembers.id, latest.id));
    else
      await tx
        .insert(governorCommitteeMembers)
        .values({ tenantId: actor.tenantId, committeeId, governorId, joinedOn });
    const expected = meetings.filter((x) => x.heldOn >= joinedOn && onBoardOn(governor, x.heldOn));
    if (expected.length > 0)
      await tx
        .insert(governorMeetingExpected)
        .values(expected.map((x) => ({ tenantId: actor.tenantId, meetingId: x.id, governorId })))
        .onConflictDoNothing();
  }
}

export async function addCommittee(tx: Tx, actor: Actor, input: TAddCommitteeInput & { today: IsoDate }) {
  await assertMayManageBoard(tx, actor, input.schoolId);
  await loadSchoolWithConstitution(tx, input.schoolId);
  const c: TCommitteeInput = input.committee;
  await assertNameFree(tx, input.schoolId, c.name);
  await assertChoosable(tx, input.schoolId, c.memberIds, [], input.today);
  const [row] = await tx
    .insert(governorCommittees)
    .values({ tenantId: actor.tenantId, schoolId: input.schoolId, name: c.name })
    .returning({ id: governorCommittees.id });
  if (!row) throw new Error('committee not added');
  await setMembers(tx, actor, row.id, c.memberIds, { ...c, today: input.today });
  return {
    id: row.id,
    label: meetingLabel({ kind: 'committee', committeeName: c.name }),
    members: c.memberIds.length,
  };
}

/**
 * Renames a committee and sets its members. Its meetings take the new name; who they expected stays as it was
 * when each was recorded.
 */
export async function updateCommittee(
  tx: Tx,
  actor: Actor,
  input: TUpdateCommitteeInput & { today: IsoDate },
) {
  const existing = await findCommittee(tx, input.committeeId);
  await assertMayManageBoard(tx, actor, existing.schoolId);
  const c = input.committee;
  await assertNameFree(tx, existing.schoolId, c.name, existing.id);
  await assertChoosable(
    tx,
    existing.schoolId,
    c.memberIds,
    await committeeMemberIds(tx, existing.id),
    input.today,
  );
  await tx
    .update(governorCommittees)
    .set({ name: c.name, updatedAt: sql`now()` })
    .where(eq(governorCommittees.id, existing.id));
  if (c.name !== existing.name)
    await tx
      .update(governorMeetings)
      .set({ committeeName: c.name, updatedAt: sql`now()` })
      .where(eq(governorMeetings.committeeId, existing.id));
  await setMembers(tx, actor, existing.id, c.memberIds, { ...c, today: input.today });
  return {
    id: existing.id,
    label: meetingLabel({ kind: 'committee', committeeName: c.name }),
    members: c.memberIds.length,
  };
}

/**
 * Deletes a committee and its membership. Its meetings stay, with their attendance, who they expected and the
 * committee's name; they are no longer linked to it.
 */
export async function deleteCommittee(tx: Tx, actor: Actor, input: { committeeId: string }) {
  const existing = await findCommittee(tx, input.committeeId);
  await assertMayManageBoard(tx, actor, existing.schoolId);
  const detached = await tx
    .update(governorMeetings)
    .set({ committeeId: null, updatedAt: sql`now()` })
    .where(eq(governorMeetings.committeeId, existing.id))
    .returning({ id: governorMeetings.id });
  await tx.delete(governorCommitteeMembers).where(eq(governorCommitteeMembers.committeeId, existing.id));
  await tx.delete(governorCommittees).where(eq(governorCommittees.id, existing.id));
  const label = meetingLabel({ kind: 'committee', committeeName: existing.name });
  return {
    schoolId: existing.schoolId,
    label,
    message:
      detached.length > 0
        ? `Deleted the ${label}. Its ${countOf(detached.length, 'meeting')} and their attendance are kept.`
        : `Deleted the ${label}.`,
  };
}
