import { sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courseBookings, ects, governors } from '~/db/schema';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { DomainError } from '../errors/domain-error';
import {
  addCounts,
  anonymiseBookings,
  anonymiseEct,
  anonymiseEmails,
  anonymiseGovernors,
  anonymiseWaitlist,
  recordErasure,
} from './anonymise';
import { auditNote, bookingsMatch, governorRowsOf, invoiceNote } from './collect-personal-data';
import { eraseRegistrations } from './ect-registrations';
import { meetingsNote } from './governor-meeting-records';
import {
  isErasedEmail,
  newPlaceholder,
  resolveSubject,
  type Placeholder,
  type TPersonalDataSubject,
} from './privacy-subject';
import { ectErasure, governorErasure } from './retention-rules';

export type EraseInput = { subject: TPersonalDataSubject; reason: string; today: IsoDate };

/**
 * Erases (anonymises) a person on request, in one transaction: their personal fields become a placeholder
 * ("Erased person 1a2b"), free text they wrote or that is about them is cleared, and rows that invoices, the
 * ledger and the audit log depend on stay. Refuses, saying why, where the law needs the record kept: a serving
 * governor or one the school must still publish; an ECT in induction. A completed ECT's induction record is
 * kept for the TRA and only their contact data anonymised. Logs the erasure without the person's details.
 */
export async function erasePersonalData(tx: Tx, actor: Actor, input: EraseInput) {
  const subject = await resolveSubject(tx, actor, input.subject);
  const placeholder = newPlaceholder();
  const reason = input.reason.trim();
  if (reason.length < 3)
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'Give the reason for the erasure.',
      field: 'reason',
    });

  let scope: 'full' | 'contact' = 'full';
  let keeps: string[] = [];
  let counts = {};
  if (subject.ect) {
    const ect = subject.ect;
    if (isErasedEmail(ect.email))
      throw new DomainError({
        code: 'CONFLICT',
        message: 'This ECT’s personal data has already been erased.',
      });
    const verdict = ectErasure(ect);
    if (!verdict.allowed)
      throw new DomainError({ code: 'PRECONDITION_FAILED', message: `${ect.name} ${verdict.reason}` });
    scope = verdict.scope;
    keeps = verdict.keeps;
    counts = addCounts(
      await anonymiseEct(tx, ect, placeholder, verdict.scope),
      await eraseDelegateData(tx, subject.email, [], placeholder),
      // The registrations that became this record, or another school's of the same TRN: the induction record
      // kept for the TRA holds what is needed, so they go even when only contact data is anonymised.
      await eraseRegistrations(tx, { email: subject.email, trn: ect.trn, ectId: ect.id }),
    );
  } else if (subject.governor) {
    const rows = await governorRowsOf(tx, subject);
    if (rows.every((r) => r.name.startsWith('Erased person ')))
      throw new DomainError({
        code: 'CONFLICT',
        message: 'This governor’s personal data has already been erased.',
      });
    for (const row of rows) {
      const verdict = governorErasure(row, input.today);
      if (!verdict.allowed)
        throw new DomainError({
          code: 'PRECONDITION_FAILED',
          message: `${row.name} ${verdict.reason}${rows.length > 1 ? ' (one of the boards they sit on)' : ''}`,
        });
    }
    keeps = [meetingsNote];
    const userIds = rows.flatMap((r) => (r.userId ? [r.userId] : []));
    counts = addCounts(
      await anonymiseGovernors(tx, rows, placeholder),
      await eraseDelegateData(tx, subject.email, userIds, placeholder),
    );
  } else {
    const owner = await recordOwning(tx, subject.email);
    if (owner)
      throw new DomainError({
        code: 'CONFLICT',
        message: `That address belongs to ${owner === 'ect' ? 'an ECT' : 'a governor'} in this workspace: find them by name and erase them from their record, so the rules for that record apply.`,
      });
    counts = await eraseDelegateData(tx, subject.email, [], placeholder);
    if (!Object.keys(counts).length)
      throw new DomainError({
        code: 'NOT_FOUND',
        message: 'Nothing is held about that address in this workspace.',
      });
  }

  const erasureId = await recordErasure(tx, {
    tenantId: actor.tenantId,
    subjectKind: subject.kind,
    subjectId: subject.id,
    placeholder,
    scope,
    reason,
    counts,
    by: { userId: actor.userId },
  });
  return {
    erasureId,
    placeholder: placeholder.name,
    scope,
    counts,
    keeps: [...keeps, invoiceNote, auditNote],
  };
}

/**
 * Course places, waiting-list entries, emails and ECT registrations (one not yet decided is withdrawn and
 * removed: see deleteRegistrations) under the address (or the accounts).
 */
async function eraseDelegateData(
  tx: Tx,
  email: string,
  userIds: readonly string[],
  placeholder: Placeholder,
) {
  const bookings = await tx
    .select({ id: courseBookings.id })
    .from(courseBookings)
    .where(bookingsMatch(email, userIds));
  return addCounts(
    await anonymiseBookings(
      tx,
      bookings.map((b) => b.id),
      placeholder,
    ),
    email ? await anonymiseWaitlist(tx, { email }, placeholder) : {},
    await anonymiseEmails(tx, email, placeholder),
    email ? await eraseRegistrations(tx, { email }) : {},
  );
}

/** Whether an address is an ECT's or a (not yet erased) governor's: their own record's rules then apply. */
async function recordOwning(tx: Tx, email: string): Promise<'ect' | 'governor' | null> {
  const [ect] = await tx
    .select({ id: ects.id })
    .from(ects)
    .where(sql`lower(${ects.email}) = ${email}`)
    .limit(1);
  if (ect) return 'ect';
  const [governor] = await tx
    .select({ id: governors.id })
    .from(governors)
    .where(sql`lower(${governors.email}) = ${email}`)
    .limit(1);
  return governor ? 'governor' : null;
}
