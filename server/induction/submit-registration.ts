import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ectRegistrations, schools } from '~/db/schema';
import type { Actor } from '../access/actor';
import { todayInLondon, type IsoDate } from '../catalogue/academic-year';
import { DomainError } from '../errors/domain-error';
import { longDate } from '../format/dates';
import { assertMaySeeSchool } from '../workspaces/school-scope';
import { assertAppropriateBody, awaitsAcceptance } from './appropriate-body';
import { abRecipients, sendInductionNotice } from './induction-emails';
import type { TCorrectRegistrationInput, TRegisterEctInput } from './induction-inputs';
import { assertTrnMayRegister, findRegisteredTrn, registrationDay } from './register-ect';

/**
 * Where the AB checks registrations before they take effect (its setting "Check school registrations before
 * they take effect"), a school's registration of an ECT waits here for the AB's acceptance: no ECT record,
 * period, checkpoint, charge, programme place or invitation until someone at the AB accepts it
 * (decide-registration.ts). The checks registering makes (the TRN, the school, the email) are made now, so the
 * school hears of a slip at once, and again on acceptance. The AB's staff are told there is one to check.
 */
export async function submitRegistration(
  tx: Tx,
  actor: Actor,
  input: TRegisterEctInput & { today?: IsoDate },
) {
  assertAppropriateBody(actor);
  if (!awaitsAcceptance(actor))
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'A registration you make takes effect at once: register the ECT instead.',
    });
  const today = input.today ?? todayInLondon();
  // A school cannot date its own registration back (registrationDay refuses it).
  const submittedOn = registrationDay(actor, input.registeredOn, today);
  const school = await checkRegistration(tx, actor, input, null);
  const [saved] = await tx
    .insert(ectRegistrations)
    .values({
      tenantId: actor.tenantId,
      ...details(input),
      submittedOn,
      submittedByUserId: actor.userId,
    })
    .returning({ id: ectRegistrations.id });
  if (!saved) throw new Error('could not save the registration');
  await sendInductionNotice(tx, await abRecipients(tx), {
    subject: `A registration to check: ${input.name} at ${school.name}`,
    heading: 'A school has registered an early career teacher',
    paragraphs: [
      `${school.name} has registered ${input.name} (TRN ${input.trn}) from ${longDate(input.startsOn)}. Their induction starts with ${actor.name} once you accept the registration; until then nothing is scheduled or charged.`,
      'Check the TRN and QTS, that the school is one you serve, the start date and the previous induction the school gave, then accept it or say why not.',
    ],
    action: { label: 'Registrations to check', url: `${actor.appUrl}/${actor.slug}/induction#registrations` },
  });
  return { registrationId: saved.id, awaitingAcceptance: true as const };
}

/** The school corrects a registration still awaiting the AB: the same checks, the details replaced. */
export async function correctRegistration(
  tx: Tx,
  actor: Actor,
  input: TCorrectRegistrationInput & { today?: IsoDate },
) {
  assertAppropriateBody(actor);
  const current = await awaitingRegistration(tx, actor, input.registrationId);
  await checkRegistration(tx, actor, input, current.id);
  await tx.update(ectRegistrations).set(details(input)).where(eq(ectRegistrations.id, current.id));
  return { registrationId: current.id, awaitingAcceptance: true as const };
}

/** The school (or the AB) withdraws a registration still awaiting the AB: nothing of it takes effect. */
export async function withdrawRegistration(tx: Tx, actor: Actor, input: { registrationId: string }) {
  assertAppropriateBody(actor);
  const current = await awaitingRegistration(tx, actor, input.registrationId);
  await tx
    .update(ectRegistrations)
    .set({ status: 'withdrawn', decidedByUserId: actor.userId, decidedAt: new Date() })
    .where(eq(ectRegistrations.id, current.id));
  return { registrationId: current.id };
}

/**
 * A registration awaiting the AB, locked for the change: one of another school is not found for a school's
 * staff (as its ECTs are not), and one already decided or withdrawn cannot change.
 */
export async function awaitingRegistration(tx: Tx, actor: Actor, registrationId: string) {
  const [found] = await tx
    .select()
    .from(ectRegistrations)
    .where(eq(ectRegistrations.id, registrationId))
    .for('update');
  if (!found) throw new DomainError({ code: 'NOT_FOUND', message: 'That registration was not found.' });
  try {
    assertMaySeeSchool(actor.memberships, found.schoolId);
  } catch {
    throw new DomainError({ code: 'NOT_FOUND', message: 'That registration was not found.' });
  }
  if (found.status !== 'awaiting')
    throw new DomainError({
      code: 'CONFLICT',
      message: `That registration has already been ${found.status} and cannot change.`,
    });
  return found;
}

/** What registering would refuse, refused now; and one registration of a TRN waiting at a time. */
async function checkRegistration(tx: Tx, actor: Actor, input: TRegisterEctInput, replacing: string | null) {
  assertMaySeeSchool(actor.memberships, input.schoolId);
  const [school] = await tx
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(eq(schools.id, input.schoolId));
  if (!school) throw new DomainError({ code: 'NOT_FOUND', message: 'That school was not found.' });
  const existing = await findRegisteredTrn(tx, actor, input.trn);
  assertTrnMayRegister(existing, input, school.name);
  if (!existing && !input.email)
    throw new DomainError({ code: 'BAD_REQUEST', field: 'email', message: 'Enter the ECT’s email address.' });
  const [waiting] = await tx
    .select({ schoolName: schools.name })
    .from(ectRegistrations)
    .innerJoin(schools, eq(schools.id, ectRegistrations.schoolId))
    .where(
      and(
        eq(ectRegistrations.trn, input.trn),
        eq(ectRegistrations.status, 'awaiting'),
        replacing ? ne(ectRegistrations.id, replacing) : undefined,
      ),
    );
  if (waiting)
    throw new DomainError({
      code: 'CONFLICT',
      field: 'trn',
      message: `TRN ${input.trn} is already registered by ${waiting.schoolName} and awaits the Appropriate Body’s check.`,
    });
  return school;
}

const details = (input: TRegisterEctInput) => ({
  schoolId: input.schoolId,
  trn: input.trn,
  name: input.name,
  email: input.email.toLowerCase(),
  dateOfBirth: input.dateOfBirth ?? null,
  startsOn: input.startsOn,
  fteHundredths: Math.round(input.fte * 100),
  tutorName: input.tutorName,
  tutorEmail: input.tutorEmail.toLowerCase(),
  mentorName: input.mentorName,
  mentorEmail: input.mentorEmail.toLowerCase(),
  previousInduction: input.previousInduction,
  continueInduction: input.continueInduction,
});
