import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  chargeableItems,
  courseAttendance,
  courseBookings,
  courseEvaluations,
  courseSessions,
  courses,
  courseWaitlistEntries,
  ects,
  governors,
  governorTrainingRecords,
  inductionAbsences,
  inductionCheckpoints,
  inductionDeadlineReminders,
  inductionAppeals,
  inductionOutcomes,
  inductionRecommendations,
  inductionPeriods,
  inductionSupportPlans,
  invoiceLines,
  invoices,
  outboxEmails,
  personalDataErasures,
  schools,
} from '~/db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { registrationsMatch, registrationsOf } from './ect-registrations';
import { governorMeetingRecords } from './governor-meeting-records';
import { resolveSubject, type ResolvedSubject, type TPersonalDataSubject } from './privacy-subject';

/** How the export and an erasure treat invoices, said the same way on the page, in the JSON and in the PDF. */
export const invoiceNote =
  'Invoices and credit notes are never edited: an issued invoice keeps what it says, including a delegate’s or ECT’s name in a line’s description, because it is a VAT record the workspace must keep for six years. They are listed here, and an erasure leaves them (and their totals) exactly as issued; charges not yet invoiced are anonymised.';
export const auditNote =
  'The audit log records who changed what by ids only; it holds no names or emails, so it is kept whole. An erasure is itself logged without the person’s details.';

/** The governor rows of one person: every board they sit on, matched by email (or the one row if none). */
export async function governorRowsOf(tx: Tx, subject: ResolvedSubject) {
  if (!subject.governor) return [];
  if (!subject.email) return [subject.governor];
  return tx
    .select()
    .from(governors)
    .where(sql`lower(${governors.email}) = ${subject.email}`)
    .orderBy(asc(governors.appointedOn));
}

/** The course places booked for the person: by their email, or their account where one is linked. */
export function bookingsMatch(email: string, userIds: readonly string[]): SQL {
  const parts: SQL[] = [];
  if (email) parts.push(sql`lower(${courseBookings.delegateEmail}) = ${email}`);
  if (userIds.length) parts.push(inArray(courseBookings.delegateUserId, [...userIds]));
  return parts.length ? (or(...parts) ?? sql`false`) : sql`false`;
}

/**
 * Everything the workspace holds about one person, across modules, as plain JSON: the ECT record with its
 * periods, reviews and assessments, support plans, absences and outcomes; every governor appointment with
 * business interests, training, committees and attendance at the board's meetings; course places, attendance, evaluations and waiting-list entries; emails
 * sent to them; invoice lines that name them (read only); schools' registrations of them sent to the AB for
 * checking (by email, TRN or the ECT record they became); and erasures already done.
 */
