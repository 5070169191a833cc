import { sql } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { moduleKeys } from '~/db/schema';
import {
  addMembership,
  callerAs,
  makeSchool,
  makeUser,
  makeWorkspaceWithEveryRole,
} from '../fixtures/factories';

/** A course input made in a workspace of the test's own (no foreign ids). */
export const ownCourse = {
  title: 'Made from another workspace',
  audiences: ['teachers'],
  format: 'in_person',
  venue: 'Somewhere',
  capacity: 10,
  sessions: [{ on: '2031-03-04', startTime: '09:00', endTime: '12:00' }],
};

/**
 * A workspace of the test's own with every module and role, and the people a school's bookings involve: a
 * member of staff and the headteacher of its school, and the headteacher of another of its schools.
 */
export async function schoolWithStaffAndHeads(db: Db) {
  const ws = await makeWorkspaceWithEveryRole(db, moduleKeys);
  const staffUser = await makeUser(db);
  await addMembership(db, ws.tenant.id, staffUser.id, 'school_staff', ws.school.id);
  const headUser = await makeUser(db);
  await addMembership(db, ws.tenant.id, headUser.id, 'school_admin', ws.school.id);
  const other = await makeSchool(db, ws.tenant.id);
  const otherUser = await makeUser(db);
  await addMembership(db, ws.tenant.id, otherUser.id, 'school_admin', other.id);
  return {
    ws,
    staff: callerAs(db, staffUser, ws.tenant.slug),
    staffEmail: staffUser.email,
    head: callerAs(db, headUser, ws.tenant.slug),
    headEmail: headUser.email,
    otherHead: callerAs(db, otherUser, ws.tenant.slug),
  };
}

/**
 * Moves a course's sessions back so that its last one was yesterday, keeping the days between them: what the
 * clock would do (a course cannot be made in the past, and a register opens on its session's day).
 */
export async function ranUntilYesterday(db: Db, courseId: string) {
  await db.execute(sql`with shift as (
      select max("on") - (current_date - 1) as days from course_sessions where course_id = ${courseId})
    update course_sessions s set "on" = s."on" - shift.days,
      starts_at = s.starts_at - make_interval(days => shift.days),
      ends_at = s.ends_at - make_interval(days => shift.days)
    from shift where s.course_id = ${courseId}`);
  await db.execute(sql`update courses c set starts_on = x.first, ends_on = x.last
    from (select min("on") as first, max("on") as last from course_sessions where course_id = ${courseId}) x
    where c.id = ${courseId}`);
}
