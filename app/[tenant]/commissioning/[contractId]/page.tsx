import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { notFound } from 'next/navigation';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { formatPence } from '~/server/catalogue/money';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import {
  AddSchoolForm,
  AssignPartnerForm,
  ContractStatusActions,
  FundedDaysForm,
  LogDeliveryForm,
} from '../commissioning-forms';
import { days, period, RagBadge, StatusBadge } from '../commissioning-format';
import { DataTable } from '~/app/_components/data-table';
import { longDate } from '~/server/format/dates';

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export const metadata: Metadata = { title: 'Contract' };

export default async function ContractPage({
  params,
}: {
  params: Promise<{ tenant: string; contractId: string }>;
}) {
  const { tenant, contractId } = await params;
  if (!isUuid(contractId)) notFound();
  const { api, workspace } = await loadWorkspace(tenant);
  const contract = await guard(api.commissioning.byId({ id: contractId }));
  const roles = workspace.roles;
  const isManager = roles.includes('tenant_admin');
  const mayChange = contract.side === 'la' && (isManager || roles.includes('la_officer'));
  const active = contract.status === 'active';
  const [register, partners] = await Promise.all([
    mayChange && active ? api.commissioning.registerSchools() : [],
    contract.side === 'provider' && isManager && active ? api.commissioning.partners() : [],
  ]);
  const covered = new Set(contract.schools.map((s) => s.schoolId));
  const { totals } = contract;
  const today = todayInLondon();

  return (
    <div>
      <p>
        <Link href={`/${tenant}/commissioning`} className="text-brand-dark underline">
          Back to commissioning
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-baseline gap-3">
        <h1 className="text-3xl font-bold">{contract.title}</h1>
        <StatusBadge status={contract.status} />
      </div>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">{contract.side === 'la' ? 'Provider' : 'Commissioned by'}</dt>
        <dd>{contract.counterpartName}</dd>
        <dt className="font-semibold">Annual value</dt>
        <dd>{formatPence(contract.annualValuePence)}</dd>
        <dt className="font-semibold">Period</dt>
        <dd>{period(contract.startsOn, contract.endsOn)}</dd>
        {contract.scope && (
          <>
            <dt className="font-semibold">Scope</dt>
            <dd>{contract.scope}</dd>
          </>
        )}
        <dt className="font-semibold">Break clause</dt>
        <dd>{contract.breakClause || 'None'}</dd>
      </dl>

      {contract.status === 'revoked' ? (
        <p className="mt-6 rounded border-l-4 border-red-700 bg-white p-4">
          This contract was revoked
          {contract.side === 'la' && contract.revokedAt
            ? ` on ${longDate(contract.revokedAt.toISOString().slice(0, 10))}`
            : ''}
          . The provider can no longer see it, and its delivery is no longer shown here.
        </p>
      ) : (
        <section aria-labelledby="totals" className="mt-8">
          <h2 id="totals" className="text-2xl font-semibold">
            Delivery against the contract
          </h2>
          <dl className="mt-3 grid gap-4 sm:grid-cols-2" data-testid="contract-totals">
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <dt className="font-semibold">Days delivered</dt>
              <dd className="text-2xl" data-testid="days-delivered">
                {days(totals.deliveredDaysHundredths)} of {days(totals.fundedDaysHundredths)} funded days
              </dd>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <dt className="font-semibold">Spend to date</dt>
              <dd className="text-2xl" data-testid="spend">
                {formatPence(totals.spendPence)} of {formatPence(contract.annualValuePence)} a year
              </dd>
              <dd className="text-sm text-slate-700">
                {formatPence(totals.accruedValuePence)} of the contract value has accrued pro rata by{' '}
                {longDate(today)}
                {totals.spendPercentOfAccrued === null
                  ? ''
                  : ` (spend is ${totals.spendPercentOfAccrued}% of it)`}
                .
              </dd>
            </div>
          </dl>
        </section>
      )}

      <section aria-labelledby="schools" className="mt-8">
        <h2 id="schools" className="text-2xl font-semibold">
          {contract.side === 'provider' && !isManager ? 'Your schools' : 'Schools covered'}
        </h2>
        <DataTable
          className="mt-3"
          caption="Schools covered by the contract"
          hideCaption
          rows={contract.schools}
          rowKey={(s) => s.schoolId}
          rowTestId="covered-school"
          empty="No schools are covered yet."
          emptyClassName="mt-2"
          columns={[
            {
              header: 'School',
              rowHeader: true,
              cell: (s) => (
                <>
                  {contract.side === 'provider' && contract.status !== 'revoked' ? (
                    <Link
                      href={`/${tenant}/commissioning/${contract.id}/schools/${s.schoolId}`}
                      className="text-brand-dark underline"
                    >
                      {s.schoolName}
                    </Link>
                  ) : (
                    s.schoolName
                  )}{' '}
                  <span className="text-slate-700">(URN {s.urn})</span>
                </>
              ),
            },
            { header: 'Support', cell: (s) => s.supportSummary },
            { header: 'Partner', cell: (s) => s.partnerName ?? 'Not assigned' },
            { header: 'Funded days', align: 'right', cell: (s) => days(s.fundedDaysHundredths) },
            { header: 'Delivered days', align: 'right', cell: (s) => days(s.deliveredDaysHundredths) },
            { header: 'Latest progress', cell: (s) => <RagBadge rag={s.latestRag} /> },
          ]}
        />
        {mayChange && active && contract.schools.length > 0 && (
          <div className="mt-4 space-y-3">
            <h3 className="text-lg font-semibold">Change funded days</h3>
            {contract.schools.map((s) => (
              <FundedDaysForm
                key={s.schoolId}
                contractId={contract.id}
                schoolId={s.schoolId}
                schoolName={s.schoolName}
                current={s.fundedDaysHundredths / 100}
              />
            ))}
          </div>
        )}
        {mayChange && active && (
          <AddSchoolForm
            contractId={contract.id}
            schools={register
              .filter((s) => !covered.has(s.id))
              .map((s) => ({ id: s.id, label: `${s.name} (URN ${s.urn})` }))}
          />
        )}
        {contract.side === 'provider' && isManager && active && contract.schools.length > 0 && (
          <div className="mt-4 space-y-3">
            <h3 className="text-lg font-semibold">Assign partners</h3>
            {partners.length === 0 && (
              <p className="text-slate-700">
                Nobody can be assigned yet: partners are your advisers.{' '}
                <Link href={`/${tenant}/members`} className="text-brand-dark underline">
                  Invite them on People and roles
                </Link>{' '}
                as advisers, then assign each school here. If you deliver the work yourself,{' '}
                <Link href={`/${tenant}/members#your-roles`} className="text-brand-dark underline">
                  take on the adviser role under your own roles
                </Link>
                .
              </p>
            )}
            {partners.length > 0 &&
              contract.schools.map((s) => (
                <AssignPartnerForm
                  key={s.schoolId}
                  contractId={contract.id}
                  schoolId={s.schoolId}
                  schoolName={s.schoolName}
                  current={s.assignedPartnerUserId}
                  partners={partners}
                />
              ))}
          </div>
        )}
      </section>

      {contract.side === 'provider' && active && contract.schools.length > 0 && (
        <LogDeliveryForm
          contractId={contract.id}
          schools={contract.schools.map((s) => ({ schoolId: s.schoolId, name: s.schoolName }))}
          startsOn={contract.startsOn}
          endsOn={contract.endsOn}
          today={today}
        />
      )}

      {contract.status !== 'revoked' && (
        <section aria-labelledby="deliveries" className="mt-8">
          <h2 id="deliveries" className="text-2xl font-semibold">
            Deliveries
          </h2>
          <DataTable
            className="mt-3"
            caption="Deliveries logged against the contract"
            hideCaption
            rows={contract.deliveries}
            rowKey={(d) => d.id}
            rowTestId="delivery"
            empty="Nothing has been delivered yet."
            emptyClassName="mt-2"
            columns={[
              { header: 'Date', className: 'whitespace-nowrap', cell: (d) => longDate(d.deliveredOn) },
              { header: 'School', cell: (d) => d.schoolName },
              { header: 'Activity', cell: (d) => d.activity },
              { header: 'Partner', cell: (d) => d.partnerName ?? '—' },
              { header: 'Days', align: 'right', cell: (d) => days(d.daysHundredths) },
              { header: 'Cost', align: 'right', cell: (d) => formatPence(d.costPence) },
              { header: 'Progress', cell: (d) => <RagBadge rag={d.progressRag} /> },
            ]}
          />
        </section>
      )}

      {mayChange && <ContractStatusActions contractId={contract.id} status={contract.status} />}
    </div>
  );
}
