import { z } from 'zod';
import type { Role } from '~/db/schema';
import type { NoteActor } from '../notes-of-visit/access';
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
import { router, tenantProcedure, type TenantContext } from '../trpc';

/** Who writes notes: advisers, and officers where they visited themselves. */
const writers = ['tenant_admin', 'la_officer', 'adviser'] as const satisfies readonly Role[];
/** Who reads them: writers, and the school's headteacher and governors (each only what they may see). */
const readers = [...writers, 'school_admin', 'governor'] as const satisfies readonly Role[];

const actorOf = (ctx: Pick<TenantContext, 'user' | 'memberships'>): NoteActor => ({
  userId: ctx.user.id,
  memberships: ctx.memberships,
});

const linksOf = (ctx: Pick<TenantContext, 'tenant'> & { appUrl: string }): NoteLinks => ({
  appUrl: ctx.appUrl,
  tenantSlug: ctx.tenant.slug,
  issuerName: ctx.tenant.name,
});

export const notesOfVisitRouter = router({
  formOptions: tenantProcedure(writers)
    .input(z.object({ plannedVisitId: z.uuid().optional() }))
    .query(({ ctx, input }) =>
      noteFormOptions(ctx.tx, { ...input, actor: actorOf(ctx), settings: ctx.tenant.settings }),
    ),
  list: tenantProcedure(readers)
    .input(ZListNotesInput)
    .query(({ ctx, input }) => listNotes(ctx.tx, { ...input, actor: actorOf(ctx) })),
  byId: tenantProcedure(readers)
    .input(ZNoteIdInput)
    .query(({ ctx, input }) =>
      getNote(ctx.tx, { id: input.id, actor: actorOf(ctx), settings: ctx.tenant.settings }),
    ),
  write: tenantProcedure(writers)
    .input(ZWriteNoteInput)
    .mutation(({ ctx, input }) =>
      writeNote(ctx.tx, {
        ...input,
        tenantId: ctx.tenant.id,
        settings: ctx.tenant.settings,
        actorUserId: ctx.user.id,
      }),
    ),
  revise: tenantProcedure(writers)
    .input(ZReviseNoteInput)
    .mutation(({ ctx, input }) =>
      reviseNote(ctx.tx, { ...input, actor: actorOf(ctx), settings: ctx.tenant.settings }),
    ),
  send: tenantProcedure(writers)
    .input(ZNoteIdInput)
    .mutation(({ ctx, input }) =>
      sendNote(ctx.tx, { id: input.id, actor: actorOf(ctx), links: linksOf(ctx) }),
    ),
  agree: tenantProcedure(['school_admin'])
    .input(ZNoteIdInput)
    .mutation(({ ctx, input }) =>
      agreeNote(ctx.tx, { id: input.id, actor: actorOf(ctx), links: linksOf(ctx) }),
    ),
  comment: tenantProcedure(['school_admin'])
    .input(ZCommentOnNoteInput)
    .mutation(({ ctx, input }) =>
      commentOnNote(ctx.tx, { ...input, actor: actorOf(ctx), links: linksOf(ctx) }),
    ),
  share: tenantProcedure(writers)
    .input(ZNoteIdInput)
    .mutation(({ ctx, input }) =>
      shareNote(ctx.tx, { id: input.id, actor: actorOf(ctx), links: linksOf(ctx) }),
    ),
  /** The note as a PDF document (rendered by the route handler). */
  pdf: tenantProcedure(readers)
    .input(ZNoteIdInput)
    .query(async ({ ctx, input }) => {
      const note = await getNote(ctx.tx, {
        id: input.id,
        actor: actorOf(ctx),
        settings: ctx.tenant.settings,
      });
      return notePdfDocument(note, {
        issuer: ctx.tenant.name,
        adviserTitle: ctx.tenant.settings.linkAdviserTitle ?? 'Link adviser',
      });
    }),
});
