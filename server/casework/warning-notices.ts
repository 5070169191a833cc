import { DomainError } from '~/server/errors/domain-error';
import { and, desc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { schools, sccLetters, users, warningNotices, type WarningNotice } from '~/db/schema';
import { sendLetter } from '../concern/issue-letter';
import { warningNoticeLetterText } from './warning-notice-letter';
import { loadCaseFor } from '../concern/case-access';
import type { Actor } from '../access/actor';
import { violatesCheck } from './db-errors';
import { statutorySettingsOf } from '../monitoring/statutory-settings';
import { assertDcs } from './dcs-designation';
import { issueProblems, nextNoticeStatuses, s60Grounds, type NoticeStatus } from './rules';
import { loadSchoolFacts } from './school-facts';

export const ZRecordNoticeInput = z
  .object({
    caseId: z.uuid(),
    kind: z.enum(['informal', 'formal_s60', 'pay_and_conditions_s60a'], {
      message: 'Choose the kind of notice.',
    }),
    grounds: z.array(z.enum(s60Grounds)).default([]),
    /** Which of the tenant's preconditions for a formal notice hold (settings.statutory). */
    preconditions: z.array(z.string().trim().min(1).max(300)).max(10).default([]),
    /** Informal notices are recorded as issued (designation is the informal notice). */
    issuedOn: z.iso.date({ message: 'Enter the date of the notice.' }).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'formal_s60' && v.grounds.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['grounds'],
        message: 'Choose at least one ground for a section 60 notice.',
      });
    if (v.kind === 'informal' && !v.issuedOn)
      ctx.addIssue({ code: 'custom', path: ['issuedOn'], message: 'Enter the date the school was told.' });
  });

export const ZIssueNoticeInput = z.object({
  noticeId: z.uuid(),
  issuedOn: z.iso.date({ message: 'Enter the date the notice was issued.' }),
  complianceBy: z.iso
    .date({ message: 'Enter the date by which the school must comply.' })
    .nullable()
    .default(null),
  dcsDecisionOn: z.iso.date({ message: 'Enter the date of the DCS decision.' }).nullable().default(null),
  /** Who decided, when a delegate records the Director's own decision; by default the person recording. */
  dcsDecisionByUserId: z.uuid({ message: 'Choose who made the DCS decision.' }).nullable().default(null),
});

export const ZNoticeOutcomeInput = z.object({
  noticeId: z.uuid(),
  outcome: z.enum(['complied', 'not_complied', 'withdrawn'], { message: 'Choose the outcome.' }),
  outcomeOn: z.iso.date({ message: 'Enter the date of the outcome.' }),
  notes: z.string().trim().min(3, 'Record the reasons for the outcome.').max(5000),
});

const notMaintained = () =>
  new DomainError({
    code: 'BAD_REQUEST',
    message:
      'Warning notices apply only to maintained schools. For an academy, refer the concern to the Regional Director.',
  });

export async function listNoticesForSchool(tx: Tx, schoolId: string) {
  return tx
    .select({
      notice: warningNotices,
      dcsDecisionBy: users.name,
    })
    .from(warningNotices)
    .leftJoin(users, eq(users.id, warningNotices.dcsDecisionByUserId))
    .where(eq(warningNotices.schoolId, schoolId))
    .orderBy(desc(warningNotices.createdAt));
}

/**
 * Whether the case has had its informal warning already: designation's letter is that warning (an "informal
 * warning notice"), as is an informal notice recorded on the case. Recording a second would count it twice.
 */
export async function informalWarningGiven(tx: Tx, caseId: string): Promise<boolean> {
  const [letter, notice] = await Promise.all([
    tx
      .select({ id: sccLetters.id })
      .from(sccLetters)
      .where(and(eq(sccLetters.caseId, caseId), eq(sccLetters.kind, 'designation')))
      .limit(1),
    tx
      .select({ id: warningNotices.id })
      .from(warningNotices)
      .where(
        and(
          eq(warningNotices.caseId, caseId),
          eq(warningNotices.kind, 'informal'),
          ne(warningNotices.status, 'withdrawn'),
        ),
      )
      .limit(1),
  ]);
  return letter.length > 0 || notice.length > 0;
}

/** Records a recommended formal notice, or the informal notice that designation is. */
export async function recordNotice(tx: Tx, input: z.output<typeof ZRecordNoticeInput> & { actor: Actor }) {
  const { found } = await loadCaseFor(tx, input.actor, input.caseId);
  const facts = await loadSchoolFacts(tx, input.actor.settings, found.schoolId);
  if (!facts.maintained) throw notMaintained();
  const informal = input.kind === 'informal';
  if (informal && (await informalWarningGiven(tx, found.id)))
    throw new DomainError({
      code: 'CONFLICT',
      field: 'kind',
      message:
        'This case has had its informal warning already (the designation letter, or an informal notice recorded). Record a formal notice instead.',
    });
  const required = statutorySettingsOf(input.actor.settings).formalNoticePreconditions;
  const confirmed = input.preconditions.filter((p) => required.includes(p));
  if (input.kind === 'formal_s60' && required.length > 0 && confirmed.length === 0)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'preconditions',
      message: `Say which of the LA’s conditions for a formal warning notice apply: ${required.join('; ')}.`,
    });
  const [notice] = await tx
    .insert(warningNotices)
    .values({
      tenantId: input.actor.tenantId,
      schoolId: found.schoolId,
      caseId: found.id,
      kind: input.kind,
      grounds: input.kind === 'formal_s60' ? input.grounds : [],
      preconditions: input.kind === 'formal_s60' ? confirmed : [],
      recommendedByUserId: input.actor.userId,
      status: informal ? 'issued' : 'recommended',
      issuedOn: informal ? input.issuedOn : null,
    })
    .returning();
  if (!notice) throw new Error('notice not recorded');
  return notice;
}

