/** A course input made in a workspace of the test's own (no foreign ids). */
export const ownCourse = {
  title: 'Made from another workspace',
  audiences: ['teachers'],
  format: 'in_person',
  venue: 'Somewhere',
  capacity: 10,
  sessions: [{ on: '2031-03-04', startTime: '09:00', endTime: '12:00' }],
};
