import { withPlatform, withUser } from '~/db/client';
import { managers } from '../access/role-groups';
import { todayInLondon } from '../catalogue/academic-year';
import { authedProcedure, publicProcedure, router, tenantProcedure } from '../trpc';
import { getStaffFigures, getWorkspace } from '../workspaces/get-workspace';
import { gettingStarted } from '../workspaces/getting-started';
import { listWorkspacesOfUser } from '../workspaces/list-memberships';
import { listTenants } from '../workspaces/list-tenants';

export const workspacesRouter = router({
  /** The public directory of workspaces on the home page. */
  list: publicProcedure.query(({ ctx }) => withPlatform(ctx.db, listTenants)),
  /** The signed-in user's workspaces, for the switcher. */
  mine: authedProcedure.query(({ ctx }) =>
    withUser(ctx.db, ctx.session.id, (tx) => listWorkspacesOfUser(tx, ctx.session.id)),
  ),
  /**
   * What every page of the workspace needs, with the user's workspaces for the switcher (`mine`: the same
   * rows as `workspaces.mine`, read in this transaction, where the own-rows policy also applies).
   */
  current: tenantProcedure({ module: 'core', roles: 'any-member' }).query(async ({ ctx }) => {
    const [workspace, mine] = await Promise.all([
      getWorkspace(ctx.tx, ctx.actor, ctx.actor.memberships),
      listWorkspacesOfUser(ctx.tx, ctx.actor.userId),
    ]);
    return { ...workspace, mine };
  }),
  figures: tenantProcedure({ module: 'core', roles: 'any-member' }).query(({ ctx }) =>
    getStaffFigures(
      ctx.tx,
      ctx.actor.memberships.map((m) => m.role),
    ),
  ),
  /** The manager's "Getting started" steps for the workspace's kind and modules, each ticked from its data. */
  gettingStarted: tenantProcedure({ module: 'core', roles: managers }).query(({ ctx }) =>
    gettingStarted(ctx.tx, ctx.actor, todayInLondon()),
  ),
});
