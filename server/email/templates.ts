import { render } from '@react-email/render';
import type { z } from 'zod';
import { adviserRemindersEmail } from '~/emails/adviser-reminders';
import { concernLetterEmail } from '~/emails/concern-letter';
import { courseEmailTemplate } from '~/emails/course-email';
import type { EmailTemplate } from '~/emails/define-email';
import { ectRegistrationRejectedEmail } from '~/emails/ect-registration-rejected';
import { governorBookingChargedEmail } from '~/emails/governor-booking-charged';
import { governorBulletinEmail } from '~/emails/governor-bulletin';
import { governorTermEndingEmail } from '~/emails/governor-term-ending';
import { magicLinkEmail } from '~/emails/magic-link';
import { noteAnsweredEmail, noteSentEmail, noteSharedEmail } from '~/emails/note-of-visit';
import { noticeEmail } from '~/emails/notice-email';
import { renewalInvitationEmail } from '~/emails/renewal-invitation';
import { signInAddressConfirmEmail, signInAddressRequestedEmail } from '~/emails/sign-in-address';
import type { EmailAttachmentRef } from '~/db/schema';

/**
 * Every email the app sends, by the name the outbox stores. A caller queues `{ template, props }`; the props
 * are checked against the template's schema when queued, the subject is worked out then (a string), and the
 * body is rendered (react-email: HTML and plain text) only when the email is delivered.
 */
export const emailTemplates = {
  'adviser-reminders': adviserRemindersEmail,
  'concern-letter': concernLetterEmail,
  course: courseEmailTemplate,
  'ect-registration-rejected': ectRegistrationRejectedEmail,
  'governor-booking-charged': governorBookingChargedEmail,
  'governor-bulletin': governorBulletinEmail,
  'governor-term-ending': governorTermEndingEmail,
  'magic-link': magicLinkEmail,
  'note-answered': noteAnsweredEmail,
  'note-sent': noteSentEmail,
  'note-shared': noteSharedEmail,
  notice: noticeEmail,
  'renewal-invitation': renewalInvitationEmail,
  'sign-in-address-confirm': signInAddressConfirmEmail,
  'sign-in-address-requested': signInAddressRequestedEmail,
} satisfies Record<string, EmailTemplate>;

export type EmailTemplateName = keyof typeof emailTemplates;
export type EmailProps<K extends EmailTemplateName> = z.input<(typeof emailTemplates)[K]['props']>;

/** An email to queue or send: who to, which template with which props, and any attachments (by reference). */
export type TemplatedEmail = {
  [K in EmailTemplateName]: {
    to: string;
    template: K;
    props: EmailProps<K>;
    /** Files rendered when the email is delivered (inside its tenant), e.g. an invoice's PDF. */
    attachments?: EmailAttachmentRef[];
    /** Extra message headers, stored with the queued email and passed on at delivery (List-Unsubscribe). */
    headers?: Record<string, string>;
  };
}[EmailTemplateName];

function templateNamed(name: string): EmailTemplate {
  if (!Object.hasOwn(emailTemplates, name)) throw new Error(`no email template called "${name}"`);
  return emailTemplates[name as EmailTemplateName] as EmailTemplate;
}

/** Checks an email's props against its template and works out its subject: cheap, done when it is queued. */
export function prepareEmail(email: TemplatedEmail): {
  template: EmailTemplateName;
  props: Record<string, unknown>;
  subject: string;
} {
  const template = templateNamed(email.template);
  const props = template.props.parse(email.props) as Record<string, unknown>;
  return { template: email.template, props, subject: template.subject(props) };
}

/** Renders a stored email's body (HTML and plain text) from its template and props, checked again first. */
export async function renderEmail(
  name: string,
  storedProps: unknown,
): Promise<{ subject: string; html: string; text: string }> {
  const template = templateNamed(name);
  const props: unknown = template.props.parse(storedProps);
  const element = template.element(props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: template.subject(props), html, text };
}

/** A template and its props, typed together: `queueEmail(tx, { to, ...emailOf('notice', { … }) })`. */
export const emailOf = <K extends EmailTemplateName>(template: K, props: EmailProps<K>) => ({
  template,
  props,
});