export async function collectPersonalData(tx: Tx, actor: Actor, input: { subject: TPersonalDataSubject }) {
  const subject = await resolveSubject(tx, actor, input.subject);
  const governorRows = await governorRowsOf(tx, subject);
  const userIds = [...new Set(governorRows.flatMap((g) => (g.userId ? [g.userId] : [])))];

  const induction = subject.ect ? await inductionRecord(tx, subject.ect.id) : null;

  const schoolNames = new Map<string, string>();
  const schoolIds = [
    ...governorRows.map((g) => g.schoolId),
    ...(induction?.periods.map((p) => p.schoolId) ?? []),
  ];
  if (schoolIds.length)
    for (const s of await tx
      .select({ id: schools.id, name: schools.name })
      .from(schools)
      .where(inArray(schools.id, [...new Set(schoolIds)])))
      schoolNames.set(s.id, s.name);

  const training = governorRows.length
    ? await tx
        .select()
        .from(governorTrainingRecords)
        .where(
          inArray(
            governorTrainingRecords.governorId,
            governorRows.map((g) => g.id),
          ),
        )
        .orderBy(asc(governorTrainingRecords.on))
    : [];

  const boardRecords = await governorMeetingRecords(
    tx,
    governorRows.map((g) => g.id),
  );

  const bookings = await tx
    .select({
      id: courseBookings.id,
      courseId: courses.id,
      course: courses.title,
      programme: courses.programme,
      startsOn: courses.startsOn,
      endsOn: courses.endsOn,
      schoolId: courseBookings.schoolId,
      delegateName: courseBookings.delegateName,
      delegateEmail: courseBookings.delegateEmail,
      delegateRole: courseBookings.delegateRole,
      delegateNeeds: courseBookings.delegateNeeds,
      status: courseBookings.status,
      funding: courseBookings.funding,
      pricePence: courseBookings.pricePence,
      bookedAt: courseBookings.createdAt,
      cancelledAt: courseBookings.cancelledAt,
      cancelledReason: courseBookings.cancelledReason,
    })
    .from(courseBookings)
    .innerJoin(courses, eq(courses.id, courseBookings.courseId))
    .where(bookingsMatch(subject.email, userIds))
    .orderBy(asc(courses.startsOn));
  const bookingIds = bookings.map((b) => b.id);

  const [attendance, evaluations, waitlist] = bookingIds.length
    ? await Promise.all([
        tx
          .select({
            bookingId: courseAttendance.bookingId,
            session: courseSessions.title,
            on: courseSessions.on,
            status: courseAttendance.status,
          })
          .from(courseAttendance)
          .innerJoin(courseSessions, eq(courseSessions.id, courseAttendance.sessionId))
          .where(inArray(courseAttendance.bookingId, bookingIds))
          .orderBy(asc(courseSessions.on)),
        tx
          .select({
            bookingId: courseEvaluations.bookingId,
            ratings: courseEvaluations.ratings,
            comments: courseEvaluations.comments,
            submittedAt: courseEvaluations.submittedAt,
          })
          .from(courseEvaluations)
          .where(inArray(courseEvaluations.bookingId, bookingIds)),
        waitlistOf(tx, subject.email),
      ])
    : [[], [], await waitlistOf(tx, subject.email)];

  const emails = subject.email
    ? await tx
        .select({
          id: outboxEmails.id,
          to: outboxEmails.to,
          subject: outboxEmails.subject,
          status: outboxEmails.status,
          text: outboxEmails.text,
          createdAt: outboxEmails.createdAt,
          sentAt: outboxEmails.sentAt,
        })
        .from(outboxEmails)
        .where(sql`lower(${outboxEmails.to}) = ${subject.email}`)
        .orderBy(asc(outboxEmails.createdAt))
    : [];

  const registrations = await registrationsOf(
    tx,
    registrationsMatch({ email: subject.email, trn: subject.ect?.trn, ectId: subject.ect?.id }),
  );

  const charges = await chargesOf(tx, bookingIds, subject.ect?.id ?? null);
  const invoiced = charges.length
    ? await tx
        .select({
          chargeableItemId: invoiceLines.chargeableItemId,
          invoiceId: invoices.id,
          number: invoices.number,
          status: invoices.status,
          issuedOn: invoices.issuedOn,
          description: invoiceLines.description,
          netPence: invoiceLines.netPence,
        })
        .from(invoiceLines)
        .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
        .where(
          inArray(
            invoiceLines.chargeableItemId,
            charges.map((c) => c.id),
          ),
        )
    : [];

  const erasures = subject.id
    ? await tx
        .select({
          createdAt: personalDataErasures.createdAt,
          scope: personalDataErasures.scope,
          reason: personalDataErasures.reason,
        })
        .from(personalDataErasures)
        .where(eq(personalDataErasures.subjectId, subject.id))
    : [];

  const held =
    induction !== null ||
    governorRows.length + bookings.length + waitlist.length + emails.length + registrations.length > 0;
  if (!held)
    throw new DomainError({
      code: 'NOT_FOUND',
      message: 'Nothing is held about that address in this workspace.',
    });

  const school = (id: string) => schoolNames.get(id) ?? '';
  return {
    format: 'stride-personal-data/1',
    /** Named at the top so the export's audit row keeps whose data it was (by id only). */
    subjectId: subject.id,
    generatedAt: new Date().toISOString(),
    workspace: actor.name,
    subject: { kind: subject.kind, id: subject.id, name: subject.name, email: subject.email },
    induction: induction && {
      ...induction,
      periods: induction.periods.map((p) => ({ ...p, school: school(p.schoolId) })),
    },
    governance: governorRows.map((g) => ({
      id: g.id,
      school: school(g.schoolId),
      name: g.name,
      email: g.email,
      phone: g.phone,
      category: g.category,
      office: g.office,
      appointingBody: g.appointingBody,
      appointedOn: g.appointedOn,
      termYears: g.termYears,
      termEndsOn: g.termEndsOn,
      steppedDownOn: g.steppedDownOn,
      businessInterests: g.businessInterests,
      businessInterestsUrl: g.businessInterestsUrl,
      attendance: g.attendance,
      hasAccount: g.userId !== null,
      trainingElsewhere: training
        .filter((t) => t.governorId === g.id)
        .map((t) => ({ title: t.title, on: t.on, provider: t.provider })),
      /** The committees of the board they sit on, and those they were taken off (`leftOn`). */
      committees: boardRecords.committees
        .filter((c) => c.governorId === g.id)
        .map(({ governorId: _g, ...c }) => c),
      /** Each meeting they were marked at or expected at: date, board or committee, and their attendance. */
      meetings: boardRecords.meetings
        .filter((m) => m.governorId === g.id)
        .map(({ governorId: _g, ...m }) => m),
    })),
    courses: bookings.map((b) => ({
      ...b,
      attendance: attendance.filter((a) => a.bookingId === b.id).map(({ bookingId: _b, ...a }) => a),
      evaluation: evaluations.find((e) => e.bookingId === b.id) ?? null,
    })),
    waitingList: waitlist,
    /** Registrations of them a school sent to the AB for checking: accepted, declined (with why), withdrawn or awaiting. */
    registrations,
    emails,
    charges,
    invoiceLines: invoiced,
    erasures,
    notes: [invoiceNote, auditNote],
  };
}
export type PersonalDataExport = Awaited<ReturnType<typeof collectPersonalData>>;

