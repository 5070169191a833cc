import { and, eq, inArray, lt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  chargeableItems,
  courseBookings,
  courseEvaluations,
  courseWaitlistEntries,
  ects,
  entitlementEntries,
  governorMeetings,
  governors,
  inductionAbsences,
  inductionCheckpoints,
  inductionAppeals,
  inductionOutcomes,
  inductionRecommendations,
  inductionSupportPlans,
  outboxEmails,
  personalDataErasures,
  type ErasureCounts,
  type Governor,
} from '~/db/schema';
import type { Placeholder } from './privacy-subject';

/**
 * The writes of an erasure, shared by the officer's erasure on request and the retention job. Each replaces
 * personal fields with the placeholder and clears free text the person wrote or that is about them; no row is
 * deleted, so every foreign key, invoice, ledger entry and audit row still stands.
 */

/** Replaces each of `names` in `text` (a charge's description) with the placeholder. */
function replaceNames(column: AnyColumn | SQL, names: readonly string[], placeholder: string) {
  let expression = sql`${column}`;
  for (const name of names.filter((n) => n.trim().length > 1))
    expression = sql`replace(${expression}, ${name}, ${placeholder})`;
  return expression;
}

/**
 * Course places: the delegate's name, email and role on the place, their evaluation's comments (their own
 * words; the 1–5 ratings stay, so course results keep their averages), and their name in descriptions of
 * charges not yet invoiced and of entitlement uses. Invoiced charges are left as the issued invoice says.
 */
export async function anonymiseBookings(
  tx: Tx,
  bookingIds: readonly string[],
  placeholder: Placeholder,
): Promise<ErasureCounts> {
  if (!bookingIds.length) return {};
  const ids = [...bookingIds];
  const named = await tx
    .selectDistinct({ name: courseBookings.delegateName })
    .from(courseBookings)
    .where(inArray(courseBookings.id, ids));
  const names = named.map((n) => n.name);
  const bookings = await tx
    .update(courseBookings)
    .set({
      delegateName: placeholder.name,
      delegateEmail: placeholder.email,
      delegateRole: '',
      delegateNeeds: '',
      delegateUserId: null,
      updatedAt: sql`now()`,
    })
    .where(inArray(courseBookings.id, ids))
    .returning({ id: courseBookings.id });
  const evaluations = await tx
    .update(courseEvaluations)
    .set({ comments: '' })
    .where(and(inArray(courseEvaluations.bookingId, ids), sql`${courseEvaluations.comments} <> ''`))
    .returning({ id: courseEvaluations.id });
  const charges = await tx
    .update(chargeableItems)
    .set({ description: replaceNames(chargeableItems.description, names, placeholder.name) })
    .where(
      and(
        eq(chargeableItems.sourceType, 'course_booking'),
        inArray(chargeableItems.sourceId, ids),
        eq(chargeableItems.status, 'uninvoiced'),
      ),
    )
    .returning({ id: chargeableItems.id });
  const entries = await tx
    .update(entitlementEntries)
    .set({ description: replaceNames(entitlementEntries.description, names, placeholder.name) })
    .where(
      and(eq(entitlementEntries.sourceType, 'course_booking'), inArray(entitlementEntries.sourceId, ids)),
    )
    .returning({ id: entitlementEntries.id });
  return {
    coursePlaces: bookings.length,
    evaluationComments: evaluations.length,
    uninvoicedCharges: charges.length,
    entitlementEntries: entries.length,
  };
}

/** Waiting-list entries under the address (or the given entries). */
export async function anonymiseWaitlist(
  tx: Tx,
  match: { email: string } | { ids: readonly string[] },
  placeholder: Placeholder,
): Promise<ErasureCounts> {
  const where =
    'email' in match
      ? sql`lower(${courseWaitlistEntries.delegateEmail}) = ${match.email}`
      : inArray(courseWaitlistEntries.id, [...match.ids]);
  if ('ids' in match && !match.ids.length) return {};
  const rows = await tx
    .update(courseWaitlistEntries)
    .set({
      delegateName: placeholder.name,
      delegateEmail: placeholder.email,
      delegateRole: '',
      delegateUserId: null,
    })
    .where(where)
    .returning({ id: courseWaitlistEntries.id });
  return { waitingListEntries: rows.length };
}

/** Emails sent to the address (before `before`, for the retention job): recipient, subject and body. */
export async function anonymiseEmails(
  tx: Tx,
  email: string,
  placeholder: Placeholder,
  before?: Date,
): Promise<ErasureCounts> {
  if (!email) return {};
  const rows = await tx
    .update(outboxEmails)
    .set({ to: placeholder.email, subject: 'Erased email', text: '', html: null })
    .where(
      and(sql`lower(${outboxEmails.to}) = ${email}`, before ? lt(outboxEmails.createdAt, before) : undefined),
    )
    .returning({ id: outboxEmails.id });
  return { emails: rows.length };
}

/**
 * Governor rows: every personal field of the register entry, and their name in their boards' meeting notes;
 * the appointment's facts (dates, category), their meeting attendance and committee places stay, nameless.
 */
