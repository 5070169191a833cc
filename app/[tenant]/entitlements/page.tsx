import type { inferRouterOutputs } from '@trpc/server';
import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { forbidden, notFound } from 'next/navigation';
import { academicYearLabel, academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { formatPence } from '~/server/catalogue/money';
import { unitLabels } from '~/server/entitlements/balance-key';
import type { AppRouter } from '~/server/routers';
import { DataTable } from '~/app/_components/data-table';
import { FilterForm, FilterSelect } from '~/app/_components/filter-form';
import { guard, loadWorkspace } from '../../_lib/server-api';
import {
  capitalise,
  entryKindLabels,
  formatQuantity,
  formatSignedHundredths,
  formatHundredths,
  yearFromParam,
} from '../../_lib/traded-format';
import { CancelSubscriptionForm, CloseYearButton } from './subscription-actions';
import { AdjustBalanceForm } from './adjust-balance-form';
import { ReverseDrawdownForm } from './reverse-drawdown-form';
import { longDate } from '~/server/format/dates';
import { priceNameFor, priceNamesOf, type PriceNames } from '~/server/catalogue/price-names';

export const metadata: Metadata = { title: 'Subscriptions and entitlements' };

type Outputs = inferRouterOutputs<AppRouter>;
type Subscription = Outputs['subscriptions']['list'][number];
type Balance = Outputs['entitlements']['statement'][number];

const statusOf = (s: Subscription) => (s.status === 'active' ? 'Active' : 'Cancelled');
const netPrice = (names: PriceNames) =>
  function NetPrice(s: Subscription) {
    return (
      <>
        {formatPence(s.netPricePence)}
        <span className="block whitespace-nowrap text-slate-700">
          {priceNameFor(names, s.pricedAsMember)}
        </span>
      </>
    );
  };

export default async function EntitlementsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ school?: string; year?: string }>;
}) {
  const { tenant } = await params;
  const { school: schoolParam, year: yearParam } = await searchParams;
  const { api, workspace } = await loadWorkspace(tenant);
  if (!workspace.tenant.modules.includes('traded')) notFound();
  const { roles } = workspace;
  const isStaff = roles.some((r) => r === 'tenant_admin' || r === 'finance' || r === 'adviser');
  const isSchoolAdmin = roles.includes('school_admin') && workspace.mySchools.length > 0;
  if (!isStaff && !isSchoolAdmin) forbidden();
  // Advisers see statements; subscriptions and their prices are for managers, finance and the school.
  const maySeeSubscriptions = isSchoolAdmin || roles.some((r) => r === 'tenant_admin' || r === 'finance');
  const mayAdjust = roles.includes('tenant_admin');
  const year = yearFromParam(yearParam);
  const yearLabel = academicYearLabel(year);

  const [years, schools] = await Promise.all([
    guard(api.catalogue.years()),
    isStaff ? guard(api.schools.list({})) : Promise.resolve(workspace.mySchools),
  ]);
  const yearOptions = [...new Set([...years, year])].sort((a, b) => b - a);
  const school = schoolParam
    ? schools.find((s) => s.id === schoolParam)
    : isStaff
      ? undefined
      : workspace.mySchools[0];
  if (schoolParam && !school) notFound();

  const [statement, subscriptions] = await Promise.all([
    school ? guard(api.entitlements.statement({ schoolId: school.id, academicYear: year })) : null,
    maySeeSubscriptions
      ? guard(api.subscriptions.list({ academicYear: year, schoolId: school?.id }))
      : Promise.resolve(null),
  ]);

  return (
    <div>
      <h1 className="text-3xl font-bold">Subscriptions and entitlements</h1>
      {school && (
        <p className="mt-1 text-lg text-slate-700">
          {school.name} · {yearLabel}
        </p>
      )}

      {(isStaff || yearOptions.length > 1) && (
        // Keyed so the choices show what is on screen after moving between schools in the browser.
        <FilterForm key={`${school?.id ?? ''}-${year}`} submit="Show">
          {isStaff && (
            <FilterSelect
              name="school"
              label="School"
              defaultValue={school?.id ?? ''}
              width="w-80 max-w-full"
              placeholder={maySeeSubscriptions ? 'All schools' : 'Choose a school'}
              options={schools.map((s) => ({ value: s.id, label: s.name }))}
            />
          )}
          {yearOptions.length > 1 && (
            <FilterSelect
              name="year"
              label="Academic year"
              defaultValue={String(year)}
              options={yearOptions.map((y) => ({ value: String(y), label: academicYearLabel(y) }))}
            />
          )}
        </FilterForm>
      )}

      {school ? (
        <>
          {subscriptions && (
            <SchoolSubscriptions
              tenant={tenant}
              names={priceNamesOf(workspace.tenant.settings)}
              subscriptions={subscriptions}
              yearLabel={yearLabel}
              mayCancel={mayAdjust}
            />
          )}
          {statement && (
            <Statement balances={statement} yearLabel={yearLabel} mayAdjust={mayAdjust} isStaff={isStaff} />
          )}
        </>
      ) : subscriptions ? (
        <Uptake
          tenant={tenant}
          names={priceNamesOf(workspace.tenant.settings)}
          subscriptions={subscriptions}
          year={year}
        />
      ) : (
        <p className="mt-6 text-lg">Choose a school to see its entitlement statement.</p>
      )}
      {mayAdjust && year < academicYearOf(todayInLondon()) && (
        <CloseYearButton academicYear={year} label={yearLabel} />
      )}
    </div>
  );
}

