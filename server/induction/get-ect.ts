import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  courseBookings,
  courses,
  inductionAbsences,
  inductionCheckpoints,
  inductionOutcomes,
  inductionPeriods,
  inductionSupportPlans,
  schools,
  users,
} from '~/db/schema';
import type { Actor } from '../access/actor';
import { academicYearOf, type IsoDate } from '../catalogue/academic-year';
import { defaultTermDates, loadTermDates } from '../calendar/term-dates';
import { isAbStaff, ownSchoolIds } from './appropriate-body';
import { checkpointGuidance, type GuidanceReader } from './checkpoint-guidance';
import { editablePeriodIds } from './edit-ect';
import { decisionDeadlines, loadDecisions } from './induction-decisions';
import { loadEctFor, recommendsFor, submitsFor } from './ect-access';
import { checkpointOpensOn, isOverdue, overdueAtRegistration } from './induction-schedule';
import { lateCheckpoint, registeredOnOf } from './late-registration';
import { scheduleFor } from './reschedule-ect';
import { consultancyAvailable } from './submit-checkpoint';

/**
 * One ECT's induction record: periods (schools), checkpoints with due dates and status, absences, support
 * plans, outcomes, the schedule's expected completion, and the ECT's course bookings in this workspace (the
 * induction programme, booked with their email). Each checkpoint says whether this actor may submit or review it.
 */
