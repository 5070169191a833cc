/** Words for courses, safe in client components (no database code). */
export {
  audiences as audienceLabels,
  courseWhere,
  formatLabels,
  programmeLabels,
  sessionKindLabels,
} from '~/server/courses/course-labels';

const longDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "Tue 12 May 2026" from a calendar date. */
export const formatCourseDate = (on: string | null) =>
  on ? longDate.format(new Date(`${on}T12:00:00Z`)) : 'Dates to follow';

export function formatCourseDates(startsOn: string | null, endsOn: string | null) {
  if (!startsOn) return 'Dates to follow';
  return startsOn === endsOn || !endsOn
    ? formatCourseDate(startsOn)
    : `${formatCourseDate(startsOn)} to ${formatCourseDate(endsOn)}`;
}
