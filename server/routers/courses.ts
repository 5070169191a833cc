import { priceNamesOf } from '../catalogue/price-names';
import { z } from 'zod';
import {
  courseBookers,
  courseCertificateReaders,
  courseManagers,
  hasRole,
  headteachers,
  managers,
  schoolManagers,
} from '../access/role-groups';
import { todayInLondon } from '../catalogue/academic-year';
import { attendanceCertificate } from '../courses/attendance-certificate';
import { courseEvaluationResults, facilitatorEvaluationResults } from '../courses/evaluations';
import { getRegister } from '../courses/get-register';
import { markAttendance, ZMarkAttendanceInput } from '../courses/mark-attendance';
import { bookPlaces } from '../courses/book-places';
import { courseDelegatesCsv, courseListCsv, schoolBookingsCsv } from '../courses/bookings-csv';
import {
  approvalCost,
  decideBooking,
  ZApprovalCostInput,
  ZDecideBookingInput,
} from '../courses/approve-booking';
import { cancelBooking, ZCancelBookingInput } from '../courses/cancel-booking';
import { cancelMyPlace } from '../courses/cancel-my-place';
import { cancelCourse, ZCancelCourseInput } from '../courses/cancel-course';
import { listCourseDelegates, listSchoolBookings } from '../courses/list-bookings';
import { listCourseMessages, messageDelegates, ZMessageDelegatesInput } from '../courses/message-delegates';
import { promoteFromWaitlist, ZPromoteInput } from '../courses/promote-from-waitlist';
import {
  schoolBookingApproval,
  setSchoolBookingApproval,
  ZSetSchoolBookingApprovalInput,
} from '../courses/school-booking-approval';
import { substituteDelegate, ZSubstituteInput } from '../courses/substitute-delegate';
import { leaveWaitingList, listWaitingPlaces, ZLeaveWaitingListInput } from '../courses/waiting-places';
import {
  evaluateMyPlace,
  findPlace,
  listMyPlaces,
  ZEvaluateMyPlaceInput,
  type PlaceViewer,
} from '../courses/my-places';
import { ZBookPlacesInput, ZPreviewBookingInput } from '../courses/booking-inputs';
import { ZCourseInput } from '../courses/course-inputs';
import { createCourse } from '../courses/create-course';
import { courseVatDefault } from '../courses/course-vat';
import { assertCourseModules } from '../courses/course-modules';
import { duplicateCourse, ZDuplicateCourseInput } from '../courses/duplicate-course';
import { getCourse } from '../courses/get-course';
import { listCourses, ZListCoursesInput } from '../courses/list-courses';
import { coursesDashboard } from '../courses/courses-dashboard';
import { previewBooking } from '../courses/preview-booking';
import { publishCourse, ZPublishCourseInput } from '../courses/publish-course';
import { updateCourse, ZUpdateCourseInput } from '../courses/update-course';
import { DomainError } from '../errors/domain-error';
import { revalidateCatalogueOnCommit } from '../courses/catalogue-cache';
import { router, tenantProcedure, type Actor, type SessionUser } from '../trpc';
import type { Tx } from '~/db/client';
import { readBookingContext } from '../courses/load-booking-context';
import { assertMaySeeSchool, scopeToSchool } from '../workspaces/school-scope';

/**
 * A procedure of the courses module. A mutation that commits (a course made, edited, published, cancelled or
 * dated, a place booked, cancelled or promoted, …) revalidates the workspace's cached public catalogue.
 */
const coursesProcedure = <Sent = null>(
  roles: Parameters<typeof tenantProcedure>[0]['roles'],
  sendFirst?: (tx: Tx, rawInput: unknown, user: SessionUser) => Sent,
) =>
  tenantProcedure({ module: 'courses', roles, sendFirst }).use(async ({ ctx, type, next }) => {
    const result = await next();
    if (result.ok && type === 'mutation') revalidateCatalogueOnCommit(ctx.tx, ctx.actor);
    return result;
  });

const manage = coursesProcedure(courseManagers);
const book = coursesProcedure(courseBookers);

/**
 * The courses.book procedure's context read (course, school, sessions, places already held), sent with the
 * workspace lookup: booking is the hot path, and this saves it a round trip. Its delegates are the ones the
 * procedure books: those named, or the signed-in person booking themselves.
 */
