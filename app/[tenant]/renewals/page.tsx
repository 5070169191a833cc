import type { Metadata } from 'next';
import { academicYearLabel, academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { formatPence } from '~/server/catalogue/money';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { CopyForwardForm, OpenRenewalsForm, RemindButton } from './renewals-forms';
import { DataTable } from '~/app/_components/data-table';
import { longDate, shortDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'Buy-back renewals' };

const decisionLabels = {
  pending: 'Not answered',
  renewed: 'Renewed',
  changed: 'Changed',
  declined: 'Declined',
};

export default async function RenewalsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  const isManager = workspace.roles.includes('tenant_admin');
  const [uptake, years] = await Promise.all([guard(api.renewals.uptake()), api.catalogue.years()]);
  const thisYear = academicYearOf(todayInLondon());
  const nextYear = thisYear + 1;
  const nextCatalogue = years.includes(nextYear);
  const roundOpen = uptake?.round.toYear === nextYear;
  return (
    <div>
      <h1 className="text-3xl font-bold">Buy-back renewals</h1>
      <p className="mt-2 text-slate-700">
        Invite this year’s subscribers to renew for {academicYearLabel(nextYear)}. Each school’s headteacher
        or business manager gets an email with a one-click link to renew, change or decline.
      </p>

      {isManager && !roundOpen && (
        <section aria-labelledby="prepare" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="prepare" className="text-xl font-semibold">
            {nextCatalogue
              ? `Open renewals for ${academicYearLabel(nextYear)}`
              : `Step 1: set next year’s prices`}
          </h2>
          {nextCatalogue ? (
            <OpenRenewalsForm fromYear={thisYear} />
          ) : (
            <CopyForwardForm fromYear={thisYear} label={academicYearLabel(nextYear)} />
          )}
        </section>
      )}

      {uptake && (
        <>
          <section aria-labelledby="uptake" className="mt-8">
            <h2 id="uptake" className="text-2xl font-semibold">
              Uptake for {academicYearLabel(uptake.round.toYear)}
            </h2>
            <p className="mt-1 text-slate-700">Answers due by {longDate(uptake.round.closesOn)}.</p>
            <div className="mt-4 rounded-lg border border-slate-200 bg-white p-5">
              <p className="text-lg" data-testid="signed-percent">
                <strong className="text-3xl">{uptake.signedPercent}%</strong> of invited schools signed (
                {uptake.renewed + uptake.changed} of {uptake.invited}); the offer needs{' '}
                {uptake.round.targetPercent}%.
              </p>
              <div
                role="img"
                aria-label={`${uptake.signedPercent}% signed against a target of ${uptake.round.targetPercent}%`}
                className="relative mt-3 h-4 w-full max-w-xl rounded bg-slate-200"
              >
                <div
                  className="h-4 rounded bg-green-700"
                  style={{ width: `${Math.min(100, uptake.signedPercent)}%` }}
                />
                <div
                  className="absolute top-[-4px] h-6 w-0.5 bg-slate-900"
                  style={{ left: `${uptake.round.targetPercent}%` }}
                />
              </div>
              <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
                {(
                  [
                    ['Renewed', uptake.renewed],
                    ['Changed', uptake.changed],
                    ['Declined', uptake.declined],
                    ['Not answered', uptake.pending],
                  ] as const
                ).map(([label, value]) => (
                  <div key={label}>
                    <dt className="text-sm text-slate-700">{label}</dt>
                    <dd className="text-2xl font-bold">{value}</dd>
                  </div>
                ))}
              </dl>
              <p className="mt-4 text-slate-700">
                {uptake.round.reminderIntervalDays
                  ? `Schools that have not answered are reminded automatically every ${uptake.round.reminderIntervalDays} days until answers are due.`
                  : 'Reminders are sent only by hand for this round.'}
              </p>
              {isManager && uptake.pending > 0 && (
                <RemindButton roundId={uptake.round.id} pending={uptake.pending} />
              )}
            </div>
          </section>

          <section aria-labelledby="income" className="mt-8">
            <h2 id="income" className="text-2xl font-semibold">
              Income by package
            </h2>
            <DataTable
              className="mt-3"
              caption="Income by package, this year against next year so far"
              hideCaption
              rows={uptake.byPackage}
              rowKey={(p) => p.code}
              columns={[
                { header: 'Package', rowHeader: true, cell: (p) => p.name },
                {
                  header: `${academicYearLabel(uptake.round.fromYear)} schools`,
                  align: 'right',
                  cell: (p) => p.thisYearSchools,
                },
                {
                  header: `${academicYearLabel(uptake.round.fromYear)} income`,
                  align: 'right',
                  cell: (p) => formatPence(p.thisYearPence),
                },
                {
                  header: `${academicYearLabel(uptake.round.toYear)} schools so far`,
                  align: 'right',
                  cell: (p) => p.nextYearSchools,
                },
                {
                  header: `${academicYearLabel(uptake.round.toYear)} income so far`,
                  align: 'right',
                  cell: (p) => formatPence(p.nextYearPence),
                },
              ]}
            />
          </section>

          <section aria-labelledby="schools" className="mt-8">
            <h2 id="schools" className="text-2xl font-semibold">
              Schools
            </h2>
            <DataTable
              className="mt-3"
              caption="Each invited school’s answer"
              hideCaption
              rows={uptake.invitations}
              rowKey={(i) => i.id}
              columns={[
                { header: 'School', rowHeader: true, cell: (i) => i.schoolName },
                {
                  header: 'Answer',
                  cell: (i) =>
                    `${decisionLabels[i.decision]}${i.declineReason ? `: ${i.declineReason}` : ''}`,
                },
                {
                  header: 'When',
                  cell: (i) => (i.respondedAt ? shortDate(i.respondedAt) : '–'),
                },
                { header: 'Reminders', align: 'right', cell: (i) => i.remindersSent },
              ]}
            />
          </section>
        </>
      )}
    </div>
  );
}
