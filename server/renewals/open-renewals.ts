import { DomainError } from '~/server/errors/domain-error';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { catalogueItems, renewalInvitations, renewalRounds, schools, subscriptions } from '~/db/schema';
import { academicYearLabel, type IsoDate } from '../catalogue/academic-year';
import { openStatuses } from '../schools/school-status';
import { inviteToRenew, type InvitationContext } from './invite-to-renew';

export const ZOpenRenewalsInput = z.object({
  fromYear: z.number().int().min(2000).max(2100),
  closesOn: z.iso.date({ message: 'Enter the date answers are due.' }),
  targetPercent: z.number().int().min(1).max(100).default(90),
  /** Remind schools that have not answered every this many days until the round closes; null = by hand only. */
  reminderIntervalDays: z
    .number({ message: 'Enter the number of days between reminders.' })
    .int({ message: 'Enter a whole number of days.' })
    .min(1, { message: 'Remind at most once a day.' })
    .max(60, { message: 'Remind at least every 60 days, or leave reminders to be sent by hand.' })
    .nullable()
    .default(null),
});

/**
 * Opens buy-back for next year: every school with a live subscription this year is invited and each of its
 * headteachers / business managers is emailed a one-click link. Next year's catalogue must exist first.
 */
export async function openRenewals(
  tx: Tx,
  input: z.output<typeof ZOpenRenewalsInput> &
    Omit<InvitationContext, 'toYear' | 'closesOn'> & { actorUserId: string; today: IsoDate },
) {
  const toYear = input.fromYear + 1;
  if (input.closesOn < input.today) {
    throw new DomainError({ code: 'BAD_REQUEST', message: 'The closing date must not be in the past.' });
  }
  const [nextPackage] = await tx
    .select({ id: catalogueItems.id })
    .from(catalogueItems)
    .where(and(eq(catalogueItems.academicYear, toYear), eq(catalogueItems.kind, 'package')))
    .limit(1);
  if (!nextPackage) {
    throw new DomainError({
      code: 'PRECONDITION_FAILED',
      message: `Set up the ${academicYearLabel(toYear)} packages first (copy this year's forward with an uplift).`,
    });
  }
  const [round] = await tx
    .insert(renewalRounds)
    .values({
      tenantId: input.tenantId,
      fromYear: input.fromYear,
      toYear,
      closesOn: input.closesOn,
      targetPercent: input.targetPercent,
      reminderIntervalDays: input.reminderIntervalDays,
      openedByUserId: input.actorUserId,
    })
    .onConflictDoNothing()
    .returning({ id: renewalRounds.id });
  if (!round) {
    throw new DomainError({
      code: 'CONFLICT',
      message: `Renewals for ${academicYearLabel(toYear)} are already open.`,
    });
  }
  const subscribers = await tx
    .selectDistinct({ schoolId: schools.id, schoolName: schools.name })
    .from(subscriptions)
    .innerJoin(
      schools,
      and(eq(schools.tenantId, subscriptions.tenantId), eq(schools.id, subscriptions.schoolId)),
    )
    .where(
      and(
        eq(subscriptions.academicYear, input.fromYear),
        eq(subscriptions.status, 'active'),
        // A school proposed to close still buys; a closed one is offered nothing new.
        inArray(schools.status, [...openStatuses]),
      ),
    );
  let emails = 0;
  for (const school of subscribers) {
    const [invitation] = await tx
      .insert(renewalInvitations)
      .values({ tenantId: input.tenantId, roundId: round.id, schoolId: school.schoolId })
      .returning({ id: renewalInvitations.id });
    if (!invitation) throw new Error('could not invite');
    emails += await inviteToRenew(tx, {
      ...input,
      toYear,
      invitationId: invitation.id,
      schoolId: school.schoolId,
      schoolName: school.schoolName,
      reminder: false,
    });
  }
  return { id: round.id, invited: subscribers.length, emails };
}
