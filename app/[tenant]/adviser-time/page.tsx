import type { Metadata } from 'next';
import { academicYearLabel, academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { formatPence } from '~/server/catalogue/money';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { AssignForm, CancelButton, LogVisitForm, RequestForm, type LineChoice } from './adviser-time-forms';
import { DataTable } from '~/app/_components/data-table';
import { shortDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'Adviser time' };

const statusLabels = {
  requested: 'Requested',
  assigned: 'Assigned',
  completed: 'Delivered',
  cancelled: 'Cancelled',
};
const outcomeText = (outcome: 'drawn' | 'charged' | 'part_drawn', line: string | null) => {
  const from = line ? ` (${line})` : '';
  if (outcome === 'drawn') return `Taken from entitlement${from}.`;
  if (outcome === 'part_drawn') return `Partly taken from entitlement${from}; the rest charged.`;
  return 'Charged.';
};
const days = (hundredths: number) => (hundredths / 100).toLocaleString('en-GB', { maximumFractionDigits: 2 });

export default async function AdviserTimePage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  const isManager = workspace.roles.includes('tenant_admin');
  const isAdviser = workspace.roles.includes('adviser');
  const school = workspace.mySchools[0];
  const [requests, services, advisers, usage] = await Promise.all([
    guard(api.adviserTime.list({})),
    school || isManager
      ? api.catalogue.list({}).then((items) => items.filter((i) => i.kind === 'service' && i.active))
      : [],
    isManager ? api.adviserTime.advisers() : [],
    isManager ? api.adviserTime.utilisation({}) : null,
  ]);
  const currentYear = academicYearOf(todayInLondon());
  const year = academicYearLabel(currentYear);
  // The entitlement lines each loggable visit could draw from, from its school's statement.
  const loggable = requests.filter(
    (r) => r.status === 'assigned' && (isManager || isAdviser) && r.serviceDrawsUnit,
  );
  const statements = new Map(
    await Promise.all(
      [...new Set(loggable.map((r) => r.schoolId))].map(
        async (schoolId) =>
          [schoolId, await api.entitlements.statement({ schoolId, academicYear: currentYear })] as const,
      ),
    ),
  );
  const lineChoices = (r: (typeof requests)[number]) => {
    const balances = (statements.get(r.schoolId) ?? []).filter((b) => b.unit === r.serviceDrawsUnit);
    const choices: LineChoice[] = balances.map((b) => ({
      category: b.category,
      label: `${b.category || 'General'} (${b.unlimited ? 'unlimited' : `${days(b.balanceHundredths)} left`})`,
    }));
    if (!balances.some((b) => b.category === ''))
      choices.push({ category: '', label: 'None: charge the school' });
    const preferred = r.serviceDrawsCategory ?? '';
    return {
      lines: choices,
      defaultLine: choices.some((c) => c.category === preferred) ? preferred : '',
    };
  };
  return (
    <div>
      <h1 className="text-3xl font-bold">Adviser time</h1>
      <p className="mt-2 text-slate-700">
        {isManager
          ? 'Requests from schools for reviews and consultancy: assign an adviser or associate, and see what was delivered.'
          : isAdviser
            ? 'Your assignments. Log each visit when you have delivered it; it comes off the school’s entitlement.'
            : 'Ask for a school review or consultancy. It comes out of your entitlement where you have some left.'}
      </p>

      {school && !isManager && (
        <RequestForm
          schoolId={school.id}
          schoolName={school.name}
          services={services.map((s) => ({ id: s.id, name: s.name }))}
        />
      )}

      <section aria-labelledby="requests" className="mt-8">
        <h2 id="requests" className="text-2xl font-semibold">
          {isAdviser && !isManager ? 'Your assignments' : 'Requests'}
        </h2>
        {requests.length === 0 ? (
          <p className="mt-2">No requests yet.</p>
        ) : (
          <ul className="mt-3 space-y-4">
            {requests.map((r) => (
              <li
                key={r.id}
                className="rounded-lg border border-slate-200 bg-white p-4"
                data-testid="adviser-request"
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="text-lg font-semibold">
                    {r.serviceName} — {r.schoolName}
                  </h3>
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-sm font-semibold">
                    {statusLabels[r.status]}
                  </span>
                </div>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="font-semibold">Preferred dates</dt>
                  <dd>{r.preferredDates}</dd>
                  {r.details && (
                    <>
                      <dt className="font-semibold">Details</dt>
                      <dd>{r.details}</dd>
                    </>
                  )}
                  <dt className="font-semibold">Adviser</dt>
                  <dd>{r.adviserName ?? 'Not assigned yet'}</dd>
                </dl>
                {r.visits.map((v) => (
                  <p key={v.id} className="mt-2 text-sm">
                    Visited {shortDate(v.visitDate)} ({days(v.daysHundredths)} days): {v.summary}{' '}
                    <strong>{outcomeText(v.outcome, v.drawnCategory)}</strong>
                  </p>
                ))}
                {isManager && (r.status === 'requested' || r.status === 'assigned') && (
                  <AssignForm
                    requestId={r.id}
                    current={r.adviserUserId}
                    advisers={advisers.map((a) => ({
                      id: a.userId,
                      label: `${a.name}${a.kind === 'associate' ? ' (associate)' : ''}`,
                    }))}
                  />
                )}
                {r.status === 'assigned' && (isManager || isAdviser) && (
                  <LogVisitForm
                    requestId={r.id}
                    {...(r.serviceDrawsUnit ? lineChoices(r) : { lines: [], defaultLine: '' })}
                  />
                )}
                {(r.status === 'requested' || r.status === 'assigned') &&
                  (isManager || (!isAdviser && school)) && <CancelButton requestId={r.id} />}
              </li>
            ))}
          </ul>
        )}
      </section>

      {usage && (
        <section aria-labelledby="usage" className="mt-8">
          <h2 id="usage" className="text-2xl font-semibold">
            Utilisation, {year}
          </h2>
          <DataTable
            className="mt-3"
            caption="Adviser utilisation"
            hideCaption
            rows={usage.byAdviser}
            rowKey={(a) => a.userId}
            columns={[
              { header: 'Adviser', cell: (a) => a.name },
              {
                header: 'Terms',
                cell: (a) =>
                  `${a.kind === 'associate' ? 'Associate' : 'Employed'}${a.dayRatePence ? `, ${formatPence(a.dayRatePence)} a day` : ''}`,
              },
              { header: 'Visits', align: 'right', cell: (a) => a.visits },
              { header: 'Days', align: 'right', cell: (a) => days(a.daysHundredths) },
              { header: 'Cost', align: 'right', cell: (a) => formatPence(a.costPence) },
              { header: 'Income', align: 'right', cell: (a) => formatPence(a.valuePence) },
            ]}
          />
          <DataTable
            className="mt-4"
            caption="Cost and income by service"
            hideCaption
            rows={usage.byService}
            rowKey={(s) => s.serviceId}
            empty="Nothing delivered yet this year."
            columns={[
              { header: 'Service', cell: (s) => s.name },
              { header: 'Visits', align: 'right', cell: (s) => s.visits },
              { header: 'Income', align: 'right', cell: (s) => formatPence(s.valuePence) },
              { header: 'Of which charged', align: 'right', cell: (s) => formatPence(s.chargedPence) },
              { header: 'Adviser cost', align: 'right', cell: (s) => formatPence(s.costPence) },
              { header: 'Margin', align: 'right', cell: (s) => formatPence(s.valuePence - s.costPence) },
            ]}
          />
        </section>
      )}
    </div>
  );
}
