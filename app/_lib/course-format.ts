/** Words for courses, safe in client components (no database code). */
import { formatPence } from '~/server/catalogue/money';
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

/**
 * What a place costs the school, as its list of places says it: the charge (net, before any VAT), or, when
 * nothing is charged, why not. A place covered by the school's entitlement read "£0.00", which looked like a
 * mistake beside the places charged for the same course.
 */
export function placeCost(place: {
  status: 'pending_approval' | 'confirmed' | 'cancelled';
  funding: 'entitlement' | 'charge' | 'free' | null;
  costPence: number;
}): string {
  if (place.costPence > 0) return formatPence(place.costPence);
  if (place.status === 'cancelled') return 'No charge';
  // Charged (or drawn from the entitlement) only once the head approves it.
  if (place.status === 'pending_approval') return 'Not yet charged';
  if (place.funding === 'entitlement') return 'From entitlement';
  if (place.funding === 'free') return 'Free';
  return formatPence(place.costPence);
}
