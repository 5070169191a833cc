import { z } from 'zod';
import {
  createWorkspace,
  inviteManager,
  listPlatformAudit,
  listWorkspaceManagers,
  listWorkspaces,
  reinstateWorkspace,
  setModules,
  suspendWorkspace,
  ZCreateWorkspaceInput,
  ZInviteManagerInput,
  ZSetModulesInput,
  ZSuspendInput,
} from '../platform/workspaces';
import { platformProcedure, router } from '../trpc';

/** Platform administration (superadmins, separate from every tenant); each change is in the platform audit. */
export const platformRouter = router({
  workspaces: platformProcedure.query(({ ctx }) => listWorkspaces(ctx.tx)),
  audit: platformProcedure.query(({ ctx }) => listPlatformAudit(ctx.tx)),
  managers: platformProcedure
    .input(z.object({ workspaceId: z.uuid() }))
    .query(({ ctx, input }) => listWorkspaceManagers(ctx.tx, input)),
  createWorkspace: platformProcedure
    .input(ZCreateWorkspaceInput)
    .mutation(({ ctx, input }) =>
      createWorkspace(ctx.tx, { userId: ctx.session.id, appUrl: ctx.appUrl }, input),
    ),
  inviteManager: platformProcedure
    .input(ZInviteManagerInput)
    .mutation(({ ctx, input }) =>
      inviteManager(ctx.tx, { userId: ctx.session.id, appUrl: ctx.appUrl }, input),
    ),
  setModules: platformProcedure
    .input(ZSetModulesInput)
    .mutation(({ ctx, input }) => setModules(ctx.tx, input)),
  suspend: platformProcedure
    .input(ZSuspendInput)
    .mutation(({ ctx, input }) => suspendWorkspace(ctx.tx, input)),
  reinstate: platformProcedure
    .input(z.object({ workspaceId: z.uuid() }))
    .mutation(({ ctx, input }) => reinstateWorkspace(ctx.tx, input)),
});
