import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ectRegistrations, schools, users, type EctRegistration } from '~/db/schema';
import type { Actor } from '../access/actor';
import { todayInLondon, type IsoDate } from '../catalogue/academic-year';
import { queueEmail } from '../email/send-email';
import { emailOf } from '../email/templates';
import { DomainError } from '../errors/domain-error';
import { longDate } from '../format/dates';
import { assertAppropriateBody, isAbStaff } from './appropriate-body';
import { headsOf, sendInductionNotice, type Recipient } from './induction-emails';
import type { TRejectRegistrationInput } from './induction-inputs';
import { registerEct } from './register-ect';
import { awaitingRegistration } from './submit-registration';

/**
 * The AB accepts a school's registration after checking it (TRN and QTS, a school it serves, the start date,
 * induction served elsewhere): the ECT is registered from the details the school sent, as registering does
 * at once where the AB does not check (record, period, schedule from the start date, the AB fee, per-ECT
 * package charges, programme place, invitations), dated the day the school sent it, so a registration is not
 * made late by the time the AB took to check it. The school is told.
 */
export async function acceptRegistration(
  tx: Tx,
  actor: Actor,
  input: { registrationId: string; today?: IsoDate },
) {
  assertDecider(actor);
  const today = input.today ?? todayInLondon();
  const registration = await awaitingRegistration(tx, actor, input.registrationId);
  const registered = await registerEct(tx, actor, {
    schoolId: registration.schoolId,
    name: registration.name,
    trn: registration.trn,
    email: registration.email,
    dateOfBirth: registration.dateOfBirth ?? undefined,
    startsOn: registration.startsOn,
    fte: registration.fteHundredths / 100,
    tutorName: registration.tutorName,
    tutorEmail: registration.tutorEmail,
    mentorName: registration.mentorName,
    mentorEmail: registration.mentorEmail,
    previousInduction: registration.previousInduction,
    continueInduction: registration.continueInduction,
    registeredOn: registration.submittedOn,
    today,
  });
  await tx
    .update(ectRegistrations)
    .set({
      status: 'accepted',
      ectId: registered.ectId,
      decidedByUserId: actor.userId,
      decidedAt: new Date(),
    })
    .where(eq(ectRegistrations.id, registration.id));
  const schoolName = await schoolNameOf(tx, registration.schoolId);
  await sendInductionNotice(tx, await schoolRecipients(tx, registration), {
    subject: `Registration accepted: ${registration.name}`,
    heading: 'The Appropriate Body has accepted your registration',
    paragraphs: [
      `${actor.name} has accepted ${schoolName}’s registration of ${registration.name} (TRN ${registration.trn}). Their induction runs from ${longDate(registration.startsOn)}: the record shows when each progress review and assessment is due.`,
    ],
    action: {
      label: 'Open the induction record',
      url: `${actor.appUrl}/${actor.slug}/induction/${registered.ectId}`,
    },
  });
  return { ...registered, registrationId: registration.id };
}

/**
 * The AB declines a school's registration, with the reason (e.g. the school should register with another AB,
 * the TRN is wrong, no QTS yet): nothing is registered, scheduled or charged. The school is emailed the reason
 * and sees it on its induction page, from where it may correct the details and register again.
 */
export async function rejectRegistration(tx: Tx, actor: Actor, input: TRejectRegistrationInput) {
  assertDecider(actor);
  const registration = await awaitingRegistration(tx, actor, input.registrationId);
  await tx
    .update(ectRegistrations)
    .set({
      status: 'rejected',
      rejectionReason: input.reason,
      decidedByUserId: actor.userId,
      decidedAt: new Date(),
    })
    .where(eq(ectRegistrations.id, registration.id));
  const schoolName = await schoolNameOf(tx, registration.schoolId);
  const to = await schoolRecipients(tx, registration);
  for (const person of to)
    await queueEmail(tx, {
      to: person.email,
      ...emailOf('ect-registration-rejected', {
        workspaceName: actor.name,
        schoolName,
        recipientName: person.name,
        ectName: registration.name,
        trn: registration.trn,
        startsOn: longDate(registration.startsOn),
        reason: input.reason,
        url: `${actor.appUrl}/${actor.slug}/induction#registrations`,
      }),
    });
  return { registrationId: registration.id, emailed: to.length };
}

/** Only the AB's staff decide (the roles that manage ECTs and record outcomes), never a school's. */
function assertDecider(actor: Actor) {
  assertAppropriateBody(actor);
  if (!isAbStaff(actor))
    throw new DomainError({
      code: 'FORBIDDEN',
      message: 'Only the Appropriate Body accepts or declines a registration.',
    });
}

async function schoolNameOf(tx: Tx, schoolId: string) {
  const [school] = await tx.select({ name: schools.name }).from(schools).where(eq(schools.id, schoolId));
  return school?.name ?? 'the school';
}

/** The school's headteachers / business managers and whoever sent the registration, once each. */
async function schoolRecipients(tx: Tx, registration: EctRegistration): Promise<Recipient[]> {
  const heads = await headsOf(tx, registration.schoolId);
  const [sender] = await tx
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, registration.submittedByUserId));
  return sender && !heads.some((h) => h.email === sender.email) ? [...heads, sender] : heads;
}
