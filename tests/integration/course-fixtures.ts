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
