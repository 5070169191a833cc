import { z } from 'zod';
import type { Tx } from '~/db/client';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { invitePerson, inviterOf, ZInvitePersonInput } from './invite-person';

/** The roles a headteacher may give: staff of their own school, or another head / business manager. */
export const colleagueRoles = ['school_staff', 'school_admin'] as const;

export const ZInviteColleagueInput = ZInvitePersonInput.extend({
  role: z.enum(colleagueRoles, { message: 'Choose school staff or headteacher / business manager.' }),
  schoolId: z.uuid({ message: 'Choose the school.' }),
});

/**
 * A headteacher (or business manager) invites a colleague to their own school: as school staff (to book
 * courses, tutor an ECT) or as another headteacher / business manager. Only to a school they lead: every other
 * school is "not found", whatever id is sent.
 */
export async function inviteColleague(tx: Tx, actor: Actor, input: z.output<typeof ZInviteColleagueInput>) {
  const leads = actor.memberships.some((m) => m.role === 'school_admin' && m.schoolId === input.schoolId);
  if (!leads)
    throw new DomainError({
      code: 'NOT_FOUND',
      field: 'schoolId',
      message: 'You can invite colleagues only to a school you lead.',
    });
  return invitePerson(tx, inviterOf(actor), input);
}
