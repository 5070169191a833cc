'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { customerCategoryLabels } from '~/server/invoicing/customer-category-labels';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { DataTable } from '~/app/_components/data-table';
import { Link } from '~/app/_components/link';
import {
  Button,
  Checkbox,
  DateField,
  ErrorSummary,
  Form,
  MoneyField,
  NumberField,
  RadioGroup,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextArea,
  TextField,
  parseNumber,
  parsePounds,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import { formatPence } from '~/server/catalogue/money';
import { longDate } from '~/server/format/dates';
import { academicYearLabel } from '~/server/catalogue/academic-year';
import { countOf } from '~/server/format/plural';
import { useTRPC } from '../../_lib/trpc-client';

/**
 * Issues a draft: it takes the next number and goes to the school's finance contact. The purchase-order number
 * (if the school sent one since) and the tax point (the supply date, when earlier) are set here, as an issued
 * invoice is never edited.
 */
export function IssueForm({
  id,
  purchaseOrderNumber,
  noRecipient = false,
}: {
  id: string;
  purchaseOrderNumber: string | null;
  /** The school has no one to email it to: issuing needs the issuer to say they will send it themselves. */
  noRecipient?: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind } = useFormValues({ purchaseOrderNumber: purchaseOrderNumber ?? '', taxPointOn: '' });
  const [sendItMyself, setSendItMyself] = useState(false);
  const issue = useFormMutation(trpc.invoices.issue.mutationOptions(), { onSuccess: () => router.refresh() });
  return (
    <Form
      form={issue}
      onSubmit={() =>
        issue.mutate({
          id,
          purchaseOrderNumber: values.purchaseOrderNumber,
          taxPointOn: values.taxPointOn || null,
          sendItMyself: noRecipient ? sendItMyself : undefined,
        })
      }
      heading={<h3 className="text-lg font-semibold">Issue this invoice</h3>}
    >
      <TextField
        {...issue.field('purchaseOrderNumber')}
        label="School’s purchase order number (optional)"
        width="w-64"
        {...bind('purchaseOrderNumber')}
      />
      <DateField
        {...issue.field('taxPointOn')}
        label="Tax point, if earlier than today (optional)"
        hint="The date the service was supplied, when this invoice comes more than 14 days after it."
        {...bind('taxPointOn')}
      />
      {noRecipient && (
        <Checkbox
          {...issue.field('sendItMyself')}
          label="Issue it without emailing anyone: I will send it to the school myself"
          hint="Stride has no one at the school to email it to."
          checked={sendItMyself}
          onChange={setSendItMyself}
        />
      )}
      <SubmitButton pending={issue.isPending} pendingLabel="Issuing…">
        Issue invoice
      </SubmitButton>
      <StatusMessage className="mt-1 text-green-800">
        {issue.data
          ? issue.data.emailedTo.length > 0
            ? `Issued as ${issue.data.number} and emailed to ${issue.data.emailedTo.join(', ')}.`
            : `Issued as ${issue.data.number}. It was emailed to no one: send it to the school yourself.`
          : ''}
      </StatusMessage>
    </Form>
  );
}

export function VoidForm({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [reason, setReason] = useState('');
  const voiding = useFormMutation(trpc.invoices.void.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <Form
      form={voiding}
      onSubmit={() => voiding.mutate({ id, reason })}
      heading={<h3 className="text-lg font-semibold">Void this invoice</h3>}
    >
      <TextArea
        {...voiding.field('reason')}
        label="Why is it void?"
        value={reason}
        onChange={setReason}
        rows={2}
      />
      <SubmitButton
        className="rounded border-2 border-red-800 bg-white px-3 py-1.5 font-semibold text-red-800"
        pending={voiding.isPending}
      >
        Void invoice
      </SubmitButton>
    </Form>
  );
}

/** A credit note: the whole of what is left, or an amount off one line. */
export function CreditNoteForm({
  invoiceId,
  lines,
}: {
  invoiceId: string;
  lines: { id: string; description: string; leftPence: number }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, setValues } = useFormValues({
    scope: 'full' as 'full' | 'partial',
    reason: '',
    lineId: lines[0]?.id ?? '',
    amount: '',
  });
  // Once a credit note changes what is left on the lines, the form starts again from the lines as they are now:
  // an amount, reason and line kept from the last note could credit the wrong line.
  const linesNow = lines.map((l) => `${l.id}:${l.leftPence}`).join();
  const [linesShown, setLinesShown] = useState(linesNow);
  if (linesShown !== linesNow) {
    setLinesShown(linesNow);
    setValues((v) => ({ ...v, reason: '', lineId: lines[0]?.id ?? '', amount: '' }));
  }
  const credit = useFormMutation(trpc.invoices.creditNote.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  const submit = () => {
    if (values.scope === 'partial') {
      const pounds = parsePounds(values.amount);
      if (typeof pounds !== 'number' || pounds <= 0) {
        credit.setClientErrors({
          lines: typeof pounds === 'string' ? pounds : 'Enter the net amount to credit.',
        });
        return;
      }
      credit.mutate({
        invoiceId,
        reason: values.reason,
        scope: 'partial',
        lines: [{ invoiceLineId: values.lineId, netPence: Math.round(pounds * 100) }],
      });
    } else credit.mutate({ invoiceId, reason: values.reason, scope: 'full' });
  };
  return (
    <Form
      form={credit}
      onSubmit={submit}
      heading={<h3 className="text-lg font-semibold">Raise a credit note</h3>}
    >
      <RadioGroup
        {...credit.field('scope')}
        label="How much"
        options={[
          { value: 'full', label: 'Everything left on the invoice' },
          { value: 'partial', label: 'Part of one line' },
        ]}
        {...bind('scope')}
      />
      {values.scope === 'partial' && (
        <>
          <SelectField
            {...credit.field('lineId')}
            label="Line"
            options={lines.map((l) => ({
              value: l.id,
              label: `${l.description} (${formatPence(l.leftPence)} left)`,
            }))}
            {...bind('lineId')}
          />
          <MoneyField
            {...credit.field('lines')}
            label="Net amount to credit"
            hint="VAT is added at the line’s rate."
            {...bind('amount')}
          />
        </>
      )}
      <TextArea
        {...credit.field('reason')}
        label="Reason"
        hint="Printed on the credit note the school receives, and in the email that sends it to them."
        rows={2}
        {...bind('reason')}
      />
      <SubmitButton pending={credit.isPending}>Raise credit note</SubmitButton>
      <StatusMessage>
        {credit.data
          ? `Credit note ${credit.data.number} raised for ${formatPence(credit.data.grossPence)}.${credit.data.emailedTo?.length === 0 ? ' It was emailed to no one: send it to the school yourself.' : ''}`
          : ''}
      </StatusMessage>
    </Form>
  );
}

const kindOptions = [
  { value: 'charges' as const, label: 'All uninvoiced charges to date' },
  { value: 'subscriptions' as const, label: 'Subscriptions for an academic year' },
];

/**
 * Choose what to bill, see the preview (one invoice per school), then create the drafts. A workspace that sells
 * no subscriptions (an appropriate body's fees, course places alone) bills its charges: there is nothing to choose.
 */
export function BillingRunForm({
  today,
  academicYear,
  sellsSubscriptions,
}: {
  today: string;
  academicYear: number;
  sellsSubscriptions: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind } = useFormValues({
    kind: (sellsSubscriptions ? 'subscriptions' : 'charges') as 'charges' | 'subscriptions',
    upTo: today,
    academicYear: String(academicYear),
    withCharges: false,
  });
  const [asked, setAsked] = useState<{
    kind: 'charges' | 'subscriptions';
    upTo: string;
    academicYear?: number;
    withCharges?: boolean;
  } | null>(null);
  const preview = useQuery({
    ...trpc.invoices.previewRun.queryOptions(asked ?? { kind: 'charges', upTo: today }),
    enabled: asked !== null,
  });
  const queryClient = useQueryClient();
  const run = useFormMutation(trpc.invoices.startRun.mutationOptions(), {
    onSuccess: () => {
      setAsked(null);
      // What is left to bill has changed: the next preview must ask again.
      queryClient.removeQueries({ queryKey: trpc.invoices.previewRun.queryKey() });
      router.refresh();
    },
  });
  const previewForm = () => {
    const year = parseNumber(values.academicYear);
    if (values.kind === 'subscriptions' && typeof year !== 'number') {
      run.setClientErrors({ academicYear: 'Enter the academic year as the year it starts, like 2026.' });
      return;
    }
    run.clearErrors();
    setAsked({
      kind: values.kind,
      upTo: values.upTo,
      academicYear: values.kind === 'subscriptions' && typeof year === 'number' ? year : undefined,
      withCharges: values.kind === 'subscriptions' && values.withCharges ? true : undefined,
    });
  };
  const previewError = preview.error ? [{ message: preview.error.message }] : [];
  return (
    <div>
      <Form form={{ summary: [...run.summary, ...previewError] }} onSubmit={previewForm}>
        {sellsSubscriptions && (
          <RadioGroup {...run.field('kind')} label="What to bill" options={kindOptions} {...bind('kind')} />
        )}
        <DateField
          {...run.field('upTo')}
          label="Bill what was chargeable on or before"
          hint="Charges made by this date; subscription parts (terms, financial years) begun by it."
          {...bind('upTo')}
        />
        {values.kind === 'subscriptions' && (
          <NumberField
            {...run.field('academicYear')}
            whole
            label="Academic year (the year it starts)"
            hint="2026 means 2026/27."
            {...bind('academicYear')}
          />
        )}
        {values.kind === 'subscriptions' && (
          <Checkbox
            {...run.field('withCharges')}
            label="Also bill course places and services charged by this date"
            hint="Each school then gets one invoice (per purchase order) for its subscription and its charges together."
            checked={values.withCharges}
            onChange={bind('withCharges').onChange}
          />
        )}
        <SubmitButton pending={preview.isFetching}>Preview</SubmitButton>
      </Form>
      {asked && preview.data && (
        <section aria-labelledby="preview-heading" className="mt-6">
          <h2 id="preview-heading" className="text-2xl font-semibold">
            Preview: {preview.data.label}
          </h2>
          <p className="mt-2">
            {preview.data.invoices.length === 0
              ? asked.kind === 'charges'
                ? `Nothing to bill: no charge made on or before ${longDate(asked.upTo)} is waiting for an invoice.`
                : `Nothing to bill: no subscription for ${academicYearLabel(asked.academicYear ?? academicYear)} has a part begun by ${longDate(asked.upTo)} that is not on an invoice already${asked.withCharges ? ', and no charge made by then is waiting for one' : ''}.`
              : `${preview.data.invoices.length} invoice${preview.data.invoices.length === 1 ? '' : 's'}, ${formatPence(preview.data.totals.netPence)} net + ${formatPence(preview.data.totals.vatPence)} VAT = ${formatPence(preview.data.totals.grossPence)}.`}
          </p>
          {asked.kind === 'subscriptions' && preview.data.chargesWaiting.lineCount > 0 && (
            <p className="mt-2 max-w-3xl" data-testid="charges-waiting">
              Not in this run: {countOf(preview.data.chargesWaiting.lineCount, 'charge')} for course places
              and services ({formatPence(preview.data.chargesWaiting.netPence)} net) made on or before{' '}
              {longDate(asked.upTo)} and not yet invoiced. Tick “Also bill course places and services” to put
              them on the same invoices, or bill them with “All uninvoiced charges to date”.
            </p>
          )}
          <DataTable
            className="mt-2"
            caption="Invoices this run would create"
            hideCaption
            rows={preview.data.invoices}
            rowKey={(r) => `${r.schoolId}-${r.purchaseOrderNumber ?? ''}`}
            empty="No invoices."
            columns={[
              { header: 'School', rowHeader: true, cell: (r) => r.schoolName },
              { header: 'Customer', cell: (r) => customerCategoryLabels[r.category] },
              { header: 'Document', cell: (r) => (r.kind === 'journal' ? 'Internal journal' : 'Invoice') },
              { header: 'PO number', cell: (r) => r.purchaseOrderNumber ?? '—' },
              { header: 'Lines', align: 'right', cell: (r) => r.lineCount },
              { header: 'Net', align: 'right', cell: (r) => formatPence(r.netPence) },
              { header: 'VAT', align: 'right', cell: (r) => formatPence(r.vatPence) },
              { header: 'Gross', align: 'right', cell: (r) => formatPence(r.grossPence) },
            ]}
          />
          {preview.data.invoices.length > 0 && (
            <Button
              variant="primary"
              className="mt-4"
              disabled={run.isPending}
              onClick={() => run.mutate(asked)}
            >
              {run.isPending
                ? 'Starting the run…'
                : `Create ${countOf(preview.data.invoices.length, 'draft invoice')}`}
            </Button>
          )}
        </section>
      )}
      <StatusMessage className="mt-2 text-green-800">
        {run.data
          ? `Billing run started: ${countOf(run.data.invoices, 'draft invoice')} for ${countOf(run.data.schoolsTotal, 'school')}. Its progress is below; issue the drafts when it has finished.`
          : ''}
      </StatusMessage>
    </div>
  );
}

/** While a run is creating invoices, the page reloads its progress every two seconds. */
export function RunProgressPoller({ running }: { running: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [running, router]);
  return null;
}

/** Starts a failed or stopped run again: it bills only what is left. */
export function ResumeRunButton({ billingRunId }: { billingRunId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const resume = useFormMutation(trpc.invoices.resumeRun.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <div>
      <ErrorSummary errors={resume.summary} />
      <Button onClick={() => resume.mutate({ billingRunId })} disabled={resume.isPending}>
        {resume.isPending ? 'Resuming…' : 'Resume run'}
      </Button>
    </div>
  );
}

export function IssueRunButton({
  tenant,
  billingRunId,
  drafts,
  noRecipient,
}: {
  tenant: string;
  billingRunId: string;
  /** The run's drafts issuing will email to someone (or journals, emailed to no one). */
  drafts: number;
  /** The run's drafts whose school has no one to email them to: issued one by one, by someone who sends them. */
  noRecipient: { id: string; customerName: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const issue = useFormMutation(trpc.invoices.issueRun.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  if (drafts === 0 && noRecipient.length === 0 && !issue.data) return <span>All issued</span>;
  return (
    <div>
      <ErrorSummary errors={issue.summary} />
      {drafts > 0 && (
        <Button onClick={() => issue.mutate({ billingRunId })} disabled={issue.isPending}>
          {issue.isPending ? 'Issuing…' : `Issue ${countOf(drafts, 'draft')}`}
        </Button>
      )}
      <StatusMessage className="mt-1 text-green-800">
        {issue.data ? `Issued ${issue.data.issued}.` : ''}
      </StatusMessage>
      {noRecipient.length > 0 && (
        <div className="mt-1 text-amber-900" data-testid="no-recipient">
          <p className="font-semibold">
            {countOf(noRecipient.length, 'draft')} with no one to send{' '}
            {noRecipient.length === 1 ? 'it' : 'them'} to, not issued with the rest.
          </p>
          <p>
            Add a finance contact to the school, or open the draft to issue it and send it yourself:{' '}
            {noRecipient.map((d, i) => (
              <span key={d.id}>
                {i > 0 && ', '}
                <Link className="underline" href={`/${tenant}/invoices/${d.id}`}>
                  {d.customerName}
                </Link>
              </span>
            ))}
            .
          </p>
        </div>
      )}
    </div>
  );
}

/** Records a payment received against this invoice (a partial amount is fine). */
export function RecordPaymentForm({
  schoolId,
  invoiceId,
  outstandingPence,
  today,
  methods,
}: {
  schoolId: string;
  invoiceId: string;
  outstandingPence: number;
  today: string;
  /** The ways this kind of workspace records a payment by hand (`manualPaymentMethodOptions`). */
  methods: { value: string; label: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, setValues } = useFormValues({
    method: 'bacs',
    reference: '',
    amount: (outstandingPence / 100).toFixed(2),
    receivedOn: today,
  });
  // A payment or credit note changes what is outstanding: offer the new amount, not the one the page opened with.
  const [outstandingShown, setOutstandingShown] = useState(outstandingPence);
  if (outstandingShown !== outstandingPence) {
    setOutstandingShown(outstandingPence);
    setValues((v) => ({ ...v, reference: '', amount: (outstandingPence / 100).toFixed(2) }));
  }
  const pay = useFormMutation(trpc.invoices.recordPayment.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  const submit = () => {
    const pounds = parsePounds(values.amount);
    if (typeof pounds !== 'number' || pounds <= 0)
      return pay.setClientErrors({
        amountPence: typeof pounds === 'string' ? pounds : 'Enter the amount received.',
      });
    const amountPence = Math.round(pounds * 100);
    pay.mutate({
      schoolId,
      method: values.method as 'bacs' | 'cheque' | 'journal',
      reference: values.reference,
      amountPence,
      receivedOn: values.receivedOn,
      allocations: [{ invoiceId, amountPence: Math.min(amountPence, outstandingPence) }],
    });
  };
  return (
    <Form form={pay} onSubmit={submit} heading={<h3 className="text-lg font-semibold">Record a payment</h3>}>
      <SelectField {...pay.field('method')} label="How it was paid" options={methods} {...bind('method')} />
      <TextField
        {...pay.field('reference')}
        label="Remittance or journal reference"
        width="w-64"
        {...bind('reference')}
      />
      <MoneyField
        {...pay.field('amountPence')}
        label="Amount received"
        hint="More than is owed stays on the school’s account."
        {...bind('amount')}
      />
      <DateField
        {...pay.field('receivedOn')}
        label="Date received"
        hint="Today or earlier."
        {...bind('receivedOn')}
      />
      <SubmitButton pending={pay.isPending}>Record payment</SubmitButton>
      <StatusMessage>
        {pay.data
          ? `Payment recorded: ${formatPence(pay.data.allocatedPence)} against this invoice${pay.data.unallocatedPence > 0 ? `; the ${formatPence(pay.data.unallocatedPence)} more than was owed stays on the school’s account, shown on its statement` : ''}.`
          : ''}
      </StatusMessage>
    </Form>
  );
}

/** Pays what is outstanding through Stripe Checkout: the server makes the session from the invoice. */
export function PayOnlineButton({ invoiceId, directDebit }: { invoiceId: string; directDebit: boolean }) {
  const trpc = useTRPC();
  const pay = useFormMutation(trpc.invoices.checkout.mutationOptions(), {
    onSuccess: (data) => window.location.assign(data.url),
  });
  return (
    <div>
      <ErrorSummary errors={pay.summary} />
      <Button variant="primary" onClick={() => pay.mutate({ invoiceId })} disabled={pay.isPending}>
        {pay.isPending
          ? 'Opening Stripe…'
          : directDebit
            ? 'Pay online (card or Direct Debit)'
            : 'Pay online by card'}
      </Button>
    </div>
  );
}