const sendBookingContext = (tx: Tx, rawInput: unknown, user: SessionUser) => {
  const parsed = ZBookingContextKey.safeParse(rawInput);
  if (!parsed.success) return null;
  const { courseId, schoolId, delegates = [] } = parsed.data;
  const emails = delegates.length > 0 ? delegates.map((d) => d.email) : [user.email];
  return readBookingContext(tx, { courseId, schoolId, emails: emails.map((e) => e.toLowerCase()) });
};

/**
 * Only what the context read needs, checked so its statement cannot fail (ids it casts to uuid): the
 * procedure's own input check (ZBookPlacesInput) still validates the whole input before anything is booked.
 */
const ZBookingContextKey = z.object({
  courseId: z.uuid(),
  schoolId: z.uuid(),
  delegates: z
    .array(z.object({ email: z.string().max(200) }))
    .max(30)
    .optional(),
});

/** The manager, and a school's headteacher/SBM for their own school, book named delegates. */
const links = (actor: Actor) => ({ appUrl: actor.appUrl, slug: actor.slug, providerName: actor.name });

/** The school a school user acts for; undefined for the manager, who acts for any school. */
const ownSchool = (actor: Actor) =>
  hasRole(actor.roles, managers) ? undefined : scopeToSchool(actor.memberships);

const namesDelegates = (actor: Actor, schoolId: string) =>
  hasRole(actor.roles, managers) ||
  actor.memberships.some((m) => hasRole([m.role], headteachers) && m.schoolId === schoolId);

/**
 * A governor or clerk of the school booking themselves: they spend the school's money, so its headteacher /
 * business manager hears of a charged place (as of governor training booked on the governance pages). The
 * school's own head, who names delegates, is not overseen.
 */
const booksAsGovernor = (actor: Actor, schoolId: string, namesDelegates: boolean) =>
  !namesDelegates && actor.memberships.some((m) => m.role === 'governor' && m.schoolId === schoolId);

/** Whose places a caller may act on (see mayActOnPlace). */
const viewerOf = (actor: Actor): PlaceViewer => ({
  userId: actor.userId,
  email: actor.user.email,
  managesCourses: hasRole(actor.roles, managers),
  headsSchools: actor.memberships
    .filter((m) => hasRole([m.role], headteachers) && m.schoolId)
    .map((m) => m.schoolId ?? ''),
});

/**
 * The school whose settings a headteacher/SBM changes: the one they are school_admin of (or name, if they are
 * that for several); the manager names any school.
 */
function headedSchool(actor: Actor, requested?: string): string {
  if (hasRole(actor.roles, managers)) {
    if (!requested)
      throw new DomainError({ code: 'BAD_REQUEST', field: 'schoolId', message: 'Choose a school.' });
    return requested;
  }
  const headed = actor.memberships.filter((m) => hasRole([m.role], headteachers) && m.schoolId);
  const school = requested ? headed.find((m) => m.schoolId === requested) : headed[0];
  if (!school?.schoolId) throw new DomainError({ code: 'NOT_FOUND', message: 'That school was not found.' });
  return school.schoolId;
}

