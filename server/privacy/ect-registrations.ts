import { asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ectRegistrations, schools, type ErasureCounts } from '~/db/schema';

/**
 * A school's registrations of an ECT sent to the AB for checking (server/induction/submit-registration.ts)
 * hold the ECT's name, email, date of birth and TRN, and the tutor's and mentor's details. Once accepted the
 * ECT record holds them; a declined or withdrawn one registered nobody. Neither is needed for long: the
 * retention job removes a decided registration six months after the decision (acceptance, decline or
 * withdrawal), a fixed period rather than a workspace setting, since the school has long since registered again
 * or the ECT record carries on.
 */
export const registrationMonths = 6;

/** The registrations of one person: by the ECT record they became, the TRN, or the email the school gave. */
export function registrationsMatch(match: {
  email: string;
  trn?: string | null;
  ectId?: string | null;
}): SQL {
  const parts: SQL[] = [];
  if (match.email) parts.push(sql`lower(${ectRegistrations.email}) = ${match.email}`);
  if (match.trn) parts.push(eq(ectRegistrations.trn, match.trn));
  if (match.ectId) parts.push(eq(ectRegistrations.ectId, match.ectId));
  return parts.length ? (or(...parts) ?? sql`false`) : sql`false`;
}

/** For the subject access export: each registration with its school, status, dates, the details sent and why declined. */
export function registrationsOf(tx: Tx, where: SQL) {
  return tx
    .select({
      id: ectRegistrations.id,
      school: schools.name,
      status: ectRegistrations.status,
      submittedOn: ectRegistrations.submittedOn,
      decidedAt: ectRegistrations.decidedAt,
      name: ectRegistrations.name,
      trn: ectRegistrations.trn,
      email: ectRegistrations.email,
      dateOfBirth: ectRegistrations.dateOfBirth,
      startsOn: ectRegistrations.startsOn,
      fteHundredths: ectRegistrations.fteHundredths,
      tutorName: ectRegistrations.tutorName,
      mentorName: ectRegistrations.mentorName,
      previousInduction: ectRegistrations.previousInduction,
      continueInduction: ectRegistrations.continueInduction,
      /** Why the Appropriate Body declined it ('' unless declined). */
      rejectionReason: ectRegistrations.rejectionReason,
    })
    .from(ectRegistrations)
    .innerJoin(schools, eq(schools.id, ectRegistrations.schoolId))
    .where(where)
    .orderBy(asc(ectRegistrations.submittedOn), asc(ectRegistrations.createdAt));
}

/**
 * Deletes registrations, for an erasure and the retention job. A registration is only a request: nothing
 * refers to it (the ECT record, charges and the audit log name the ECT or the registration by id only), so
 * it is deleted rather than anonymised (its TRN could not hold a placeholder). One still awaiting the AB is
 * withdrawn by the erasure: the person asked to be forgotten, so the registration is ended as the school's
 * own withdrawal would end it (nothing of it has taken effect) and the school registers again if it must.
 * Counted apart, so the erasure log says a pending registration was ended.
 */
export async function deleteRegistrations(tx: Tx, ids: readonly string[]): Promise<ErasureCounts> {
  if (!ids.length) return {};
  const deleted = await tx
    .delete(ectRegistrations)
    .where(inArray(ectRegistrations.id, [...ids]))
    .returning({ status: ectRegistrations.status });
  return {
    ectRegistrations: deleted.length,
    registrationsWithdrawn: deleted.filter((r) => r.status === 'awaiting').length,
  };
}

/** Finds and deletes the person's registrations (an erasure on request). */
export async function eraseRegistrations(
  tx: Tx,
  match: Parameters<typeof registrationsMatch>[0],
): Promise<ErasureCounts> {
  const rows = await tx
    .select({ id: ectRegistrations.id })
    .from(ectRegistrations)
    .where(registrationsMatch(match));
  return deleteRegistrations(
    tx,
    rows.map((r) => r.id),
  );
}
