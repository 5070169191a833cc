import type { CancellationTerms, Course, CourseBooking, CourseSession } from '~/db/schema';
import { formatPence } from '../catalogue/money';
import type { TemplatedEmail } from '../email/templates';
import { freeCancellationUntil } from './cancellation-terms';
import { priceWithVat } from './course-vat';

const isoDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
// Formatting a date costs more than the rest of an email's props; the same few dates recur (a booking's two
// possible emails, a course's delegates), so each is formatted once (the cache is emptied when it grows large).
const formattedDays = new Map<string, string>();
const formatDay = (on: string) => {
  let day = formattedDays.get(on);
  if (day === undefined) {
    if (formattedDays.size >= 2_000) formattedDays.clear();
    day = isoDate.format(new Date(`${on}T12:00:00Z`));
    formattedDays.set(on, day);
  }
  return day;
};
export const formatSessionWhen = (s: Pick<CourseSession, 'on' | 'startTime' | 'endTime'>) =>
  `${formatDay(s.on)}, ${s.startTime}–${s.endTime}`;
export const formatSessionLine = (s: Pick<CourseSession, 'title' | 'on' | 'startTime' | 'endTime'>) =>
  `${formatSessionWhen(s)}: ${s.title}`;

/** A confirmed place as its confirmation describes it: who it is booked for, what it costs, and the terms. */
export type PlaceDetails = {
  schoolName: string;
  funding: 'entitlement' | 'charge' | 'free';
  pricePence: number;
  vatRateBasisPoints: number;
  terms: CancellationTerms;
  firstSessionOn: string | undefined;
  /** The day the place was confirmed: a place booked after the last day to cancel free is told so. */
  bookedOn: string;
};

/**
 * A confirmed place's details from its course, sessions and funding (the confirmation's `place`).
 * `vatRateBasisPoints` is the school's own rate on the place (placeVatRate), not the course's: a school that
 * pays no VAT is not told "plus VAT".
 */
export const placeDetailsOf = (
  course: Pick<Course, 'cancellationTerms'>,
  sessions: readonly Pick<CourseSession, 'on'>[],
  place: {
    schoolName: string;
    funding: PlaceDetails['funding'];
    pricePence: number;
    vatRateBasisPoints: number;
    bookedOn: string;
  },
): PlaceDetails => ({
  ...place,
  terms: course.cancellationTerms,
  firstSessionOn: sessions[0]?.on,
});

/**
 * The confirmation's lines about the place: the school it is booked for, what it costs the school (from its
 * subscription, charged, or free), and what cancelling late or not coming would cost under the course's terms.
 */
export function placeDetailLines(place: PlaceDetails): string[] {
  const cost =
    place.funding === 'free'
      ? 'There is no charge for this place.'
      : place.funding === 'entitlement'
        ? `The place comes out of ${place.schoolName}’s subscription, so there is nothing extra to pay.`
        : // "charged", not "invoiced": a workspace without Stride's invoicing bills its schools its own way.
          `The place costs ${priceWithVat(place.pricePence, place.vatRateBasisPoints)}, charged to ${place.schoolName}.`;
  const lines = [`Booked for ${place.schoolName}.`, cost];
  if (place.pricePence === 0 || !place.firstSessionOn) return lines;
  return [...lines, cancellationTermsLine(place.terms, place.firstSessionOn, place.bookedOn)];
}

/** A cancelled place's line saying what cancelling it cost the school (cancellationChargeOf), or that it was free. */
export const cancellationChargeLine = (charge: { netPence: number; vatRateBasisPoints: number } | null) =>
  charge
    ? `A late-cancellation charge of ${formatPence(charge.netPence)}${charge.vatRateBasisPoints > 0 ? ' plus VAT' : ''} was made to your school.`
    : 'There was no charge for cancelling this place.';

/**
 * What cancelling a place, or not coming, costs under the course's terms, for a place booked on `bookedOn`: a
 * place booked after the last day to cancel free is told that any cancellation is now charged (the booking
 * page says the same before the school confirms).
 */
export function cancellationTermsLine(terms: CancellationTerms, firstSessionOn: string, bookedOn: string) {
  const { lateCancellationPercent: late, noShowPercent: noShow } = terms;
  const freeUntil = freeCancellationUntil(terms, firstSessionOn);
  const after =
    late === 0
      ? 'You can cancel free of charge up to the day.'
      : bookedOn > freeUntil
        ? `The last day to cancel free of charge was ${formatDay(freeUntil)}, so cancelling now costs ${late}% of the price.`
        : `You can cancel free of charge until ${formatDay(freeUntil)}; after that, ${late}% of the price is charged.`;
  const missed = noShow > 0 ? ` Not coming without cancelling is charged at ${noShow}%.` : '';
  return `${after}${missed}`;
}

/** The waiting-list email's line saying where the delegate is in line (offers go out in this order). */
export const waitingPositionLine = (position: number | string) =>
  `You are number ${position} on the waiting list.`;