export async function getEct(tx: Tx, actor: Actor, input: { ectId: string; today: IsoDate }) {
  const { ect, periods } = await loadEctFor(tx, actor, input.ectId);
  const [periodRows, checkpoints, absences, plans, outcomes, bookings, schedule, editable, decisions] =
    await Promise.all([
      tx
        .select({ id: inductionPeriods.id, schoolName: schools.name })
        .from(inductionPeriods)
        .innerJoin(schools, eq(schools.id, inductionPeriods.schoolId))
        .where(eq(inductionPeriods.ectId, ect.id)),
      tx
        .select()
        .from(inductionCheckpoints)
        .where(eq(inductionCheckpoints.ectId, ect.id))
        .orderBy(asc(inductionCheckpoints.dueOn), asc(inductionCheckpoints.termNumber)),
      tx
        .select()
        .from(inductionAbsences)
        .where(eq(inductionAbsences.ectId, ect.id))
        .orderBy(asc(inductionAbsences.startsOn)),
      tx
        .select()
        .from(inductionSupportPlans)
        .where(eq(inductionSupportPlans.ectId, ect.id))
        .orderBy(desc(inductionSupportPlans.createdAt)),
      tx
        .select({ outcome: inductionOutcomes, recordedBy: users.name })
        .from(inductionOutcomes)
        .leftJoin(users, eq(users.id, inductionOutcomes.recordedByUserId))
        .where(eq(inductionOutcomes.ectId, ect.id))
        .orderBy(asc(inductionOutcomes.decidedOn)),
      tx
        .select({
          id: courseBookings.id,
          courseTitle: courses.title,
          programme: courses.programme,
          startsOn: courses.startsOn,
          status: courseBookings.status,
        })
        .from(courseBookings)
        .innerJoin(courses, eq(courses.id, courseBookings.courseId))
        .where(
          and(
            sql`lower(${courseBookings.delegateEmail}) = ${ect.email.toLowerCase()}`,
            ne(courseBookings.status, 'cancelled'),
          ),
        )
        .orderBy(asc(courses.startsOn)),
      scheduleFor(tx, ect.id),
      editablePeriodIds(tx, actor, ect.id),
      loadDecisions(tx, ect.id),
    ]);
  const schoolOf = new Map(periodRows.map((p) => [p.id, p.schoolName]));
  const periodById = new Map(periods.map((p) => [p.id, p]));
  const abStaff = isAbStaff(actor);
  const current = periods[periods.length - 1];
  const self = actor.roles.includes('ect') && actor.user.email.toLowerCase() === ect.email.toLowerCase();
  const { pending, lastOutcome, lastOutcomeByAppeal } = decisions;
  // When each checkpoint opens for submission (the start of the term it closes), by the workspace's term dates.
  const years = [...new Set(checkpoints.map((c) => academicYearOf(c.dueOn)))];
  const datesOf = new Map(
    await Promise.all(years.map(async (y) => [y, await loadTermDates(tx, y)] as const)),
  );
  const opensOn = (dueOn: string) => checkpointOpensOn(dueOn, (y) => datesOf.get(y) ?? defaultTermDates(y));
  // The day the school registered each period (a late registration's reviews may already have been overdue).
  const registeredOn = (periodId: string) => {
    const period = periodById.get(periodId);
    return period ? registeredOnOf(period) : null;
  };
  const lateAtRegistration = (c: (typeof checkpoints)[number]) => {
    const on = registeredOn(c.periodId);
    return on !== null && overdueAtRegistration(c, on);
  };
  const registeredOnCurrent = current ? registeredOnOf(current) : null;
  // Who is reading a checkpoint they do not submit: the ECT, the mentor named on the period it belongs to,
  // other staff of that school, or someone at another school the ECT was or is at.
  const ownSchools = ownSchoolIds(actor);
  const readerOf = (period: (typeof periods)[number]): GuidanceReader => {
    if (self) return 'ect';
    if (!ownSchools.includes(period.schoolId)) return 'other_school';
    return period.mentorEmail.toLowerCase() === actor.user.email.toLowerCase() ? 'mentor' : 'staff';
  };
  // The recommendation opens with the final assessment (see recommendationOpensOn).
  const finalCheckpoint = checkpoints.filter((c) => c.termNumber !== null).at(-1);
  const recommendationOpensOn = finalCheckpoint ? opensOn(finalCheckpoint.dueOn) : null;
  return {
    ect,
    periods: periods.map((p) => ({ ...p, schoolName: schoolOf.get(p.id) ?? '' })),
    checkpoints: checkpoints.map((c) => {
      const period = periodById.get(c.periodId);
      const submitter = period !== undefined && submitsFor(actor, period);
      const mayAct = ect.status === 'in_progress' && submitter;
      const overdue = isOverdue(c, input.today);
      return {
        ...c,
        schoolName: schoolOf.get(c.periodId) ?? '',
        /** Set when the ECT has left that school: the checkpoint stays with it, for their time there. */
        periodEndsOn: period?.endsOn ?? null,
        overdue,
        /** Already past its due date when the school registered the ECT there (a late registration). */
        overdueAtRegistration: lateAtRegistration(c),
        opensOn: opensOn(c.dueOn),
        maySubmit:
          mayAct &&
          (c.status === 'due' || c.status === 'changes_requested') &&
          opensOn(c.dueOn) <= input.today,
        mayReview: abStaff && c.status === 'submitted',
        /** Whether this actor submits it (once it opens); the page offers them the form, nobody else. */
        submitsThis: mayAct,
        /**
         * For a mentor, other staff, another school or the ECT (who do not submit it): who does, by when, and
         * what they can do, if anything. None for those who submit it and for the AB's staff.
         */
        guidance:
          period && !submitter && !abStaff && ect.status === 'in_progress'
            ? checkpointGuidance({
                reader: readerOf(period),
                checkpoint: { ...c, opensOn: opensOn(c.dueOn), overdue },
                ectName: ect.name,
                schoolName: schoolOf.get(c.periodId) ?? '',
                tutorName: period.tutorName,
                today: input.today,
              })
            : null,
      };
    }),
    /**
     * The registration at the school the ECT is at now: when, whether it came after the start there, and what
     * was already overdue then and is still not submitted.
     */
    registration:
      current && registeredOnCurrent
        ? {
            schoolName: schoolOf.get(current.id) ?? '',
            registeredOn: registeredOnCurrent,
            startsOn: current.startsOn,
            late: current.startsOn < registeredOnCurrent,
            overdue: checkpoints
              .filter((c) => c.periodId === current.id && lateAtRegistration(c))
              .map(lateCheckpoint),
          }
        : null,
    absences,
    supportPlans: plans,
    outcomes: outcomes.map((o) => ({ ...o.outcome, recordedBy: o.recordedBy ?? '' })),
    bookings,
    schedule: {
      termsRequired: schedule.termsRequired,
      completesOn: schedule.completesOn,
      absenceExtensions: schedule.absenceExtensions,
    },
    atRisk: plans.some((p) => p.status === 'open'),
    consultancy:
      current && plans.some((p) => p.status === 'open')
        ? await consultancyAvailable(tx, actor, current.schoolId)
        : false,
    mayRecordOutcome: abStaff && ect.status === 'in_progress',
    /** The end of induction: the head's recommendation, the ECT's representations, the decision, an appeal. */
    decisions: {
      recommendations: decisions.recommendations,
      pendingRecommendationId: pending?.id ?? null,
      appeals: decisions.appeals,
      deadlines: decisionDeadlines({
        completesOn: schedule.completesOn,
        recommendedOn: pending?.recommendedOn ?? null,
        // No appeal date once the decision has been appealed, nor after the TRA's result (which is final).
        lastOutcome:
          lastOutcomeByAppeal || decisions.appeals.some((a) => a.outcomeId === lastOutcome?.id)
            ? null
            : lastOutcome,
      }),
      recommendationOpensOn,
      mayRecommend:
        ect.status === 'in_progress' &&
        !pending &&
        (recommendationOpensOn === null || recommendationOpensOn <= input.today) &&
        (abStaff || (current !== undefined && recommendsFor(actor, current))),
      mayMakeRepresentations: pending !== null && pending.representationsOn === null && (self || abStaff),
      mayRecordAppeal:
        abStaff &&
        lastOutcome !== null &&
        lastOutcome.outcome !== 'pass' &&
        !lastOutcomeByAppeal &&
        !decisions.appeals.some((a) => a.outcomeId === lastOutcome.id),
      mayDecideAppeal: abStaff,
    },
    mayCloseSupportPlan: abStaff,
    /** The AB reduces induction (prior experience) while it runs, and corrects the TRN. */
    mayReduce: abStaff && ect.status === 'in_progress',
    mayCorrectTrn: abStaff && !ect.trn.startsWith('erased-'),
    /** Periods this actor may correct (FTE, start, tutor, mentor), and whether the ECT's details too. */
    editablePeriodIds: ect.status === 'in_progress' ? editable : [],
    mayEditDetails:
      abStaff || (ect.status === 'in_progress' && current !== undefined && editable.includes(current.id)),
    /** Absences can lengthen induction: recorded by those who submit its reviews, not any member of staff. */
    mayRecordAbsence:
      ect.status === 'in_progress' && (abStaff || (current ? submitsFor(actor, current) : false)),
  };
}
