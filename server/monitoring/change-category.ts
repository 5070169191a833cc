import { DomainError } from '~/server/errors/domain-error';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { laCategoryChanges, schoolMonitoring, schools } from '~/db/schema';
import { academicYearOf, todayInLondon } from '../catalogue/academic-year';
import { generatePlan, planGenerated } from './generate-plan';
import { isAcademy } from './plan-visits';
import { categoryByKey, type ResolvedStatutorySettings } from './statutory-settings';

export const ZChangeCategoryInput = z.object({
  schoolId: z.uuid({ message: 'Choose a school.' }),
  category: z.string().trim().min(1, { message: 'Choose the new LA category.' }).max(60),
  rationale: z
    .string()
    .trim()
    .min(10, { message: 'Give the reason for the change (at least 10 characters).' })
    .max(4000, { message: 'Keep the rationale under 4,000 characters.' }),
  /** Asked when the new category's visits depend on it and nobody has assessed it yet. */
  capacitySecure: z.boolean().optional(),
});

/**
 * A new LA category with its rationale: kept in the history and set on the school's monitoring record. Once
 * this year's plan has been generated, the school's plan follows at once, as generating it again would: the
 * visits its new category adds from today are planned (given to its link adviser), and none is removed;
 * planned visits beyond a lowered count are reported for an officer to cancel.
 */
export async function changeCategory(
  tx: Tx,
  settings: ResolvedStatutorySettings,
  input: z.infer<typeof ZChangeCategoryInput> & { tenantId: string; actorUserId: string; today?: string },
) {
  const target = categoryByKey(settings, input.category);
  if (!target) {
    throw new DomainError({ code: 'BAD_REQUEST', message: 'Choose one of this LA’s categories.' });
  }
  const [current] = await tx
    .select({
      laCategory: schoolMonitoring.laCategory,
      capacitySecure: schoolMonitoring.capacitySecure,
      typeGroup: schools.typeGroup,
    })
    .from(schoolMonitoring)
    .innerJoin(schools, eq(schools.id, schoolMonitoring.schoolId))
    .where(and(eq(schoolMonitoring.schoolId, input.schoolId), isNull(schoolMonitoring.leftOn)))
    .for('update', { of: schoolMonitoring });
  if (!current) throw new DomainError({ code: 'NOT_FOUND', message: 'That school is not on the register.' });
  if (current.laCategory === input.category) {
    throw new DomainError({ code: 'CONFLICT', message: 'The school is already in that category.' });
  }
  // Part B visits an RI school six times a year only with secure capacity to improve, fortnightly without:
  // the officer says which rather than the school silently getting the lighter rule.
  const capacity = input.capacitySecure ?? current.capacitySecure;
  if (
    target.visitsPerYearCapacityNotSecure !== undefined &&
    !isAcademy(current.typeGroup) &&
    capacity === null
  ) {
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'capacitySecure',
      message: `Say whether the school’s capacity to improve is secure: in ${target.label} it decides between ${target.visitsPerYear} visits a year and ${target.visitsPerYearCapacityNotSecure}.`,
    });
  }
  if (input.capacitySecure !== undefined && input.capacitySecure !== current.capacitySecure) {
    await tx
      .update(schoolMonitoring)
      .set({ capacitySecure: input.capacitySecure })
      .where(eq(schoolMonitoring.schoolId, input.schoolId));
  }
  const id = await setCategory(tx, {
    tenantId: input.tenantId,
    schoolId: input.schoolId,
    from: current.laCategory,
    to: input.category,
    rationale: input.rationale,
    actorUserId: input.actorUserId,
  });
  const today = input.today ?? todayInLondon();
  const academicYear = academicYearOf(today);
  const plan = (await planGenerated(tx, academicYear))
    ? await generatePlan(tx, settings, {
        tenantId: input.tenantId,
        academicYear,
        today,
        schoolId: input.schoolId,
      })
    : null;
  return {
    id,
    fromCategory: current.laCategory,
    toCategory: input.category,
    /** This year's plan for the school, when the year has one: visits added, planned ones now beyond it. */
    plan: plan ? { academicYear, added: plan.added, surplus: plan.surplus.length } : null,
  };
}

/** Sets the school's LA category today and keeps the change, with its rationale, in the history. */
export async function setCategory(
  tx: Tx,
  input: {
    tenantId: string;
    schoolId: string;
    from: string | null;
    to: string;
    rationale: string;
    actorUserId: string | null;
  },
) {
  const today = todayInLondon();
  await tx
    .update(schoolMonitoring)
    .set({ laCategory: input.to, categorisedOn: today, updatedAt: new Date() })
    .where(eq(schoolMonitoring.schoolId, input.schoolId));
  const [change] = await tx
    .insert(laCategoryChanges)
    .values({
      tenantId: input.tenantId,
      schoolId: input.schoolId,
      fromCategory: input.from,
      toCategory: input.to,
      changedOn: today,
      rationale: input.rationale,
      changedByUserId: input.actorUserId,
    })
    .returning({ id: laCategoryChanges.id });
  return change?.id;
}
