import { openStatuses } from '../schools/school-status';
import { DomainError } from '~/server/errors/domain-error';
import { and, eq, inArray, isNotNull, isNull, like, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { laCategoryChanges, schoolMonitoring, schools } from '~/db/schema';
import { todayInLondon } from '../catalogue/academic-year';
import { categoryByKey, type ResolvedStatutorySettings } from './statutory-settings';

/**
 * Who is on the LA's statutory register. Every open school in the LA's own codes joins it (maintained schools
 * of every type, academies and free schools, special schools, PRUs, nurseries) with the tenant's default
 * category, when its schools are imported from GIAS; a school GIAS lists as closed leaves the active register
 * and keeps its history. An officer may also add or remove a school by hand, with a reason.
 */

const closedReason = 'Closed (GIAS lists the establishment as closed).';

export const ZRegisterChangeInput = z.object({
  schoolId: z.uuid({ message: 'Choose a school.' }),
  reason: z
    .string()
    .trim()
    .min(10, { message: 'Give the reason (at least 10 characters).' })
    .max(2000, { message: 'Keep the reason under 2,000 characters.' }),
});

/** The category a school joins with: the LA's default, or none ('') until an officer sets each school's. */
function defaultCategoryOf(settings: ResolvedStatutorySettings): string | null {
  if (settings.defaultCategory === '') return null;
  return categoryByKey(settings, settings.defaultCategory)?.key ?? settings.categories[0]?.key ?? null;
}

async function join(
  tx: Tx,
  input: {
    tenantId: string;
    schoolIds: readonly string[];
    category: string | null;
    reason: string;
    actorUserId: string | null;
  },
) {
  if (input.schoolIds.length === 0) return;
  const today = todayInLondon();
  // A school joins with the sixth form GIAS says it has (its visits depend on it); an officer may change it.
  const withSixthForm = new Set(
    (
      await tx
        .select({ id: schools.id })
        .from(schools)
        .where(and(inArray(schools.id, [...input.schoolIds]), eq(schools.officialSixthForm, true)))
    ).map((s) => s.id),
  );
  await tx
    .insert(schoolMonitoring)
    .values(
      input.schoolIds.map((schoolId) => ({
        tenantId: input.tenantId,
        schoolId,
        hasSixthForm: withSixthForm.has(schoolId),
        laCategory: input.category,
        categorisedOn: input.category ? today : null,
        joinedOn: today,
        joinedReason: input.reason,
      })),
    )
    .onConflictDoNothing();
  if (input.category)
    await tx.insert(laCategoryChanges).values(
      input.schoolIds.map((schoolId) => ({
        tenantId: input.tenantId,
        schoolId,
        fromCategory: null,
        toCategory: input.category as string,
        changedOn: today,
        rationale: `Joined the register with the LA's default category: ${input.reason}`,
        changedByUserId: input.actorUserId,
      })),
    );
}

/**
 * Brings the register in line with the workspace's schools after a GIAS import: open schools in the LA's
 * codes that are not on it join; schools closed in GIAS leave it (a school that left because it closed and
 * has reopened comes back). A school an officer removed by hand stays removed.
 */
export async function syncRegisterWithSchools(
  tx: Tx,
  input: {
    tenantId: string;
    laCodes: readonly string[];
    settings: ResolvedStatutorySettings;
    actorUserId: string | null;
  },
): Promise<{ joined: number; left: number; rejoined: number }> {
  if (input.laCodes.length === 0) return { joined: 0, left: 0, rejoined: 0 };
  const inArea = and(inArray(schools.laCode, [...input.laCodes]), inArray(schools.status, [...openStatuses]));
  const onRegister = tx.select({ id: schoolMonitoring.schoolId }).from(schoolMonitoring);
  const newcomers = await tx
    .select({ id: schools.id })
    .from(schools)
    .where(and(inArea, notInArray(schools.id, onRegister)));
  await join(tx, {
    tenantId: input.tenantId,
    schoolIds: newcomers.map((s) => s.id),
    category: defaultCategoryOf(input.settings),
    reason: 'imported from GIAS as an open school in the LA.',
    actorUserId: input.actorUserId,
  });
  const closedIds = tx.select({ id: schools.id }).from(schools).where(eq(schools.status, 'closed'));
  const left = await tx
    .update(schoolMonitoring)
    .set({ leftOn: todayInLondon(), leftReason: closedReason, updatedAt: new Date() })
    .where(and(isNull(schoolMonitoring.leftOn), inArray(schoolMonitoring.schoolId, closedIds)))
    .returning({ schoolId: schoolMonitoring.schoolId });
  const reopened = tx.select({ id: schools.id }).from(schools).where(inArea);
  const rejoined = await tx
    .update(schoolMonitoring)
    .set({ leftOn: null, leftReason: null, updatedAt: new Date() })
    .where(
      and(
        isNotNull(schoolMonitoring.leftOn),
        like(schoolMonitoring.leftReason, 'Closed (GIAS%'),
        inArray(schoolMonitoring.schoolId, reopened),
      ),
    )
    .returning({ schoolId: schoolMonitoring.schoolId });
  return { joined: newcomers.length, left: left.length, rejoined: rejoined.length };
}

/** Puts a school of the workspace on the register by hand (or back on it), with the reason. */
export async function addToRegister(
  tx: Tx,
  settings: ResolvedStatutorySettings,
  input: z.infer<typeof ZRegisterChangeInput> & { tenantId: string; actorUserId: string },
) {
  const [school] = await tx
    .select({ id: schools.id, name: schools.name, status: schools.status })
    .from(schools)
    .where(eq(schools.id, input.schoolId));
  if (!school) throw new DomainError({ code: 'NOT_FOUND', message: 'That school is not in this workspace.' });
  if (school.status === 'closed')
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: `${school.name} is closed: it cannot join the register.`,
    });
  const [existing] = await tx
    .select({ leftOn: schoolMonitoring.leftOn })
    .from(schoolMonitoring)
    .where(eq(schoolMonitoring.schoolId, school.id))
    .for('update');
  if (existing && existing.leftOn === null)
    throw new DomainError({ code: 'CONFLICT', message: `${school.name} is already on the register.` });
  if (existing) {
    await tx
      .update(schoolMonitoring)
      .set({
        leftOn: null,
        leftReason: null,
        joinedOn: todayInLondon(),
        joinedReason: input.reason,
        updatedAt: new Date(),
      })
      .where(eq(schoolMonitoring.schoolId, school.id));
    return { schoolId: school.id, rejoined: true };
  }
  await join(tx, {
    tenantId: input.tenantId,
    schoolIds: [school.id],
    category: defaultCategoryOf(settings),
    reason: input.reason,
    actorUserId: input.actorUserId,
  });
  return { schoolId: school.id, rejoined: false };
}

/** Takes a school off the active register by hand, with the reason; its history stays. */
export async function removeFromRegister(tx: Tx, input: z.infer<typeof ZRegisterChangeInput>) {
  const [removed] = await tx
    .update(schoolMonitoring)
    .set({ leftOn: todayInLondon(), leftReason: input.reason, updatedAt: new Date() })
    .where(and(eq(schoolMonitoring.schoolId, input.schoolId), isNull(schoolMonitoring.leftOn)))
    .returning({ schoolId: schoolMonitoring.schoolId });
  if (!removed) throw new DomainError({ code: 'NOT_FOUND', message: 'That school is not on the register.' });
  return removed;
}

/** Schools of the workspace not on the active register, for the "add a school" form. */
export async function schoolsOffRegister(tx: Tx) {
  const active = tx
    .select({ id: schoolMonitoring.schoolId })
    .from(schoolMonitoring)
    .where(isNull(schoolMonitoring.leftOn));
  return tx
    .select({ id: schools.id, name: schools.name, urn: schools.urn, laName: schools.laName })
    .from(schools)
    .where(and(notInArray(schools.id, active), inArray(schools.status, [...openStatuses])))
    .orderBy(schools.name);
}
