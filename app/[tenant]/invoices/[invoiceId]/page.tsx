import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { DataTable } from '~/app/_components/data-table';
import { financeUsers, hasRole } from '~/server/access/role-groups';
import { formatPence } from '~/server/catalogue/money';
import { vatBreakdown, vatTreatmentLabels } from '~/server/invoicing/rules';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { CreditNoteForm, IssueForm, PayOnlineButton, RecordPaymentForm, VoidForm } from '../invoice-actions';
import { customerCategoryLabels } from '~/server/invoicing/customer-category-labels';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { statusLabels } from '../status-labels';
import { RefundForm } from '../payment-forms';
import { longDate, shortDate } from '~/server/format/dates';
import {
  manualPaymentMethodOptions,
  paymentDescription,
  paymentMethodLabels,
} from '~/server/invoicing/payment-labels';

export const metadata: Metadata = { title: 'Invoice' };

const qty = (h: number) => (h % 100 === 0 ? String(h / 100) : (h / 100).toFixed(2));

export default async function InvoicePage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string; invoiceId: string }>;
  searchParams: Promise<{ paid?: string }>;
}) {
  const { tenant, invoiceId } = await params;
  // Stripe sends the payer back here with ?paid=1 once Checkout is done; the payment itself arrives by webhook.
  const backFromCheckout = (await searchParams).paid === '1';
  const { api, workspace } = await loadWorkspace(tenant);
  const view = await guard(api.invoices.byId({ id: invoiceId }));
  const finance = hasRole(workspace.roles, financeUsers);
  const { invoice, lines } = view;
  const title = invoice.number
    ? `${invoice.kind === 'journal' ? 'Journal' : 'Invoice'} ${invoice.number}`
    : `Draft invoice for ${invoice.customerName}`;
  // What of each payment on this invoice may still be refunded (its allocation less refunds made of it).
  const refundable = view.payments
    .filter((p) => p.kind === 'payment')
    .map((p) => ({
      paymentId: p.paymentId,
      label: `${shortDate(p.receivedOn)}, ${paymentDescription(p)}, ${formatPence(p.amountPence)}`,
      refundablePence:
        p.amountPence +
        view.payments
          .filter((r) => r.kind === 'refund' && r.reference === `refund-of:${p.paymentId}`)
          .reduce((sum, r) => sum + r.amountPence, 0),
    }))
    .filter((p) => p.refundablePence > 0);
  return (
    <div>
      <p>
        <Link className="underline" href={`/${tenant}/invoices`}>
          All invoices
        </Link>
        {invoice.status !== 'draft' && (
          <>
            {' · '}
            <Link className="underline" href={`/${tenant}/invoices/statement/${invoice.schoolId}`}>
              Statement of account for {invoice.customerName}
            </Link>
          </>
        )}
      </p>
      <h1 className="mt-2 text-3xl font-bold">{title}</h1>
      <dl className="mt-4 grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">Status</dt>
        <dd>{statusLabels[invoice.status]}</dd>
        <dt className="font-semibold">School</dt>
        <dd>
          {invoice.customerName} ({customerCategoryLabels[invoice.customerCategory]})
        </dd>
        <dt className="font-semibold">Issued</dt>
        <dd>{shortDate(invoice.issuedOn)}</dd>
        {invoice.taxPointOn && (
          <>
            <dt className="font-semibold">Tax point</dt>
            <dd>{shortDate(invoice.taxPointOn)}</dd>
          </>
        )}
        <dt className="font-semibold">Due</dt>
        {/* A journal is settled between budgets: nothing falls due. */}
        <dd>{invoice.kind === 'journal' ? 'Settled by journal' : shortDate(invoice.dueOn)}</dd>
        <dt className="font-semibold">Purchase order</dt>
        <dd>{invoice.purchaseOrderNumber ?? '—'}</dd>
        <dt className="font-semibold">Outstanding</dt>
        {/* A draft is owed by nobody until it is issued, and a void invoice by nobody at all. */}
        <dd className="font-semibold">
          {invoice.status === 'draft' || invoice.status === 'void' ? '—' : formatPence(view.outstandingPence)}
        </dd>
        {invoice.voidReason && (
          <>
            <dt className="font-semibold">Void because</dt>
            <dd>{invoice.voidReason}</dd>
          </>
        )}
      </dl>
      <p className="mt-4">
        <a className="font-semibold underline" href={`/${tenant}/invoices/${invoice.id}/pdf`}>
          Download the invoice (PDF)
        </a>
      </p>

      <h2 className="mt-8 text-2xl font-semibold">Lines</h2>
      <DataTable
        className="mt-2"
        caption="Invoice lines"
        hideCaption
        rows={lines}
        rowKey={(l) => l.id}
        empty="No lines."
        columns={[
          { header: 'Description', rowHeader: true, cell: (l) => l.description },
          { header: 'Qty', align: 'right', cell: (l) => qty(l.quantityHundredths) },
          { header: 'Unit price', align: 'right', cell: (l) => formatPence(l.unitPricePence) },
          {
            header: 'VAT',
            cell: (l) =>
              l.vatTreatment === 'standard'
                ? `${l.vatRateBasisPoints / 100}%`
                : vatTreatmentLabels[l.vatTreatment],
          },
          ...(finance
            ? [
                {
                  header: 'Codes',
                  cell: (l: (typeof lines)[number]) =>
                    [l.cfrCode && `CFR ${l.cfrCode}`, l.nominalCode, l.costCentre]
                      .filter(Boolean)
                      .join(' · ') || '—',
                },
              ]
            : []),
          { header: 'Net', align: 'right', cell: (l) => formatPence(l.netPence) },
          { header: 'VAT amount', align: 'right', cell: (l) => formatPence(l.vatPence) },
        ]}
      />
      <DataTable
        className="mt-4 max-w-2xl"
        caption="Totals by VAT rate"
        rows={[
          ...vatBreakdown(lines).map((b) => ({
            label:
              b.treatment === 'standard' ? `Standard rate ${b.rate / 100}%` : vatTreatmentLabels[b.treatment],
            ...b,
          })),
          { label: 'Total', netPence: invoice.netPence, vatPence: invoice.vatPence },
        ]}
        rowKey={(r) => r.label}
        columns={[
          { header: 'Rate', rowHeader: true, cell: (r) => r.label },
          { header: 'Net', align: 'right', cell: (r) => formatPence(r.netPence) },
          { header: 'VAT', align: 'right', cell: (r) => formatPence(r.vatPence) },
          { header: 'Gross', align: 'right', cell: (r) => formatPence(r.netPence + r.vatPence) },
        ]}
      />

      {view.creditNotes.length > 0 && (
        <>
          <h2 className="mt-8 text-2xl font-semibold">Credit notes</h2>
          <DataTable
            className="mt-2"
            caption="Credit notes against this invoice"
            hideCaption
            rows={view.creditNotes}
            rowKey={(n) => n.id}
            columns={[
              { header: 'Number', rowHeader: true, cell: (n) => n.number },
              { header: 'Date', cell: (n) => shortDate(n.issuedOn) },
              { header: 'Reason', cell: (n) => n.reason },
              { header: 'Gross', align: 'right', cell: (n) => formatPence(n.grossPence) },
              {
                header: 'Document',
                cell: (n) => (
                  <a
                    className="underline"
                    href={`/${tenant}/invoices/${invoice.id}/credit-notes/${n.id}/pdf`}
                  >
                    {`Credit note ${n.number} (PDF)`}
                  </a>
                ),
              },
            ]}
          />
        </>
      )}
      {view.payments.length > 0 && (
        <>
          <h2 className="mt-8 text-2xl font-semibold">Payments</h2>
          <DataTable
            className="mt-2"
            caption="Payments allocated to this invoice"
            hideCaption
            rows={view.payments}
            rowKey={(p) => `${p.paymentId}`}
            columns={[
              { header: 'Received', rowHeader: true, cell: (p) => shortDate(p.receivedOn) },
              {
                header: 'How',
                cell: (p) => `${p.kind === 'refund' ? 'Refund, ' : ''}${paymentMethodLabels[p.method]}`,
              },
              { header: 'Reference', cell: (p) => p.reference || '—' },
              { header: 'Amount', align: 'right', cell: (p) => formatPence(p.amountPence) },
            ]}
          />
        </>
      )}

      {invoice.directDebitPendingSince && (
        <p
          role="status"
          className="mt-8 rounded border-l-4 border-amber-600 bg-amber-50 p-3"
          data-testid="dd-clearing"
        >
          A Direct Debit payment for this invoice has been clearing since{' '}
          {longDate(invoice.directDebitPendingSince)}. It takes a few working days; the payment shows here
          once it has gone through.
        </p>
      )}
      {!finance && backFromCheckout && (
        <p role="status" className="mt-8 rounded border-l-4 border-green-700 bg-green-50 p-3">
          {view.outstandingPence > 0
            ? 'Thank you. Stripe is confirming your payment: it shows here as paid once it has gone through (a card payment within a minute or so). There is no need to pay again.'
            : 'Thank you: your payment has been received.'}
        </p>
      )}
      {!finance &&
        !backFromCheckout &&
        !invoice.directDebitPendingSince &&
        invoice.kind === 'invoice' &&
        (invoice.status === 'issued' || invoice.status === 'part_paid') &&
        view.outstandingPence > 0 &&
        (view.payOnline ? (
          <div className="mt-8">
            <PayOnlineButton invoiceId={invoice.id} directDebit={view.payOnline.directDebit} />
          </div>
        ) : (
          view.bankDetails && (
            <div className="mt-8">
              <h2 className="text-2xl font-semibold">How to pay</h2>
              <p className="mt-2">
                Pay {formatPence(view.outstandingPence)} by bank transfer, quoting {invoice.number}:
              </p>
              <p className="mt-1 whitespace-pre-line">{view.bankDetails}</p>
            </div>
          )
        ))}
      {finance && (
        <div className="mt-8 max-w-2xl space-y-8">
          {invoice.status === 'draft' && view.recipients && view.recipients.length > 0 && (
            <p data-testid="recipients">
              Issuing emails it with its PDF to{' '}
              {view.recipients.map((r) => `${r.name} (${r.email})`).join(', ')}.
            </p>
          )}
          {invoice.status === 'draft' && view.recipients?.length === 0 && (
            <div
              role="status"
              className="rounded border-l-4 border-amber-600 bg-amber-50 p-3"
              data-testid="no-recipient"
            >
              <p className="font-semibold">No one to send it to</p>
              <p className="mt-1">
                {invoice.customerName} has no finance contact with an email address and no headteacher or
                business manager with an account, so issuing would email this invoice to nobody.{' '}
                <Link className="underline" href={`/${tenant}/schools/${invoice.schoolId}#contacts`}>
                  Add a finance contact to the school
                </Link>
                , or issue it below and send it yourself.
              </p>
            </div>
          )}
          {invoice.status === 'draft' && (
            <IssueForm
              id={invoice.id}
              purchaseOrderNumber={invoice.purchaseOrderNumber}
              noRecipient={view.recipients?.length === 0}
            />
          )}
          {(invoice.status === 'issued' || invoice.status === 'part_paid') && view.outstandingPence > 0 && (
            <RecordPaymentForm
              schoolId={invoice.schoolId}
              invoiceId={invoice.id}
              outstandingPence={view.outstandingPence}
              today={todayInLondon()}
              methods={manualPaymentMethodOptions(workspace.tenant.kind)}
            />
          )}
          {refundable.length > 0 && (
            <RefundForm invoiceId={invoice.id} payments={refundable} today={todayInLondon()} />
          )}
          {view.reminder?.state === 'not_sent' && (
            <div
              role="status"
              className="rounded border-l-4 border-amber-600 bg-amber-50 p-3"
              data-testid="reminder-not-sent"
            >
              <p className="font-semibold">Reminder not sent: no one to send it to</p>
              <p className="mt-1">
                This invoice is overdue. When the reminder run tried to send its overdue reminder on{' '}
                {longDate(view.reminder.triedOn)}, {invoice.customerName} had no finance contact with an email
                address and no headteacher or business manager with an account, so the reminder went to
                nobody.{' '}
                <Link className="underline" href={`/${tenant}/schools/${invoice.schoolId}#contacts`}>
                  Add a finance contact to the school
                </Link>{' '}
                (the next daily run sends the reminder), or chase the school yourself.
              </p>
            </div>
          )}
          {view.reminder?.state === 'unchecked' && (
            // Before any run has tried there is nothing to warn of yet: only that the next run will check.
            <p
              className="rounded border-l-4 border-slate-400 bg-slate-50 p-3"
              data-testid="reminder-unchecked"
            >
              An overdue reminder is due. {invoice.customerName} has no one to email it to at the moment (no
              finance contact with an email address, no headteacher or business manager with an account): the
              next daily reminder run will check again, and this page will say if it could not be sent.
            </p>
          )}
          {(invoice.status === 'issued' || invoice.status === 'part_paid') &&
            view.recipients?.length === 0 && (
              <p
                className="rounded border-l-4 border-amber-600 bg-amber-50 p-3"
                data-testid="credit-no-recipient"
              >
                <strong>No one to send a credit note to:</strong> a credit note raised here is emailed to
                nobody, as {invoice.customerName} has no finance contact with an email address and no
                headteacher or business manager with an account. Send it to the school yourself (its PDF is
                listed on this page), or{' '}
                <Link className="underline" href={`/${tenant}/schools/${invoice.schoolId}#contacts`}>
                  add a finance contact to the school
                </Link>{' '}
                first.
              </p>
            )}
          {(invoice.status === 'issued' || invoice.status === 'part_paid') && (
            <CreditNoteForm
              invoiceId={invoice.id}
              lines={lines
                .map((l) => ({
                  id: l.id,
                  description: l.description,
                  leftPence: l.netPence - l.credited.netPence,
                }))
                .filter((l) => l.leftPence > 0)}
            />
          )}
          {invoice.status !== 'void' && invoice.paidPence === 0 && invoice.creditedPence === 0 && (
            <VoidForm id={invoice.id} />
          )}
        </div>
      )}
    </div>
  );
}
