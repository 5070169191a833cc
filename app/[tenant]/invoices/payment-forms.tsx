'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  DateField,
  FieldGroup,
  Form,
  MoneyField,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextField,
  parsePounds,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import { formatPence } from '~/server/catalogue/money';
import { useTRPC } from '../../_lib/trpc-client';
import { shortDate } from '~/server/format/dates';

type OpenInvoice = { id: string; number: string; dueOn: string | null; outstandingPence: number };

/** Pence from a typed amount, or the message to show. */
function pence(typed: string): number | string {
  if (typed.trim() === '') return 0;
  const pounds = parsePounds(typed);
  if (typeof pounds !== 'number') return typeof pounds === 'string' ? pounds : 'Enter an amount in pounds.';
  return Math.round(pounds * 100);
}

/**
 * One payment from a school spread over several of its unpaid invoices: an amount against each (filled in
 * oldest first from the total), anything not allocated stays on the school's account.
 */
export function AllocatePaymentForm({
  schoolId,
  invoices,
  today,
  methods,
}: {
  schoolId: string;
  invoices: OpenInvoice[];
  today: string;
  /** The ways this kind of workspace records a payment by hand (`manualPaymentMethodOptions`). */
  methods: { value: string; label: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind } = useFormValues({ method: 'bacs', reference: '', amount: '', receivedOn: today });
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const pay = useFormMutation(trpc.invoices.recordPayment.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  const spread = () => {
    let left = pence(values.amount);
    if (typeof left !== 'number') return pay.setClientErrors({ amountPence: left });
    const next: Record<string, string> = {};
    for (const i of invoices) {
      const take = Math.min(left, i.outstandingPence);
      next[`for-${i.id}`] = take > 0 ? (take / 100).toFixed(2) : '';
      left -= take;
    }
    setAmounts(next);
  };
  const submit = () => {
    const total = pence(values.amount);
    if (typeof total !== 'number' || total <= 0)
      return pay.setClientErrors({
        amountPence: typeof total === 'string' ? total : 'Enter the amount received.',
      });
    const allocations: { invoiceId: string; amountPence: number }[] = [];
    for (const [n, i] of invoices.entries()) {
      const amount = pence(amounts[i.id] ?? '');
      if (typeof amount === 'string')
        return pay.setClientErrors({ [`allocations.${n}.amountPence`]: amount });
      if (amount > i.outstandingPence)
        return pay.setClientErrors({
          [`allocations.${n}.amountPence`]: `${i.number} has only ${formatPence(i.outstandingPence)} outstanding.`,
        });
      if (amount > 0) allocations.push({ invoiceId: i.id, amountPence: amount });
    }
    if (allocations.reduce((s, a) => s + a.amountPence, 0) > total)
      return pay.setClientErrors({
        allocations: 'The amounts against invoices add up to more than the payment.',
      });
    pay.mutate({
      schoolId,
      method: values.method as 'bacs' | 'cheque' | 'journal',
      reference: values.reference,
      amountPence: total,
      receivedOn: values.receivedOn,
      allocations,
    });
  };
  if (invoices.length === 0)
    return (
      <section>
        <h2 className="text-2xl font-semibold">Record a payment</h2>
        <p className="mt-2">This school has no unpaid invoices.</p>
      </section>
    );
  return (
    <Form
      form={pay}
      onSubmit={submit}
      heading={<h2 className="text-2xl font-semibold">Record a payment across invoices</h2>}
    >
      <SelectField {...pay.field('method')} label="How it was paid" options={methods} {...bind('method')} />
      <TextField
        {...pay.field('reference')}
        label="Remittance or journal reference"
        width="w-64"
        {...bind('reference')}
      />
      <MoneyField {...pay.field('amountPence')} label="Amount received" {...bind('amount')} onBlur={spread} />
      <DateField {...pay.field('receivedOn')} label="Date received" {...bind('receivedOn')} />
      <FieldGroup legend="How much goes to each invoice (filled in oldest first; change any amount)">
        {invoices.map((i, n) => (
          <MoneyField
            key={i.id}
            {...pay.field(`allocations.${n}.amountPence`)}
            label={`${i.number} (due ${shortDate(i.dueOn)}, ${formatPence(i.outstandingPence)} outstanding)`}
            value={amounts[i.id] ?? ''}
            onChange={(v) => setAmounts((a) => ({ ...a, [i.id]: v }))}
          />
        ))}
      </FieldGroup>
      <SubmitButton pending={pay.isPending}>Record payment</SubmitButton>
      <StatusMessage>
        {pay.data
          ? `Payment recorded: ${formatPence(pay.data.allocatedPence)} allocated${pay.data.unallocatedPence > 0 ? `, ${formatPence(pay.data.unallocatedPence)} on account` : ''}.`
          : ''}
      </StatusMessage>
    </Form>
  );
}

/** Refunds money paid against this invoice (from one of its payments). */
export function RefundForm({
  invoiceId,
  payments,
  today,
}: {
  invoiceId: string;
  payments: { paymentId: string; label: string; refundablePence: number }[];
  today: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind } = useFormValues({
    paymentId: payments[0]?.paymentId ?? '',
    amount: '',
    reference: '',
    refundedOn: today,
  });
  const refund = useFormMutation(trpc.invoices.refund.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  const submit = () => {
    const amount = pence(values.amount);
    if (typeof amount !== 'number' || amount <= 0)
      return refund.setClientErrors({
        amountPence: typeof amount === 'string' ? amount : 'Enter the amount to refund.',
      });
    refund.mutate({
      paymentId: values.paymentId,
      invoiceId,
      amountPence: amount,
      reference: values.reference,
      refundedOn: values.refundedOn,
    });
  };
  return (
    <Form
      form={refund}
      onSubmit={submit}
      heading={<h3 className="text-lg font-semibold">Record a refund</h3>}
    >
      <SelectField
        {...refund.field('paymentId')}
        label="Payment refunded"
        hint="A payment made online is refunded to the school’s card or bank account through Stripe; any other refund is only recorded here (send the money yourself)."
        options={payments.map((p) => ({ value: p.paymentId, label: p.label }))}
        {...bind('paymentId')}
      />
      <MoneyField {...refund.field('amountPence')} label="Amount refunded" {...bind('amount')} />
      <TextField
        {...refund.field('reference')}
        label="Refund reference"
        width="w-64"
        {...bind('reference')}
      />
      <DateField {...refund.field('refundedOn')} label="Date refunded" {...bind('refundedOn')} />
      <SubmitButton pending={refund.isPending}>Record refund</SubmitButton>
      <StatusMessage>{refund.data ? 'Refund recorded: the invoice owes it again.' : ''}</StatusMessage>
    </Form>
  );
}
