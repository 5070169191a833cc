import type { Metadata } from 'next';
import { financialYearLabel } from '~/server/casework/rules';
import { paymentStatusLabels } from '~/server/casework/labels';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { formatPence } from '~/server/catalogue/money';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { DcsApprovalForm, PaymentActions, RequestPaymentForm } from './budget-forms';
import { DataTable } from '~/app/_components/data-table';
import { longDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'SCC budget' };

export default async function BudgetPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace, session } = await loadWorkspace(tenant);
  const budget = await guard(api.casework.budget());
  const isOfficer = workspace.roles.some((r) => r === 'tenant_admin' || r === 'la_officer');
  const today = todayInLondon();
  const officers = budget.officers.map((o) => ({ userId: o.userId, name: o.name }));
  // "Decided by" offers the others: the one recording is the form's "Me".
  const otherOfficers = officers.filter((o) => o.userId !== session.id);
  return (
    <div>
      <h1 className="text-3xl font-bold">SCC budget</h1>
      <p className="mt-2 text-slate-700">
        Payments to maintained schools causing concern that are in financial difficulty. A payment to anyone
        other than the school needs the DCS’s approval recorded before it is approved or paid.
      </p>

      <section aria-labelledby="totals" className="mt-6">
        <h2 id="totals" className="text-2xl font-semibold">
          Totals by financial year
        </h2>
        <DataTable
          className="mt-3"
          caption="Totals by financial year and status"
          hideCaption
          rows={budget.totals}
          rowKey={(t) => String(t.financialYear)}
          empty="No payments yet."
          emptyClassName="mt-2"
          columns={[
            { header: 'Financial year', rowHeader: true, cell: (t) => financialYearLabel(t.financialYear) },
            ...(Object.keys(paymentStatusLabels) as (keyof typeof paymentStatusLabels)[]).map((status) => ({
              header: paymentStatusLabels[status],
              align: 'right' as const,
              cell: (t: (typeof budget.totals)[number]) => formatPence(t.byStatus[status]),
            })),
          ]}
        />
      </section>

      <section aria-labelledby="payments" className="mt-8">
        <h2 id="payments" className="text-2xl font-semibold">
          Payments
        </h2>
        {budget.payments.length === 0 ? (
          <p className="mt-2">No payments yet.</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {budget.payments.map(({ payment, schoolName, dcsApprovedBy }) => (
              <li
                key={payment.id}
                className="rounded-lg border border-slate-200 bg-white p-4"
                data-testid="payment"
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="font-semibold">
                    {formatPence(payment.amountPence)} to {payment.payeeName}
                    {payment.payeeKind === 'other' ? ` (for ${schoolName})` : ''}
                  </h3>
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-sm font-semibold">
                    {paymentStatusLabels[payment.status]}
                  </span>
                </div>
                <p className="mt-1">{payment.purpose}</p>
                <p className="mt-1 text-sm text-slate-700">
                  {financialYearLabel(payment.financialYear)}
                  {payment.payeeKind === 'other'
                    ? payment.dcsApprovedOn
                      ? ` · DCS approved ${longDate(payment.dcsApprovedOn)}${dcsApprovedBy ? ` (${dcsApprovedBy})` : ''}`
                      : ' · DCS approval not yet recorded'
                    : ''}
                  {payment.paidOn ? ` · paid ${longDate(payment.paidOn)}` : ''}
                </p>
                {isOfficer &&
                  payment.payeeKind === 'other' &&
                  !payment.dcsApprovedOn &&
                  (payment.status === 'requested' || payment.status === 'approved') &&
                  (budget.canDecide ? (
                    <DcsApprovalForm paymentId={payment.id} officers={otherOfficers} />
                  ) : (
                    <p className="mt-2 text-sm text-slate-700">
                      Awaiting the approval of the Director of Children’s Services
                      {officers.length > 0 ? ` (${officers.map((o) => o.name).join(' or ')})` : ''}.
                    </p>
                  ))}
                {(payment.status === 'requested' || payment.status === 'approved') && (
                  <PaymentActions
                    paymentId={payment.id}
                    status={payment.status}
                    canDecide={isOfficer}
                    today={today}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {isOfficer && (
        <RequestPaymentForm
          cases={budget.cases.map((c) => ({ caseId: c.caseId, schoolName: c.schoolName }))}
          financialYear={budget.currentFinancialYear}
        />
      )}
    </div>
  );
}
