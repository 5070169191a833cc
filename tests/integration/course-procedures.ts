import type { ForeignIds } from './procedures';

/** A course input made in the attacker's own workspace (no foreign ids). */
export const ownCourse = {
  title: 'Made from another workspace',
  audiences: ['teachers'],
  format: 'in_person',
  venue: 'Somewhere',
  capacity: 10,
  sessions: [{ on: '2031-03-04', startTime: '09:00', endTime: '12:00' }],
};

/** The courses module's procedures aimed at the other tenant's rows (see foreignInputs). */
export const courseAttacks: Record<string, (ids: ForeignIds) => unknown> = {
  'courses.list': () => ({}),
  'courses.byId': (ids) => ({ id: ids.courseId }),
  'courses.create': () => ownCourse,
  'courses.update': (ids) => ({ id: ids.courseId, course: ownCourse }),
  'courses.publish': (ids) => ({ id: ids.courseId }),
  'courses.duplicate': (ids) => ({ id: ids.courseId, startsOn: '2031-01-06' }),
  'courses.bookingPreview': (ids) => ({ courseId: ids.courseId, schoolId: ids.schoolId, places: 1 }),
  'courses.delegates': (ids) => ({ courseId: ids.courseId }),
  'courses.schoolBookings': (ids) => ({ schoolId: ids.schoolId }),
  'courses.cancelBooking': (ids) => ({ bookingId: ids.bookingId, reason: 'From another workspace' }),
  'courses.substitute': (ids) => ({
    bookingId: ids.bookingId,
    delegate: { name: 'Planted Delegate', email: 'planted@elsewhere.example', role: '' },
  }),
  'courses.promote': (ids) => ({ entryId: ids.waitlistEntryId }),
  'courses.book': (ids) => ({
    courseId: ids.courseId,
    schoolId: ids.schoolId,
    delegates: [{ name: 'Planted Delegate', email: 'planted@elsewhere.example', role: '' }],
  }),
};
