import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ects, inductionCheckpoints, inductionPeriods, schools } from '~/db/schema';
import type { Actor } from '../access/actor';
import { todayInLondon, type IsoDate } from '../catalogue/academic-year';
import { recordCharge } from '../entitlements/draw-down-entitlement';
import { DomainError } from '../errors/domain-error';
import { assertMaySeeSchool } from '../workspaces/school-scope';
import { assertAppropriateBody, awaitsAcceptance, feePerEctPence, isAbStaff } from './appropriate-body';
import type { TRegisterEctInput } from './induction-inputs';
import { chargePerEctPackages } from './bill-per-ect-packages';
import { addDays } from '../courses/london-time';
import { longDate } from '../format/dates';
import { headsOf, sendInductionNotice } from './induction-emails';
import { inviteInductionPeople } from './invite-induction-people';
import { grantProgrammePlace, programmeYearFor } from './programme-places';
import { checkpointTitle } from './induction-labels';
import { isOverdue } from './induction-schedule';
import { overdueInPeriod, tellAbOfLateRegistration } from './late-registration';
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
 * Refuses a TRN already registered at this school or whose induction with this AB is complete, and one
 * registered at another school unless the school chooses to continue that induction (a transfer).
 */
export function assertTrnMayRegister(
  existing: Awaited<ReturnType<typeof findRegisteredTrn>>,
  input: { trn: string; schoolId: string; continueInduction: boolean },
  schoolName: string,
) {
  if (!existing) return;
  if (existing.schoolId === input.schoolId)
    throw new DomainError({
      code: 'CONFLICT',
      field: 'trn',
      message: `TRN ${input.trn} is already registered at ${schoolName} (${existing.name}).`,
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
      message: `TRN ${input.trn} is already registered: ${existing.name}, at ${existing.schoolName ?? 'another school'} since ${longDate(existing.startsOn)}. Choose “continue the induction” to transfer them to ${schoolName}.`,
    });
}

/**
 * The day of a registration: today, unless an AB officer enters the earlier day the AB received it (a
 * registration made late, e.g. on paper, and typed in afterwards). A school registering its own ECT cannot
 * date it back (that would hide its lateness), and nobody can date it forward.
 */
export function registrationDay(
  actor: Pick<Actor, 'roles'>,
  registeredOn: IsoDate | undefined,
  today: IsoDate,
) {
  if (registeredOn === undefined || registeredOn === today) return today;
  if (registeredOn > today)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'registeredOn',
      message: 'The date of registration cannot be in the future.',
    });
  if (!isAbStaff(actor))
    throw new DomainError({
      code: 'FORBIDDEN',
      field: 'registeredOn',
      message: 'Only the Appropriate Body can enter an earlier date of registration.',
    });
  return registeredOn;
}

/**
 * A school registers an ECT with the AB: the ECT's record, their first period at the school (FTE, tutor,
 * mentor) and the checkpoints of their schedule; the AB's fee becomes a chargeable item on the school's next
 * invoice. A TRN already registered at another school of this AB is refused unless the school chooses to
 * continue that induction: the old period closes (an interim assessment falls due there) and a new one opens
 * here. A transfer is not charged again. Where the school holds an induction package, the ECT's place on
 * the induction programme is granted (see programme-places.ts). The tutor, mentor and ECT named are invited
 * to the workspace unless they already have access (see invite-induction-people.ts). Where the AB checks
 * registrations, a school's goes through submitRegistration instead and takes effect here once the AB accepts it
 * (see submit-registration.ts and decide-registration.ts).
 */
