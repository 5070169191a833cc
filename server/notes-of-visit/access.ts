import { DomainError } from '~/server/errors/domain-error';
import { and, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { notesOfVisit, schoolMonitoring, type NoteOfVisit } from '~/db/schema';
import { hasMembershipIn, officers } from '../access/role-groups';
import type { TenantMembership } from '../workspaces/list-memberships';

/** Who is asking: the signed-in user and the memberships the procedure's roles allowed. */
export type NoteActor = { userId: string; memberships: readonly TenantMembership[] };

const has = (actor: NoteActor, role: TenantMembership['role']) =>
  actor.memberships.some((m) => m.role === role);

/** Heads of school improvement and LA officers see and act on every note. */
export const isOfficer = (actor: NoteActor) => hasMembershipIn(actor.memberships, officers);

/** Schools where the user is the link adviser or the second adviser (Barnet: LNI or BSIP). */
const advisesSchool = (userId: string) =>
  sql`exists (select 1 from ${schoolMonitoring} where ${schoolMonitoring.schoolId} = ${notesOfVisit.schoolId}
    and (${schoolMonitoring.linkAdviserUserId} = ${userId} or ${schoolMonitoring.secondAdviserUserId} = ${userId}))`;

/**
 * The notes a caller may see, as a WHERE condition (undefined: all of the tenant's). Advisers: notes they wrote
 * and notes of schools they advise. Headteachers: their school's notes once sent, never drafts. Governors:
 * their school's notes once shared.
 */
export function visibleNotesWhere(actor: NoteActor): SQL | undefined {
  if (isOfficer(actor)) return undefined;
  const parts: SQL[] = [];
  for (const m of actor.memberships) {
    if (m.role === 'adviser') {
      const own = or(eq(notesOfVisit.adviserUserId, actor.userId), advisesSchool(actor.userId));
      if (own) parts.push(own);
    }
    if (m.role === 'school_admin' && m.schoolId) {
      const sent = and(eq(notesOfVisit.schoolId, m.schoolId), ne(notesOfVisit.status, 'draft'));
      if (sent) parts.push(sent);
    }
    if (m.role === 'governor' && m.schoolId) {
      const shared = and(eq(notesOfVisit.schoolId, m.schoolId), eq(notesOfVisit.status, 'shared'));
      if (shared) parts.push(shared);
    }
  }
  return or(...parts) ?? sql`false`;
}

const notFound = () => new DomainError({ code: 'NOT_FOUND', message: 'That note of visit was not found.' });

/** One note the caller may see (locked for update when it is about to change); otherwise NOT_FOUND. */
export async function loadVisibleNote(
  tx: Tx,
  id: string,
  actor: NoteActor,
  options: { forUpdate?: boolean } = {},
): Promise<NoteOfVisit> {
  const query = tx
    .select()
    .from(notesOfVisit)
    .where(and(eq(notesOfVisit.id, id), visibleNotesWhere(actor)));
  const [note] = options.forUpdate ? await query.for('update') : await query;
  if (!note) throw notFound();
  return note;
}

/** The adviser who wrote the note, or an officer, may revise, send and share it. */
export const mayManage = (actor: NoteActor, note: NoteOfVisit) =>
  isOfficer(actor) || (has(actor, 'adviser') && note.adviserUserId === actor.userId);

/** The school's headteacher (school_admin of that school) agrees or comments. */
export const mayRespond = (actor: NoteActor, note: NoteOfVisit) =>
  actor.memberships.some((m) => m.role === 'school_admin' && m.schoolId === note.schoolId);

export function assertMayManage(actor: NoteActor, note: NoteOfVisit) {
  if (!mayManage(actor, note))
    throw new DomainError({
      code: 'FORBIDDEN',
      message: 'Only the adviser who wrote this note, or an officer, can change it.',
    });
}
