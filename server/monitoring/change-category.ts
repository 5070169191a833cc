import { DomainError } from '~/server/errors/domain-error';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { laCategoryChanges, schoolMonitoring } from '~/db/schema';
import { todayInLondon } from '../catalogue/academic-year';
import { categoryByKey, type ResolvedStatutorySettings } from './statutory-settings';

export const ZChangeCategoryInput = z.object({
  schoolId: z.uuid({ message: 'Choose a school.' }),
  category: z.string().trim().min(1, { message: 'Choose the new LA category.' }).max(60),
  rationale: z
    .string()
    .trim()
    .min(10, { message: 'Give the reason for the change (at least 10 characters).' })
    .max(4000, { message: 'Keep the rationale under 4,000 characters.' }),
});

/** A new LA category with its rationale: kept in the history and set on the school's monitoring record. */
export async function changeCategory(
  tx: Tx,
  settings: ResolvedStatutorySettings,
  input: z.infer<typeof ZChangeCategoryInput> & { tenantId: string; actorUserId: string },
) {
  if (!categoryByKey(settings, input.category)) {
    throw new DomainError({ code: 'BAD_REQUEST', message: 'Choose one of this LA’s categories.' });
  }
  const [current] = await tx
    .select({ laCategory: schoolMonitoring.laCategory })
    .from(schoolMonitoring)
    .where(eq(schoolMonitoring.schoolId, input.schoolId))
    .for('update');
  if (!current) throw new DomainError({ code: 'NOT_FOUND', message: 'That school is not on the register.' });
  if (current.laCategory === input.category) {
    throw new DomainError({ code: 'CONFLICT', message: 'The school is already in that category.' });
  }
  const today = todayInLondon();
  await tx
    .update(schoolMonitoring)
    .set({ laCategory: input.category, categorisedOn: today, updatedAt: new Date() })
    .where(eq(schoolMonitoring.schoolId, input.schoolId));
  const [change] = await tx
    .insert(laCategoryChanges)
    .values({
      tenantId: input.tenantId,
      schoolId: input.schoolId,
      fromCategory: current.laCategory,
      toCategory: input.category,
      changedOn: today,
      rationale: input.rationale,
      changedByUserId: input.actorUserId,
    })
    .returning({ id: laCategoryChanges.id });
  return { id: change?.id, fromCategory: current.laCategory, toCategory: input.category };
}
