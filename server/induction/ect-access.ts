import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ects, inductionPeriods } from '~/db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { assertAppropriateBody, isAbStaff, ownSchoolIds } from './appropriate-body';

const notFound = () => new DomainError({ code: 'NOT_FOUND', message: 'That ECT was not found.' });

/**
 * An ECT's record, if the actor may open it: the AB's staff any; a school's head or tutor an ECT with a period
 * at their school (the schools an ECT moved between share the record); an ECT their own (by email). Anyone
 * else is told it was not found, so a school does not learn about another school's ECTs.
 */
export async function loadEctFor(tx: Tx, actor: Actor, ectId: string) {
  assertAppropriateBody(actor);
  const [ect] = await tx.select().from(ects).where(eq(ects.id, ectId));
  if (!ect) throw notFound();
  const periods = await tx
    .select()
    .from(inductionPeriods)
    .where(eq(inductionPeriods.ectId, ectId))
    .orderBy(inductionPeriods.startsOn);
  if (
    !mayOpen(
      actor,
      ect.email,
      periods.map((p) => p.schoolId),
    )
  )
    throw notFound();
  return { ect, periods };
}

export function mayOpen(actor: Actor, ectEmail: string, schoolIds: readonly string[]): boolean {
  if (isAbStaff(actor)) return true;
  const own = ownSchoolIds(actor);
  if (schoolIds.some((id) => own.includes(id))) return true;
  return actor.roles.includes('ect') && actor.user.email.toLowerCase() === ectEmail.toLowerCase();
}

/** True when the actor acts for `schoolId` as its head or tutor (or is the AB's manager). */
export function actsForSchool(actor: Actor, schoolId: string): boolean {
  return actor.roles.includes('tenant_admin') || ownSchoolIds(actor).includes(schoolId);
}

/**
 * Who submits a school's reviews and assessments of an ECT: its headteacher (or SBM), the induction tutor named
 * on the ECT's period there, or the AB's manager. A mentor or any other member of staff may read the record
 * but not judge the ECT.
 */
export function submitsFor(actor: Actor, period: { schoolId: string; tutorEmail: string }): boolean {
  if (actor.roles.includes('tenant_admin')) return true;
  const here = actor.memberships.filter((m) => m.schoolId === period.schoolId);
  if (here.some((m) => m.role === 'school_admin')) return true;
  return (
    here.some((m) => m.role === 'school_staff') &&
    actor.user.email.toLowerCase() === period.tutorEmail.toLowerCase()
  );
}

/**
 * Who makes the school's recommendation at the end of induction: its headteacher (the statutory guidance
 * gives it to the head alone), or the AB's manager recording one received on paper. Not the tutor or mentor.
 */
export function recommendsFor(actor: Actor, period: { schoolId: string }): boolean {
  if (actor.roles.includes('tenant_admin')) return true;
  return actor.memberships.some((m) => m.schoolId === period.schoolId && m.role === 'school_admin');
}