function waitlistOf(tx: Tx, email: string) {
  if (!email) return Promise.resolve([]);
  return tx
    .select({
      id: courseWaitlistEntries.id,
      course: courses.title,
      delegateName: courseWaitlistEntries.delegateName,
      status: courseWaitlistEntries.status,
      joinedAt: courseWaitlistEntries.createdAt,
    })
    .from(courseWaitlistEntries)
    .innerJoin(courses, eq(courses.id, courseWaitlistEntries.courseId))
    .where(sql`lower(${courseWaitlistEntries.delegateEmail}) = ${email}`);
}

/** Charges raised for the person's places (and an ECT's registration fee). */
export function chargesOf(tx: Tx, bookingIds: readonly string[], ectId: string | null) {
  const sources: SQL[] = [];
  if (bookingIds.length)
    sources.push(
      and(
        eq(chargeableItems.sourceType, 'course_booking'),
        inArray(chargeableItems.sourceId, [...bookingIds]),
      ) ?? sql`false`,
    );
  if (ectId)
    sources.push(
      and(eq(chargeableItems.sourceType, 'ect_registration'), eq(chargeableItems.sourceId, ectId)) ??
        sql`false`,
    );
  if (!sources.length) return Promise.resolve([]);
  return tx
    .select({
      id: chargeableItems.id,
      description: chargeableItems.description,
      netPence: chargeableItems.netPence,
      status: chargeableItems.status,
      createdAt: chargeableItems.createdAt,
    })
    .from(chargeableItems)
    .where(or(...sources));
}

