import { and, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  ects,
  inductionCheckpoints,
  inductionAppeals,
  inductionDeadlineReminders,
  inductionOutcomes,
  inductionPeriods,
  inductionRecommendations,
  schools,
} from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import { addDays } from '../courses/london-time';
import { workingDaysAfter } from '../courses/working-days';
import { longDate } from '../format/dates';
import { decisionDeadlines } from './induction-decisions';
import { abRecipients, headsOf, sendInductionNotice, type Recipient } from './induction-emails';
import { outcomeLabels } from './induction-labels';
import { currentPeriod } from './reschedule-ect';

export type DeadlineKind = 'recommendation' | 'decision' | 'appeal';

/** The school is reminded of the headteacher's recommendation this many working days before it is due. */
export const remindRecommendationWithinWorkingDays = 3;
/** The AB is reminded of its decision this many working days before it is due. */
export const remindDecisionWithinWorkingDays = 5;
/** An ECT who failed (and their tutor) is reminded of the deadline to appeal this many working days before it. */
export const remindAppealWithinWorkingDays = 5;

/** What the rules need to know of one ECT. */
export type DeadlineCandidate = {
  status: 'in_progress' | 'completed';
  /** Whether the ECT is still at a school (an open period); one who has left is not reminded of. */
  atSchool: boolean;
  /** When induction is expected to end (the last checkpoint's due date); null with no checkpoints. */
  completesOn: IsoDate | null;
  /** Outcomes recorded so far: 0 before the first decision, 1 after an extension, … */
  stage: number;
  /** The recommendation waiting for the AB's decision, if any. */
  pending: { recommendedOn: IsoDate } | null;
  /** Reminders already sent for this ECT. */
  sent: readonly { kind: DeadlineKind; stage: number }[];
};

export type DeadlineReminder = { kind: DeadlineKind; stage: number; dueOn: IsoDate; overdue: boolean };

/**
 * The reminder an ECT's end of induction calls for today, or null. With no recommendation waiting, the school
 * is reminded of the headteacher's recommendation (10 working days after induction ends) once it is due within
 * 3 working days or overdue; with one waiting, the AB is reminded of its decision (20 working days after the
 * recommendation) once it is due within 5 working days or overdue. Once per ECT, deadline and stage (the
 * outcomes so far: an extension starts a new stage, with its own end); never for a completed induction or an
 * ECT who has left their school.
 */
export function deadlineReminderDue(c: DeadlineCandidate, today: IsoDate): DeadlineReminder | null {
  if (c.status !== 'in_progress' || !c.atSchool) return null;
  let kind: DeadlineKind;
  let dueOn: IsoDate;
  let within: number;
  if (c.pending) {
    kind = 'decision';
    within = remindDecisionWithinWorkingDays;
    const { decisionDue } = decisionDeadlines({
      completesOn: c.pending.recommendedOn,
      recommendedOn: c.pending.recommendedOn,
      lastOutcome: null,
    });
    if (!decisionDue) return null;
    dueOn = decisionDue;
  } else {
    if (!c.completesOn) return null;
    kind = 'recommendation';
    within = remindRecommendationWithinWorkingDays;
    dueOn = decisionDeadlines({
      completesOn: c.completesOn,
      recommendedOn: null,
      lastOutcome: null,
    }).recommendationDue;
  }
  if (dueOn > workingDaysAfter(today, within)) return null;
  if (c.sent.some((s) => s.kind === kind && s.stage === c.stage)) return null;
  return { kind, stage: c.stage, dueOn, overdue: dueOn < today };
}

/** What the appeal reminder needs to know of one ECT. */
export type AppealCandidate = {
  /** The ECT's last outcome when it is a fail with no appeal recorded against it; null otherwise. */
  fail: { decidedOn: IsoDate } | null;
  /** Outcomes recorded so far (the fail included). */
  stage: number;
  sent: readonly { kind: DeadlineKind; stage: number }[];
};

