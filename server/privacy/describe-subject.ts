import { sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ectRegistrations, ects, governors } from '~/db/schema';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { auditNote, governorRowsOf, invoiceNote } from './collect-personal-data';
import { registrationsMatch } from './ect-registrations';
import { governorMeetingRecords, meetingsNote } from './governor-meeting-records';
import { isErasedEmail, resolveSubject, type TPersonalDataSubject } from './privacy-subject';
import { ectErasure, governorErasure, type ErasureVerdict } from './retention-rules';

const kindLabels = {
  ect: 'Early career teacher',
  governor: 'Governor',
  delegate: 'Course delegate',
} as const;

/**
 * Who the person is and what an erasure would do, before the officer asks for it: refused (and why), contact
 * data only (and what is kept), or everything. Reads only; the export and the erasure are the audited acts.
 */
export async function describeSubject(
  tx: Tx,
  actor: Actor,
  input: { subject: TPersonalDataSubject; today: IsoDate },
) {
  const subject = await resolveSubject(tx, actor, input.subject);
  let verdict: ErasureVerdict;
  let erased = false;
  /** For a governor: what the boards' meeting records hold about them, summed up for the page. */
  let boardRecords: { meetings: number; committees: string[] } | null = null;
  if (subject.ect) {
    erased = isErasedEmail(subject.ect.email);
    verdict = ectErasure(subject.ect);
  } else if (subject.governor) {
    const rows = await governorRowsOf(tx, subject);
    erased = rows.every((r) => r.name.startsWith('Erased person '));
    const refused = rows.map((r) => governorErasure(r, input.today)).find((v) => !v.allowed);
    verdict = refused ?? { allowed: true, scope: 'full', keeps: [meetingsNote] };
    const records = await governorMeetingRecords(
      tx,
      rows.map((r) => r.id),
    );
    boardRecords = {
      meetings: records.meetings.length,
      committees: records.committees.map((c) => c.name),
    };
  } else {
    const [ect] = await tx
      .select({ id: ects.id })
      .from(ects)
      .where(sql`lower(${ects.email}) = ${subject.email}`)
      .limit(1);
    const [governor] = await tx
      .select({ id: governors.id })
      .from(governors)
      .where(sql`lower(${governors.email}) = ${subject.email}`)
      .limit(1);
    verdict =
      ect || governor
        ? {
            allowed: false,
            reason: `belongs to ${ect ? 'an ECT' : 'a governor'} in this workspace: find them by name and erase them from their record, so the rules for that record apply.`,
          }
        : { allowed: true, scope: 'full', keeps: [] };
  }
  // Schools' registrations of them sent to the AB for checking: an erasure removes them (one awaiting is withdrawn).
  const [registrations] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(ectRegistrations)
    .where(registrationsMatch({ email: subject.email, trn: subject.ect?.trn, ectId: subject.ect?.id }));
  return {
    kind: subject.kind,
    kindLabel: kindLabels[subject.kind],
    id: subject.id,
    name: subject.name || subject.email,
    email: subject.email,
    trn: subject.ect?.trn ?? null,
    erased,
    boardRecords,
    registrations: registrations?.n ?? 0,
    verdict,
    notes: [invoiceNote, auditNote],
  };
}
