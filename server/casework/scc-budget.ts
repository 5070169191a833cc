import { DomainError } from '~/server/errors/domain-error';
import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { sccBudgetPayments, sccCases, schools, users } from '~/db/schema';
import { loadCaseFor } from '../concern/case-access';
import type { Actor } from '../access/actor';
import { violatesCheck } from './db-errors';
import { assertDcs } from './dcs-designation';
import { isMaintainedSchool } from '../schools/maintained';
import { paymentTransitionProblem, type PaymentStatus } from './rules';
import { loadSchoolFacts } from './school-facts';

export const ZRequestPaymentInput = z.object({
  caseId: z.uuid({ message: 'Choose the school.' }),
  payeeKind: z.enum(['school', 'other'], { message: 'Choose who is paid.' }),
  payeeName: z.string().trim().max(200).default(''),
  amountPence: z
    .number({ message: 'Enter the amount in pounds.' })
    .int()
    .positive('Enter an amount greater than £0.')
    .max(100_000_000, 'That amount is too large.'),
  purpose: z.string().trim().min(5, 'Describe what the payment is for.').max(2000),
  financialYear: z.number().int().min(2000).max(2100),
});

export const ZDcsApprovalInput = z.object({
  paymentId: z.uuid(),
  approvedOn: z.iso.date({ message: 'Enter the date the DCS approved the payment.' }),
  /** Who approved, when a delegate records the Director's own approval; by default the person recording. */
  approvedByUserId: z.uuid({ message: 'Choose who approved the payment.' }).nullable().default(null),
});

export const ZDecidePaymentInput = z.object({
  paymentId: z.uuid(),
  to: z.enum(['approved', 'declined']),
});

export const ZMarkPaidInput = z.object({
  paymentId: z.uuid(),
  paidOn: z.iso.date({ message: 'Enter the date the payment was made.' }),
});

/** Every payment with its school, and totals by financial year and status. */
export async function listBudget(tx: Tx) {
  const payments = await tx
    .select({
      payment: sccBudgetPayments,
      schoolName: schools.name,
      dcsApprovedBy: users.name,
    })
    .from(sccBudgetPayments)
    .innerJoin(schools, eq(schools.id, sccBudgetPayments.schoolId))
    .leftJoin(users, eq(users.id, sccBudgetPayments.dcsApprovedByUserId))
    .orderBy(desc(sccBudgetPayments.financialYear), desc(sccBudgetPayments.createdAt));
  const totals = new Map<number, Record<PaymentStatus, number>>();
  for (const { payment } of payments) {
    const year = totals.get(payment.financialYear) ?? { requested: 0, approved: 0, paid: 0, declined: 0 };
    year[payment.status] += payment.amountPence;
    totals.set(payment.financialYear, year);
  }
  return {
    payments,
    totals: [...totals.entries()]
      .sort(([a], [b]) => b - a)
      .map(([financialYear, byStatus]) => ({ financialYear, byStatus })),
  };
}

/** Designated maintained schools the budget may pay, for the request form. */
export async function budgetEligibleCases(tx: Tx) {
  const cases = await tx
    .select({
      caseId: sccCases.id,
      schoolId: sccCases.schoolId,
      schoolName: schools.name,
      type: schools.type,
      typeGroup: schools.typeGroup,
    })
    .from(sccCases)
    .innerJoin(schools, eq(schools.id, sccCases.schoolId))
    .where(eq(sccCases.status, 'designated'))
    .orderBy(asc(schools.name));
  return cases.filter((c) => isMaintainedSchool(c));
}

export async function requestPayment(
  tx: Tx,
  input: z.output<typeof ZRequestPaymentInput> & { actor: Actor },
) {
  const { found } = await loadCaseFor(tx, input.actor, input.caseId);
  const facts = await loadSchoolFacts(tx, input.actor.settings, found.schoolId);
  if (!facts.maintained)
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'The SCC budget pays maintained schools causing concern only; this school is an academy.',
    });
  if (found.status !== 'designated')
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'The SCC budget pays only schools designated as causing concern.',
    });
  if (input.payeeKind === 'other' && input.payeeName.length < 2)
    throw new DomainError({ code: 'BAD_REQUEST', message: 'Enter the name of the payee.' });
  const [payment] = await tx
    .insert(sccBudgetPayments)
    .values({
      tenantId: input.actor.tenantId,
      schoolId: found.schoolId,
      caseId: found.id,
      payeeKind: input.payeeKind,
      payeeName: input.payeeKind === 'school' ? facts.name : input.payeeName,
      amountPence: input.amountPence,
      purpose: input.purpose,
      financialYear: input.financialYear,
      requestedByUserId: input.actor.userId,
    })
    .returning();
  if (!payment) throw new Error('payment not recorded');
  return payment;
}

async function paymentForUpdate(tx: Tx, paymentId: string) {
  const [payment] = await tx
    .select()
    .from(sccBudgetPayments)
    .where(eq(sccBudgetPayments.id, paymentId))
    .limit(1)
    .for('update');
  if (!payment) throw new DomainError({ code: 'NOT_FOUND', message: 'That payment was not found.' });
  return payment;
}

const dcsMessage =
  'A payment to anyone other than the school needs the DCS approval recorded before it can be approved or paid.';

/** Records the DCS's agreement to a payment (needed when the payee is not the school). */
export async function recordDcsApproval(
  tx: Tx,
  input: z.output<typeof ZDcsApprovalInput> & { actor: Pick<Actor, 'userId'> },
) {
  const approvedBy = await assertDcs(tx, input.actor, input.approvedByUserId);
  const payment = await paymentForUpdate(tx, input.paymentId);
  if (payment.status === 'paid' || payment.status === 'declined')
    throw new DomainError({ code: 'CONFLICT', message: `This payment is already ${payment.status}.` });
  const [updated] = await tx
    .update(sccBudgetPayments)
    .set({ dcsApprovedOn: input.approvedOn, dcsApprovedByUserId: approvedBy })
    .where(eq(sccBudgetPayments.id, payment.id))
    .returning();
  return updated;
}

async function moveTo(tx: Tx, paymentId: string, to: PaymentStatus, paidOn: string | null) {
  const payment = await paymentForUpdate(tx, paymentId);
  const problem = paymentTransitionProblem(payment, to);
  if (problem) throw new DomainError({ code: 'BAD_REQUEST', message: problem });
  try {
    const [updated] = await tx
      .update(sccBudgetPayments)
      .set({ status: to, ...(paidOn ? { paidOn } : {}) })
      .where(eq(sccBudgetPayments.id, payment.id))
      .returning();
    return updated;
  } catch (error) {
    if (violatesCheck(error, 'scc_budget_payments_dcs_approval'))
      throw new DomainError({ code: 'BAD_REQUEST', message: dcsMessage });
    throw error;
  }
}

export const decidePayment = (tx: Tx, input: z.output<typeof ZDecidePaymentInput>) =>
  moveTo(tx, input.paymentId, input.to, null);

export const markPaid = (tx: Tx, input: z.output<typeof ZMarkPaidInput>) =>
  moveTo(tx, input.paymentId, 'paid', input.paidOn);
