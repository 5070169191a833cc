import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { inductionCheckpoints } from '~/db/schema';
import type { Actor } from '../access/actor';
import { todayInLondon, type IsoDate } from '../catalogue/academic-year';
import { longDate } from '../format/dates';
import { abRecipients, sendInductionNotice } from './induction-emails';
import { checkpointTitle } from './induction-labels';

/**
 * A late registration: a school registers an ECT (or their move to it) with the AB after the start date it
 * gives, so some reviews or assessments may already be past due. They are kept, not dropped: they show as
 * overdue to the AB from the day of the registration (flagged "already overdue when registered"), the school is
 * warned on the registration page before it confirms and again in the confirmation, and the AB's staff are
 * emailed. The escalation of such a checkpoint counts from the registration (see escalationLevelDue).
 *
 * The day a period was registered is its registered_on: the day of the registration, or the earlier day an AB
 * officer entered for one made late. Periods registered before that column existed have none and read the
 * London date of their row's creation instead (the column is not backfilled).
 */
export const registeredOnOf = (period: { registeredOn: IsoDate | null; createdAt: Date }): IsoDate =>
  period.registeredOn ?? todayInLondon(period.createdAt);

export type LateCheckpoint = {
  kind: 'review' | 'formal' | 'interim';
  termNumber: number | null;
  /** "Progress review, term 2". */
  title: string;
  dueOn: IsoDate;
};

export const lateCheckpoint = (c: Omit<LateCheckpoint, 'title'>): LateCheckpoint => ({
  kind: c.kind,
  termNumber: c.termNumber,
  title: checkpointTitle(c),
  dueOn: c.dueOn,
});

/** The checkpoints of a period (just registered) whose due date had passed by `today`, soonest first. */
export async function overdueInPeriod(tx: Tx, periodId: string, today: IsoDate): Promise<LateCheckpoint[]> {
  const rows = await tx
    .select({
      kind: inductionCheckpoints.kind,
      termNumber: inductionCheckpoints.termNumber,
      dueOn: inductionCheckpoints.dueOn,
    })
    .from(inductionCheckpoints)
    .where(
      and(
        eq(inductionCheckpoints.periodId, periodId),
        inArray(inductionCheckpoints.status, ['due', 'changes_requested']),
        lt(inductionCheckpoints.dueOn, today),
      ),
    )
    .orderBy(asc(inductionCheckpoints.dueOn), asc(inductionCheckpoints.termNumber));
  return rows.map(lateCheckpoint);
}

/** "Progress review, term 1 (due 19 December 2025)". */
export const lateLine = (c: LateCheckpoint) => `${c.title} (due ${longDate(c.dueOn)})`;

/**
 * Tells the AB's staff (but not whoever registered) that a registration arrived with reviews already overdue,
 * so a late start is in front of them at once and not only when the escalations reach them weeks later.
 */
export async function tellAbOfLateRegistration(
  tx: Tx,
  actor: Actor,
  input: {
    ectId: string;
    ectName: string;
    schoolName: string;
    startsOn: IsoDate;
    registeredOn: IsoDate;
    transferred: boolean;
    overdue: readonly LateCheckpoint[];
  },
) {
  if (input.overdue.length === 0) return 0;
  const self = actor.user.email.toLowerCase();
  const to = (await abRecipients(tx)).filter((p) => p.email.toLowerCase() !== self);
  const [only] = input.overdue;
  const what =
    input.overdue.length === 1 && only
      ? `the ${only.title.toLowerCase()}`
      : `${input.overdue.length} reviews and assessments`;
  return sendInductionNotice(tx, to, {
    subject: `Late registration: ${input.ectName} at ${input.schoolName}, ${what.replace(/^the /, '')} already overdue`,
    heading: 'An ECT was registered with reviews already overdue',
    paragraphs: [
      `${input.schoolName} registered ${input.transferred ? `${input.ectName}’s move to the school on ${longDate(input.registeredOn)}; they started there on` : `${input.ectName} on ${longDate(input.registeredOn)}; their induction started on`} ${longDate(input.startsOn)}. By then ${what} had passed ${input.overdue.length === 1 ? 'its' : 'their'} due date:`,
    ],
    items: input.overdue.map(lateLine),
    action: {
      label: 'Open the induction record',
      url: `${actor.appUrl}/${actor.slug}/induction/${input.ectId}`,
    },
    footnote:
      'They are on your dashboard as overdue, marked as already overdue when registered. The school was warned as it registered; its induction tutor is reminded first, then the headteacher and you if they are still not submitted.',
  });
}
