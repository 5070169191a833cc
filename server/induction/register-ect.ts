import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ects, inductionCheckpoints, inductionPeriods, schools } from '~/db/schema';
import type { Actor } from '../access/actor';
import { todayInLondon, type IsoDate } from '../catalogue/academic-year';
import { recordCharge } from '../entitlements/draw-down-entitlement';
import { DomainError } from '../errors/domain-error';
import { assertMaySeeSchool } from '../workspaces/school-scope';
import { assertAppropriateBody, feePerEctPence } from './appropriate-body';
import type { TRegisterEctInput } from './induction-inputs';
import { chargePerEctPackages } from './bill-per-ect-packages';
import { longDate } from '../format/dates';
import { headsOf, sendInductionNotice } from './induction-emails';
import { inviteInductionPeople } from './invite-induction-people';
import { grantProgrammePlace, programmeYearFor } from './programme-places';
import { loadInterimDueOn, openPeriod, rescheduleEct } from './reschedule-ect';

/** What a school sees of a TRN already registered at another school of this AB: enough to continue it. */
export async function findRegisteredTrn(tx: Tx, actor: Actor, trn: string) {
  assertAppropriateBody(actor);
  const [found] = await tx
    .select({
      id: ects.id,
      name: ects.name,
      startsOn: ects.startsOn,
      status: ects.status,
      schoolId: inductionPeriods.schoolId,
      schoolName: schools.name,
    })
    .from(ects)
    .leftJoin(inductionPeriods, and(eq(inductionPeriods.ectId, ects.id), isNull(inductionPeriods.endsOn)))
    .leftJoin(schools, eq(schools.id, inductionPeriods.schoolId))
    .where(eq(ects.trn, trn));
  return found ?? null;
}

/**
 * A school registers an ECT with the AB: the ECT's record, their first period at the school (FTE, tutor,
 * mentor) and the checkpoints of their schedule; the AB's fee becomes a chargeable item on the school's next
 * invoice. A TRN already registered at another school of this AB is refused unless the school chooses to
 * continue that induction: the old period closes (an interim assessment falls due there) and a new one opens
 * here. A transfer is not charged again. Where the school holds an induction package, the ECT's place on
 * the induction programme is granted (see programme-places.ts). The tutor, mentor and ECT named are invited
 * to the workspace unless they already have access (see invite-induction-people.ts).
 */
export async function registerEct(tx: Tx, actor: Actor, input: TRegisterEctInput & { today?: IsoDate }) {
  // The ECT's programme place and, for packages priced per ECT, their charge (each once per ECT).
  const placeFor = async (ect: { id: string; name: string }) => {
    const academicYear = programmeYearFor(input.startsOn, input.today ?? todayInLondon());
    await chargePerEctPackages(tx, { tenantId: actor.tenantId, ect, schoolId: input.schoolId, academicYear });
    return grantProgrammePlace(tx, {
      tenantId: actor.tenantId,
      ect,
      schoolId: input.schoolId,
      academicYear,
      actorUserId: actor.userId || null,
    });
  };
  assertAppropriateBody(actor);
  assertMaySeeSchool(actor.memberships, input.schoolId);
  const [school] = await tx
    .select({ id: schools.id, name: schools.name, member: schools.isPartnershipMember })
    .from(schools)
    .where(eq(schools.id, input.schoolId));
  if (!school) throw new DomainError({ code: 'NOT_FOUND', message: 'That school was not found.' });
  const period = {
    tenantId: actor.tenantId,
    schoolId: input.schoolId,
    startsOn: input.startsOn,
    fteHundredths: Math.round(input.fte * 100),
    tutorName: input.tutorName,
    tutorEmail: input.tutorEmail.toLowerCase(),
    mentorName: input.mentorName,
    mentorEmail: input.mentorEmail.toLowerCase(),
  };

  const invite = (ectEmail: string) =>
    inviteInductionPeople(tx, actor, {
      schoolId: school.id,
      schoolName: school.name,
      ect: { name: input.name, email: ectEmail },
      tutor: { name: input.tutorName, email: input.tutorEmail },
      mentor: { name: input.mentorName, email: input.mentorEmail },
    });

  const existing = await findRegisteredTrn(tx, actor, input.trn);
  if (existing) {
    if (existing.schoolId === input.schoolId)
      throw new DomainError({
        code: 'CONFLICT',
        field: 'trn',
        message: `TRN ${input.trn} is already registered at ${school.name} (${existing.name}).`,
      });
    if (existing.status === 'completed')
      throw new DomainError({
        code: 'CONFLICT',
        field: 'trn',
        message: `${existing.name} (TRN ${input.trn}) has completed induction with this Appropriate Body.`,
      });
    if (!input.continueInduction)
      throw new DomainError({
        code: 'CONFLICT',
        field: 'trn',
        message: `TRN ${input.trn} is already registered: ${existing.name}, at ${existing.schoolName ?? 'another school'} since ${existing.startsOn}. Choose “continue the induction” to transfer them to ${school.name}.`,
      });
    // The ECT leaves the old school's mailbox behind: an address given here replaces it on the record, which
    // is how the ECT is matched to their record when they sign in (see ect-access.ts); none given keeps it.
    const [onRecord] = await tx.select({ email: ects.email }).from(ects).where(eq(ects.id, existing.id));
    const ectEmail = input.email ? input.email.toLowerCase() : (onRecord?.email ?? '');
    if (ectEmail !== onRecord?.email)
      await tx.update(ects).set({ email: ectEmail }).where(eq(ects.id, existing.id));
    const transferred = await transferEct(tx, actor, { ectId: existing.id, period, school });
    return {
      ...transferred,
      programmePlace: (await placeFor({ id: existing.id, name: existing.name })) > 0,
      invited: await invite(ectEmail),
    };
  }
  if (!input.email)
    throw new DomainError({ code: 'BAD_REQUEST', field: 'email', message: 'Enter the ECT’s email address.' });

  const [ect] = await tx
    .insert(ects)
    .values({
      tenantId: actor.tenantId,
      trn: input.trn,
      name: input.name,
      email: input.email.toLowerCase(),
      dateOfBirth: input.dateOfBirth ?? null,
      startsOn: input.startsOn,
      previousInduction: input.previousInduction,
    })
    .returning({ id: ects.id });
  if (!ect) throw new Error('could not register the ECT');
  await tx.insert(inductionPeriods).values({ ...period, ectId: ect.id });
  const schedule = await rescheduleEct(tx, actor.tenantId, ect.id);
  const fee = feePerEctPence(actor);
  const charge =
    fee > 0
      ? await recordCharge(tx, {
          tenantId: actor.tenantId,
          schoolId: input.schoolId,
          description: `Appropriate Body fee: induction of ${input.name} (TRN ${input.trn})`,
          unitPricePence: fee,
          quantityHundredths: 100,
          // Education services supplied by an eligible body (a school's trust) are exempt from VAT.
          vatRateBasisPoints: 0,
          pricedAsMember: school.member,
          sourceType: 'ect_registration',
          sourceId: ect.id,
        })
      : null;
  return {
    ectId: ect.id,
    transferred: false,
    completesOn: schedule.completesOn,
    chargeableItemId: charge?.id ?? null,
    programmePlace: (await placeFor({ id: ect.id, name: input.name })) > 0,
    invited: await invite(input.email),
  };
}