export async function anonymiseGovernors(
  tx: Tx,
  rows: readonly Pick<Governor, 'id'>[],
  placeholder: Placeholder,
): Promise<ErasureCounts> {
  if (!rows.length) return {};
  const ids = rows.map((r) => r.id);
  // Their name in the notes of their boards' meetings ("Apologies from …"), while the entry still has it.
  // Their marks and committee places hold no name: they stay with the anonymised entry.
  const named = await tx
    .select({ name: governors.name, schoolId: governors.schoolId })
    .from(governors)
    .where(inArray(governors.id, ids));
  const names = [...new Set(named.map((n) => n.name))].filter((n) => n.trim().length > 1);
  const notes = names.length
    ? await tx
        .update(governorMeetings)
        .set({ notes: replaceNames(governorMeetings.notes, names, placeholder.name), updatedAt: sql`now()` })
        .where(
          and(
            inArray(governorMeetings.schoolId, [...new Set(named.map((n) => n.schoolId))]),
            or(...names.map((n) => sql`strpos(${governorMeetings.notes}, ${n}) > 0`)),
          ),
        )
        .returning({ id: governorMeetings.id })
    : [];
  const updated = await tx
    .update(governors)
    .set({
      name: placeholder.name,
      email: '',
      phone: '',
      businessInterests: '',
      businessInterestsUrl: '',
      attendance: '',
      userId: null,
      updatedAt: sql`now()`,
    })
    .where(inArray(governors.id, ids))
    .returning({ id: governors.id });
  return { governorAppointments: updated.length, ...(notes.length ? { meetingNotes: notes.length } : {}) };
}

/**
 * An ECT. 'contact': email, date of birth, what the school wrote of previous induction and absence reasons
 * (often health) — the induction record itself stays for the TRA. 'full' (after the retention period): also
 * name, TRN, the evidence and comments of every review and assessment, support-plan actions and the outcome's
 * note; the outcome, its date and the terms served stay as anonymous facts.
 */
export async function anonymiseEct(
  tx: Tx,
  ect: { id: string; name: string; trn: string },
  placeholder: Placeholder,
  scope: 'contact' | 'full',
): Promise<ErasureCounts> {
  await tx
    .update(ects)
    .set({
      email: placeholder.email,
      dateOfBirth: null,
      previousInduction: '',
      reductionReason: '',
      ...(scope === 'full' ? { name: placeholder.name, trn: placeholder.trn } : {}),
    })
    .where(eq(ects.id, ect.id));
  const absences = await tx
    .update(inductionAbsences)
    .set({ reason: '' })
    .where(eq(inductionAbsences.ectId, ect.id))
    .returning({ id: inductionAbsences.id });
  const counts: ErasureCounts = { ectRecord: 1, absenceReasons: absences.length };
  if (scope === 'contact') return counts;
  const checkpoints = await tx
    .update(inductionCheckpoints)
    .set({ evidence: '', abComment: '' })
    .where(eq(inductionCheckpoints.ectId, ect.id))
    .returning({ id: inductionCheckpoints.id });
  const plans = await tx
    .update(inductionSupportPlans)
    .set({ actions: '' })
    .where(eq(inductionSupportPlans.ectId, ect.id))
    .returning({ id: inductionSupportPlans.id });
  await tx.update(inductionOutcomes).set({ note: '' }).where(eq(inductionOutcomes.ectId, ect.id));
  await tx
    .update(inductionRecommendations)
    .set({ note: '', representations: sql`case when representations is null then null else '' end` })
    .where(eq(inductionRecommendations.ectId, ect.id));
  await tx.update(inductionAppeals).set({ note: '' }).where(eq(inductionAppeals.ectId, ect.id));
  // Notices about the ECT to the school and the AB (escalations, deadline reminders) link to their record:
  // their name goes from the subject and the body. The reminders' log keeps only dates and counts.
  const notices = await tx
    .update(outboxEmails)
    .set({
      subject: replaceNames(outboxEmails.subject, [ect.name], placeholder.name),
      props: sql`${replaceNames(sql`${outboxEmails.props}::text`, [ect.name], placeholder.name)}::jsonb`,
      text: replaceNames(outboxEmails.text, [ect.name], placeholder.name),
      html: replaceNames(outboxEmails.html, [ect.name], placeholder.name),
    })
    .where(sql`${outboxEmails.props} -> 'action' ->> 'url' like ${`%/induction/${ect.id}`}`)
    .returning({ id: outboxEmails.id });
  const fee = await tx
    .update(chargeableItems)
    .set({
      description: replaceNames(chargeableItems.description, [ect.name, ect.trn], placeholder.name),
    })
    .where(
      and(
        eq(chargeableItems.sourceType, 'ect_registration'),
        eq(chargeableItems.sourceId, ect.id),
        eq(chargeableItems.status, 'uninvoiced'),
      ),
    )
    .returning({ id: chargeableItems.id });
  return {
    ...counts,
    reviewsAndAssessments: checkpoints.length,
    supportPlans: plans.length,
    uninvoicedCharges: fee.length,
    noticesAboutEct: notices.length,
  };
}

/** Sums counts from several steps, leaving out zeros. */
export function addCounts(...parts: ErasureCounts[]): ErasureCounts {
  const total: ErasureCounts = {};
  for (const part of parts)
    for (const [key, n] of Object.entries(part)) if (n) total[key] = (total[key] ?? 0) + n;
  return total;
}

/** The erasure log row: who, when, what (counts) and why — by placeholder, never by name. */
export async function recordErasure(
  tx: Tx,
  entry: {
    tenantId: string;
    subjectKind: 'ect' | 'governor' | 'delegate';
    subjectId: string | null;
    placeholder: Placeholder;
    scope: 'full' | 'contact';
    reason: string;
    counts: ErasureCounts;
    by: { userId: string } | { label: string };
  },
) {
  const [row] = await tx
    .insert(personalDataErasures)
    .values({
      tenantId: entry.tenantId,
      subjectKind: entry.subjectKind,
      subjectId: entry.subjectId,
      placeholder: entry.placeholder.name,
      scope: entry.scope,
      reason: entry.reason,
      counts: entry.counts,
      erasedByUserId: 'userId' in entry.by ? entry.by.userId : null,
      erasedByLabel: 'label' in entry.by ? entry.by.label : null,
    })
    .returning({ id: personalDataErasures.id });
  if (!row) throw new Error('erasure not recorded');
  return row.id;
}
