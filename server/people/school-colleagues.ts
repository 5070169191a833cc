import type { Tx } from '~/db/client';
import type { Actor } from '../access/actor';
import { listMembers } from '../members/list-members';
import { listInvitations } from './manage-invitations';

/**
 * What a headteacher sees of the schools they lead: who has access there, and the invitations sent to them
 * that are not yet accepted (theirs or the manager's), so they can tell who is still to join.
 */
export async function listColleagues(tx: Tx, actor: Actor) {
  const led = actor.memberships.flatMap((m) => (m.role === 'school_admin' && m.schoolId ? [m.schoolId] : []));
  if (led.length === 0) return { people: [], invitations: [] };
  const people = await listMembers(tx, actor.tenantId, led);
  const invitations = await listInvitations(tx, led);
  return {
    people,
    invitations: invitations.filter((i) => i.state === 'pending' || i.state === 'expired'),
  };
}
