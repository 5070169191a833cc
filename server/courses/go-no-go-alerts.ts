import { and, asc, eq, gte, inArray, isNotNull, lte, ne, or, isNull, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courses, memberships, users } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import { queueEmail } from '../email/send-email';
import { emailOf } from '../email/templates';
import { longDate } from '../format/dates';
import { countOf } from '../format/plural';
import type { Links } from './offer-next-place';
import { belowMinimum } from './course-conditions';
import { addDays } from './london-time';
import { workingDaysBefore } from './working-days';
import { membershipsHere } from '~/server/workspaces/memberships-here';

/** How far ahead of a course's go/no-go date its managers are warned, in working days. */
export const goNoGoWarningWorkingDays = 5;

/**
 * A published course still below its minimum numbers as its go/no-go date comes near (within five working days,
 * or on the day itself) is sent to the workspace's managers in one email a day, listing each course with its
 * places taken against its minimum and the date to decide by, so a course that will not fill is cancelled in
 * time for schools to be told. Each course is warned of once for its date (go_no_go_alerted_for); moving the
 * date warns again when the new date comes near. Courses that reach their minimum drop out.
 */
export async function alertGoNoGo(tx: Tx, input: { today: IsoDate } & Links) {
  const near = await tx
    .select({
      id: courses.id,
      title: courses.title,
      placesTaken: courses.placesTaken,
      minimumNumbers: courses.minimumNumbers,
      goNoGoOn: courses.goNoGoOn,
    })
    .from(courses)
    .where(
      and(
        belowMinimum,
        isNotNull(courses.goNoGoOn),
        gte(courses.goNoGoOn, input.today),
        // Five working days never span more than a fortnight of calendar days (Christmas included).
        lte(courses.goNoGoOn, addDays(input.today, 14)),
        or(isNull(courses.goNoGoAlertedFor), ne(courses.goNoGoAlertedFor, courses.goNoGoOn)),
      ),
    )
    .orderBy(asc(courses.goNoGoOn), asc(courses.title));
  const due = near.filter(
    (c) => c.goNoGoOn && workingDaysBefore(c.goNoGoOn, goNoGoWarningWorkingDays) <= input.today,
  );
  if (due.length === 0) return { courses: 0, emails: 0 };
  const managers = await tx
    .selectDistinct({ email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.role, 'tenant_admin'), membershipsHere));
  const notice = {
    subject: `Go/no-go: ${countOf(due.length, 'course')} below minimum numbers`,
    heading: 'Courses to decide on',
    paragraphs: [
      `${due.length === 1 ? 'This course has' : 'These courses have'} fewer places taken than ${due.length === 1 ? 'its' : 'their'} minimum numbers, and the date to decide whether ${due.length === 1 ? 'it runs' : 'they run'} is near. Cancelling in time lets schools be told, entitlements given back and charges cancelled.`,
    ],
    items: due.map(
      (c) =>
        `${c.title}: ${c.placesTaken} of a minimum ${c.minimumNumbers} places taken; decide by ${longDate(c.goNoGoOn)}`,
    ),
    action: { label: 'See the courses', url: `${input.appUrl}/${input.slug}/courses` },
  };
  const to = [...new Map(managers.map((m) => [m.email.toLowerCase(), m])).values()];
  for (const manager of to)
    await queueEmail(tx, {
      to: manager.email,
      ...emailOf('notice', { ...notice, recipientName: manager.name }),
    });
  await tx
    .update(courses)
    .set({ goNoGoAlertedFor: sql`${courses.goNoGoOn}` })
    .where(
      inArray(
        courses.id,
        due.map((c) => c.id),
      ),
    );
  return { courses: due.length, emails: to.length };
}