function SchoolSubscriptions({
  tenant,
  names,
  subscriptions,
  yearLabel,
  mayCancel,
}: {
  tenant: string;
  names: PriceNames;
  subscriptions: Subscription[];
  yearLabel: string;
  mayCancel: boolean;
}) {
  return (
    <section aria-labelledby="subscriptions" className="mt-8">
      <h2 id="subscriptions" className="text-2xl font-semibold">
        Subscriptions
      </h2>
      {subscriptions.length === 0 ? (
        <p className="mt-2">
          No subscriptions for {yearLabel}.{' '}
          <Link href={`/${tenant}/catalogue`} className="text-brand-dark underline">
            See packages and services
          </Link>
        </p>
      ) : (
        <DataTable
          className="mt-3"
          caption={`Subscriptions for ${yearLabel}`}
          hideCaption
          rows={subscriptions}
          rowKey={(s) => s.id}
          columns={[
            {
              header: 'Package',
              rowHeader: true,
              cell: (s) => (
                <>
                  <Link href={`/${tenant}/catalogue/${s.itemId}`} className="text-brand-dark underline">
                    {s.itemName}
                  </Link>
                  <span className="block text-slate-700">{s.itemCode}</span>
                </>
              ),
            },
            { header: 'Started', className: 'whitespace-nowrap', cell: (s) => longDate(s.startsOn) },
            { header: 'Units', align: 'right', cell: (s) => s.units },
            { header: 'Terms charged', align: 'right', cell: (s) => `${s.termsCharged} of 3` },
            { header: 'Net price', align: 'right', cell: netPrice(names) },
            { header: 'VAT', align: 'right', cell: (s) => formatPence(s.vatPence) },
            { header: 'Purchase order', cell: (s) => s.purchaseOrderNumber ?? 'None' },
            {
              header: 'Status',
              cell: (s) => (
                <>
                  {statusOf(s)}
                  {mayCancel && s.status === 'active' && (
                    <div className="mt-1">
                      <CancelSubscriptionForm id={s.id} itemName={s.itemName} />
                    </div>
                  )}
                </>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

function Statement({
  balances,
  yearLabel,
  mayAdjust,
  isStaff,
}: {
  balances: Balance[];
  yearLabel: string;
  mayAdjust: boolean;
  isStaff: boolean;
}) {
  return (
    <section aria-labelledby="statement" className="mt-10">
      <h2 id="statement" className="text-2xl font-semibold">
        Entitlement statement
      </h2>
      {balances.length === 0 ? (
        <p className="mt-2">
          {isStaff ? 'This school has' : 'Your school has'} no entitlements for {yearLabel} yet. They appear
          here when a package is bought.
        </p>
      ) : (
        <>
          <p className="mt-1 text-slate-700">
            What {isStaff ? 'the school is' : 'you are'} entitled to in {yearLabel}, what has been used and
            what is left.
          </p>
          <div className="mt-4 space-y-6">
            {balances.map((b) => (
              <BalanceStatement key={b.balanceId} balance={b} mayAdjust={mayAdjust} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function BalanceStatement({ balance: b, mayAdjust }: { balance: Balance; mayAdjust: boolean }) {
  const label = unitLabels[b.unit];
  const title = `${capitalise(label.many)}${b.category ? `: ${b.category}` : ' (general)'}`;
  const headingId = `balance-${b.balanceId}`;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid={`balance-${b.unit}${b.category ? `-${b.category}` : ''}`}
      data-left={b.unlimited ? 'unlimited' : b.balanceHundredths / 100}
    >
      <h3 id={headingId} className="text-xl font-semibold">
        {title}
      </h3>
      <dl className="mt-2 flex flex-wrap gap-x-8 gap-y-2">
        <div>
          <dt className="text-sm text-slate-700">Granted</dt>
          <dd className="text-lg font-semibold">
            {b.unlimited ? 'Unlimited' : formatQuantity(b.grantedHundredths, label)}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-700">Used</dt>
          <dd className="text-lg font-semibold">{formatQuantity(b.usedHundredths, label)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-700">Left</dt>
          <dd className="text-lg font-semibold" data-testid="left">
            {b.unlimited ? 'Unlimited' : formatQuantity(b.balanceHundredths, label)}
          </dd>
        </div>
      </dl>
      <DataTable
        className="mt-3"
        caption={`Entries for ${title}`}
        hideCaption
        rows={b.entries}
        rowKey={(e) => e.id}
        columns={[
          { header: 'Date', className: 'whitespace-nowrap', cell: (e) => longDate(e.createdAt) },
          {
            header: 'What',
            cell: (e) => (
              <>
                {e.description}
                {(e.kind === 'adjustment' || e.kind === 'reversal') && e.actorName && (
                  <span className="block text-slate-700">by {e.actorName}</span>
                )}
                {e.kind === 'drawdown' && e.reversed && (
                  <span className="block text-slate-700">Reversed</span>
                )}
                {mayAdjust && e.kind === 'drawdown' && !e.reversed && (
                  <ReverseDrawdownForm entryId={e.id} what={e.description} />
                )}
              </>
            ),
          },
          { header: 'Kind', cell: (e) => entryKindLabels[e.kind] },
          {
            header: 'Change',
            align: 'right',
            cell: (e) =>
              b.unlimited && e.kind === 'grant' ? 'Unlimited' : formatSignedHundredths(e.quantityHundredths),
          },
          {
            header: 'Balance',
            align: 'right',
            cell: (e) => (e.runningHundredths === null ? 'Unlimited' : formatHundredths(e.runningHundredths)),
          },
        ]}
      />
      {mayAdjust && !b.unlimited && <AdjustBalanceForm balanceId={b.balanceId} title={title} />}
    </section>
  );
}

function Uptake({
  tenant,
  names,
  subscriptions,
  year,
}: {
  tenant: string;
  names: PriceNames;
  subscriptions: Subscription[];
  year: number;
}) {
  const yearLabel = academicYearLabel(year);
  const active = subscriptions.filter((s) => s.status === 'active');
  const schools = new Set(active.map((s) => s.schoolId));
  const net = active.reduce((sum, s) => sum + s.netPricePence, 0);
  const packages = new Map<string, { itemId: string; itemName: string; count: number; netPence: number }>();
  for (const s of active) {
    const p = packages.get(s.itemId) ?? { itemId: s.itemId, itemName: s.itemName, count: 0, netPence: 0 };
    packages.set(s.itemId, { ...p, count: p.count + 1, netPence: p.netPence + s.netPricePence });
  }
  const byPackage = [...packages.values()].sort((a, b) => a.itemName.localeCompare(b.itemName, 'en-GB'));
  return (
    <section aria-labelledby="uptake" className="mt-8">
      <h2 id="uptake" className="text-2xl font-semibold">
        Uptake in {yearLabel}
      </h2>
      <p className="mt-1">
        {active.length} active subscription{active.length === 1 ? '' : 's'} from {schools.size} school
        {schools.size === 1 ? '' : 's'}, {formatPence(net)} net. Choose a school above to see its entitlement
        statement.
      </p>
      <DataTable
        className="mt-4"
        caption="By package"
        rows={byPackage}
        rowKey={(p) => p.itemId}
        empty={null}
        columns={[
          {
            header: 'Package',
            rowHeader: true,
            cell: (p) => (
              <Link href={`/${tenant}/catalogue/${p.itemId}`} className="text-brand-dark underline">
                {p.itemName}
              </Link>
            ),
          },
          { header: 'Schools', align: 'right', cell: (p) => p.count },
          { header: 'Net', align: 'right', cell: (p) => formatPence(p.netPence) },
        ]}
      />
      <DataTable
        className="mt-6"
        caption="By school"
        rows={subscriptions}
        rowKey={(s) => s.id}
        empty={null}
        columns={[
          {
            header: 'School',
            rowHeader: true,
            cell: (s) => (
              <Link
                href={`/${tenant}/entitlements?school=${s.schoolId}&year=${year}`}
                className="text-brand-dark underline"
              >
                {s.schoolName}
              </Link>
            ),
          },
          { header: 'Package', cell: (s) => s.itemName },
          { header: 'Units', align: 'right', cell: (s) => s.units },
          { header: 'Net price', align: 'right', cell: netPrice(names) },
          { header: 'Purchase order', cell: (s) => s.purchaseOrderNumber ?? 'None' },
          { header: 'Status', cell: statusOf },
        ]}
      />
    </section>
  );
}