/**
 * The reminder of the deadline to appeal against a fail, or null: an ECT may appeal to the Teaching Regulation
 * Agency within 20 working days of being told (the decision's date stands for that day). Reminded once, from 5
 * working days before the deadline until it (not after: it can no longer be met); not once an appeal is
 * recorded.
 */
export function appealReminderDue(c: AppealCandidate, today: IsoDate): DeadlineReminder | null {
  if (!c.fail) return null;
  const { appealBy } = decisionDeadlines({
    completesOn: c.fail.decidedOn,
    recommendedOn: null,
    lastOutcome: { outcome: 'fail', decidedOn: c.fail.decidedOn },
  });
  if (!appealBy || today > appealBy || appealBy > workingDaysAfter(today, remindAppealWithinWorkingDays))
    return null;
  if (c.sent.some((s) => s.kind === 'appeal' && s.stage === c.stage)) return null;
  return { kind: 'appeal', stage: c.stage, dueOn: appealBy, overdue: false };
}

// The expected end as the dashboard reads it: the last induction term's checkpoint.
const completesOn = sql<
  string | null
>`(select max(c.due_on)::text from ${inductionCheckpoints} c where c.ect_id = ${ects.id} and c.term_number is not null)`;
const stage = sql<number>`(select count(*)::int from ${inductionOutcomes} o where o.ect_id = ${ects.id})`;

type RemindInput = { tenantId: string; tenantSlug: string; appUrl: string; today: IsoDate };

/**
 * The scheduled job's work (weekdays, Appropriate Bodies): reminds the school's induction tutor and
 * headteacher of a recommendation due soon or overdue, and the AB's staff of a decision due soon or overdue,
 * by the rules of `deadlineReminderDue`; and an ECT who failed, with their tutor, of the deadline to appeal
 * (`appealReminderDue`). What was sent is kept (induction_deadline_reminders, unique per ECT, deadline and
 * stage), so a later run sends nothing more for the same deadline.
 */
export async function remindInductionDeadlines(tx: Tx, input: RemindInput) {
  const appeals = await remindAppealDeadlines(tx, input);
  const ends = await remindEndOfInduction(tx, input);
  return { ...ends, appealReminders: appeals.appealReminders, emails: ends.emails + appeals.emails };
}