async function noticeForUpdate(tx: Tx, actor: Actor, noticeId: string): Promise<WarningNotice> {
  const notFound = new DomainError({ code: 'NOT_FOUND', message: 'That warning notice was not found.' });
  const [notice] = await tx
    .select()
    .from(warningNotices)
    .where(eq(warningNotices.id, noticeId))
    .limit(1)
    .for('update');
  if (!notice?.caseId) throw notFound;
  await loadCaseFor(tx, actor, notice.caseId).catch(() => {
    throw notFound;
  });
  return notice;
}

/** Issues a recommended notice: a formal one only with the DCS decision and a compliance date recorded. */
export async function issueNotice(tx: Tx, input: z.output<typeof ZIssueNoticeInput> & { actor: Actor }) {
  const notice = await noticeForUpdate(tx, input.actor, input.noticeId);
  // A formal notice is the DCS's decision: only they (or a named delegate) record it.
  const decidedBy =
    notice.kind === 'informal' ? null : await assertDcs(tx, input.actor, input.dcsDecisionByUserId);
  const problems = issueProblems({
    kind: notice.kind,
    status: notice.status,
    issuedOn: input.issuedOn,
    complianceBy: input.complianceBy,
    dcsDecisionOn: input.dcsDecisionOn,
    dcsDecisionByUserId: decidedBy,
  });
  if (problems.length > 0) throw new DomainError({ code: 'BAD_REQUEST', message: problems.join(' ') });
  try {
    const [updated] = await tx
      .update(warningNotices)
      .set({
        status: 'issued',
        issuedOn: input.issuedOn,
        complianceBy: input.complianceBy,
        dcsDecisionOn: input.dcsDecisionOn,
        dcsDecisionByUserId: decidedBy,
      })
      .where(eq(warningNotices.id, notice.id))
      .returning();
    if (!updated || updated.kind === 'informal') return updated;
    return sendNoticeLetter(tx, input.actor, updated);
  } catch (error) {
    if (violatesCheck(error, 'warning_notices_formal_issue'))
      throw new DomainError({
        code: 'BAD_REQUEST',
        message:
          'A formal warning notice can only be issued with the DCS decision and a compliance date recorded.',
      });
    throw error;
  }
}

/** Records whether the school complied (or the notice was withdrawn). */
export async function recordNoticeOutcome(
  tx: Tx,
  input: z.output<typeof ZNoticeOutcomeInput> & { actor: Actor },
) {
  const notice = await noticeForUpdate(tx, input.actor, input.noticeId);
  const to: NoticeStatus = input.outcome;
  if (!nextNoticeStatuses(notice.status).includes(to))
    throw new DomainError({
      code: 'CONFLICT',
      message:
        notice.status === 'recommended'
          ? 'A notice that has not been issued can only be withdrawn. Record complied or not once it is issued.'
          : 'This notice already has an outcome.',
    });
  const [updated] = await tx
    .update(warningNotices)
    .set({ status: to, outcomeOn: input.outcomeOn, outcomeNotes: input.notes })
    .where(eq(warningNotices.id, notice.id))
    .returning();
  return updated;
}

/**
 * A formal notice issued is written to the school: the letter (its PDF under the case's letters and the school's
 * support page) and an email to the headteacher and governors, sent once the issue commits.
 */
async function sendNoticeLetter(tx: Tx, actor: Actor, notice: WarningNotice): Promise<WarningNotice> {
  const { found } = await loadCaseFor(tx, actor, notice.caseId ?? '');
  const [school] = await tx.select().from(schools).where(eq(schools.id, notice.schoolId));
  if (!school || notice.kind === 'informal' || !notice.dcsDecisionOn || !notice.complianceBy)
    throw new Error('a formal notice is issued with its school, DCS decision and compliance date');
  const [dcs] = notice.dcsDecisionByUserId
    ? await tx.select({ name: users.name }).from(users).where(eq(users.id, notice.dcsDecisionByUserId))
    : [];
  const text = warningNoticeLetterText({
    kind: notice.kind,
    schoolName: school.name,
    issuerName: actor.name,
    grounds: notice.grounds,
    concerns: found.concerns,
    dcsName: dcs?.name ?? null,
    dcsDecisionOn: notice.dcsDecisionOn,
    complianceBy: notice.complianceBy,
    leadOfficerTitle: statutorySettingsOf(actor.settings).leadOfficerTitle,
  });
  const { letterId } = await sendLetter(tx, {
    tenantId: actor.tenantId,
    tenantSlug: actor.slug,
    issuerName: actor.name,
    appUrl: actor.appUrl,
    actorUserId: actor.userId,
    kind: 'warning_notice',
    school,
    caseId: found.id,
    text,
  });
  const [withLetter] = await tx
    .update(warningNotices)
    .set({ letterId })
    .where(eq(warningNotices.id, notice.id))
    .returning();
  if (!withLetter) throw new Error('notice not updated');
  return withLetter;
}
