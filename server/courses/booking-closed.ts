import type { CourseSession } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import { londonClockOf } from './london-time';

type StartingSession = Pick<CourseSession, 'on' | 'startTime'>;

/**
 * Whether the course has begun: its first day is past, or it is today and its first session of the day has
 * started (London time). A course starting at 15:30 can still be booked that morning.
 */
export function hasStarted(
  startsOn: IsoDate,
  sessions: readonly StartingSession[],
  today: IsoDate,
  now: Date = new Date(),
): boolean {
  if (startsOn !== today) return startsOn < today;
  const clock = londonClockOf(now);
  if (clock.on !== today) return clock.on > today;
  const first = sessions
    .filter((s) => s.on === startsOn)
    .map((s) => minutesOf(s.startTime))
    .sort((a, b) => a - b)[0];
  return first === undefined || clock.minutes >= first;
}

const minutesOf = (time: string) => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

export const courseStartedMessage = 'This course has already started.';
export const bookingClosedMessage = 'Booking for this course has closed.';

/**
 * Why a published course can no longer be booked, in the words booking refuses it with, or null while it can:
 * the public course page says so instead of offering a "Book places" button that leads only to the refusal.
 */
export function bookingClosedReason(
  course: { startsOn: IsoDate | null; bookingDeadline: IsoDate | null },
  sessions: readonly StartingSession[],
  today: IsoDate,
  now: Date = new Date(),
): string | null {
  if (course.startsOn && hasStarted(course.startsOn, sessions, today, now)) return courseStartedMessage;
  if (course.bookingDeadline && course.bookingDeadline < today) return bookingClosedMessage;
  return null;
}

/**
 * What the cached public catalogue keeps of a course to tell whether its booking has closed: its first day,
 * the time its first session that day starts (null when that day has none) and its booking deadline.
 */
export type CatalogueClosing = {
  startsOn: IsoDate | null;
  firstStartTime: string | null;
  bookingDeadline: IsoDate | null;
};

/**
 * Whether a catalogue entry's booking has closed, by bookingClosedReason's own rule: the list is cached, so it
 * keeps the data (CatalogueClosing) and asks this when it is rendered, not when the courses were read. A course
 * whose first session started earlier today reads "Booking closed", as its page says it can no longer be booked.
 */
export function catalogueBookingClosed(
  entry: CatalogueClosing,
  today: IsoDate,
  now: Date = new Date(),
): boolean {
  const firstDay =
    entry.startsOn && entry.firstStartTime ? [{ on: entry.startsOn, startTime: entry.firstStartTime }] : [];
  return bookingClosedReason(entry, firstDay, today, now) !== null;
}
