import { and, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { notesOfVisit, plannedVisits, schools, users } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import { queueEmail } from '../email/send-email';
import { daysBefore } from '../jobs/job-periods';
import { emailOf } from '../email/templates';
import { longDate } from '../format/dates';

/** A note left in draft (or commented and not revised) this long is worth a reminder. */
export const noteReminderAfterDays = 7;

/**
 * Emails each adviser one digest: their statutory visits past due and still planned, and their notes of
 * visit not yet sent to the headteacher a week after they were last touched. Nothing outstanding, no email.
 */
export async function remindAdvisers(
  tx: Tx,
  input: { workspaceName: string; tenantSlug: string; appUrl: string; today: IsoDate },
) {
  const overdue = await tx
    .select({
      adviserUserId: plannedVisits.adviserUserId,
      schoolName: schools.name,
      dueBy: plannedVisits.dueBy,
    })
    .from(plannedVisits)
    .innerJoin(schools, eq(schools.id, plannedVisits.schoolId))
    .where(
      and(
        eq(plannedVisits.status, 'planned'),
        lt(plannedVisits.dueBy, input.today),
        isNotNull(plannedVisits.adviserUserId),
      ),
    )
    .orderBy(plannedVisits.dueBy);
  const staleBefore = new Date(`${daysBefore(input.today, noteReminderAfterDays)}T00:00:00Z`);
  const notes = await tx
    .select({
      adviserUserId: notesOfVisit.adviserUserId,
      schoolName: schools.name,
      visitedOn: notesOfVisit.visitedOn,
      status: notesOfVisit.status,
    })
    .from(notesOfVisit)
    .innerJoin(schools, eq(schools.id, notesOfVisit.schoolId))
    .where(and(inArray(notesOfVisit.status, ['draft', 'commented']), lt(notesOfVisit.updatedAt, staleBefore)))
    .orderBy(notesOfVisit.visitedOn);
  const adviserIds = [
    ...new Set([...overdue.map((v) => v.adviserUserId), ...notes.map((n) => n.adviserUserId)]),
  ].filter((id): id is string => id !== null);
  if (adviserIds.length === 0) return { advisers: 0, overdueVisits: 0, notesToFinish: 0, emails: 0 };
  const people = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, adviserIds));
  for (const person of people) {
    const message = emailOf('adviser-reminders', {
      recipientName: person.name,
      workspaceName: input.workspaceName,
      overdueVisits: overdue
        .filter((v) => v.adviserUserId === person.id)
        .map((v) => ({ schoolName: v.schoolName, date: longDate(v.dueBy) })),
      notesToFinish: notes
        .filter((n) => n.adviserUserId === person.id)
        .map((n) => ({
          schoolName: n.schoolName,
          date: longDate(n.visitedOn),
          status: n.status === 'draft' ? 'draft' : 'commented on by the headteacher',
        })),
      url: `${input.appUrl}/${input.tenantSlug}/visits`,
    });
    await queueEmail(tx, { to: person.email, ...message });
  }
  return {
    advisers: people.length,
    overdueVisits: overdue.length,
    notesToFinish: notes.length,
    emails: people.length,
  };
}
