import { DomainError } from '~/server/errors/domain-error';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { regionalDirectorReferrals, users } from '~/db/schema';
import { loadCaseFor } from '../concern/case-access';
import type { Actor } from '../access/actor';
import { loadSchoolFacts } from './school-facts';

export const ZReferInput = z.object({
  caseId: z.uuid(),
  referredOn: z.iso.date({ message: 'Enter the date of the referral.' }),
  concern: z.string().trim().min(10, 'Describe the concern you are referring.').max(10000),
});

export const ZReferralResponseInput = z.object({
  caseId: z.uuid(),
  referralId: z.uuid(),
  respondedOn: z.iso.date({ message: 'Enter the date of the response.' }),
  response: z.string().trim().min(3, 'Record the Regional Director’s response.').max(10000),
});

export function listReferrals(tx: Tx, schoolId: string) {
  return tx
    .select({ referral: regionalDirectorReferrals, referredBy: users.name })
    .from(regionalDirectorReferrals)
    .leftJoin(users, eq(users.id, regionalDirectorReferrals.referredByUserId))
    .where(eq(regionalDirectorReferrals.schoolId, schoolId))
    .orderBy(desc(regionalDirectorReferrals.referredOn));
}

/** Concerns about an academy go to the DfE Regional Director (formerly the Regional Schools Commissioner). */
export async function referToRegionalDirector(
  tx: Tx,
  input: z.output<typeof ZReferInput> & { actor: Actor },
) {
  const { found } = await loadCaseFor(tx, input.actor, input.caseId);
  const facts = await loadSchoolFacts(tx, input.actor.settings, found.schoolId);
  if (facts.maintained)
    throw new DomainError({
      code: 'BAD_REQUEST',
      message:
        'This is a maintained school: the LA acts itself through warning notices and intervention powers. Referrals to the Regional Director are for academies.',
    });
  const [referral] = await tx
    .insert(regionalDirectorReferrals)
    .values({
      tenantId: input.actor.tenantId,
      schoolId: found.schoolId,
      referredOn: input.referredOn,
      concern: input.concern,
      referredByUserId: input.actor.userId,
    })
    .returning();
  if (!referral) throw new Error('referral not recorded');
  return referral;
}

export async function recordReferralResponse(
  tx: Tx,
  input: z.output<typeof ZReferralResponseInput> & { actor: Actor },
) {
  const notFound = new DomainError({ code: 'NOT_FOUND', message: 'That referral was not found.' });
  const { found } = await loadCaseFor(tx, input.actor, input.caseId).catch(() => {
    throw notFound;
  });
  const [referral] = await tx
    .select()
    .from(regionalDirectorReferrals)
    .where(eq(regionalDirectorReferrals.id, input.referralId))
    .limit(1);
  if (referral?.schoolId !== found.schoolId) throw notFound;
  const [updated] = await tx
    .update(regionalDirectorReferrals)
    .set({ respondedOn: input.respondedOn, response: input.response })
    .where(eq(regionalDirectorReferrals.id, referral.id))
    .returning();
  return updated;
}
