import { sql } from 'drizzle-orm';
import { courses, courseSessions } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import { addDays } from './london-time';

/**
 * The rules the manager's course list and the dashboard's Courses panel both count by, as SQL on a `courses` row,
 * written once so the panel's figures are the list's. (The subqueries name the outer row as courses.id: drizzle
 * writes a lone table's columns unqualified, and a bare "id" inside a subquery would be the subquery's own.)
 */

/** How far ahead a go/no-go date is a decision to take now, in calendar days. */
export const goNoGoDecisionWindowDays = 14;

/**
 * A course has run once its last session has ended: a last day before today (London), or today with every
 * session of the day over by `now` (a session's ends_at is its London end time as an instant). One still
 * running today, or with a session later today, is upcoming. A course with no dates yet is upcoming.
 */
export const hasRun = (at: { today: IsoDate; now: Date }) =>
  sql`(${courses.endsOn} is not null and (${courses.endsOn} < ${at.today} or (${courses.endsOn} = ${at.today} and not exists (select 1 from ${courseSessions} s where s.course_id = courses.id and s.ends_at > ${at.now.toISOString()}::timestamptz))))`;

/** A published course with fewer places taken than its minimum numbers: as it stands, it should not run. */
export const belowMinimum = sql`(${courses.status} = 'published' and ${courses.placesTaken} < ${courses.minimumNumbers})`;

/**
 * Below its minimum numbers with the go/no-go date within a fortnight (or passed): the manager decides now
 * whether it runs. (The course list shows it among the upcoming courses, so one that has run drops out there.)
 */
export const goNoGoDecisionDue = (today: IsoDate) =>
  sql`(${belowMinimum} and ${courses.goNoGoOn} is not null and ${courses.goNoGoOn} <= ${addDays(today, goNoGoDecisionWindowDays)})`;
