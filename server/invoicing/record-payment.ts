import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { invoices, paymentAllocations, payments, paymentMethod } from '~/db/schema';
import type { Actor } from '../access/actor';
import { todayInLondon } from '../catalogue/academic-year';
import { formatPence } from '../catalogue/money';
import { DomainError } from '../errors/domain-error';
import { manualPaymentMethods } from './payment-labels';
import { settledStatus } from './rules';

export const ZRecordPaymentInput = z.object({
  schoolId: z.uuid(),
  method: z.enum(paymentMethod.enumValues.filter((m) => m !== 'stripe') as ['bacs', 'cheque', 'journal']),
  reference: z.string().trim().max(200).default(''),
  amountPence: z.number().int().min(1, 'Enter an amount of at least 1p'),
  receivedOn: z.iso.date('Enter the date the payment was received'),
  /** How to spread it; none given: the oldest outstanding invoices first. */
  allocations: z
    .array(z.object({ invoiceId: z.uuid(), amountPence: z.number().int().min(1) }))
    .max(200)
    .default([]),
});
export type RecordPaymentInput = z.infer<typeof ZRecordPaymentInput>;

/**
 * A payment finance records by hand: it cannot have been received after today (the London date), and only a
 * local authority settles by internal journal (with its own maintained schools). Then as `recordPayment`.
 */
export async function recordManualPayment(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'userId' | 'kind'>,
  input: RecordPaymentInput & { today?: string },
) {
  if (!manualPaymentMethods(actor.kind).includes(input.method))
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'Only a local authority records payments by internal journal: choose BACS transfer or cheque.',
      field: 'method',
    });
  if (input.receivedOn > (input.today ?? todayInLondon()))
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'The date received cannot be in the future: enter the date the money arrived.',
      field: 'receivedOn',
    });
  return recordPayment(tx, actor, input);
}

/**
 * Records money received from a school and allocates it across its issued invoices (never beyond what each
 * has outstanding, never more in total than was received; anything left stays on account, and the result says
 * how much).
 */
export async function recordPayment(
  tx: Tx,
  actor: Pick<Actor, 'tenantId'> & { userId: string | null },
  input: Omit<RecordPaymentInput, 'method'> & {
    method: RecordPaymentInput['method'] | 'stripe';
    stripeReference?: string;
  },
) {
  const open = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.schoolId, input.schoolId), inArray(invoices.status, ['issued', 'part_paid'])))
    .orderBy(asc(invoices.dueOn), asc(invoices.sequenceNumber))
    .for('update');
  const outstanding = (i: (typeof open)[number]) => i.grossPence - i.paidPence - i.creditedPence;
  let plan: { invoice: (typeof open)[number]; amountPence: number }[];
  if (input.allocations.length > 0) {
    plan = input.allocations.map((a) => {
      const invoice = open.find((i) => i.id === a.invoiceId);
      if (!invoice)
        throw new DomainError({
          code: 'NOT_FOUND',
          message: 'That invoice is not one of this school’s unpaid invoices.',
          field: 'allocations',
        });
      if (a.amountPence > outstanding(invoice))
        throw new DomainError({
          code: 'BAD_REQUEST',
          message: `Invoice ${invoice.number ?? ''} has only ${formatPence(outstanding(invoice))} outstanding.`,
          field: 'allocations',
        });
      return { invoice, amountPence: a.amountPence };
    });
    const total = plan.reduce((s, p) => s + p.amountPence, 0);
    if (total > input.amountPence)
      throw new DomainError({
        code: 'BAD_REQUEST',
        message: 'The allocations add up to more than the payment.',
        field: 'allocations',
      });
  } else {
    let left = input.amountPence;
    plan = [];
    for (const invoice of open) {
      if (left <= 0) break;
      const take = Math.min(left, outstanding(invoice));
      if (take > 0) plan.push({ invoice, amountPence: take });
      left -= take;
    }
  }
  const [payment] = await tx
    .insert(payments)
    .values({
      tenantId: actor.tenantId,
      schoolId: input.schoolId,
      kind: 'payment',
      method: input.method,
      reference: input.reference,
      amountPence: input.amountPence,
      receivedOn: input.receivedOn,
      stripeReference: input.stripeReference ?? null,
      recordedByUserId: actor.userId,
    })
    .returning({ id: payments.id });
  if (!payment) throw new Error('payment not recorded');
  if (plan.length > 0)
    await tx.insert(paymentAllocations).values(
      plan.map((p) => ({
        tenantId: actor.tenantId,
        paymentId: payment.id,
        invoiceId: p.invoice.id,
        amountPence: p.amountPence,
      })),
    );
  for (const p of plan) {
    const paid = p.invoice.paidPence + p.amountPence;
    await tx
      .update(invoices)
      .set({
        paidPence: sql`${paid}`,
        status: settledStatus(p.invoice.grossPence, paid, p.invoice.creditedPence),
        updatedAt: new Date(),
      })
      .where(eq(invoices.id, p.invoice.id));
  }
  const allocated = plan.reduce((s, p) => s + p.amountPence, 0);
  return { id: payment.id, allocatedPence: allocated, unallocatedPence: input.amountPence - allocated };
}

