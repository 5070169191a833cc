import type { Course, CourseBooking, CourseSession } from '~/db/schema';
import { renderCourseEmailTemplate } from '~/emails/course-email';
import type { OutgoingEmail } from '../email/outbox';

const isoDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
export const formatSessionLine = (s: Pick<CourseSession, 'title' | 'on' | 'startTime' | 'endTime'>) =>
  `${isoDate.format(new Date(`${s.on}T12:00:00Z`))}, ${s.startTime}–${s.endTime}: ${s.title}`;

export type CourseEmailKind =
  | 'confirmed'
  | 'pending_approval'
  | 'waitlisted'
  | 'offer'
  | 'cancelled'
  | 'course_cancelled'
  | 'changed'
  | 'reminder'
  | 'evaluation'
  | 'substituted'
  | 'passed_on'
  | 'approval_requested'
  | 'declined';

type Recipient = Pick<CourseBooking, 'delegateName' | 'delegateEmail'>;

/** One course email to one delegate, in the course-email template, with a plain-text part. */
export async function renderCourseEmail(input: {
  kind: CourseEmailKind;
  course: Pick<Course, 'title' | 'venue' | 'joiningLink' | 'format'>;
  sessions: Pick<CourseSession, 'title' | 'on' | 'startTime' | 'endTime'>[];
  booking: Recipient;
  providerName?: string;
  /** The claim, certificate or evaluation link. */
  url?: string;
  holdUntil?: string;
  reason?: string;
}): Promise<OutgoingEmail> {
  const { course } = input;
  const where =
    course.format === 'online'
      ? `Online: ${course.joiningLink}`
      : course.format === 'hybrid'
        ? `At ${course.venue}, or online: ${course.joiningLink}`
        : `At ${course.venue || course.joiningLink}`;
  const text: Record<
    CourseEmailKind,
    { subject: string; heading: string; paragraphs: string[]; action?: string }
  > = {
    confirmed: {
      subject: `Place confirmed: ${course.title}`,
      heading: 'Your place is confirmed',
      paragraphs: [`You have a place on ${course.title}.`, where],
      action: 'See your place',
    },
    pending_approval: {
      subject: `Booking waiting for approval: ${course.title}`,
      heading: 'Your booking is waiting for approval',
      paragraphs: [
        `Your school’s headteacher or business manager will approve your place on ${course.title}.`,
      ],
    },
    waitlisted: {
      subject: `On the waiting list: ${course.title}`,
      heading: 'You are on the waiting list',
      paragraphs: [`${course.title} is full. We will email you if a place becomes free.`],
    },
    offer: {
      subject: `A place is free: ${course.title}`,
      heading: 'A place is free for you',
      paragraphs: [
        `A place on ${course.title} has become free and is held for you until ${input.holdUntil ?? ''}.`,
        'If you do not claim it by then, it passes to the next person on the waiting list.',
      ],
      action: 'Claim the place',
    },
    cancelled: {
      subject: `Booking cancelled: ${course.title}`,
      heading: 'Your booking is cancelled',
      paragraphs: [`Your place on ${course.title} has been cancelled.`, input.reason ?? ''],
    },
    course_cancelled: {
      subject: `Course cancelled: ${course.title}`,
      heading: 'This course has been cancelled',
      paragraphs: [
        `We are sorry: ${course.title} will not run.`,
        input.reason ?? '',
        'Any entitlement your school used has been given back, and no charge will be made. If your school has already been invoiced for the place, the invoice will be credited.',
      ],
    },
    changed: {
      subject: `Dates changed: ${course.title}`,
      heading: 'The course dates have changed',
      paragraphs: [
        `The sessions of ${course.title} are now as below. Your calendar invite has been updated: use the link in this email (it replaces the one in earlier emails).`,
        where,
      ],
      action: 'See your place',
    },
    reminder: {
      subject: `Reminder: ${course.title}`,
      heading: 'Your course is coming up',
      paragraphs: [`A reminder that ${course.title} starts soon.`, where],
    },
    evaluation: {
      subject: `How was ${course.title}?`,
      heading: 'Tell us how the course went',
      paragraphs: [`Thank you for attending ${course.title}. Your evaluation takes two minutes.`],
      action: 'Give your evaluation',
    },
    approval_requested: {
      subject: `Booking to approve: ${course.title}`,
      heading: 'A booking is waiting for your approval',
      paragraphs: [
        `${input.reason ?? 'A member of staff'} asked for a place on ${course.title}. The place is held until you approve or decline it.`,
      ],
      action: 'Approve or decline',
    },
    declined: {
      subject: `Booking not approved: ${course.title}`,
      heading: 'Your booking was not approved',
      paragraphs: [`Your school has not approved your place on ${course.title}, so it has been released.`],
    },
    passed_on: {
      subject: `Place passed on: ${course.title}`,
      heading: 'Your place has passed to a colleague',
      paragraphs: [
        `Your place on ${course.title} has been passed to ${input.reason ?? 'a colleague'}. You no longer have a place, and the link in your earlier emails no longer works.`,
        'If this is a mistake, please speak to your school’s headteacher or business manager.',
      ],
    },
    substituted: {
      subject: `Place confirmed: ${course.title}`,
      heading: 'A colleague’s place is now yours',
      paragraphs: [`Your school has passed a place on ${course.title} to you.`, where],
    },
  };
  const t = text[input.kind];
  // The delegate's own page carries the calendar invite (one event per session) for the kinds that confirm a place.
  const paragraphs = [...t.paragraphs];
  if (input.url && (input.kind === 'confirmed' || input.kind === 'substituted' || input.kind === 'changed'))
    paragraphs.push(`Add every session to your calendar: ${urlMark}/calendar`);
  const template = {
    subject: t.subject,
    heading: t.heading,
    paragraphs: paragraphs.filter(Boolean),
    sessionLines: input.sessions.map(formatSessionLine),
    action: t.action && input.url ? t.action : undefined,
    providerName: input.providerName ?? '',
  };
  const rendered = await renderTemplate(template);
  const fill = (body: string, escape: (v: string) => string) =>
    body
      .replaceAll(nameMark, escape(input.booking.delegateName))
      .replaceAll(urlMark, escape(input.url ?? ''));
  return {
    to: input.booking.delegateEmail,
    subject: rendered.subject,
    html: fill(rendered.html, escapeHtml),
    text: fill(rendered.text, (v) => v),
  };
}

/**
 * Rendering a react-email template costs tens of milliseconds of CPU; a course sends the same email to every
 * delegate but for their name and link. So each distinct email is rendered once with markers for those two,
 * kept (a small cache), and filled in per delegate.
 */
const nameMark = 'XXDELEGATENAMEXX';
const urlMark = 'https://stride.invalid/XXPLACEURLXX';
const rendered = new Map<string, Promise<{ subject: string; html: string; text: string }>>();

function renderTemplate(template: {
  subject: string;
  heading: string;
  paragraphs: string[];
  sessionLines: string[];
  action?: string;
  providerName: string;
}) {
  const key = JSON.stringify(template);
  let found = rendered.get(key);
  if (!found) {
    found = renderCourseEmailTemplate(template.subject, {
      heading: template.heading,
      greetingName: nameMark,
      paragraphs: template.paragraphs,
      sessionLines: template.sessionLines,
      action: template.action ? { label: template.action, url: urlMark } : undefined,
      providerName: template.providerName,
    });
    found.catch(() => rendered.delete(key));
    if (rendered.size >= 500) rendered.delete(rendered.keys().next().value ?? '');
    rendered.set(key, found);
  }
  return found;
}

const escapeHtml = (value: string) =>
  value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#x27;');
