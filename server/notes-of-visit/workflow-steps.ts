import { DomainError } from '~/server/errors/domain-error';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { noteOfVisitVersions, notesOfVisit, schools, users, type NoteOfVisit } from '~/db/schema';
import { queueEmail } from '../email/send-email';
import { assertMayManage, loadVisibleNote, mayRespond, type NoteActor } from './access';
import { chairWording } from './labels';
import { governorsOf, headteachersOf } from './recipients';
import { transition, type NoteAction } from './workflow';
import { emailOf } from '../email/templates';
import { longDate } from '~/server/format/dates';

/** Where links in emails point, and who sends them. */
export type NoteLinks = { appUrl: string; tenantSlug: string; issuerName: string };

export const ZNoteIdInput = z.object({ id: z.uuid({ message: 'That note of visit was not found.' }) });
export const ZCommentOnNoteInput = ZNoteIdInput.extend({
  comment: z
    .string()
    .trim()
    .min(3, 'Write your comments for the adviser.')
    .max(5000, 'Keep your comments under 5000 characters.'),
});

function step(note: NoteOfVisit, action: NoteAction) {
  const result = transition(note.status, action);
  if (!result.ok) throw new DomainError({ code: 'BAD_REQUEST', message: result.message });
  return result.to;
}

async function partiesOf(tx: Tx, note: NoteOfVisit) {
  const [school] = await tx.select().from(schools).where(eq(schools.id, note.schoolId));
  const [adviser] = await tx.select({ name: users.name }).from(users).where(eq(users.id, note.adviserUserId));
  if (!school) throw new Error('note without a school');
  return { school, adviserName: adviser?.name ?? 'Your adviser' };
}

const noteUrl = (links: NoteLinks, id: string) => `${links.appUrl}/${links.tenantSlug}/visits/notes/${id}`;

/**
 * The adviser sends the note to the headteacher: the content as sent is kept as a new version, and the
 * school's headteacher (its school_admin users and the headteacher contact on record) is emailed a link.
 * With no headteacher account yet the note is sent all the same (a head who joins finds it on the school's
 * notes), and the result says so, so that the adviser is not told somebody was emailed when nobody was.
 */
export async function sendNote(tx: Tx, input: { id: string; actor: NoteActor; links: NoteLinks }) {
  const note = await loadVisibleNote(tx, input.id, input.actor, { forUpdate: true });
  assertMayManage(input.actor, note);
  const to = step(note, 'send');
  const version = note.version + 1;
  await tx.insert(noteOfVisitVersions).values({
    tenantId: note.tenantId,
    noteId: note.id,
    version,
    event: 'sent',
    content: note.content,
    byUserId: input.actor.userId,
  });
  await tx
    .update(notesOfVisit)
    .set({ status: to, version, headteacherComment: null, updatedAt: sql`now()` })
    .where(eq(notesOfVisit.id, note.id));
  const { school, adviserName } = await partiesOf(tx, note);
  const heads = await headteachersOf(tx, note.schoolId);
  for (const head of heads) {
    const message = emailOf('note-sent', {
      recipientName: head.name,
      schoolName: school.name,
      issuerName: input.links.issuerName,
      adviserName,
      visitedOn: longDate(note.visitedOn),
      url: noteUrl(input.links, note.id),
      version,
    });
    await queueEmail(tx, { to: head.email, ...message });
  }
  return {
    id: note.id,
    status: to,
    version,
    emailed: heads.length,
    headteacherAccounts: heads.filter((h) => h.hasAccount).length,
    schoolName: school.name,
  };
}

async function respond(
  tx: Tx,
  input: { id: string; actor: NoteActor; links: NoteLinks },
  action: 'agree' | 'comment',
  comment?: string,
) {
  const note = await loadVisibleNote(tx, input.id, input.actor, { forUpdate: true });
  if (!mayRespond(input.actor, note))
    throw new DomainError({
      code: 'FORBIDDEN',
      message: 'Only the school’s headteacher can agree or comment.',
    });
  const to = step(note, action);
  await tx.insert(noteOfVisitVersions).values({
    tenantId: note.tenantId,
    noteId: note.id,
    version: note.version,
    event: action === 'agree' ? 'agreed' : 'commented',
    content: note.content,
    headteacherComment: comment ?? null,
    byUserId: input.actor.userId,
  });
  await tx
    .update(notesOfVisit)
    .set(
      action === 'agree'
        ? { status: to, agreedAt: sql`now()`, agreedByUserId: input.actor.userId, updatedAt: sql`now()` }
        : { status: to, headteacherComment: comment ?? null, updatedAt: sql`now()` },
    )
    .where(eq(notesOfVisit.id, note.id));
  // The adviser hears of the answer: agreed (share it) or commented (revise and re-send).
  const { school } = await partiesOf(tx, note);
  const [[adviser], [head]] = await Promise.all([
    tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, note.adviserUserId)),
    tx.select({ name: users.name }).from(users).where(eq(users.id, input.actor.userId)),
  ]);
  if (adviser) {
    const message = emailOf('note-answered', {
      recipientName: adviser.name,
      schoolName: school.name,
      adviserName: adviser.name,
      headName: head?.name ?? 'The headteacher',
      visitedOn: longDate(note.visitedOn),
      url: noteUrl(input.links, note.id),
      agreed: action === 'agree',
    });
    await queueEmail(tx, { to: adviser.email, ...message });
  }
  return { id: note.id, status: to, version: note.version };
}

/** The headteacher agrees the note as sent: it is locked from now on. */
export function agreeNote(tx: Tx, input: { id: string; actor: NoteActor; links: NoteLinks }) {
  return respond(tx, input, 'agree');
}

/** The headteacher comments instead of agreeing: the adviser revises and sends a new version. */
export function commentOnNote(
  tx: Tx,
  input: { id: string; actor: NoteActor; links: NoteLinks; comment: string },
) {
  return respond(tx, input, 'comment', input.comment);
}

/** The adviser or an officer shares the agreed note with the chair: every governor with an account is emailed. */
export async function shareNote(tx: Tx, input: { id: string; actor: NoteActor; links: NoteLinks }) {
  const note = await loadVisibleNote(tx, input.id, input.actor, { forUpdate: true });
  assertMayManage(input.actor, note);
  const to = step(note, 'share');
  await tx.insert(noteOfVisitVersions).values({
    tenantId: note.tenantId,
    noteId: note.id,
    version: note.version,
    event: 'shared',
    content: note.content,
    byUserId: input.actor.userId,
  });
  await tx
    .update(notesOfVisit)
    .set({ status: to, sharedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(notesOfVisit.id, note.id));
  const { school, adviserName } = await partiesOf(tx, note);
  const governors = await governorsOf(tx, note.schoolId);
  for (const governor of governors) {
    const message = emailOf('note-shared', {
      recipientName: governor.name,
      schoolName: school.name,
      issuerName: input.links.issuerName,
      adviserName,
      visitedOn: longDate(note.visitedOn),
      url: noteUrl(input.links, note.id),
      chairWording: chairWording(school.typeGroup),
    });
    await queueEmail(tx, { to: governor.email, ...message });
  }
  return { id: note.id, status: to, emailed: governors.length };
}
