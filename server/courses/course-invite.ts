import { createEvents, type EventAttributes } from 'ics';
import type { Course, CourseSession } from '~/db/schema';

/**
 * One calendar file with an event per session. Times are written in UTC from each session's instant, which
 * was computed from its London wall-clock time for that date, so a session after the October clock change
 * lands at the same local time as one before it. UIDs are stable per session, and SEQUENCE rises with each
 * change, so a calendar replaces an event when the dates move instead of adding a second one.
 */
export function courseInvite(input: {
  course: Pick<Course, 'id' | 'title' | 'venue' | 'joiningLink' | 'format' | 'status'>;
  sessions: Pick<CourseSession, 'id' | 'title' | 'startsAt' | 'endsAt'>[];
  providerName: string;
  /** Bumped on every change (e.g. the course's updatedAt in seconds). */
  sequence: number;
}): string {
  const { course } = input;
  const location = course.format === 'online' ? course.joiningLink : course.venue;
  const events: EventAttributes[] = input.sessions.map((s) => ({
    uid: `course-session-${s.id}@stride`,
    sequence: input.sequence,
    title: `${course.title}: ${s.title}`,
    description: [course.title, course.joiningLink ? `Join online: ${course.joiningLink}` : '']
      .filter(Boolean)
      .join('\n'),
    location: location || undefined,
    start: s.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: s.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    organizer: { name: input.providerName },
    status: course.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    productId: 'stride/courses',
  }));
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error('could not make the calendar invite');
  return value;
}
