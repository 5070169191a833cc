import { createEvents, type EventAttributes } from 'ics';
import type { Course, CourseBooking, CourseSession } from '~/db/schema';

/** PUBLISH for the file a delegate downloads; REQUEST and CANCEL for the invite an email carries. */
export type InviteMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

/** One session's event UID within one place: the same in every invite for that place, so calendars match them. */
export const sessionEventUid = (sessionId: string, bookingId: string) =>
  `course-session-${sessionId}-place-${bookingId}@stride`;

/**
 * A place's SEQUENCE: the course's change count plus the place's. Each is raised by one in the transaction of
 * every change that sends an invite (dates or details edited, course cancelled; place cancelled, delegate
 * substituted), so an invite sent later always outranks an earlier one, even for two changes in the same
 * second, and a calendar updates its events instead of adding second copies. (It was the later updated_at in
 * seconds; the migration started each place's count there, so invites already sent stay outranked.)
 */
export const inviteSequence = (
  course: Pick<Course, 'inviteSequence'>,
  booking: Pick<CourseBooking, 'inviteSequence'>,
) => course.inviteSequence + booking.inviteSequence;

/**
 * One calendar file with an event per session of one delegate's place. Times are written in UTC from each
 * session's instant, which was computed from its London wall-clock time for that date, so a session after the
 * October clock change lands at the same local time as one before it. UIDs are stable per session and place;
 * CANCEL (or a cancelled course) marks every event cancelled so calendars remove them.
 */
export function courseInvite(input: {
  course: Pick<Course, 'id' | 'title' | 'venue' | 'joiningLink' | 'format' | 'status'>;
  sessions: Pick<CourseSession, 'id' | 'title' | 'startsAt' | 'endsAt'>[];
  booking: Pick<CourseBooking, 'id' | 'delegateName' | 'delegateEmail'>;
  providerName: string;
  /** The organiser's address (the sender's), which calendars need to accept a REQUEST or CANCEL. */
  organizerEmail?: string;
  sequence: number;
  method?: InviteMethod;
  /** A place offered but not yet claimed: the events are TENTATIVE until the claim's invite confirms them. */
  tentative?: boolean;
}): string {
  const { course, booking } = input;
  const method = input.method ?? 'PUBLISH';
  const cancelled = method === 'CANCEL' || course.status === 'cancelled';
  const location = course.format === 'online' ? course.joiningLink : course.venue;
  const events: EventAttributes[] = input.sessions.map((s) => ({
    uid: sessionEventUid(s.id, booking.id),
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
    // An ORGANIZER is an address (RFC 5545 CAL-ADDRESS): with none to give (a downloaded file), there is none.
    ...(input.organizerEmail ? { organizer: { name: input.providerName, email: input.organizerEmail } } : {}),
    ...(method === 'PUBLISH'
      ? {}
      : {
          attendees: [
            {
              name: booking.delegateName,
              email: booking.delegateEmail,
              rsvp: false,
              partstat: 'ACCEPTED' as const,
              role: 'REQ-PARTICIPANT' as const,
            },
          ],
        }),
    status: cancelled ? 'CANCELLED' : input.tentative ? 'TENTATIVE' : 'CONFIRMED',
  }));
  const { error, value } = createEvents(events, { productId: 'stride/courses', method });
  if (error || !value) throw error ?? new Error('could not make the calendar invite');
  return value;
}