export const coursesRouter = router({
  list: manage
    .input(ZListCoursesInput)
    .query(({ ctx, input }) => listCourses(ctx.tx, { ...input, today: todayInLondon(), now: new Date() })),
  /** The same list as CSV (fill, waiting, minimum numbers, income per course). */
  listCsv: manage
    .input(ZListCoursesInput)
    .query(({ ctx, input }) => courseListCsv(ctx.tx, { ...input, today: todayInLondon(), now: new Date() })),
  /** The dashboard's Courses panel: new bookings, approvals, courses starting soon, decisions due, waiting. */
  dashboard: manage.query(({ ctx }) => coursesDashboard(ctx.tx, { today: todayInLondon(), now: new Date() })),
  byId: manage.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => getCourse(ctx.tx, input.id)),
  /** Whether the workspace is VAT-registered and the VAT rate a new course takes (from the invoice settings). */
  vatDefault: manage.query(({ ctx }) => courseVatDefault(ctx.tx, ctx.actor.tenantId)),
  create: manage.input(ZCourseInput).mutation(({ ctx, input }) => {
    assertCourseModules(ctx.actor, input);
    return createCourse(ctx.tx, { ...input, tenantId: ctx.actor.tenantId });
  }),
  update: manage.input(ZUpdateCourseInput).mutation(({ ctx, input }) =>
    updateCourse(ctx.tx, {
      ...input,
      ...links(ctx.actor),
      tenantId: ctx.actor.tenantId,
      modules: ctx.actor.modules,
      today: todayInLondon(),
    }),
  ),
  publish: manage
    .input(ZPublishCourseInput)
    .mutation(({ ctx, input }) => publishCourse(ctx.tx, { ...input, today: todayInLondon() })),
  /** Cancels the whole course: every place and waiting-list entry, entitlements given back, charges voided. */
  cancel: manage
    .input(ZCancelCourseInput)
    .mutation(({ ctx, input }) =>
      cancelCourse(ctx.tx, { ...input, ...links(ctx.actor), actorUserId: ctx.actor.userId, now: new Date() }),
    ),
  duplicate: manage
    .input(ZDuplicateCourseInput)
    .mutation(({ ctx, input }) => duplicateCourse(ctx.tx, { ...input, tenantId: ctx.actor.tenantId })),
  bookingPreview: book.input(ZPreviewBookingInput).query(({ ctx, input }) => {
    assertMaySeeSchool(ctx.actor.memberships, input.schoolId);
    return previewBooking(ctx.tx, {
      ...input,
      laCodes: ctx.actor.laCodes,
      today: todayInLondon(),
      priceNames: priceNamesOf(ctx.actor.settings),
      selfEmail: namesDelegates(ctx.actor, input.schoolId) ? undefined : ctx.actor.user.email,
    });
  }),
  /** School staff, governors and ECTs book a place for themselves; see namesDelegates for who may name others. */
  book: coursesProcedure(courseBookers, sendBookingContext)
    .input(ZBookPlacesInput)
    .mutation(({ ctx, input }) => {
      assertMaySeeSchool(ctx.actor.memberships, input.schoolId);
      const mayName = namesDelegates(ctx.actor, input.schoolId);
      const self = {
        name: ctx.actor.user.name,
        email: ctx.actor.user.email,
        role: '',
        needs: input.needs,
        userId: ctx.actor.userId,
      };
      if (!mayName && input.delegates.some((d) => d.email.toLowerCase() !== self.email.toLowerCase()))
        throw new DomainError({ code: 'FORBIDDEN', message: 'You can book a place for yourself only.' });
      return bookPlaces(ctx.tx, {
        tenantId: ctx.actor.tenantId,
        slug: ctx.actor.slug,
        appUrl: ctx.actor.appUrl,
        providerName: ctx.actor.name,
        courseId: input.courseId,
        schoolId: input.schoolId,
        delegates: mayName && input.delegates.length > 0 ? input.delegates : [self],
        actorUserId: ctx.actor.userId,
        laCodes: ctx.actor.laCodes,
        today: todayInLondon(),
        staffBooking: !mayName,
        joinWaitingList: input.joinWaitingList,
        purchaseOrderNumber: input.purchaseOrderNumber,
        auditedAsResult: true,
        endsTransaction: true,
        // Read for the session's address: a session older than a change of address reads again for the account's.
        sentContext: input.delegates.length === 0 && ctx.session.email !== self.email ? null : ctx.sent,
        tellSchoolOfCharges: booksAsGovernor(ctx.actor, input.schoolId, mayName)
          ? { bookedBy: ctx.actor.user.name || ctx.actor.user.email }
          : undefined,
      });
    }),
  /** What approving a held booking would cost the school (charged, from its package, or free), before approving. */
  approvalCost: coursesProcedure(schoolManagers)
    .input(ZApprovalCostInput)
    .query(({ ctx, input }) =>
      approvalCost(ctx.tx, {
        ...input,
        schoolId: ownSchool(ctx.actor),
        laCodes: ctx.actor.laCodes,
        today: todayInLondon(),
      }),
    ),
  /** The school's headteacher / business manager (or the manager) approves or declines a staff booking. */
  decideBooking: coursesProcedure(schoolManagers)
    .input(ZDecideBookingInput)
    .mutation(({ ctx, input }) =>
      decideBooking(ctx.tx, {
        ...input,
        ...links(ctx.actor),
        tenantId: ctx.actor.tenantId,
        schoolId: ownSchool(ctx.actor),
        actorUserId: ctx.actor.userId,
        laCodes: ctx.actor.laCodes,
        now: new Date(),
      }),
    ),
  delegates: manage
    .input(z.object({ courseId: z.uuid() }))
    .query(({ ctx, input }) => listCourseDelegates(ctx.tx, input.courseId)),
  /** The organisers email the course's delegates (and, if they choose, its waiting list) a message. */
  messageDelegates: manage.input(ZMessageDelegatesInput).mutation(({ ctx, input }) =>
    messageDelegates(ctx.tx, {
      ...input,
      tenantId: ctx.actor.tenantId,
      sentByUserId: ctx.actor.userId,
      providerName: ctx.actor.name,
    }),
  ),
  messages: manage
    .input(z.object({ courseId: z.uuid() }))
    .query(({ ctx, input }) => listCourseMessages(ctx.tx, input.courseId)),
  /** The course's delegate list as CSV (sign-in sheet, badges, attendance): its organisers. */
  delegatesCsv: manage
    .input(z.object({ courseId: z.uuid() }))
    .query(({ ctx, input }) => courseDelegatesCsv(ctx.tx, input.courseId)),
  /** A school's bookings, upcoming and past, with costs; the manager sees every school's. */
  schoolBookings: book.input(z.object({ schoolId: z.uuid().optional() })).query(({ ctx, input }) =>
    listSchoolBookings(ctx.tx, {
      schoolId: hasRole(ctx.actor.roles, managers)
        ? input.schoolId
        : scopeToSchool(ctx.actor.memberships, input.schoolId),
    }),
  ),
  /** A school's bookings and attendance as CSV (its CPD record): its headteacher / SBM, or the manager. */
  schoolBookingsCsv: coursesProcedure(schoolManagers)
    .input(z.object({ schoolId: z.uuid().optional() }))
    .query(({ ctx, input }) =>
      schoolBookingsCsv(ctx.tx, {
        schoolId: hasRole(ctx.actor.roles, managers)
          ? input.schoolId
          : scopeToSchool(ctx.actor.memberships, input.schoolId),
      }),
    ),
  /** The manager, or the school's headteacher/SBM, cancels a place under the course's terms. */
  cancelBooking: coursesProcedure(schoolManagers)
    .input(ZCancelBookingInput)
    .mutation(({ ctx, input }) =>
      cancelBooking(ctx.tx, {
        ...input,
        ...links(ctx.actor),
        schoolId: ownSchool(ctx.actor),
        actorUserId: ctx.actor.userId,
        today: todayInLondon(),
        now: new Date(),
      }),
    ),
  /**
   * The delegate cancels their own place (a governor, member of staff or ECT signed in as the person booked),
   * under the course's terms exactly as when the school's headteacher cancels it.
   */
  cancelMyPlace: book.input(ZCancelBookingInput).mutation(({ ctx, input }) =>
    cancelMyPlace(ctx.tx, viewerOf(ctx.actor), {
      ...input,
      ...links(ctx.actor),
      today: todayInLondon(),
      now: new Date(),
    }),
  ),
  /** Whether every staff booking at the school waits for the headteacher's approval (the school's switch). */
  schoolBookingApproval: coursesProcedure(schoolManagers)
    .input(z.object({ schoolId: z.uuid().optional() }))
    .query(({ ctx, input }) => schoolBookingApproval(ctx.tx, headedSchool(ctx.actor, input.schoolId))),
  setSchoolBookingApproval: coursesProcedure(schoolManagers)
    .input(ZSetSchoolBookingApprovalInput)
    .mutation(({ ctx, input }) =>
      setSchoolBookingApproval(ctx.tx, {
        schoolId: headedSchool(ctx.actor, input.schoolId),
        staffBookingsNeedApproval: input.staffBookingsNeedApproval,
      }),
    ),
  /** Sends a colleague instead: the school's headteacher/SBM, the manager, or the delegate themselves. */
  substitute: book.input(ZSubstituteInput).mutation(({ ctx, input }) =>
    substituteDelegate(ctx.tx, {
      ...input,
      ...links(ctx.actor),
      viewer: viewerOf(ctx.actor),
      now: new Date(),
      today: todayInLondon(),
    }),
  ),
  /** The signed-in person's own places here (as delegate), with whether each awaits their evaluation. */
  myPlaces: book.input(z.object({}).default({})).query(({ ctx }) =>
    listMyPlaces(ctx.tx, {
      userId: ctx.actor.userId,
      email: ctx.actor.user.email,
      now: new Date(),
      today: todayInLondon(),
    }),
  ),
  /** The caller's own waiting-list entries (by account or email), with their place in each queue. */
  myWaitingPlaces: book
    .input(z.object({}).default({}))
    .query(({ ctx }) =>
      listWaitingPlaces(ctx.tx, { delegate: { userId: ctx.actor.userId, email: ctx.actor.user.email } }),
    ),
  /** A school's waiting-list entries: its headteacher / SBM, or the manager (any school, or all). */
  schoolWaitingPlaces: coursesProcedure(schoolManagers)
    .input(z.object({ schoolId: z.uuid().optional() }).default({}))
    .query(({ ctx, input }) =>
      listWaitingPlaces(ctx.tx, {
        schoolId: hasRole(ctx.actor.roles, managers)
          ? input.schoolId
          : scopeToSchool(ctx.actor.memberships, input.schoolId),
      }),
    ),
  /**
   * Takes someone off a waiting list: the delegate, their school's headteacher/SBM or the manager. A place held
   * for them passes to the next person waiting.
   */
  leaveWaitingList: book
    .input(ZLeaveWaitingListInput)
    .mutation(({ ctx, input }) =>
      leaveWaitingList(ctx.tx, viewerOf(ctx.actor), { ...input, ...links(ctx.actor), now: new Date() }),
    ),
  /** One place, for its delegate, its school's headteacher/SBM or the manager. */
  place: book
    .input(z.object({ bookingId: z.uuid() }))
    .query(({ ctx, input }) =>
      findPlace(ctx.tx, viewerOf(ctx.actor), { ...input, now: new Date(), today: todayInLondon() }),
    ),
  /** The delegate's evaluation, signed in (the same questions as the emailed link, once per place). */
  evaluateMyPlace: book.input(ZEvaluateMyPlaceInput).mutation(({ ctx, input }) =>
    evaluateMyPlace(ctx.tx, viewerOf(ctx.actor), {
      ...input,
      tenantId: ctx.actor.tenantId,
      now: new Date(),
      today: todayInLondon(),
    }),
  ),
  /** One session's register: the confirmed delegates and their marks (the first session unless one is named). */
  register: manage
    .input(z.object({ courseId: z.uuid(), sessionId: z.uuid().optional() }))
    .query(({ ctx, input }) => getRegister(ctx.tx, input)),
  /** The facilitator marks one delegate at one session: attended, late or absent. */
  markAttendance: manage
    .input(ZMarkAttendanceInput)
    .mutation(({ ctx, input }) =>
      markAttendance(ctx.tx, { ...input, tenantId: ctx.actor.tenantId, markedByUserId: ctx.actor.userId }),
    ),
  /** The certificate of attendance (a delegate present at every session); a school sees its own places only. */
  certificate: coursesProcedure(courseCertificateReaders)
    .input(z.object({ bookingId: z.uuid() }))
    .query(({ ctx, input }) =>
      attendanceCertificate(ctx.tx, {
        bookingId: input.bookingId,
        issuer: ctx.actor.name,
        schoolId: hasRole(ctx.actor.roles, courseManagers) ? undefined : scopeToSchool(ctx.actor.memberships),
      }),
    ),
  /** One course's evaluations: averages per question, response rate and comments. */
  evaluations: manage
    .input(z.object({ courseId: z.uuid() }))
    .query(({ ctx, input }) => courseEvaluationResults(ctx.tx, input.courseId)),
  /** Evaluations by facilitator, across the courses each led. */
  facilitatorEvaluations: manage
    .input(z.object({}).default({}))
    .query(({ ctx }) => facilitatorEvaluationResults(ctx.tx)),
  promote: manage.input(ZPromoteInput).mutation(async ({ ctx, input }) => {
    const { offered } = await promoteFromWaitlist(ctx.tx, { ...input, ...links(ctx.actor), now: new Date() });
    return { entryId: offered?.entryId ?? null, holdExpiresAt: offered?.holdExpiresAt ?? null };
  }),
});