async function transferEct(
  tx: Tx,
  actor: Actor,
  input: {
    ectId: string;
    period: Omit<typeof inductionPeriods.$inferInsert, 'ectId'>;
    school: { id: string; name: string };
  },
) {
  const old = await openPeriod(tx, input.ectId);
  if (old) {
    if (input.period.startsOn <= old.startsOn)
      throw new DomainError({
        code: 'BAD_REQUEST',
        field: 'startsOn',
        message: `The start at ${input.school.name} must be after the start at the previous school (${old.startsOn}).`,
      });
    const [y, m, d] = input.period.startsOn.split('-').map(Number);
    const leftOn = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) - 1)).toISOString().slice(0, 10);
    await tx.update(inductionPeriods).set({ endsOn: leftOn }).where(eq(inductionPeriods.id, old.id));
    // The school the ECT leaves completes an interim assessment, due on their last working day there in term
    // (not on a holiday Sunday before the new school's term).
    const interimDue = await loadInterimDueOn(tx, old.startsOn, leftOn);
    await tx.insert(inductionCheckpoints).values({
      tenantId: actor.tenantId,
      ectId: input.ectId,
      periodId: old.id,
      kind: 'interim',
      termNumber: null,
      dueOn: interimDue,
    });
    // The school left behind hears of the move and of the interim assessment it owes.
    const [ect] = await tx.select({ name: ects.name }).from(ects).where(eq(ects.id, input.ectId));
    const [oldSchool] = await tx
      .select({ name: schools.name })
      .from(schools)
      .where(eq(schools.id, old.schoolId));
    const heads = await headsOf(tx, old.schoolId);
    const tutor = { name: old.tutorName, email: old.tutorEmail };
    const to = [...heads, ...(heads.some((h) => h.email === tutor.email) ? [] : [tutor])];
    await sendInductionNotice(tx, to, {
      subject: `ECT moving on: ${ect?.name ?? 'an ECT'} leaves ${oldSchool?.name ?? 'your school'}`,
      heading: 'An early career teacher is continuing induction at another school',
      paragraphs: [
        `${input.school.name} has registered ${ect?.name ?? 'your ECT'} from ${longDate(input.period.startsOn)}, continuing their induction there. Their time at ${oldSchool?.name ?? 'your school'} ends on ${longDate(leftOn)}.`,
        `Please complete an interim assessment of their induction at ${oldSchool?.name ?? 'your school'} by ${longDate(interimDue)}, their last day in term with you, so the new school and the Appropriate Body have it.`,
      ],
      action: {
        label: 'Open the induction record',
        url: `${actor.appUrl}/${actor.slug}/induction/${input.ectId}`,
      },
    });
  }
  await tx.insert(inductionPeriods).values({ ...input.period, ectId: input.ectId });
  const schedule = await rescheduleEct(tx, actor.tenantId, input.ectId);
  return {
    ectId: input.ectId,
    transferred: true,
    completesOn: schedule.completesOn,
    chargeableItemId: null,
  };
}
