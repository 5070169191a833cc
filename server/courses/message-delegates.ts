import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { courseBookings, courseMessages, courseWaitlistEntries, users } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { queueEmail } from '../email/send-email';
import { countOf } from '../format/plural';
import { courseEmail } from './course-emails';
import { getCourse } from './get-course';

export const ZMessageDelegatesInput = z.object({
  courseId: z.uuid(),
  subject: z
    .string()
    .trim()
    .min(1, 'Give the message a subject.')
    .max(150, 'Keep the subject to 150 characters.'),
  message: z.string().trim().min(1, 'Write the message.').max(5000, 'Keep the message to 5,000 characters.'),
  includeWaitingList: z.boolean().default(false),
});
export type TMessageDelegatesInput = z.infer<typeof ZMessageDelegatesInput>;

/** Paragraphs as the sender typed them: a blank line starts a new one; single line breaks are kept. */
const paragraphsOf = (message: string) =>
  message
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/**
 * Emails the course's confirmed delegates (and, if asked, everyone waiting or offered a place) a message from
 * the organisers — joining instructions, what to bring, a room change — each with the course's sessions, and
 * keeps a record of it for the course page. A draft has no one to write to (no one can book it until it is
 * published); a cancelled course's delegates are not written to (they were told it was cancelled); a course
 * nobody holds a place on has no one to send to, which is said.
 */
export async function messageDelegates(
  tx: Tx,
  input: TMessageDelegatesInput & { tenantId: string; sentByUserId: string; providerName: string },
) {
  const { course, sessions } = await getCourse(tx, input.courseId);
  if (course.status === 'draft')
    throw new DomainError({
      code: 'CONFLICT',
      message:
        'This course is a draft: no one can book it until it is published, so there is no one to message.',
    });
  if (course.status === 'cancelled')
    throw new DomainError({
      code: 'CONFLICT',
      message: 'This course has been cancelled: its delegates were told, and cannot be messaged here.',
    });
  const [delegates, waiting] = await Promise.all([
    tx
      .select({ delegateName: courseBookings.delegateName, delegateEmail: courseBookings.delegateEmail })
      .from(courseBookings)
      .where(and(eq(courseBookings.courseId, course.id), eq(courseBookings.status, 'confirmed')))
      .orderBy(asc(courseBookings.delegateName)),
    input.includeWaitingList
      ? tx
          .select({
            delegateName: courseWaitlistEntries.delegateName,
            delegateEmail: courseWaitlistEntries.delegateEmail,
          })
          .from(courseWaitlistEntries)
          .where(
            and(
              eq(courseWaitlistEntries.courseId, course.id),
              inArray(courseWaitlistEntries.status, ['waiting', 'offered']),
            ),
          )
      : [],
  ]);
  // One email a person, even if they hold a place and also wait for another (a colleague's) on the list.
  const recipients = [
    ...new Map([...delegates, ...waiting].map((r) => [r.delegateEmail.toLowerCase(), r])).values(),
  ];
  if (recipients.length === 0)
    throw new DomainError({
      code: 'CONFLICT',
      message: input.includeWaitingList
        ? 'No one holds a place on this course or waits for one: there is no one to send the message to.'
        : 'No one holds a confirmed place on this course yet: there is no one to send the message to.',
    });
  const paragraphs = paragraphsOf(input.message);
  for (const booking of recipients)
    await queueEmail(
      tx,
      courseEmail({
        kind: 'message',
        course,
        sessions,
        booking,
        providerName: input.providerName,
        message: { subject: input.subject, paragraphs },
      }),
    );
  const [saved] = await tx
    .insert(courseMessages)
    .values({
      tenantId: input.tenantId,
      courseId: course.id,
      subject: input.subject,
      body: input.message,
      recipients: recipients.length,
      includesWaitingList: input.includeWaitingList,
      sentByUserId: input.sentByUserId,
    })
    .returning({ id: courseMessages.id });
  return {
    messageId: saved!.id,
    sentTo: recipients.length,
    summary: `Sent to ${countOf(recipients.length, 'person', 'people')}.`,
  };
}

/** The messages sent about a course, newest first, with who sent each. */
export function listCourseMessages(tx: Tx, courseId: string) {
  return tx
    .select({
      id: courseMessages.id,
      subject: courseMessages.subject,
      body: courseMessages.body,
      recipients: courseMessages.recipients,
      includesWaitingList: courseMessages.includesWaitingList,
      sentAt: courseMessages.sentAt,
      sentBy: users.name,
    })
    .from(courseMessages)
    .leftJoin(users, eq(users.id, courseMessages.sentByUserId))
    .where(eq(courseMessages.courseId, courseId))
    .orderBy(desc(courseMessages.sentAt));
}