export const ZRefundInput = z.object({
  paymentId: z.uuid(),
  invoiceId: z.uuid(),
  amountPence: z.number().int().min(1, 'Enter an amount of at least 1p'),
  reference: z.string().trim().max(200).default(''),
  refundedOn: z.iso.date(),
});

/** Returns money paid against an invoice: the invoice owes it again (or is overpaid no longer). */
export async function refundPayment(
  tx: Tx,
  actor: Pick<Actor, 'tenantId'> & { userId: string | null },
  input: z.infer<typeof ZRefundInput> & { stripeReference?: string },
) {
  const [original] = await tx.select().from(payments).where(eq(payments.id, input.paymentId)).for('update');
  if (!original || original.kind !== 'payment')
    throw new DomainError({ code: 'NOT_FOUND', message: 'That payment was not found.' });
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, input.invoiceId)).for('update');
  if (!invoice) throw new DomainError({ code: 'NOT_FOUND', message: 'That invoice was not found.' });
  const [net] = await tx
    .select({ pence: sql<number>`coalesce(sum(${paymentAllocations.amountPence}), 0)::int` })
    .from(paymentAllocations)
    .innerJoin(
      payments,
      and(eq(payments.tenantId, paymentAllocations.tenantId), eq(payments.id, paymentAllocations.paymentId)),
    )
    .where(
      and(
        eq(paymentAllocations.invoiceId, invoice.id),
        sql`(${payments.id} = ${original.id} or ${payments.reference} = ${`refund-of:${original.id}`})`,
      ),
    );
  const refundable = net?.pence ?? 0;
  if (input.amountPence > refundable)
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: `Only ${(refundable / 100).toFixed(2)} of this payment is on that invoice to refund.`,
      field: 'amountPence',
    });
  const [refund] = await tx
    .insert(payments)
    .values({
      tenantId: actor.tenantId,
      schoolId: original.schoolId,
      kind: 'refund',
      method: original.method,
      reference: `refund-of:${original.id}`,
      amountPence: input.amountPence,
      receivedOn: input.refundedOn,
      stripeReference: input.stripeReference ?? null,
      recordedByUserId: actor.userId,
    })
    .returning({ id: payments.id });
  if (!refund) throw new Error('refund not recorded');
  await tx.insert(paymentAllocations).values({
    tenantId: actor.tenantId,
    paymentId: refund.id,
    invoiceId: invoice.id,
    amountPence: -input.amountPence,
  });
  const paid = invoice.paidPence - input.amountPence;
  await tx
    .update(invoices)
    .set({
      paidPence: sql`${paid}`,
      status: settledStatus(invoice.grossPence, paid, invoice.creditedPence),
      updatedAt: new Date(),
    })
    .where(eq(invoices.id, invoice.id));
  return { id: refund.id };
}
