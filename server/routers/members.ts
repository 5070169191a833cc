import { z } from 'zod';
import { accessDeciders, headteachers, managers } from '../access/role-groups';
import { listMembers } from '../members/list-members';
import {
  decideAccessRequest,
  listAccessRequests,
  ZDecideAccessRequestInput,
} from '../people/access-requests';
import {
  changeRole,
  listMembershipHistory,
  removeMembership,
  ZChangeRoleInput,
} from '../people/change-membership';
import { inviteColleague, ZInviteColleagueInput } from '../people/invite-colleague';
import { invitePerson, inviterOf, ZInvitePersonInput } from '../people/invite-person';
import {
  inviteSchoolLeaders,
  listSchoolLeaderContacts,
  ZInviteSchoolLeadersInput,
} from '../people/invite-school-leaders';
import { listInvitations, resendInvitation, withdrawInvitation } from '../people/manage-invitations';
import { listColleagues } from '../people/school-colleagues';
import { listOwnRoles, setOwnRoles, ZSetOwnRolesInput } from '../people/set-own-roles';
import { withdrawColleagueInvitation } from '../people/withdraw-colleague-invitation';
import { router, tenantProcedure } from '../trpc';

const manage = tenantProcedure({ module: 'core', roles: managers });
const ZInvitationId = z.object({ invitationId: z.uuid() });

/** People in a workspace: who has access, invitations, role changes, removals, requests to join. */
export const membersRouter = router({
  list: manage.query(({ ctx }) => listMembers(ctx.tx, ctx.actor.tenantId)),
  history: manage.query(({ ctx }) => listMembershipHistory(ctx.tx)),
  invitations: manage.query(({ ctx }) => listInvitations(ctx.tx)),
  invite: manage
    .input(ZInvitePersonInput)
    .mutation(({ ctx, input }) => invitePerson(ctx.tx, inviterOf(ctx.actor), input)),
  resendInvitation: manage
    .input(ZInvitationId)
    .mutation(({ ctx, input }) => resendInvitation(ctx.tx, inviterOf(ctx.actor), input)),
  withdrawInvitation: manage
    .input(ZInvitationId)
    .mutation(({ ctx, input }) => withdrawInvitation(ctx.tx, input)),
  changeRole: manage
    .input(ZChangeRoleInput)
    .mutation(({ ctx, input }) => changeRole(ctx.tx, ctx.actor, input)),
  remove: manage
    .input(z.object({ membershipId: z.uuid() }))
    .mutation(({ ctx, input }) => removeMembership(ctx.tx, ctx.actor, input)),
  /** The manager's own staff roles here, and those they may take on. */
  ownRoles: manage.query(({ ctx }) => listOwnRoles(ctx.tx, ctx.actor)),
  /** The manager takes on or gives up staff roles themselves (never the last manager's own). */
  setOwnRoles: manage
    .input(ZSetOwnRolesInput)
    .mutation(({ ctx, input }) => setOwnRoles(ctx.tx, ctx.actor, input)),
  leaderContacts: manage.query(({ ctx }) => listSchoolLeaderContacts(ctx.tx, ctx.actor)),
  inviteLeaders: manage
    .input(ZInviteSchoolLeadersInput)
    .mutation(({ ctx, input }) => inviteSchoolLeaders(ctx.tx, inviterOf(ctx.actor), input)),
  /** A headteacher invites a colleague to their own school (staff, or another head / business manager). */
  inviteColleague: tenantProcedure({ module: 'core', roles: headteachers })
    .input(ZInviteColleagueInput)
    .mutation(({ ctx, input }) => inviteColleague(ctx.tx, ctx.actor, input)),
  /** A headteacher withdraws a waiting invitation to a school they lead (anyone's, not the workspace staff's). */
  withdrawColleagueInvitation: tenantProcedure({ module: 'core', roles: headteachers })
    .input(ZInvitationId)
    .mutation(({ ctx, input }) => withdrawColleagueInvitation(ctx.tx, ctx.actor, input)),
  /** A headteacher's colleagues: the people and open invitations of the schools they lead. */
  colleagues: tenantProcedure({ module: 'core', roles: headteachers }).query(({ ctx }) =>
    listColleagues(ctx.tx, ctx.actor),
  ),
  requests: tenantProcedure({ module: 'core', roles: accessDeciders }).query(({ ctx }) =>
    listAccessRequests(ctx.tx, ctx.actor),
  ),
  decideRequest: tenantProcedure({ module: 'core', roles: accessDeciders })
    .input(ZDecideAccessRequestInput)
    .mutation(({ ctx, input }) => decideAccessRequest(ctx.tx, ctx.actor, input)),
});