export async function registerEct(tx: Tx, actor: Actor, input: TRegisterEctInput & { today?: IsoDate }) {
  const today = input.today ?? todayInLondon();
  const registeredOn = registrationDay(actor, input.registeredOn, today);
  // The ECT's programme place and, for packages priced per ECT, their charge (each once per ECT).
  const placeFor = async (ect: { id: string; name: string }) => {
    const academicYear = programmeYearFor(input.startsOn, today);
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
  if (awaitsAcceptance(actor))
    throw new DomainError({
      code: 'FORBIDDEN',
      message: `${actor.name} checks each school’s registration before it takes effect: send it to the Appropriate Body to check.`,
    });
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
    registeredOn,
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
  assertTrnMayRegister(existing, input, school.name);
  if (existing) {
    // The ECT leaves the old school's mailbox behind: an address given here replaces it on the record, which
    // is how the ECT is matched to their record when they sign in (see ect-access.ts); none given keeps it.
    const [onRecord] = await tx.select({ email: ects.email }).from(ects).where(eq(ects.id, existing.id));
    const ectEmail = input.email ? input.email.toLowerCase() : (onRecord?.email ?? '');
    if (ectEmail !== onRecord?.email)
      await tx.update(ects).set({ email: ectEmail }).where(eq(ects.id, existing.id));
    const transferred = await transferEct(tx, actor, {
      ectId: existing.id,
      period,
      school,
      today,
    });
    return {
      ...transferred,
      lateRegistration: await checkLateness(tx, actor, {
        ectId: existing.id,
        ectName: existing.name,
        schoolName: school.name,
        periodId: transferred.periodId,
        startsOn: input.startsOn,
        registeredOn,
        transferred: true,
      }),
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
  const [registered] = await tx
    .insert(inductionPeriods)
    .values({ ...period, ectId: ect.id })
    .returning({ id: inductionPeriods.id });
  if (!registered) throw new Error('could not register the induction period');
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
          vatTreatment: 'exempt',
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
    lateRegistration: await checkLateness(tx, actor, {
      ectId: ect.id,
      ectName: input.name,
      schoolName: school.name,
      periodId: registered.id,
      startsOn: input.startsOn,
      registeredOn,
      transferred: false,
    }),
  };
}

/**
 * Whether the registration is late (made after the start it gives) and which of the period's reviews and
 * assessments were already overdue on the day of registration; the AB's staff are told of those (see
 * late-registration.ts).
 */
async function checkLateness(
  tx: Tx,
  actor: Actor,
  input: {
    ectId: string;
    ectName: string;
    schoolName: string;
    periodId: string;
    startsOn: IsoDate;
    registeredOn: IsoDate;
    transferred: boolean;
  },
) {
  const overdue = await overdueInPeriod(tx, input.periodId, input.registeredOn);
  await tellAbOfLateRegistration(tx, actor, { ...input, overdue });
  return {
    late: input.startsOn < input.registeredOn,
    startsOn: input.startsOn,
    registeredOn: input.registeredOn,
    overdue,
  };
}

async function transferEct(
  tx: Tx,
  actor: Actor,
  input: {
    ectId: string;
    period: Omit<typeof inductionPeriods.$inferInsert, 'ectId'>;
    school: { id: string; name: string };
    today: IsoDate;
  },
) {
  const old = await openPeriod(tx, input.ectId);
  let leftOn: IsoDate | null = null;
  if (old) {
    if (input.period.startsOn <= old.startsOn)
      throw new DomainError({
        code: 'BAD_REQUEST',
        field: 'startsOn',
        message: `The start at ${input.school.name} must be after the start at the previous school (${longDate(old.startsOn)}).`,
      });
    leftOn = addDays(input.period.startsOn, -1);
    await tx.update(inductionPeriods).set({ endsOn: leftOn }).where(eq(inductionPeriods.id, old.id));
    // The school the ECT leaves completes an interim assessment, due on their last working day there in term
    // (not on a holiday Sunday before the new school's term).
    await tx.insert(inductionCheckpoints).values({
      tenantId: actor.tenantId,
      ectId: input.ectId,
      periodId: old.id,
      kind: 'interim',
      termNumber: null,
      dueOn: await loadInterimDueOn(tx, old.startsOn, leftOn),
    });
  }
  const [registered] = await tx
    .insert(inductionPeriods)
    .values({ ...input.period, ectId: input.ectId })
    .returning({ id: inductionPeriods.id });
  if (!registered) throw new Error('could not register the induction period');
  // Rescheduling leaves the reviews of terms served at the old school with it and gives the new school the rest.
  const schedule = await rescheduleEct(tx, actor.tenantId, input.ectId);
  if (old && leftOn)
    await tellSchoolLeftBehind(tx, actor, {
      ectId: input.ectId,
      old: { ...old, endsOn: leftOn },
      newSchool: input.school,
      startsOn: input.period.startsOn,
      today: input.today,
    });
  return {
    ectId: input.ectId,
    transferred: true,
    periodId: registered.id,
    completesOn: schedule.completesOn,
    chargeableItemId: null,
  };
}

/**
 * The school an ECT leaves hears of the move and of everything it still has to submit: the interim assessment
 * and each review or assessment of a term served there not yet sent (or sent back by the AB), which stay with
 * it rather than passing to the new school. Its heads and the tutor named on the ECT's period there are told.
 */
async function tellSchoolLeftBehind(
  tx: Tx,
  actor: Actor,
  input: {
    ectId: string;
    old: { id: string; schoolId: string; tutorName: string; tutorEmail: string; endsOn: IsoDate };
    newSchool: { name: string };
    startsOn: IsoDate;
    today: IsoDate;
  },
) {
  const [ect] = await tx.select({ name: ects.name }).from(ects).where(eq(ects.id, input.ectId));
  const [oldSchool] = await tx
    .select({ name: schools.name })
    .from(schools)
    .where(eq(schools.id, input.old.schoolId));
  const owed = await tx
    .select({
      kind: inductionCheckpoints.kind,
      termNumber: inductionCheckpoints.termNumber,
      dueOn: inductionCheckpoints.dueOn,
      status: inductionCheckpoints.status,
    })
    .from(inductionCheckpoints)
    .where(
      and(
        eq(inductionCheckpoints.periodId, input.old.id),
        inArray(inductionCheckpoints.status, ['due', 'changes_requested']),
      ),
    )
    .orderBy(asc(inductionCheckpoints.dueOn), asc(inductionCheckpoints.termNumber));
  const ectName = ect?.name ?? 'your ECT';
  const here = oldSchool?.name ?? 'your school';
  const late = (c: (typeof owed)[number]) => (isOverdue(c, input.today) ? ' (overdue)' : '');
  const items = owed.map((c) =>
    c.kind === 'interim'
      ? `Interim assessment: by ${longDate(c.dueOn)}, their last day in term with you${late(c)}`
      : `${checkpointTitle(c)}: due ${longDate(c.dueOn)}${late(c)}${c.status === 'changes_requested' ? ', with the changes the Appropriate Body asked for' : ''}`,
  );
  const reviews = owed.filter((c) => c.kind !== 'interim').length;
  const heads = await headsOf(tx, input.old.schoolId);
  const tutor = { name: input.old.tutorName, email: input.old.tutorEmail };
  const to = [...heads, ...(heads.some((h) => h.email === tutor.email) ? [] : [tutor])];
  await sendInductionNotice(tx, to, {
    subject: `ECT moving on: ${ectName} leaves ${here}`,
    heading: 'An early career teacher is continuing induction at another school',
    paragraphs: [
      `${input.newSchool.name} has registered ${ectName} from ${longDate(input.startsOn)}, continuing their induction there. Their time at ${here} ends on ${longDate(input.old.endsOn)}.`,
      `Please submit the interim assessment of their time at ${here}${reviews === 0 ? '' : reviews === 1 ? ' and the review of a term they completed with you that has not yet been sent' : ' and the reviews and assessments of terms they completed with you that have not yet been sent'} (listed below). ${reviews === 0 ? 'It stays' : 'They stay'} with ${here} and ${reviews === 0 ? 'is' : 'are'} not passed to ${input.newSchool.name}: the headteacher or the induction tutor (${input.old.tutorName}) submits ${reviews === 0 ? 'it' : 'them'} from the induction record.`,
    ],
    items,
    action: {
      label: 'Open the induction record',
      url: `${actor.appUrl}/${actor.slug}/induction/${input.ectId}`,
    },
    footnote: `${input.newSchool.name} takes on the reviews and assessments falling due from ${longDate(input.startsOn)}.`,
  });
}
