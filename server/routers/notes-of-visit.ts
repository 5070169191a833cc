import { z } from 'zod';
import type { Actor } from '../access/actor';
import { headteachers, noteReaders as readers, noteWriters as writers } from '../access/role-groups';
import { notePdfDocument } from '../notes-of-visit/note-pdf';
import { getNote, listNotes, noteFormOptions, ZListNotesInput } from '../notes-of-visit/read-notes';
import { reviseNote, ZReviseNoteInput } from '../notes-of-visit/revise-note';
import {
  agreeNote,
  commentOnNote,
  sendNote,
  shareNote,
  ZCommentOnNoteInput,
  ZNoteIdInput,
  type NoteLinks,
} from '../notes-of-visit/workflow-steps';
import { writeNote, ZWriteNoteInput } from '../notes-of-visit/write-note';
import { router, tenantProcedure } from '../trpc';

const linksOf = (actor: Actor): NoteLinks => ({
  appUrl: actor.appUrl,
  tenantSlug: actor.slug,
  issuerName: actor.name,
});

export const notesOfVisitRouter = router({
  formOptions: tenantProcedure({ module: 'statutory', roles: writers })
    .input(z.object({ plannedVisitId: z.uuid().optional() }))
    .query(({ ctx, input }) =>
      noteFormOptions(ctx.tx, { ...input, actor: ctx.actor, settings: ctx.actor.settings }),
    ),
  list: tenantProcedure({ module: 'statutory', roles: readers })
    .input(ZListNotesInput)
    .query(({ ctx, input }) => listNotes(ctx.tx, { ...input, actor: ctx.actor })),
  byId: tenantProcedure({ module: 'statutory', roles: readers })
    .input(ZNoteIdInput)
    .query(({ ctx, input }) =>
      getNote(ctx.tx, { id: input.id, actor: ctx.actor, settings: ctx.actor.settings }),
    ),
  write: tenantProcedure({ module: 'statutory', roles: writers })
    .input(ZWriteNoteInput)
    .mutation(({ ctx, input }) =>
      writeNote(ctx.tx, {
        ...input,
        tenantId: ctx.actor.tenantId,
        settings: ctx.actor.settings,
        actorUserId: ctx.actor.userId,
      }),
    ),
  revise: tenantProcedure({ module: 'statutory', roles: writers })
    .input(ZReviseNoteInput)
    .mutation(({ ctx, input }) =>
      reviseNote(ctx.tx, { ...input, actor: ctx.actor, settings: ctx.actor.settings }),
    ),
  send: tenantProcedure({ module: 'statutory', roles: writers })
    .input(ZNoteIdInput)
    .mutation(({ ctx, input }) =>
      sendNote(ctx.tx, { id: input.id, actor: ctx.actor, links: linksOf(ctx.actor) }),
    ),
  agree: tenantProcedure({ module: 'statutory', roles: headteachers })
    .input(ZNoteIdInput)
    .mutation(({ ctx, input }) =>
      agreeNote(ctx.tx, { id: input.id, actor: ctx.actor, links: linksOf(ctx.actor) }),
    ),
  comment: tenantProcedure({ module: 'statutory', roles: headteachers })
    .input(ZCommentOnNoteInput)
    .mutation(({ ctx, input }) =>
      commentOnNote(ctx.tx, { ...input, actor: ctx.actor, links: linksOf(ctx.actor) }),
    ),
  share: tenantProcedure({ module: 'statutory', roles: writers })
    .input(ZNoteIdInput)
    .mutation(({ ctx, input }) =>
      shareNote(ctx.tx, { id: input.id, actor: ctx.actor, links: linksOf(ctx.actor) }),
    ),
  /** The note as a PDF document (rendered by the route handler). */
  pdf: tenantProcedure({ module: 'statutory', roles: readers })
    .input(ZNoteIdInput)
    .query(async ({ ctx, input }) => {
      const note = await getNote(ctx.tx, {
        id: input.id,
        actor: ctx.actor,
        settings: ctx.actor.settings,
      });
      return notePdfDocument(note, {
        issuer: ctx.actor.name,
        adviserTitle: ctx.actor.settings.linkAdviserTitle ?? 'Link adviser',
      });
    }),
});
