import type { Metadata } from 'next';
import { academicYearLabel, academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { formatPence } from '~/server/catalogue/money';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { CopyForwardForm, OpenRenewalsForm, RemindButton } from './renewals-forms';

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
            <p className="mt-1 text-slate-700">
              Answers due by{' '}
              {new Date(`${uptake.round.closesOn}T12:00:00Z`).toLocaleDateString('en-GB', {
                dateStyle: 'long',
              })}
              .
            </p>
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
            <div className="mt-3 overflow-x-auto">
              <table className="w-full border-collapse bg-white text-left text-sm">
                <caption className="sr-only">Income by package, this year against next year so far</caption>
                <thead>
                  <tr className="border-b-2 border-slate-300">
                    <th scope="col" className="p-2">
                      Package
                    </th>
                    <th scope="col" className="p-2 text-right">
                      {academicYearLabel(uptake.round.fromYear)} schools
                    </th>
                    <th scope="col" className="p-2 text-right">
                      {academicYearLabel(uptake.round.fromYear)} income
                    </th>
                    <th scope="col" className="p-2 text-right">
                      {academicYearLabel(uptake.round.toYear)} schools so far
                    </th>
                    <th scope="col" className="p-2 text-right">
                      {academicYearLabel(uptake.round.toYear)} income so far
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {uptake.byPackage.map((p) => (
                    <tr key={p.code} className="border-b border-slate-200">
                      <th scope="row" className="p-2 font-normal">
                        {p.name}
                      </th>
                      <td className="p-2 text-right">{p.thisYearSchools}</td>
                      <td className="p-2 text-right">{formatPence(p.thisYearPence)}</td>
                      <td className="p-2 text-right">{p.nextYearSchools}</td>
                      <td className="p-2 text-right">{formatPence(p.nextYearPence)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="schools" className="mt-8">
            <h2 id="schools" className="text-2xl font-semibold">
              Schools
            </h2>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full border-collapse bg-white text-left text-sm">
                <caption className="sr-only">Each invited school’s answer</caption>
                <thead>
                  <tr className="border-b-2 border-slate-300">
                    <th scope="col" className="p-2">
                      School
                    </th>
                    <th scope="col" className="p-2">
                      Answer
                    </th>
                    <th scope="col" className="p-2">
                      When
                    </th>
                    <th scope="col" className="p-2 text-right">
                      Reminders
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {uptake.invitations.map((i) => (
                    <tr key={i.id} className="border-b border-slate-200">
                      <th scope="row" className="p-2 font-normal">
                        {i.schoolName}
                      </th>
                      <td className="p-2">
                        {decisionLabels[i.decision]}
                        {i.declineReason ? `: ${i.declineReason}` : ''}
                      </td>
                      <td className="p-2">
                        {i.respondedAt
                          ? i.respondedAt.toLocaleDateString('en-GB', { timeZone: 'Europe/London' })
                          : '–'}
                      </td>
                      <td className="p-2 text-right">{i.remindersSent}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
