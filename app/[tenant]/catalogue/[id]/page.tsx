import type { Metadata } from 'next';
import { FilterForm, FilterSelect } from '~/app/_components/filter-form';
import { Link } from '~/app/_components/link';
import { notFound } from 'next/navigation';
import { academicYearLabel } from '~/server/catalogue/academic-year';
import { formatPence } from '~/server/catalogue/money';
import { inSentence, priceNameFor, priceNamesOf } from '~/server/catalogue/price-names';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { pricedUnitNouns, pricingBasisLabels } from '../../../_lib/traded-format';
import { EntitlementLinesTable, PriceBandsTable, PublishedPrices } from '../item-details';
import { EditItemForm } from './edit-item-form';
import { PupilCountForm } from './pupil-count-form';
import { closedSchoolRefusal } from '~/server/schools/closed-school';
import { SubscribeForm } from './subscribe-form';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Params = Promise<{ tenant: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { tenant, id } = await params;
  if (!uuid.test(id)) return { title: 'Package or service' };
  const { api } = await loadWorkspace(tenant);
  const item = await api.catalogue.byId({ id }).catch(() => null);
  return { title: item?.name ?? 'Package or service' };
}

export default async function CatalogueItemPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ school?: string }>;
}) {
  const { tenant, id } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  const names = priceNamesOf(workspace.tenant.settings);
  if (!workspace.tenant.modules.includes('traded') || !uuid.test(id)) notFound();
  const item = await guard(api.catalogue.byId({ id }));
  const yearLabel = academicYearLabel(item.academicYear);
  // The manager takes an order for a school (by phone, by email, on a paper form): they choose the school and
  // see and use the same form its head would.
  const forSchools =
    workspace.roles.includes('tenant_admin') && item.kind === 'package'
      ? await guard(api.schools.list({ open: true }))
      : [];
  const chosen = (await searchParams).school;
  const school: { id: string; name: string } | undefined = workspace.roles.includes('school_admin')
    ? workspace.mySchools[0]
    : forSchools.find((s) => s.id === chosen);
  const [quote, subscriptions] = school
    ? await Promise.all([
        guard(api.catalogue.quote({ schoolId: school.id, itemId: item.id })),
        guard(api.subscriptions.list({ academicYear: item.academicYear, schoolId: school.id })),
      ])
    : [null, []];
  const subscribed = subscriptions.some((s) => s.itemId === item.id && s.status === 'active');
  // A closed school subscribes to nothing new; what it has stays shown.
  const closed = quote ? closedSchoolRefusal(quote.buyer, 'subscription') : null;

  return (
    <div>
      <p>
        <Link href={`/${tenant}/catalogue?year=${item.academicYear}`} className="text-brand-dark underline">
          All packages and services for {yearLabel}
        </Link>
      </p>
      <h1 className="mt-3 text-3xl font-bold">{item.name}</h1>
      <p className="mt-1 text-slate-700">
        {item.kind === 'package' ? 'Package' : 'Service'} · {item.code} · {yearLabel} · priced{' '}
        {pricingBasisLabels[item.pricingBasis]}
        {!item.active && ' · withdrawn'}
      </p>
      {item.description && <p className="mt-3 max-w-3xl text-lg">{item.description}</p>}
      {workspace.tenant.kind === 'appropriate_body' &&
        item.kind === 'package' &&
        item.pricingBasis === 'ect' && (
          <p
            className="mt-3 max-w-3xl rounded border-l-4 border-slate-600 bg-slate-50 p-3"
            data-testid="per-ect-billing"
          >
            Billed for each ECT registered: every ECT your school registers with us (or has in induction when
            you subscribe) is invoiced once, at the price per ECT, whatever number you buy.
          </p>
        )}

      <section aria-labelledby="prices" className="mt-6 space-y-4">
        <h2 id="prices" className="text-2xl font-semibold">
          Prices
        </h2>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <PublishedPrices item={item} names={names} />
        </div>
        <PriceBandsTable item={item} names={names} />
      </section>

      {item.lines.length > 0 && (
        <section aria-labelledby="gives" className="mt-6">
          <h2 id="gives" className="text-2xl font-semibold">
            What it gives
          </h2>
          <div className="mt-3">
            <EntitlementLinesTable item={item} />
          </div>
        </section>
      )}

      {workspace.roles.includes('tenant_admin') && <EditItemForm item={item} names={names} />}

      {forSchools.length > 0 && (item.active || school) && (
        <section aria-labelledby="for-school" className="mt-8">
          <h2 id="for-school" className="text-2xl font-semibold">
            Subscribe a school
          </h2>
          <p className="mt-1 max-w-3xl text-slate-700">
            For an order that came by phone, email or post: the school&apos;s price and the same choices its
            head has. Closed schools are not listed: they take no new subscriptions.
          </p>
          <FilterForm label="Choose the school" submit="Show its price">
            <FilterSelect
              name="school"
              label="School"
              defaultValue={school?.id ?? ''}
              placeholder="Choose a school"
              options={forSchools.map((s) => ({ value: s.id, label: `${s.name} (${s.urn})` }))}
            />
          </FilterForm>
        </section>
      )}

      {school && quote && item.kind === 'package' && (
        <>
          {closed && !subscribed ? (
            <p className="mt-8 text-lg" data-testid="school-closed">
              {closed}
            </p>
          ) : !item.active && !subscribed ? (
            <p className="mt-8 text-lg">This package is no longer offered.</p>
          ) : quote.needsPupilCount && !subscribed ? (
            <PupilCountForm schoolId={school.id} schoolName={school.name} />
          ) : quote.quote.termsCharged === 0 && !subscribed ? (
            <p className="mt-8 text-lg">
              Every term of {yearLabel} has started; choose next year&apos;s package.
            </p>
          ) : (
            <SubscribeForm
              tenant={tenant}
              schoolId={school.id}
              itemId={item.id}
              yearLabel={yearLabel}
              pricedUnit={pricedUnitNouns[item.pricingBasis]}
              initialQuote={quote}
              alreadySubscribed={subscribed}
              names={names}
              forSchool={!workspace.roles.includes('school_admin')}
            />
          )}
        </>
      )}

      {school && quote && item.kind === 'service' && (
        <section aria-labelledby="your-price" className="mt-8 max-w-2xl">
          <h2 id="your-price" className="text-2xl font-semibold">
            Your price
          </h2>
          <p className="mt-2">
            {formatPence(quote.quote.unitPricePence)} {pricingBasisLabels[item.pricingBasis]}
            {quote.vat.rateBasisPoints > 0 ? ' plus VAT' : ''}, the{' '}
            {inSentence(priceNameFor(names, quote.quote.pricedAsMember))} price for {quote.buyer.name}.
          </p>
          <p className="mt-2">Services are asked for when you need them, not subscribed to.</p>
        </section>
      )}
    </div>
  );
}
