import { longDate } from '../format/dates';

/** A course's date, or its first and last: "23 November 2026", "23 November 2026 – 14 January 2027". */
export function courseDates(startsOn: string, endsOn: string | null): string {
  return !endsOn || endsOn === startsOn ? longDate(startsOn) : `${longDate(startsOn)} – ${longDate(endsOn)}`;
}

/**
 * The invoice line for a charge that comes from a course place (the place, a late cancellation, a no-show):
 * the charge's own words with the course's date(s) beside its title, read when the line is billed so a course
 * moved since the booking is invoiced at its dates now: "Phonics for Year 1 (23 November 2026): place for Ann
 * Smith". A course with no sessions yet keeps the words as they are.
 */
export function coursePlaceLine(
  description: string,
  course: { title: string | null; startsOn: string | null; endsOn: string | null },
): string {
  if (!course.startsOn) return description;
  const dates = courseDates(course.startsOn, course.endsOn);
  return course.title && description.startsWith(`${course.title}:`)
    ? `${course.title} (${dates})${description.slice(course.title.length)}`
    : `${description} (${dates})`;
}