async function remindEndOfInduction(tx: Tx, input: RemindInput) {
  const rows = await tx
    .select({
      ectId: ects.id,
      ectName: ects.name,
      schoolId: inductionPeriods.schoolId,
      schoolName: schools.name,
      tutorName: inductionPeriods.tutorName,
      tutorEmail: inductionPeriods.tutorEmail,
      completesOn,
      stage,
    })
    .from(ects)
    // The open period: the school the ECT is at now (none once they have left or finished).
    .innerJoin(inductionPeriods, and(eq(inductionPeriods.ectId, ects.id), isNull(inductionPeriods.endsOn)))
    .innerJoin(schools, eq(schools.id, inductionPeriods.schoolId))
    .where(eq(ects.status, 'in_progress'));
  const summary = { recommendationReminders: 0, decisionReminders: 0, emails: 0 };
  if (rows.length === 0) return summary;
  const ids = rows.map((r) => r.ectId);
  const [recommendations, sent] = await Promise.all([
    // Each ECT's latest recommendation with no outcome recorded after it.
    tx
      .select({
        ectId: inductionRecommendations.ectId,
        recommendation: inductionRecommendations.recommendation,
        recommendedOn: inductionRecommendations.recommendedOn,
        representationsOn: inductionRecommendations.representationsOn,
      })
      .from(inductionRecommendations)
      .where(
        and(
          inArray(inductionRecommendations.ectId, ids),
          sql`not exists (select 1 from ${inductionOutcomes} o where o.ect_id = ${inductionRecommendations.ectId} and o.created_at > ${inductionRecommendations.createdAt})`,
        ),
      )
      .orderBy(inductionRecommendations.createdAt),
    tx
      .select({
        ectId: inductionDeadlineReminders.ectId,
        kind: inductionDeadlineReminders.kind,
        stage: inductionDeadlineReminders.stage,
      })
      .from(inductionDeadlineReminders)
      .where(inArray(inductionDeadlineReminders.ectId, ids)),
  ]);
  // Ordered oldest first, so the latest recommendation wins.
  const pendingOf = new Map(recommendations.map((r) => [r.ectId, r]));
  let ab: Recipient[] | null = null;
  for (const row of rows) {
    const pending = pendingOf.get(row.ectId) ?? null;
    const due = deadlineReminderDue(
      {
        status: 'in_progress',
        atSchool: true,
        completesOn: row.completesOn,
        stage: row.stage,
        pending,
        sent: sent.filter((s) => s.ectId === row.ectId),
      },
      input.today,
    );
    if (!due) continue;
    const to =
      due.kind === 'decision'
        ? (ab ??= await abRecipients(tx))
        : distinct([{ name: row.tutorName, email: row.tutorEmail }, ...(await headsOf(tx, row.schoolId))]);
    // Nobody to tell: not recorded, so a later run tries again.
    if (to.length === 0) continue;
    if (!(await claimReminder(tx, input.tenantId, row.ectId, due, to.length))) continue;
    const url = `${input.appUrl}/${input.tenantSlug}/induction/${row.ectId}`;
    const when = due.overdue ? `was due on ${longDate(due.dueOn)}` : `is due by ${longDate(due.dueOn)}`;
    if (due.kind === 'recommendation') {
      summary.recommendationReminders += 1;
      summary.emails += await sendInductionNotice(tx, to, {
        subject: `${due.overdue ? 'Overdue' : 'Due soon'}: the recommendation for ${row.ectName}'s induction (${longDate(due.dueOn)})`,
        heading: due.overdue
          ? "The headteacher's recommendation is overdue"
          : "The headteacher's recommendation is due soon",
        paragraphs: [
          `${row.ectName}'s induction at ${row.schoolName} is expected to end on ${longDate(row.completesOn)}. The headteacher's recommendation (pass, extension or fail) ${when}, 10 working days after the end of induction, and none has been recorded.`,
          'Please record it on the induction record in Stride. The ECT then has 10 working days to make representations, and the Appropriate Body decides within 20.',
        ],
        action: { label: 'Open the induction record', url },
      });
    } else {
      summary.decisionReminders += 1;
      const recommended = pending ? outcomeLabels[pending.recommendation].toLowerCase() : '';
      summary.emails += await sendInductionNotice(tx, to, {
        subject: `${due.overdue ? 'Overdue' : 'Due soon'}: the outcome of ${row.ectName}'s induction (${longDate(due.dueOn)})`,
        heading: due.overdue ? 'An induction outcome is overdue' : 'An induction outcome is due soon',
        paragraphs: [
          `${row.schoolName} recommended ${recommended} for ${row.ectName} on ${longDate(pending?.recommendedOn)}. The Appropriate Body's decision ${when}, 20 working days after the recommendation, and none has been recorded.`,
          pending?.representationsOn
            ? `The ECT made representations on ${longDate(pending.representationsOn)}.`
            : 'The ECT has made no representations yet.',
          'Please record the outcome on the induction record in Stride.',
        ],
        action: { label: 'Open the induction record', url },
      });
    }
  }
  return summary;
}

/**
 * Reminds an ECT whose induction ended in a fail (not yet appealed), and their induction tutor, of the deadline
 * to appeal to the Teaching Regulation Agency, by the rule of `appealReminderDue`; claimed before sending, as
 * the other reminders are.
 */
