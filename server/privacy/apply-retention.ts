import { and, eq, inArray, isNotNull, lte, not, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  courseBookings,
  courses,
  courseWaitlistEntries,
  ectRegistrations,
  ects,
  governors,
  inductionOutcomes,
  type JobRunSummary,
  type ModuleKey,
} from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import {
  addCounts,
  anonymiseBookings,
  anonymiseEct,
  anonymiseEmails,
  anonymiseGovernors,
  anonymiseWaitlist,
  recordErasure,
} from './anonymise';
import { deleteRegistrations, registrationMonths } from './ect-registrations';
import { newPlaceholder } from './privacy-subject';
import { getRetention } from './retention-settings';
import { addMonths, ectRetentionFrom, isPastRetention, retentionCutoff } from './retention-rules';

const erasedName = sql`'Erased person %'`;

/**
 * The retention job's work in one workspace: anonymises governors, ECT induction records and course delegates
 * kept past the workspace's retention periods, and deletes schools' ECT registrations decided (accepted,
 * declined or withdrawn) more than `registrationMonths` ago, logging each erasure. Running it again finds nothing more (what
 * it anonymised no longer matches), so it is idempotent beside its once-a-day period key.
 */
export async function applyRetention(
  tx: Tx,
  input: { tenantId: string; modules: readonly ModuleKey[]; today: IsoDate; label: string },
): Promise<JobRunSummary> {
  const years = await getRetention(tx, input.tenantId);
  const by = { label: input.label };
  const summary = { governors: 0, ects: 0, delegates: 0, registrations: 0 };

  if (input.modules.includes('governance')) {
    const due = await tx
      .select({ id: governors.id })
      .from(governors)
      .where(
        and(
          isNotNull(governors.steppedDownOn),
          lte(governors.steppedDownOn, retentionCutoff(input.today, years.governorYears)),
          not(sql`${governors.name} like ${erasedName}`),
        ),
      );
    for (const row of due) {
      const placeholder = newPlaceholder();
      const counts = await anonymiseGovernors(tx, [row], placeholder);
      await recordErasure(tx, {
        tenantId: input.tenantId,
        subjectKind: 'governor',
        subjectId: row.id,
        placeholder,
        scope: 'full',
        reason: `Retention period ended: ${years.governorYears} years after stepping down`,
        counts,
        by,
      });
      summary.governors += 1;
    }
  }

  if (input.modules.includes('induction')) {
    const completed = await tx
      .select({ id: ects.id, name: ects.name, trn: ects.trn })
      .from(ects)
      .where(and(eq(ects.status, 'completed'), not(sql`${ects.trn} like 'erased-%'`)));
    const outcomes = completed.length
      ? await tx
          .select({
            ectId: inductionOutcomes.ectId,
            outcome: inductionOutcomes.outcome,
            decidedOn: inductionOutcomes.decidedOn,
          })
          .from(inductionOutcomes)
          .where(
            inArray(
              inductionOutcomes.ectId,
              completed.map((e) => e.id),
            ),
          )
      : [];
    for (const ect of completed) {
      const from = ectRetentionFrom(outcomes.filter((o) => o.ectId === ect.id));
      if (!isPastRetention(input.today, from, years.ectYears)) continue;
      const placeholder = newPlaceholder();
      const counts = await anonymiseEct(tx, ect, placeholder, 'full');
      await recordErasure(tx, {
        tenantId: input.tenantId,
        subjectKind: 'ect',
        subjectId: ect.id,
        placeholder,
        scope: 'full',
        reason: `Retention period ended: ${years.ectYears} years after the induction ended`,
        counts,
        by,
      });
      summary.ects += 1;
    }
  }

  if (input.modules.includes('induction')) {
    // Decided on or before the cutoff (London's day): an accepted one's details live on in the ECT record; a
    // declined or withdrawn one registered nobody. One still awaiting the AB has no decision and stays.
    const cutoff = addMonths(input.today, -registrationMonths);
    const decided = await tx
      .select({ id: ectRegistrations.id, status: ectRegistrations.status, ectId: ectRegistrations.ectId })
      .from(ectRegistrations)
      .where(
        and(
          not(eq(ectRegistrations.status, 'awaiting')),
          isNotNull(ectRegistrations.decidedAt),
          sql`(${ectRegistrations.decidedAt} at time zone 'Europe/London')::date <= ${cutoff}`,
        ),
      );
    for (const row of decided) {
      const counts = await deleteRegistrations(tx, [row.id]);
      await recordErasure(tx, {
        tenantId: input.tenantId,
        subjectKind: 'ect',
        subjectId: row.ectId,
        placeholder: newPlaceholder(),
        scope: 'full',
        reason: `Retention period ended: ${registrationMonths} months after the registration was ${row.status === 'rejected' ? 'declined' : row.status}`,
        counts,
        by,
      });
      summary.registrations += 1;
    }
  }

  if (input.modules.includes('courses')) {
    const cutoff = retentionCutoff(input.today, years.delegateYears);
    const courseEnded = sql`coalesce(${courses.endsOn}, ${courses.startsOn}) <= ${cutoff}`;
    const places = await tx
      .select({ id: courseBookings.id, email: sql<string>`lower(${courseBookings.delegateEmail})` })
      .from(courseBookings)
      .innerJoin(courses, eq(courses.id, courseBookings.courseId))
      .where(and(courseEnded, not(sql`${courseBookings.delegateEmail} like '%@erased.invalid'`)));
    const waiting = await tx
      .select({
        id: courseWaitlistEntries.id,
        email: sql<string>`lower(${courseWaitlistEntries.delegateEmail})`,
      })
      .from(courseWaitlistEntries)
      .innerJoin(courses, eq(courses.id, courseWaitlistEntries.courseId))
      .where(and(courseEnded, not(sql`${courseWaitlistEntries.delegateEmail} like '%@erased.invalid'`)));
    const emails = [...new Set([...places, ...waiting].map((p) => p.email))];
    // Emails sent before the cutoff, to the people whose old places are anonymised now.
    const before = new Date(`${cutoff}T00:00:00Z`);
    for (const email of emails) {
      const placeholder = newPlaceholder();
      const counts = addCounts(
        await anonymiseBookings(
          tx,
          places.filter((p) => p.email === email).map((p) => p.id),
          placeholder,
        ),
        await anonymiseWaitlist(
          tx,
          { ids: waiting.filter((w) => w.email === email).map((w) => w.id) },
          placeholder,
        ),
        await anonymiseEmails(tx, email, placeholder, before),
      );
      await recordErasure(tx, {
        tenantId: input.tenantId,
        subjectKind: 'delegate',
        subjectId: null,
        placeholder,
        scope: 'full',
        reason: `Retention period ended: ${years.delegateYears} years after the course`,
        counts,
        by,
      });
      summary.delegates += 1;
    }
  }
  return summary;
}
