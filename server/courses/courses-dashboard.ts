import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courseBookings, courses, courseWaitlistEntries } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import { goNoGoDecisionDue, hasRun } from './course-conditions';
import { addDays } from './london-time';

/** How far back the dashboard counts new bookings, and how far ahead it counts courses starting, in days. */
export const newBookingsDays = 7;
export const startingWithinDays = 14;

const published = eq(courses.status, 'published');

/**
 * What is happening in Courses, for the manager's dashboard: new places booked in the last week, places awaiting a
 * school's approval, courses starting in the next fortnight and how full they are, courses below their minimum
 * numbers whose go/no-go decision is due, and people on waiting lists. Only published courses count (drafts are
 * counted apart). Each figure follows the course list's own rules (`course-conditions.ts`: upcoming is "not run",
 * decisions due as the list's "Go/no-go decisions due"), so the page a figure links to shows the same courses.
 * Four reads, sent together in one round trip.
 */
export async function coursesDashboard(tx: Tx, at: { today: IsoDate; now: Date }) {
  const upcoming = sql`not ${hasRun(at)}`;
  const startingSoon = sql`(${courses.startsOn} >= ${at.today} and ${courses.startsOn} <= ${addDays(at.today, startingWithinDays)})`;
  const since = new Date(at.now.getTime() - newBookingsDays * 24 * 60 * 60 * 1000);
  const courseOf = <T extends typeof courseBookings | typeof courseWaitlistEntries>(t: T) =>
    and(eq(courses.tenantId, t.tenantId), eq(courses.id, t.courseId));

  const [[figures], [bookings], [waiting], decisionsDue] = await Promise.all([
    tx
      .select({
        all: sql<number>`count(*)::int`,
        drafts: sql<number>`(count(*) filter (where ${courses.status} = 'draft'))::int`,
        startingCourses: sql<number>`(count(*) filter (where ${published} and ${upcoming} and ${startingSoon}))::int`,
        startingTaken: sql<number>`(coalesce(sum(${courses.placesTaken}) filter (where ${published} and ${upcoming} and ${startingSoon}), 0))::int`,
        startingCapacity: sql<number>`(coalesce(sum(${courses.capacity}) filter (where ${published} and ${upcoming} and ${startingSoon}), 0))::int`,
      })
      .from(courses),
    // A place confirmed in the week, on any published course; a place held for approval on one still to run.
    tx
      .select({
        newPlaces: sql<number>`(count(*) filter (where ${courseBookings.status} = 'confirmed' and ${courseBookings.createdAt} >= ${since.toISOString()}::timestamptz))::int`,
        newCourses: sql<number>`(count(distinct ${courseBookings.courseId}) filter (where ${courseBookings.status} = 'confirmed' and ${courseBookings.createdAt} >= ${since.toISOString()}::timestamptz))::int`,
        awaitingApproval: sql<number>`(count(*) filter (where ${courseBookings.status} = 'pending_approval' and ${upcoming}))::int`,
        awaitingApprovalCourses: sql<number>`(count(distinct ${courseBookings.courseId}) filter (where ${courseBookings.status} = 'pending_approval' and ${upcoming}))::int`,
      })
      .from(courseBookings)
      .innerJoin(courses, courseOf(courseBookings))
      .where(and(published, sql`${courseBookings.status} <> 'cancelled'`)),
    // Waiting as the list counts it: still in the queue (one offered a place holds it, and is not waiting).
    tx
      .select({
        people: sql<number>`count(*)::int`,
        courses: sql<number>`count(distinct ${courseWaitlistEntries.courseId})::int`,
      })
      .from(courseWaitlistEntries)
      .innerJoin(courses, courseOf(courseWaitlistEntries))
      .where(and(published, upcoming, eq(courseWaitlistEntries.status, 'waiting'))),
    tx
      .select({
        id: courses.id,
        title: courses.title,
        startsOn: courses.startsOn,
        placesTaken: courses.placesTaken,
        minimumNumbers: courses.minimumNumbers,
        goNoGoOn: courses.goNoGoOn,
      })
      .from(courses)
      .where(and(goNoGoDecisionDue(at.today), upcoming))
      .orderBy(asc(courses.goNoGoOn), asc(courses.title)),
  ]);

  return {
    /** Every course the workspace has made, in any state: none means a new workspace, with nothing to count. */
    courses: figures?.all ?? 0,
    drafts: figures?.drafts ?? 0,
    newBookings: { places: bookings?.newPlaces ?? 0, courses: bookings?.newCourses ?? 0 },
    awaitingApproval: {
      places: bookings?.awaitingApproval ?? 0,
      courses: bookings?.awaitingApprovalCourses ?? 0,
    },
    startingSoon: {
      courses: figures?.startingCourses ?? 0,
      placesTaken: figures?.startingTaken ?? 0,
      capacity: figures?.startingCapacity ?? 0,
    },
    waiting: { people: waiting?.people ?? 0, courses: waiting?.courses ?? 0 },
    /** Below minimum numbers with the go/no-go date within a fortnight or passed, soonest first. */
    decisionsDue,
  };
}

export type CoursesDashboard = Awaited<ReturnType<typeof coursesDashboard>>;
