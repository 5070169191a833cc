import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ects, inductionCheckpoints, inductionPeriods, schools } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import { longDate } from '../format/dates';
import { abRecipients, headsOf, sendInductionNotice, type Recipient } from './induction-emails';
import { checkpointTitle } from './induction-labels';
import { escalationLevelDue, overdueAtRegistration } from './induction-schedule';
import { registeredOnOf } from './late-registration';

/**
 * Overdue progress reviews and assessments, escalated one step at a time: the induction tutor as soon as one is
 * overdue, the headteacher after 10 working days, the AB's staff after 20 (counted from the registration for
 * one already overdue when the school registered the ECT: see escalationLevelDue). Each checkpoint remembers the level
 * it reached, so a step is emailed once however often the job runs; a checkpoint submitted meanwhile drops out.
 */
export async function escalateOverdueCheckpoints(
  tx: Tx,
  input: { tenantSlug: string; appUrl: string; today: IsoDate },
) {
  const overdue = await tx
    .select({
      id: inductionCheckpoints.id,
      ectId: ects.id,
      kind: inductionCheckpoints.kind,
      termNumber: inductionCheckpoints.termNumber,
      dueOn: inductionCheckpoints.dueOn,
      status: inductionCheckpoints.status,
      escalationLevel: inductionCheckpoints.escalationLevel,
      ectName: ects.name,
      schoolId: inductionPeriods.schoolId,
      schoolName: schools.name,
      tutorName: inductionPeriods.tutorName,
      tutorEmail: inductionPeriods.tutorEmail,
      periodCreatedAt: inductionPeriods.createdAt,
      periodRegisteredOn: inductionPeriods.registeredOn,
    })
    .from(inductionCheckpoints)
    .innerJoin(ects, eq(ects.id, inductionCheckpoints.ectId))
    .innerJoin(inductionPeriods, eq(inductionPeriods.id, inductionCheckpoints.periodId))
    .innerJoin(schools, eq(schools.id, inductionPeriods.schoolId))
    .where(
      and(
        eq(ects.status, 'in_progress'),
        inArray(inductionCheckpoints.status, ['due', 'changes_requested']),
        lt(inductionCheckpoints.dueOn, input.today),
      ),
    );
  const summary = { overdue: overdue.length, toTutors: 0, toHeads: 0, toAb: 0, emails: 0 };
  let ab: Recipient[] | null = null;
  for (const c of overdue) {
    const registeredOn = registeredOnOf({ registeredOn: c.periodRegisteredOn, createdAt: c.periodCreatedAt });
    const level = escalationLevelDue(c, input.today, registeredOn);
    if (level <= c.escalationLevel) continue;
    const lateNote = overdueAtRegistration(c, registeredOn)
      ? ` It was already overdue when ${c.schoolName} registered ${c.ectName} with the Appropriate Body on ${longDate(registeredOn)}.`
      : '';
    const to =
      level === 1
        ? [{ name: c.tutorName, email: c.tutorEmail }]
        : level === 2
          ? await headsOf(tx, c.schoolId)
          : (ab ??= await abRecipients(tx));
    const what = checkpointTitle(c).toLowerCase();
    summary.emails += await sendInductionNotice(tx, to, {
      subject: `Overdue: ${c.ectName}'s ${what} (due ${longDate(c.dueOn)})`,
      heading: level === 3 ? 'An ECT review is well overdue' : 'An ECT review is overdue',
      paragraphs: [
        `The ${what} for ${c.ectName} at ${c.schoolName} was due on ${longDate(c.dueOn)} and has not been submitted.${lateNote}`,
        level === 1
          ? 'As their induction tutor, please submit it in Stride.'
          : level === 2
            ? 'The induction tutor was reminded 10 working days ago. Please make sure it is submitted.'
            : lateNote
              ? 'The tutor and the headteacher have been reminded; it is now 20 working days since it was registered.'
              : 'The tutor and the headteacher have been reminded; it is now 20 working days overdue.',
      ],
      action: {
        label: 'Open the induction record',
        url: `${input.appUrl}/${input.tenantSlug}/induction/${c.ectId}`,
      },
    });
    if (level === 1) summary.toTutors += 1;
    else if (level === 2) summary.toHeads += 1;
    else summary.toAb += 1;
    await tx
      .update(inductionCheckpoints)
      .set({ escalationLevel: level })
      .where(eq(inductionCheckpoints.id, c.id));
  }
  return summary;
}
