import { and, asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import {
  noteOfVisitVersions,
  notesOfVisit,
  noteOfVisitStatus,
  plannedVisits,
  schoolMonitoring,
  schools,
  users,
  type TenantSettings,
} from '~/db/schema';
import { statutorySettingsOf } from '../monitoring/statutory-settings';
import {
  isOfficer,
  loadVisibleNote,
  mayManage,
  mayRespond,
  visibleNotesWhere,
  type NoteActor,
} from './access';
import { allowedActions } from './workflow';

export const ZListNotesInput = z.object({
  schoolId: z.uuid().optional(),
  status: z.enum(noteOfVisitStatus.enumValues).optional(),
  /** Only the caller's own notes (advisers see their own by default). */
  mine: z.boolean().optional(),
});

/** The notes the caller may see, newest visit first, filtered by school and status. */
export function listNotes(tx: Tx, input: z.output<typeof ZListNotesInput> & { actor: NoteActor }) {
  return tx
    .select({
      id: notesOfVisit.id,
      schoolId: notesOfVisit.schoolId,
      schoolName: schools.name,
      urn: schools.urn,
      typeGroup: schools.typeGroup,
      visitedOn: notesOfVisit.visitedOn,
      status: notesOfVisit.status,
      version: notesOfVisit.version,
      adviserUserId: notesOfVisit.adviserUserId,
      adviserName: users.name,
      focusKind: notesOfVisit.content,
    })
    .from(notesOfVisit)
    .innerJoin(schools, eq(schools.id, notesOfVisit.schoolId))
    .innerJoin(users, eq(users.id, notesOfVisit.adviserUserId))
    .where(
      and(
        visibleNotesWhere(input.actor),
        input.schoolId ? eq(notesOfVisit.schoolId, input.schoolId) : undefined,
        input.status ? eq(notesOfVisit.status, input.status) : undefined,
        input.mine ? eq(notesOfVisit.adviserUserId, input.actor.userId) : undefined,
      ),
    )
    .orderBy(desc(notesOfVisit.visitedOn), desc(notesOfVisit.createdAt))
    .then((rows) =>
      rows.map(({ focusKind, ...r }) => ({
        ...r,
        focus:
          focusKind.focusKind === 'deep_dive' ? `Deep dive: ${focusKind.deepDiveSubject ?? ''}` : 'SEV focus',
      })),
    );
}

/** One note with its school, adviser, versions and what the caller may do with it. */
export async function getNote(tx: Tx, input: { id: string; actor: NoteActor; settings: TenantSettings }) {
  const note = await loadVisibleNote(tx, input.id, input.actor);
  const agreedBy = alias(users, 'agreed_by');
  const [[parties], versions] = await Promise.all([
    tx
      .select({
        schoolName: schools.name,
        urn: schools.urn,
        typeGroup: schools.typeGroup,
        adviserName: users.name,
        adviserJobTitle: users.jobTitle,
        agreedByName: agreedBy.name,
      })
      .from(notesOfVisit)
      .innerJoin(schools, eq(schools.id, notesOfVisit.schoolId))
      .innerJoin(users, eq(users.id, notesOfVisit.adviserUserId))
      .leftJoin(agreedBy, eq(agreedBy.id, notesOfVisit.agreedByUserId))
      .where(eq(notesOfVisit.id, note.id)),
    tx
      .select({
        version: noteOfVisitVersions.version,
        event: noteOfVisitVersions.event,
        content: noteOfVisitVersions.content,
        headteacherComment: noteOfVisitVersions.headteacherComment,
        byName: users.name,
        createdAt: noteOfVisitVersions.createdAt,
      })
      .from(noteOfVisitVersions)
      .leftJoin(users, eq(users.id, noteOfVisitVersions.byUserId))
      .where(eq(noteOfVisitVersions.noteId, note.id))
      .orderBy(asc(noteOfVisitVersions.version), asc(noteOfVisitVersions.createdAt)),
  ]);
  if (!parties) throw new Error('note without a school');
  const actions = allowedActions(note.status);
  const manage = mayManage(input.actor, note);
  const respond = mayRespond(input.actor, note);
  const settings = statutorySettingsOf(input.settings);
  return {
    ...note,
    ...parties,
    versions,
    judgementScale: settings.judgementScale,
    sevFocusAreas: settings.sevFocusAreas,
    can: {
      edit: manage && actions.includes('edit'),
      send: manage && actions.includes('send'),
      agree: respond && actions.includes('agree'),
      comment: respond && actions.includes('comment'),
      share: manage && actions.includes('share'),
    },
  };
}
export type NoteDetail = Awaited<ReturnType<typeof getNote>>;

/** What the "write a note" form needs: the register's schools, the tenant's scale and focus list, the planned visit. */
export async function noteFormOptions(
  tx: Tx,
  input: { plannedVisitId?: string; actor: NoteActor; settings: TenantSettings },
) {
  const settings = statutorySettingsOf(input.settings);
  const register = await tx
    .select({
      id: schools.id,
      name: schools.name,
      urn: schools.urn,
      linkAdviserUserId: schoolMonitoring.linkAdviserUserId,
      secondAdviserUserId: schoolMonitoring.secondAdviserUserId,
    })
    .from(schoolMonitoring)
    .innerJoin(schools, eq(schools.id, schoolMonitoring.schoolId))
    .orderBy(asc(schools.name));
  let plannedVisit: { id: string; schoolId: string; schoolName: string; dueBy: string; kind: string } | null =
    null;
  if (input.plannedVisitId) {
    const [visit] = await tx
      .select({
        id: plannedVisits.id,
        schoolId: plannedVisits.schoolId,
        schoolName: schools.name,
        dueBy: plannedVisits.dueBy,
        kind: plannedVisits.kind,
      })
      .from(plannedVisits)
      .innerJoin(schools, eq(schools.id, plannedVisits.schoolId))
      .where(eq(plannedVisits.id, input.plannedVisitId));
    plannedVisit = visit ?? null;
  }
  // An adviser's own schools first: the ones they are link or second adviser for.
  const mine = (s: (typeof register)[number]) =>
    !isOfficer(input.actor) &&
    (s.linkAdviserUserId === input.actor.userId || s.secondAdviserUserId === input.actor.userId);
  return {
    schools: [...register.filter(mine), ...register.filter((s) => !mine(s))].map((s) => ({
      id: s.id,
      name: s.name,
      urn: s.urn,
      mine: mine(s),
    })),
    judgementScale: settings.judgementScale,
    sevFocusAreas: settings.sevFocusAreas,
    plannedVisit,
  };
}
