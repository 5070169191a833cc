import type { inferRouterOutputs } from '@trpc/server';
import { DataTable } from '~/app/_components/data-table';
import { formatPence } from '~/server/catalogue/money';
import { unitLabels } from '~/server/entitlements/balance-key';
import type { AppRouter } from '~/server/routers';
import { formatQuantity, pricedUnitNouns, pricingBasisLabels } from '../../_lib/traded-format';
import { inSentence, priceNameFor, type PriceNames } from '~/server/catalogue/price-names';
import { SavingRows } from './saving-rows';

type Outputs = inferRouterOutputs<AppRouter>;
export type CatalogueItemView = Outputs['catalogue']['byId'];
export type SchoolQuote = Outputs['catalogue']['quote'];

/** The published prices (by the workspace's names for them), and the terms that go with them. */
export function PublishedPrices({ item, names }: { item: CatalogueItemView; names: PriceNames }) {
  const per = pricingBasisLabels[item.pricingBasis];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
      <dt className="font-semibold">{names.member}</dt>
      <dd>
        {item.memberDiscountPercent > 0
          ? `${item.memberDiscountPercent}% off the ${inSentence(names.nonMember)} price`
          : `${formatPence(item.memberPricePence)} ${per}`}
      </dd>
      <dt className="font-semibold">{names.nonMember}</dt>
      <dd>
        {formatPence(item.nonMemberPricePence)} {per}
      </dd>
      {item.minimumPricePence !== null && (
        <>
          <dt className="font-semibold">{names.nonMember} minimum</dt>
          <dd>{formatPence(item.minimumPricePence)}</dd>
        </>
      )}
      <dt className="font-semibold">VAT</dt>
      <dd>{item.vatStatement}</dd>
      {item.kind === 'package' && (
        <>
          <dt className="font-semibold">Joining mid-year</dt>
          <dd>{item.proRataByTerm ? 'Pay only for the terms left' : 'Full-year price'}</dd>
        </>
      )}
      {item.drawsUnit !== null && item.drawsQuantityHundredths !== null && (
        <>
          <dt className="font-semibold">Uses from entitlement</dt>
          <dd>
            {formatQuantity(item.drawsQuantityHundredths, unitLabels[item.drawsUnit])}
            {item.drawsCategory ? ` from the ${item.drawsCategory} line` : ''}
          </dd>
        </>
      )}
    </dl>
  );
}

const pupilRange = (min: number | null, max: number | null) => {
  const n = new Intl.NumberFormat('en-GB');
  if (min === null && max === null) return 'Any number';
  if (min === null) return `Up to ${n.format(max ?? 0)}`;
  if (max === null) return `${n.format(min)} or more`;
  return `${n.format(min)} to ${n.format(max)}`;
};

/** Prices by phase and pupil numbers; the first band that matches a school replaces the item's prices. */
export function PriceBandsTable({ item, names }: { item: CatalogueItemView; names: PriceNames }) {
  if (item.bands.length === 0) return null;
  return (
    <DataTable
      caption="Prices by phase and number of pupils"
      rows={item.bands}
      rowKey={(b) => b.id}
      columns={[
        { header: 'Phase', cell: (b) => b.phase ?? 'Any phase' },
        { header: 'Pupils', cell: (b) => pupilRange(b.minPupils, b.maxPupils) },
        { header: names.member, align: 'right', cell: (b) => formatPence(b.memberPricePence) },
        { header: names.nonMember, align: 'right', cell: (b) => formatPence(b.nonMemberPricePence) },
      ]}
    />
  );
}

/** What a package gives, line by line, with what each unit would cost bought separately. */
export function EntitlementLinesTable({ item }: { item: CatalogueItemView }) {
  if (item.lines.length === 0) return null;
  const perUnit = pricedUnitNouns[item.pricingBasis];
  return (
    <DataTable
      caption={`What ${item.name} gives${perUnit ? ` for each ${perUnit.one}` : ''}`}
      rows={item.lines}
      rowKey={(l) => l.id}
      columns={[
        { header: 'What', cell: (l) => l.description },
        {
          header: 'Entitlement',
          cell: (l) => (
            <>
              {formatQuantity(l.quantityHundredths, unitLabels[l.unit])}
              {l.category && <span className="block text-slate-700">{l.category}</span>}
            </>
          ),
        },
        {
          header: 'Each, bought separately',
          align: 'right',
          cell: (l) =>
            l.standaloneUnitPricePence === null
              ? 'Not sold separately'
              : formatPence(l.standaloneUnitPricePence),
        },
      ]}
    />
  );
}

/** A school's own price for a package today, and the saving against buying its contents one by one. */
export function YourPackagePrice({
  quote: { buyer, quote, vat, saving },
  item,
  names,
  headingLevel: Heading = 'h4',
}: {
  quote: SchoolQuote;
  item: CatalogueItemView;
  names: PriceNames;
  headingLevel?: 'h2' | 'h3' | 'h4';
}) {
  const perUnit = pricedUnitNouns[item.pricingBasis];
  return (
    <div className="rounded border-l-4 border-brand bg-blue-50 p-4" data-testid="your-price">
      <Heading className="text-lg font-semibold">Your price</Heading>
      <p className="mt-1 text-sm">
        {buyer.name} pays {inSentence(priceNameFor(names, quote.pricedAsMember))} prices
        {quote.bandApplied ? ` for a ${buyer.phase.toLowerCase()} school of its size` : ''}.
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">Full-year price</dt>
        <dd>
          {formatPence(quote.fullPricePence)}
          {perUnit ? ` for 1 ${perUnit.one}` : ''}
          {quote.minimumApplied ? ' (the minimum price)' : ''}
        </dd>
        <SavingRows saving={saving} />
        {quote.termsCharged > 0 && quote.termsCharged < 3 && (
          <>
            <dt className="font-semibold">Joining now</dt>
            <dd>
              {formatPence(quote.netPence)} for the {quote.termsCharged} term
              {quote.termsCharged === 1 ? '' : 's'} left
            </dd>
          </>
        )}
        {quote.vatPence > 0 ? (
          <>
            <dt className="font-semibold">VAT</dt>
            <dd>{formatPence(quote.vatPence)}</dd>
            <dt className="font-semibold">Total with VAT</dt>
            <dd>{formatPence(quote.totalPence)}</dd>
          </>
        ) : (
          // The published prices may say "20% on top" while this school pays none (a workspace not registered
          // for VAT, or a rule for its kind of school): say why, as every quote words it.
          <>
            <dt className="font-semibold">VAT</dt>
            <dd>{vat.label}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