async function remindAppealDeadlines(tx: Tx, input: RemindInput) {
  const summary = { appealReminders: 0, emails: 0 };
  const failed = await tx
    .select({
      ectId: ects.id,
      ectName: ects.name,
      ectEmail: ects.email,
      decidedOn: inductionOutcomes.decidedOn,
      stage,
    })
    .from(inductionOutcomes)
    .innerJoin(ects, eq(ects.id, inductionOutcomes.ectId))
    .where(
      and(
        eq(inductionOutcomes.outcome, 'fail'),
        eq(ects.status, 'completed'),
        // 20 working days are well within 60 calendar days, whatever the holidays.
        gte(inductionOutcomes.decidedOn, addDays(input.today, -60)),
        sql`not exists (select 1 from ${inductionOutcomes} later where later.ect_id = ${inductionOutcomes.ectId} and later.created_at > ${inductionOutcomes.createdAt})`,
        sql`not exists (select 1 from ${inductionAppeals} a where a.outcome_id = ${inductionOutcomes.id})`,
      ),
    );
  if (failed.length === 0) return summary;
  const sent = await tx
    .select({
      ectId: inductionDeadlineReminders.ectId,
      kind: inductionDeadlineReminders.kind,
      stage: inductionDeadlineReminders.stage,
    })
    .from(inductionDeadlineReminders)
    .where(
      and(
        inArray(
          inductionDeadlineReminders.ectId,
          failed.map((f) => f.ectId),
        ),
        eq(inductionDeadlineReminders.kind, 'appeal'),
      ),
    );
  for (const row of failed) {
    const due = appealReminderDue(
      {
        fail: { decidedOn: row.decidedOn },
        stage: row.stage,
        sent: sent.filter((s) => s.ectId === row.ectId),
      },
      input.today,
    );
    if (!due) continue;
    // The tutor at the school where induction ended (its period closed with the fail).
    const period = await currentPeriod(tx, row.ectId);
    const to = distinct([
      { name: row.ectName, email: row.ectEmail },
      { name: period.tutorName, email: period.tutorEmail },
    ]);
    if (!(await claimReminder(tx, input.tenantId, row.ectId, due, to.length))) continue;
    summary.appealReminders += 1;
    summary.emails += await sendInductionNotice(tx, to, {
      subject: `Deadline to appeal: ${row.ectName}'s induction (${longDate(due.dueOn)})`,
      heading: 'The deadline to appeal against the induction outcome is near',
      paragraphs: [
        `The Appropriate Body decided on ${longDate(row.decidedOn)} that ${row.ectName} has not passed induction. An appeal to the Teaching Regulation Agency must be made within 20 working days of receiving that decision: by ${longDate(due.dueOn)}.`,
        'If you appeal, let the Appropriate Body know so that it can record the appeal. This is the only reminder.',
      ],
      action: {
        label: 'Open the induction record',
        url: `${input.appUrl}/${input.tenantSlug}/induction/${row.ectId}`,
      },
    });
  }
  return summary;
}

/** One email per address (the tutor may also be the headteacher). */
/**
 * Claims a reminder before it is sent: the unique key (ECT, kind, stage) makes a second or concurrent run claim
 * nothing, and so send nothing. False when it was already claimed.
 */
async function claimReminder(
  tx: Tx,
  tenantId: string,
  ectId: string,
  due: {
    kind: (typeof inductionDeadlineReminders.$inferInsert)['kind'];
    stage: number;
    dueOn: string;
    overdue: boolean;
  },
  emails: number,
): Promise<boolean> {
  const [claimed] = await tx
    .insert(inductionDeadlineReminders)
    .values({
      tenantId,
      ectId,
      kind: due.kind,
      stage: due.stage,
      dueOn: due.dueOn,
      overdue: due.overdue,
      emails,
    })
    .onConflictDoNothing()
    .returning({ id: inductionDeadlineReminders.id });
  return Boolean(claimed);
}

function distinct(people: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    const key = p.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
