import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { notFound } from 'next/navigation';
import { academicYearLabel } from '~/server/catalogue/academic-year';
import { formatPence } from '~/server/catalogue/money';
import { unitLabels } from '~/server/entitlements/balance-key';
import { priceNamesOf } from '~/server/catalogue/price-names';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { formatQuantity, pricingBasisLabels, yearFromParam } from '../../_lib/traded-format';
import {
  EntitlementLinesTable,
  PriceBandsTable,
  PublishedPrices,
  YourPackagePrice,
  type SchoolQuote,
} from './item-details';
import { DataTable } from '~/app/_components/data-table';
import { FilterForm, FilterSelect } from '~/app/_components/filter-form';

export const metadata: Metadata = { title: 'Packages and services' };

export default async function CataloguePage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ year?: string }>;
}) {
  const { tenant } = await params;
  const { year: yearParam } = await searchParams;
  const { api, workspace } = await loadWorkspace(tenant);
  if (!workspace.tenant.modules.includes('traded')) notFound();
  const names = priceNamesOf(workspace.tenant.settings);
  const year = yearFromParam(yearParam);
  const [years, items] = await Promise.all([
    guard(api.catalogue.years()),
    guard(api.catalogue.list({ academicYear: year })),
  ]);
  const yearOptions = [...new Set([...years, year])].sort((a, b) => b - a);
  const isManager = workspace.roles.includes('tenant_admin');
  // A headteacher sees their own price; someone linked to two schools here sees the first.
  const school = workspace.roles.includes('school_admin') ? workspace.mySchools[0] : undefined;

  const [quotes, subscriptions] = school
    ? await Promise.all([
        Promise.all(items.map((i) => api.catalogue.quote({ schoolId: school.id, itemId: i.id }))),
        api.subscriptions.list({ academicYear: year, schoolId: school.id }),
      ])
    : [[] as SchoolQuote[], []];
  const quoteFor = new Map(quotes.map((q) => [q.item.id, q]));
  const subscriptionTo = new Map(
    subscriptions.filter((s) => s.status === 'active').map((s) => [s.itemId, s]),
  );
  const packages = items.filter((i) => i.kind === 'package');
  const services = items.filter((i) => i.kind === 'service');
  const itemHref = (id: string) => `/${tenant}/catalogue/${id}`;

  return (
    <div>
      <h1 className="text-3xl font-bold">Packages and services</h1>
      <p className="mt-1 text-lg text-slate-700">{academicYearLabel(year)} academic year</p>

      <div className="mt-4 flex flex-wrap items-end justify-between gap-4">
        {yearOptions.length > 1 ? (
          <FilterForm key={year} submit="Show" className="flex flex-wrap items-end gap-3">
            <FilterSelect
              name="year"
              label="Academic year"
              defaultValue={String(year)}
              options={yearOptions.map((y) => ({ value: String(y), label: academicYearLabel(y) }))}
            />
          </FilterForm>
        ) : (
          <span />
        )}
        {isManager && (
          <div className="flex flex-wrap items-baseline gap-4">
            <Link href={`/${tenant}/catalogue/settings`} className="text-brand-dark underline">
              Settings (price names)
            </Link>
            <Link
              href={`/${tenant}/catalogue/new?year=${year}`}
              className="rounded bg-brand px-4 py-2 font-semibold text-white no-underline"
            >
              New package or service
            </Link>
          </div>
        )}
      </div>

      {items.length === 0 && (
        <p className="mt-6 text-lg">There are no packages or services for {academicYearLabel(year)} yet.</p>
      )}

      {packages.length > 0 && (
        <section aria-labelledby="packages" className="mt-8">
          <h2 id="packages" className="text-2xl font-semibold">
            Packages
          </h2>
          <p className="mt-1 text-slate-700">
            A year&apos;s subscription, giving the entitlements listed. Prices are for the whole academic
            year.
          </p>
          <ul className="mt-4 space-y-6">
            {packages.map((item) => {
              const quote = quoteFor.get(item.id);
              const subscription = subscriptionTo.get(item.id);
              return (
                <li key={item.id}>
                  <article
                    aria-labelledby={`item-${item.id}`}
                    className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
                  >
                    <header>
                      <h3 id={`item-${item.id}`} className="text-xl font-semibold">
                        <Link href={itemHref(item.id)} className="text-brand-dark underline">
                          {item.name}
                        </Link>
                      </h3>
                      <p className="text-sm text-slate-700">
                        {item.code} · priced {pricingBasisLabels[item.pricingBasis]}
                        {!item.active && ' · withdrawn'}
                      </p>
                      {item.description && <p className="mt-2">{item.description}</p>}
                    </header>
                    <PublishedPrices item={item} names={names} />
                    <PriceBandsTable item={item} names={names} />
                    <EntitlementLinesTable item={item} />
                    {quote && <YourPackagePrice quote={quote} item={item} names={names} />}
                    {school &&
                      (subscription ? (
                        <p className="rounded bg-green-50 p-3 text-green-900">
                          <strong>{school.name} subscribes to this package</strong>
                          {subscription.purchaseOrderNumber &&
                            ` (purchase order ${subscription.purchaseOrderNumber})`}
                          .{' '}
                          <Link href={`/${tenant}/entitlements`} className="text-green-900 underline">
                            See your entitlements
                          </Link>
                        </p>
                      ) : quote && quote.quote.termsCharged === 0 ? (
                        <p className="text-slate-700">{academicYearLabel(year)} has ended.</p>
                      ) : (
                        item.active && (
                          <p>
                            <Link
                              href={itemHref(item.id)}
                              aria-describedby={`item-${item.id}`}
                              className="inline-block rounded bg-brand px-4 py-2 font-semibold text-white no-underline"
                            >
                              Subscribe
                            </Link>
                          </p>
                        )
                      ))}
                  </article>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {services.length > 0 && (
        <section aria-labelledby="services" className="mt-10">
          <h2 id="services" className="text-2xl font-semibold">
            Services
          </h2>
          <p className="mt-1 text-slate-700">
            Bought when needed. A service that uses an entitlement comes out of a package&apos;s balance
            first.
          </p>
          <DataTable
            className="mt-4"
            caption={`Services for ${academicYearLabel(year)}`}
            hideCaption
            rows={services}
            rowKey={(item) => item.id}
            alignTop
            columns={[
              {
                header: 'Service',
                rowHeader: true,
                cell: (item) => (
                  <>
                    <Link href={itemHref(item.id)} className="font-semibold text-brand-dark underline">
                      {item.name}
                    </Link>
                    <span className="block text-slate-700">
                      {item.code} · {pricingBasisLabels[item.pricingBasis]}
                      {!item.active && ' · withdrawn'}
                    </span>
                  </>
                ),
              },
              {
                header: names.member,
                align: 'right',
                cell: (item) =>
                  item.memberDiscountPercent > 0
                    ? `${item.memberDiscountPercent}% off`
                    : formatPence(item.memberPricePence),
              },
              {
                header: names.nonMember,
                align: 'right',
                cell: (item) => formatPence(item.nonMemberPricePence),
              },
              school && {
                header: 'Your price',
                align: 'right',
                className: 'font-semibold',
                cell: (item) => {
                  const quote = quoteFor.get(item.id);
                  return quote ? formatPence(quote.quote.unitPricePence) : '–';
                },
              },
              {
                header: 'Uses from entitlement',
                cell: (item) =>
                  item.drawsUnit !== null && item.drawsQuantityHundredths !== null
                    ? `${formatQuantity(item.drawsQuantityHundredths, unitLabels[item.drawsUnit])}${
                        item.drawsCategory ? ` (${item.drawsCategory})` : ''
                      }`
                    : 'Nothing',
              },
            ]}
          />
        </section>
      )}
    </div>
  );
}
