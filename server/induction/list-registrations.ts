import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ectRegistrations, ects, schools } from '~/db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { assertMaySeeSchool } from '../workspaces/school-scope';
import { assertAppropriateBody, isAbStaff, ownSchoolIds } from './appropriate-body';

/**
 * Registrations awaiting the AB's acceptance and, for a school, those the AB declined that it has not sent
 * again since (a later registration from the school with the same TRN or email), with the reason. The AB's staff see every school's awaiting ones ("Registrations to check"),
 * with what they check: the school, ECT, TRN, start date, FTE, the previous induction the school gave, and
 * whether the TRN is already registered with this AB (an induction to continue). A school's staff see their
 * own schools' only.
 */
export async function listRegistrations(tx: Tx, actor: Actor) {
  assertAppropriateBody(actor);
  const ab = isAbStaff(actor);
  const schoolIds = ab ? null : ownSchoolIds(actor);
  if (schoolIds && schoolIds.length === 0) return [];
  const rows = await tx
    .select({
      id: ectRegistrations.id,
      status: ectRegistrations.status,
      schoolId: ectRegistrations.schoolId,
      schoolName: schools.name,
      name: ectRegistrations.name,
      trn: ectRegistrations.trn,
      startsOn: ectRegistrations.startsOn,
      fteHundredths: ectRegistrations.fteHundredths,
      previousInduction: ectRegistrations.previousInduction,
      continueInduction: ectRegistrations.continueInduction,
      submittedOn: ectRegistrations.submittedOn,
      rejectionReason: ectRegistrations.rejectionReason,
      decidedAt: ectRegistrations.decidedAt,
      registeredSince: ects.startsOn,
    })
    .from(ectRegistrations)
    .innerJoin(schools, eq(schools.id, ectRegistrations.schoolId))
    .leftJoin(ects, eq(ects.trn, ectRegistrations.trn))
    .where(
      and(
        schoolIds ? inArray(ectRegistrations.schoolId, schoolIds) : undefined,
        ab
          ? eq(ectRegistrations.status, 'awaiting')
          : sql`(${ectRegistrations.status} = 'awaiting' or (${ectRegistrations.status} = 'rejected' and not exists (
              select 1 from ${ectRegistrations} later where later.school_id = ${ectRegistrations.schoolId}
                and (later.trn = ${ectRegistrations.trn} or later.email = ${ectRegistrations.email})
                and later.created_at > ${ectRegistrations.createdAt})))`,
      ),
    )
    .orderBy(asc(ectRegistrations.submittedOn), asc(ectRegistrations.createdAt));
  return rows;
}

/** A registration's details, to correct it or send it again after the AB declined it (the school's own only). */
export async function registrationDetails(tx: Tx, actor: Actor, input: { registrationId: string }) {
  assertAppropriateBody(actor);
  const [found] = await tx
    .select()
    .from(ectRegistrations)
    .where(eq(ectRegistrations.id, input.registrationId));
  const notFound = new DomainError({ code: 'NOT_FOUND', message: 'That registration was not found.' });
  if (!found) throw notFound;
  try {
    assertMaySeeSchool(actor.memberships, found.schoolId);
  } catch {
    throw notFound;
  }
  return {
    id: found.id,
    status: found.status,
    schoolId: found.schoolId,
    name: found.name,
    trn: found.trn,
    email: found.email,
    dateOfBirth: found.dateOfBirth,
    startsOn: found.startsOn,
    fte: found.fteHundredths / 100,
    tutorName: found.tutorName,
    tutorEmail: found.tutorEmail,
    mentorName: found.mentorName,
    mentorEmail: found.mentorEmail,
    previousInduction: found.previousInduction,
    continueInduction: found.continueInduction,
    rejectionReason: found.rejectionReason,
  };
}
