'use client';

import { ErrorSummary, FieldError, type SummaryError } from '~/app/_components/form-kit';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { formatPence } from '~/server/catalogue/money';
import type { AppRouter } from '~/server/routers';
import type { UnitLabel } from '../../../_lib/traded-format';
import { useTRPC } from '../../../_lib/trpc-client';

type SchoolQuote = inferRouterOutputs<AppRouter>['catalogue']['quote'];

const unitsPattern = /^\d{1,3}$/;

/**
 * A headteacher subscribes their school to a package at the price the server quotes. The quote is sent back
 * with the order, so if prices change in between the school is asked to look again rather than charged more.
 */
export function SubscribeForm({
  tenant,
  schoolId,
  itemId,
  yearLabel,
  pricedUnit,
  initialQuote,
  alreadySubscribed,
}: {
  tenant: string;
  schoolId: string;
  itemId: string;
  yearLabel: string;
  /** What the price is per when a school can buy several (ECTs, governing bodies); otherwise undefined. */
  pricedUnit?: UnitLabel;
  initialQuote: SchoolQuote;
  alreadySubscribed: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [unitsText, setUnitsText] = useState('1');
  const [purchaseOrderNumber, setPurchaseOrderNumber] = useState('');
  const [done, setDone] = useState<{ netPence: number; purchaseOrderNumber: string } | null>(null);
  const [attempted, setAttempted] = useState(false);

  const unitsValid =
    unitsPattern.test(unitsText.trim()) && Number(unitsText) >= 1 && Number(unitsText) <= 200;
  const [units, setUnits] = useState(1);
  const quoteQuery = useQuery(
    trpc.catalogue.quote.queryOptions(
      { schoolId, itemId, units },
      { initialData: units === 1 ? initialQuote : undefined, placeholderData: keepPreviousData },
    ),
  );
  const current = quoteQuery.data ?? initialQuote;
  const { buyer, item, quote, saving } = current;

  const subscribe = useMutation(
    trpc.subscriptions.subscribe.mutationOptions({
      onSuccess: (result, input) => {
        setDone({ netPence: result.netPence, purchaseOrderNumber: input.purchaseOrderNumber ?? '' });
        router.refresh();
      },
      onError: (error) => {
        // A changed price or a subscription made meanwhile: show the page as it is now.
        if (error.data?.code === 'CONFLICT') {
          void quoteQuery.refetch();
          router.refresh();
        }
      },
    }),
  );

  const fieldErrors = subscribe.error?.data?.fieldErrors ?? {};
  // An empty box while typing is not an error yet; it is once they try to subscribe.
  const unitsError =
    unitsValid || (!attempted && unitsText.trim() === '')
      ? fieldErrors.units?.[0]
      : `Enter the number of ${pricedUnit?.many ?? 'units'} as a whole number from 1 to 200.`;
  const poError = fieldErrors.purchaseOrderNumber?.[0];
  const summary: SummaryError[] = [];
  if (attempted && unitsError) summary.push({ message: unitsError, fieldId: 'units' });
  if (poError) summary.push({ message: poError, fieldId: 'purchase-order-number' });
  if (subscribe.error && !subscribe.error.data?.fieldErrors)
    summary.push({ message: subscribe.error.message });

  function onUnitsChange(text: string) {
    setUnitsText(text);
    const n = Number(text);
    if (unitsPattern.test(text.trim()) && n >= 1 && n <= 200) setUnits(n);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!unitsValid) {
      subscribe.reset();
      return;
    }
    subscribe.mutate({
      schoolId,
      itemId,
      units,
      purchaseOrderNumber: purchaseOrderNumber.trim() || undefined,
      expectedNetPence: quote.netPence,
    });
  }

  const priceWord = quote.pricedAsMember ? 'partnership agreement' : 'outside partnership';
  const busy = subscribe.isPending || quoteQuery.isFetching;

  return (
    <section aria-labelledby="subscribe-title" className="mt-8 max-w-2xl">
      <h2 id="subscribe-title" className="text-2xl font-semibold">
        {alreadySubscribed && !done ? 'Your subscription' : 'Subscribe'}
      </h2>
      <div role="status">
        {done && (
          <div className="mt-3 rounded border-l-4 border-green-700 bg-green-50 p-4 text-green-950">
            <p className="text-lg font-semibold">
              {buyer.name} now subscribes to {item.name} for {yearLabel}.
            </p>
            <p className="mt-1">
              Net price {formatPence(done.netPence)}
              {done.purchaseOrderNumber ? `, purchase order ${done.purchaseOrderNumber}` : ''}. The
              entitlements are in your statement now.
            </p>
            <p className="mt-2">
              <Link href={`/${tenant}/entitlements`} className="font-semibold text-green-950 underline">
                See your entitlement statement
              </Link>
            </p>
          </div>
        )}
      </div>

      {!done && (
        // Outside the form, so a refusal stays on screen when the page shows the subscription made meanwhile.
        <div className="mt-3">
          <ErrorSummary errors={summary} />
        </div>
      )}

      {!done && alreadySubscribed && (
        <p className="mt-3">
          {buyer.name} already subscribes to this package for {yearLabel}.{' '}
          <Link href={`/${tenant}/entitlements`} className="text-brand-dark underline">
            See your entitlement statement
          </Link>
        </p>
      )}

      {!done && !alreadySubscribed && (
        <>
          <p>
            {buyer.name} {quote.pricedAsMember ? 'has' : 'does not have'} a partnership agreement, so pays the{' '}
            {priceWord} price.
          </p>
          <form onSubmit={onSubmit} noValidate className="mt-4 space-y-5">
            {pricedUnit && (
              <div>
                <label htmlFor="units" className="block font-semibold">
                  Number of {pricedUnit.many}
                </label>
                <p id="units-hint" className="text-sm text-slate-700">
                  The price is per {pricedUnit.one}.
                </p>
                <FieldError id="units" message={unitsError} />
                <input
                  id="units"
                  inputMode="numeric"
                  value={unitsText}
                  onChange={(e) => onUnitsChange(e.target.value)}
                  aria-describedby={unitsError ? 'units-hint units-error' : 'units-hint'}
                  aria-invalid={unitsError ? true : undefined}
                  className="mt-1 w-24 rounded border-2 border-slate-600 px-3 py-2"
                />
              </div>
            )}

            <dl
              className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 rounded border border-slate-200 bg-white p-4"
              aria-busy={quoteQuery.isFetching}
              data-testid="quote"
            >
              <dt className="font-semibold">
                {pricedUnit ? `Price per ${pricedUnit.one}` : 'Price for the year'}
              </dt>
              <dd>
                {formatPence(quote.unitPricePence)} ({priceWord})
              </dd>
              {pricedUnit && (
                <>
                  <dt className="font-semibold">Full-year price</dt>
                  <dd>
                    {formatPence(quote.fullPricePence)} for {quote.units}{' '}
                    {quote.units === 1 ? pricedUnit.one : pricedUnit.many}
                  </dd>
                </>
              )}
              {quote.minimumApplied && (
                <>
                  <dt className="font-semibold">Minimum price</dt>
                  <dd>
                    The minimum of {formatPence(quote.netPence)} applies outside the partnership, however late
                    in the year you join
                  </dd>
                </>
              )}
              {saving.separatelyPence > 0 && (
                <>
                  <dt className="font-semibold">Bought separately</dt>
                  <dd>{formatPence(saving.separatelyPence)}</dd>
                  {saving.savingPence > 0 && (
                    <>
                      <dt className="font-semibold">You save</dt>
                      <dd>{formatPence(saving.savingPence)}</dd>
                    </>
                  )}
                </>
              )}
              <dt className="font-semibold">Terms charged</dt>
              <dd>
                {quote.termsCharged} of 3
                {quote.termsCharged < 3
                  ? ' (you pay for the terms that have not started yet, and get that share of each entitlement)'
                  : ' (the whole year)'}
              </dd>
              <dt className="font-semibold">Net price</dt>
              <dd data-testid="net-price">{formatPence(quote.netPence)}</dd>
              <dt className="font-semibold">VAT</dt>
              <dd>{formatPence(quote.vatPence)}</dd>
              <dt className="font-semibold">Total to pay</dt>
              <dd className="text-lg font-bold">{formatPence(quote.totalPence)}</dd>
            </dl>

            <div>
              <label htmlFor="purchase-order-number" className="block font-semibold">
                Purchase-order number (optional)
              </label>
              <p id="purchase-order-number-hint" className="text-sm text-slate-700">
                If your school raises purchase orders, we put the number on the invoice.
              </p>
              <FieldError id="purchase-order-number" message={poError} />
              <input
                id="purchase-order-number"
                value={purchaseOrderNumber}
                onChange={(e) => setPurchaseOrderNumber(e.target.value)}
                maxLength={40}
                autoComplete="off"
                aria-describedby={
                  poError
                    ? 'purchase-order-number-hint purchase-order-number-error'
                    : 'purchase-order-number-hint'
                }
                aria-invalid={poError ? true : undefined}
                className="mt-1 w-72 max-w-full rounded border-2 border-slate-600 px-3 py-2"
              />
            </div>

            <button
              type="submit"
              disabled={busy}
              className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60"
            >
              {subscribe.isPending ? 'Subscribing…' : 'Subscribe'}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
