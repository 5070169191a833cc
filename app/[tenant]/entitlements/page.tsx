import type { inferRouterOutputs } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { academicYearLabel, academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { formatPence } from '~/server/catalogue/money';
import { unitLabels } from '~/server/entitlements/balance-key';
import type { AppRouter } from '~/server/routers';
import { guard, loadWorkspace } from '../../_lib/server-api';
import {
  capitalise,
  entryKindLabels,
  formatDate,
  formatIsoDate,
  formatQuantity,
  formatSignedHundredths,
  formatHundredths,
  yearFromParam,
} from '../../_lib/traded-format';
import { CancelSubscriptionForm, CloseYearButton } from './subscription-actions';
import { AdjustBalanceForm } from './adjust-balance-form';
import { ReverseDrawdownForm } from './reverse-drawdown-form';

export const metadata: Metadata = { title: 'Subscriptions and entitlements' };

type Outputs = inferRouterOutputs<AppRouter>;
type Subscription = Outputs['subscriptions']['list'][number];
type Balance = Outputs['entitlements']['statement'][number];

const th = 'p-2';
const thRight = 'p-2 text-right';

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
        <form key={`${school?.id ?? ''}-${year}`} className="mt-4 flex flex-wrap items-end gap-3">
          {isStaff && (
            <div>
              <label htmlFor="school" className="block font-semibold">
                School
              </label>
              <select
                id="school"
                name="school"
                defaultValue={school?.id ?? ''}
                className="mt-1 w-80 max-w-full rounded border-2 border-slate-600 bg-white px-3 py-2"
              >
                <option value="">{maySeeSubscriptions ? 'All schools' : 'Choose a school'}</option>
                {schools.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {yearOptions.length > 1 && (
            <div>
              <label htmlFor="year" className="block font-semibold">
                Academic year
              </label>
              <select
                id="year"
                name="year"
                defaultValue={String(year)}
                className="mt-1 rounded border-2 border-slate-600 bg-white px-3 py-2"
              >
                {yearOptions.map((y) => (
                  <option key={y} value={y}>
                    {academicYearLabel(y)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white">
            Show
          </button>
        </form>
      )}

      {school ? (
        <>
          {subscriptions && (
            <SchoolSubscriptions
              tenant={tenant}
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
        <Uptake tenant={tenant} subscriptions={subscriptions} year={year} />
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
  subscriptions,
  yearLabel,
  mayCancel,
}: {
  tenant: string;
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
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="sr-only">Subscriptions for {yearLabel}</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className={th}>
                  Package
                </th>
                <th scope="col" className={th}>
                  Started
                </th>
                <th scope="col" className={thRight}>
                  Units
                </th>
                <th scope="col" className={thRight}>
                  Terms charged
                </th>
                <th scope="col" className={thRight}>
                  Net price
                </th>
                <th scope="col" className={thRight}>
                  VAT
                </th>
                <th scope="col" className={th}>
                  Purchase order
                </th>
                <th scope="col" className={th}>
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {subscriptions.map((s) => (
                <tr key={s.id} className="border-b border-slate-200">
                  <th scope="row" className="p-2 font-normal">
                    <Link href={`/${tenant}/catalogue/${s.itemId}`} className="text-brand-dark underline">
                      {s.itemName}
                    </Link>
                    <span className="block text-slate-700">{s.itemCode}</span>
                  </th>
                  <td className="p-2 whitespace-nowrap">{formatIsoDate(s.startsOn)}</td>
                  <td className="p-2 text-right">{s.units}</td>
                  <td className="p-2 text-right">{s.termsCharged} of 3</td>
                  <td className="p-2 text-right">
                    {formatPence(s.netPricePence)}
                    <span className="block whitespace-nowrap text-slate-700">
                      {s.pricedAsMember ? 'Partnership agreement' : 'Outside partnership'}
                    </span>
                  </td>
                  <td className="p-2 text-right">{formatPence(s.vatPence)}</td>
                  <td className="p-2">{s.purchaseOrderNumber ?? 'None'}</td>
                  <td className="p-2">
                    {s.status === 'active' ? 'Active' : 'Cancelled'}
                    {mayCancel && s.status === 'active' && (
                      <div className="mt-1">
                        <CancelSubscriptionForm id={s.id} itemName={s.itemName} />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
      <div className="mt-3 overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Entries for {title}</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className={th}>
                Date
              </th>
              <th scope="col" className={th}>
                What
              </th>
              <th scope="col" className={th}>
                Kind
              </th>
              <th scope="col" className={thRight}>
                Change
              </th>
              <th scope="col" className={thRight}>
                Balance
              </th>
            </tr>
          </thead>
          <tbody>
            {b.entries.map((e) => (
              <tr key={e.id} className="border-b border-slate-200">
                <td className="p-2 whitespace-nowrap">{formatDate(e.createdAt)}</td>
                <td className="p-2">
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
                </td>
                <td className="p-2">{entryKindLabels[e.kind]}</td>
                <td className="p-2 text-right">
                  {b.unlimited && e.kind === 'grant'
                    ? 'Unlimited'
                    : formatSignedHundredths(e.quantityHundredths)}
                </td>
                <td className="p-2 text-right">
                  {e.runningHundredths === null ? 'Unlimited' : formatHundredths(e.runningHundredths)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {mayAdjust && !b.unlimited && <AdjustBalanceForm balanceId={b.balanceId} title={title} />}
    </section>
  );
}

function Uptake({
  tenant,
  subscriptions,
  year,
}: {
  tenant: string;
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
      {byPackage.length > 0 && (
        <div className="mt-4 overflow-x-auto">
          <table className="border-collapse bg-white text-left text-sm">
            <caption className="pb-1 text-left font-semibold">By package</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className={th}>
                  Package
                </th>
                <th scope="col" className={thRight}>
                  Schools
                </th>
                <th scope="col" className={thRight}>
                  Net
                </th>
              </tr>
            </thead>
            <tbody>
              {byPackage.map((p) => (
                <tr key={p.itemId} className="border-b border-slate-200">
                  <th scope="row" className="p-2 font-normal">
                    <Link href={`/${tenant}/catalogue/${p.itemId}`} className="text-brand-dark underline">
                      {p.itemName}
                    </Link>
                  </th>
                  <td className="p-2 text-right">{p.count}</td>
                  <td className="p-2 text-right">{formatPence(p.netPence)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {subscriptions.length > 0 && (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="pb-1 text-left font-semibold">By school</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className={th}>
                  School
                </th>
                <th scope="col" className={th}>
                  Package
                </th>
                <th scope="col" className={thRight}>
                  Units
                </th>
                <th scope="col" className={thRight}>
                  Net price
                </th>
                <th scope="col" className={th}>
                  Purchase order
                </th>
                <th scope="col" className={th}>
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {subscriptions.map((s) => (
                <tr key={s.id} className="border-b border-slate-200">
                  <th scope="row" className="p-2 font-normal">
                    <Link
                      href={`/${tenant}/entitlements?school=${s.schoolId}&year=${year}`}
                      className="text-brand-dark underline"
                    >
                      {s.schoolName}
                    </Link>
                  </th>
                  <td className="p-2">{s.itemName}</td>
                  <td className="p-2 text-right">{s.units}</td>
                  <td className="p-2 text-right">
                    {formatPence(s.netPricePence)}
                    <span className="block whitespace-nowrap text-slate-700">
                      {s.pricedAsMember ? 'Partnership agreement' : 'Outside partnership'}
                    </span>
                  </td>
                  <td className="p-2">{s.purchaseOrderNumber ?? 'None'}</td>
                  <td className="p-2">{s.status === 'active' ? 'Active' : 'Cancelled'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