export type CourseEmailKind =
  | 'confirmed'
  | 'pending_approval'
  | 'waitlisted'
  | 'offer'
  | 'offer_expired'
  | 'left_waiting_list'
  | 'cancelled'
  | 'course_cancelled'
  | 'changed'
  | 'waiting_list_changed'
  | 'reminder'
  | 'evaluation'
  | 'substituted'
  | 'passed_on'
  | 'approval_requested'
  | 'declined'
  | 'message';

type Recipient = Pick<CourseBooking, 'delegateName' | 'delegateEmail'>;

/** Emails that put a place's sessions in the delegate's calendar, and those that take them out again. */
const inviteMethod: Partial<Record<CourseEmailKind, 'REQUEST' | 'CANCEL'>> = {
  confirmed: 'REQUEST',
  substituted: 'REQUEST',
  changed: 'REQUEST',
  reminder: 'REQUEST',
  offer: 'REQUEST',
  offer_expired: 'CANCEL',
  left_waiting_list: 'CANCEL',
  cancelled: 'CANCEL',
  course_cancelled: 'CANCEL',
  passed_on: 'CANCEL',
};

/**
 * One course email to one delegate, to queue: the course template's props (plain strings, no rendering; the
 * email job renders it when it delivers).
 */
export function courseEmail(input: {
  kind: CourseEmailKind;
  course: Pick<Course, 'title' | 'venue' | 'joiningLink' | 'format'>;
  sessions: Pick<CourseSession, 'title' | 'on' | 'startTime' | 'endTime'>[];
  booking: Recipient;
  /** The place the email is about: its calendar invite (or the invite's cancellation) is attached. */
  bookingId?: string;
  /** The waiting-list offer the email is about (no place yet): its tentative invite, or its cancellation. */
  offerEntryId?: string;
  providerName?: string;
  /** The claim, certificate or evaluation link. */
  url?: string;
  holdUntil?: string;
  reason?: string;
  /** A confirmation's place: the school, the cost and the cancellation terms. */
  place?: PlaceDetails;
  /** A waiting-list email's place in line. */
  position?: number;
  /** A date-change email's sessions that moved, were added or no longer run. */
  changes?: string[];
  /** The organisers' own message to the course's delegates (messageDelegates). */
  message?: { subject: string; paragraphs: string[] };
}): TemplatedEmail {
  const { course } = input;
  const where =
    course.format === 'online'
      ? `Online: ${course.joiningLink}`
      : course.format === 'hybrid'
        ? `At ${course.venue}, or online: ${course.joiningLink}`
        : `At ${course.venue || course.joiningLink}`;
  // Only the kind asked for is built (a booking makes one or two of these per delegate).
  const text: Record<
    CourseEmailKind,
    () => { subject: string; heading: string; paragraphs: string[]; action?: string }
  > = {
    confirmed: () => ({
      subject: `Place confirmed: ${course.title}`,
      heading: 'Your place is confirmed',
      paragraphs: [
        `You have a place on ${course.title}.`,
        ...(input.place ? placeDetailLines(input.place) : []),
        where,
      ],
      action: 'See your place',
    }),
    pending_approval: () => ({
      subject: `Booking waiting for approval: ${course.title}`,
      heading: 'Your booking is waiting for approval',
      paragraphs: [
        `Your school’s headteacher or business manager will approve your place on ${course.title}.`,
      ],
    }),
    waitlisted: () => ({
      subject: `On the waiting list: ${course.title}`,
      heading: 'You are on the waiting list',
      paragraphs: [
        `${course.title} is full. We will email you if a place becomes free.`,
        input.position ? waitingPositionLine(input.position) : '',
      ],
    }),
    offer: () => ({
      subject: `A place is free: ${course.title}`,
      heading: 'A place is free for you',
      paragraphs: [
        `A place on ${course.title} has become free and is held for you until ${input.holdUntil ?? ''} (UK time).`,
        'If you do not claim it by then, it passes to the next person on the waiting list. Weekends and bank holidays do not count towards the hold.',
      ],
      action: 'Claim the place',
    }),
    offer_expired: () => ({
      subject: `Held place passed on: ${course.title}`,
      heading: 'The place held for you has passed on',
      paragraphs: [
        `The place on ${course.title} held for you was not claimed in time, so it has passed to the next person waiting, and you are no longer on the waiting list.`,
        'You can still book if places become free.',
      ],
    }),
    left_waiting_list: () => ({
      subject: `Off the waiting list: ${course.title}`,
      heading: 'You are no longer on the waiting list',
      paragraphs: [
        input.offerEntryId
          ? `You are off the waiting list for ${course.title}, and the place held for you has passed on.`
          : `You are off the waiting list for ${course.title}.`,
        'You can still book if places become free.',
      ],
    }),
    cancelled: () => ({
      subject: `Booking cancelled: ${course.title}`,
      heading: 'Your booking is cancelled',
      paragraphs: [`Your place on ${course.title} has been cancelled.`, input.reason ?? ''],
    }),
    course_cancelled: () => ({
      subject: `Course cancelled: ${course.title}`,
      heading: 'This course has been cancelled',
      paragraphs: [
        `We are sorry: ${course.title} will not run.`,
        input.reason ?? '',
        'Any entitlement your school used has been given back, and no charge will be made. If your school has already been invoiced for the place, the invoice will be credited.',
      ],
    }),
    changed: () => ({
      subject: `Dates changed: ${course.title}`,
      heading: 'The course dates have changed',
      paragraphs: [
        ...(input.changes ?? []),
        `The sessions of ${course.title} are now as below. The link in this email replaces the one in earlier emails.`,
        where,
      ],
      action: 'See your place',
    }),
    // Someone waiting holds no place, so no calendar invite: only the new dates, and where they stand.
    waiting_list_changed: () => ({
      subject: `Dates changed: ${course.title}`,
      heading: 'The course dates have changed',
      paragraphs: [
        ...(input.changes ?? []),
        `You are on the waiting list for ${course.title}. Its sessions are now as below.`,
        input.holdUntil
          ? `The place held for you is still yours to claim until ${input.holdUntil} (UK time), with the link in the email offering it.`
          : input.position
            ? `${waitingPositionLine(input.position)} We will email you if a place becomes free.`
            : '',
      ],
    }),
    reminder: () => ({
      subject: `Reminder: ${course.title}`,
      heading: 'Your course is coming up',
      paragraphs: [`A reminder that ${course.title} starts soon.`, where],
    }),
    evaluation: () => ({
      subject: `How was ${course.title}?`,
      heading: 'Tell us how the course went',
      paragraphs: [`Thank you for attending ${course.title}. Your evaluation takes two minutes.`],
      action: 'Give your evaluation',
    }),
    approval_requested: () => ({
      subject: `Booking to approve: ${course.title}`,
      heading: 'A booking is waiting for your approval',
      paragraphs: [
        `${input.reason ?? 'A member of staff'} asked for a place on ${course.title}. The place is held until you approve or decline it.`,
      ],
      action: 'Approve or decline',
    }),
    declined: () => ({
      subject: `Booking not approved: ${course.title}`,
      heading: 'Your booking was not approved',
      paragraphs: [`Your school has not approved your place on ${course.title}, so it has been released.`],
    }),
    passed_on: () => ({
      subject: `Place passed on: ${course.title}`,
      heading: 'Your place has passed to a colleague',
      paragraphs: [
        `Your place on ${course.title} has been passed to ${input.reason ?? 'a colleague'}. You no longer have a place, and the link in your earlier emails no longer works.`,
        'If this is a mistake, please speak to your school’s headteacher or business manager.',
      ],
    }),
    message: () => ({
      subject: `${input.message?.subject ?? 'A message'}: ${course.title}`,
      heading: input.message?.subject ?? 'A message about your course',
      paragraphs: [
        `A message from the organisers of ${course.title}, which you have a place on or are waiting for:`,
        ...(input.message?.paragraphs ?? []),
        where,
      ],
    }),
    substituted: () => ({
      subject: `Place confirmed: ${course.title}`,
      heading: 'A colleague’s place is now yours',
      paragraphs: [`Your school has passed a place on ${course.title} to you.`, where],
      action: 'See your place',
    }),
  };
  const t = text[input.kind]();
  // The invite (one event per session) is attached; the delegate's own page offers the same file to download.
  // An offer's invite is the offer's (no place yet); every other invite is the place's.
  const isOffer =
    input.kind === 'offer' || input.kind === 'offer_expired' || input.kind === 'left_waiting_list';
  const method = (isOffer ? input.offerEntryId : input.bookingId) ? inviteMethod[input.kind] : undefined;
  const paragraphs = [...t.paragraphs];
  if (method === 'REQUEST' && isOffer)
    paragraphs.push(
      'The attached calendar invite (course.ics) pencils the sessions into your calendar as tentative until you claim the place.',
    );
  else if (method === 'REQUEST')
    paragraphs.push(
      input.kind === 'changed'
        ? 'The attached calendar invite (course.ics) updates the sessions in your calendar.'
        : 'The attached calendar invite (course.ics) adds every session to your calendar.',
    );
  if (method === 'CANCEL')
    paragraphs.push('The attached calendar file (course.ics) removes the sessions from your calendar.');
  // The place's page has a calendar download; an offer's link is the claim page, which has none.
  if (input.url && inviteMethod[input.kind] === 'REQUEST' && !isOffer)
    paragraphs.push(`Add every session to your calendar: ${input.url}/calendar`);
  return {
    to: input.booking.delegateEmail,
    template: 'course',
    props: {
      subject: t.subject,
      heading: t.heading,
      greetingName: input.booking.delegateName,
      paragraphs: paragraphs.filter(Boolean),
      sessionLines: input.sessions.map(formatSessionLine),
      action: t.action && input.url ? { label: t.action, url: input.url } : undefined,
      providerName: input.providerName ?? '',
    },
    ...(method && input.bookingId && !isOffer
      ? { attachments: [{ kind: 'course-ics', bookingId: input.bookingId, method, filename: 'course.ics' }] }
      : method && input.offerEntryId && isOffer
        ? {
            attachments: [
              { kind: 'course-offer-ics', entryId: input.offerEntryId, method, filename: 'course.ics' },
            ],
          }
        : {}),
  };
}
