import type { InvitationState } from './manage-invitations';

/** What became of an invitation, in words (People and roles, and the platform's view of managers). */
export const invitationStateLabels: Record<InvitationState, string> = {
  pending: 'Waiting',
  accepted: 'Accepted',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
};