async function inductionRecord(tx: Tx, ectId: string) {
  const [ect] = await tx.select().from(ects).where(eq(ects.id, ectId));
  if (!ect) throw new DomainError({ code: 'NOT_FOUND', message: 'That ECT was not found.' });
  const [periods, checkpoints, absences, supportPlans, outcomes, recommendations, appeals, reminders] =
    await Promise.all([
      tx
        .select()
        .from(inductionPeriods)
        .where(eq(inductionPeriods.ectId, ectId))
        .orderBy(asc(inductionPeriods.startsOn)),
      tx
        .select()
        .from(inductionCheckpoints)
        .where(eq(inductionCheckpoints.ectId, ectId))
        .orderBy(asc(inductionCheckpoints.dueOn)),
      tx.select().from(inductionAbsences).where(eq(inductionAbsences.ectId, ectId)),
      tx.select().from(inductionSupportPlans).where(eq(inductionSupportPlans.ectId, ectId)),
      tx.select().from(inductionOutcomes).where(eq(inductionOutcomes.ectId, ectId)),
      tx.select().from(inductionRecommendations).where(eq(inductionRecommendations.ectId, ectId)),
      tx.select().from(inductionAppeals).where(eq(inductionAppeals.ectId, ectId)),
      tx
        .select()
        .from(inductionDeadlineReminders)
        .where(eq(inductionDeadlineReminders.ectId, ectId))
        .orderBy(asc(inductionDeadlineReminders.sentAt)),
    ]);
  return {
    ect: {
      id: ect.id,
      trn: ect.trn,
      name: ect.name,
      email: ect.email,
      dateOfBirth: ect.dateOfBirth,
      startsOn: ect.startsOn,
      status: ect.status,
      reductionTenths: ect.reductionTenths,
      reductionReason: ect.reductionReason,
      extensionTenths: ect.extensionTenths,
      previousInduction: ect.previousInduction,
    },
    periods: periods.map((p) => ({
      schoolId: p.schoolId,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      fteHundredths: p.fteHundredths,
      tutorName: p.tutorName,
      mentorName: p.mentorName,
    })),
    checkpoints: checkpoints.map((c) => ({
      kind: c.kind,
      termNumber: c.termNumber,
      dueOn: c.dueOn,
      status: c.status,
      judgement: c.judgement,
      evidence: c.evidence,
      submittedAt: c.submittedAt,
      abComment: c.abComment,
      reviewedAt: c.reviewedAt,
    })),
    absences: absences.map((a) => ({ startsOn: a.startsOn, days: a.days, reason: a.reason })),
    supportPlans: supportPlans.map((s) => ({
      status: s.status,
      actions: s.actions,
      createdAt: s.createdAt,
      closedAt: s.closedAt,
    })),
    outcomes: outcomes.map((o) => ({
      outcome: o.outcome,
      decidedOn: o.decidedOn,
      termsServedTenths: o.termsServedTenths,
      extensionTenths: o.extensionTenths,
      note: o.note,
    })),
    recommendations: recommendations.map((r) => ({
      recommendation: r.recommendation,
      recommendedOn: r.recommendedOn,
      note: r.note,
      representations: r.representations,
      representationsOn: r.representationsOn,
    })),
    appeals: appeals.map((a) => ({
      lodgedOn: a.lodgedOn,
      result: a.result,
      resultOn: a.resultOn,
      /** What the result put in place of the decision appealed against (a pass or an extension). */
      resultOutcome: outcomes.find((o) => o.id === a.resultOutcomeId)?.outcome ?? null,
      note: a.note,
    })),
    /** Reminders of the deadlines at the end of induction sent about the ECT (to the school or the AB). */
    deadlineReminders: reminders.map((r) => ({
      deadline: r.kind,
      dueOn: r.dueOn,
      overdue: r.overdue,
      emails: r.emails,
      sentAt: r.sentAt,
    })),
  };
}
