'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { Link } from '~/app/_components/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  ErrorSummary,
  Form,
  NumberField,
  SubmitButton,
  TextField,
  useFormMutation,
} from '~/app/_components/form-kit';
import { formatPence } from '~/server/catalogue/money';
import { vatAmountWording } from '~/server/invoicing/vat-wording';
import { inSentence, priceNameFor, type PriceNames } from '~/server/catalogue/price-names';
import type { AppRouter } from '~/server/routers';
import type { UnitLabel } from '../../../_lib/traded-format';
import { useTRPC } from '../../../_lib/trpc-client';
import { SavingRows } from '../saving-rows';

type SchoolQuote = inferRouterOutputs<AppRouter>['catalogue']['quote'];

const unitsPattern = /^\d{1,3}$/;

/**
 * A headteacher subscribes their school to a package at the price the server quotes. The quote is sent back
 * with the order, so if prices change in between the school is asked to look again rather than charged more.
 * The manager taking an order for a school (`forSchool`) uses the same form, worded about the school, not "you".
 */
export function SubscribeForm({
  tenant,
  schoolId,
  itemId,
  yearLabel,
  pricedUnit,
  initialQuote,
  alreadySubscribed,
  names,
  forSchool = false,
}: {
  tenant: string;
  schoolId: string;
  itemId: string;
  yearLabel: string;
  /** What the price is per when a school can buy several (ECTs, governing bodies); otherwise undefined. */
  pricedUnit?: UnitLabel;
  initialQuote: SchoolQuote;
  alreadySubscribed: boolean;
  names: PriceNames;
  /** The manager takes the order for the school (by phone, email or post). */
  forSchool?: boolean;
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
  const { buyer, item, quote, vat, saving, perEct, grants } = current;
  // A late joiner's share of each line, in words (the grant's own rule, worked out by the server).
  const proRated = grants.flatMap((g) =>
    g.explanation ? [{ line: g.description, words: g.explanation }] : [],
  );

  const subscribe = useFormMutation(
    trpc.subscriptions.subscribe.mutationOptions({
      onError: (error) => {
        // A changed price or a subscription made meanwhile: show the page as it is now.
        if (error.data?.code === 'CONFLICT') {
          void quoteQuery.refetch();
          router.refresh();
        }
      },
    }),
    {
      idPrefix: 'subscribe',
      onSuccess: (result, input) => {
        setDone({ netPence: result.netPence, purchaseOrderNumber: input.purchaseOrderNumber ?? '' });
        router.refresh();
      },
    },
  );
  const unitsMessage = `Enter the number of ${pricedUnit?.many ?? 'units'} as a whole number from 1 to 200.`;
  // An empty box while typing is not an error yet; it is once they try to subscribe.
  const unitsError =
    unitsValid || (!attempted && unitsText.trim() === '') ? subscribe.errorFor('units') : unitsMessage;

  function onUnitsChange(text: string) {
    setUnitsText(text);
    const n = Number(text);
    if (unitsPattern.test(text.trim()) && n >= 1 && n <= 200) setUnits(n);
  }

  function onSubmit() {
    setAttempted(true);
    if (!unitsValid) {
      subscribe.reset();
      subscribe.setClientErrors({ units: unitsMessage });
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

  const priceWord = inSentence(priceNameFor(names, quote.pricedAsMember));
  const busy = subscribe.isPending || quoteQuery.isFetching;
  // The school's statement: a headteacher's own is the page's default; the manager's shows every school's.
  const statement = forSchool ? `/${tenant}/entitlements?school=${schoolId}` : `/${tenant}/entitlements`;
  const statementLink = forSchool
    ? `See ${buyer.name}’s entitlement statement`
    : 'See your entitlement statement';

  return (
    <section aria-labelledby="subscribe-title" className="mt-8 max-w-2xl">
      <h2 id="subscribe-title" className="text-2xl font-semibold">
        {alreadySubscribed && !done ? (forSchool ? 'Its subscription' : 'Your subscription') : 'Subscribe'}
      </h2>
      <div role="status">
        {done && (
          <div className="mt-3 rounded border-l-4 border-green-700 bg-green-50 p-4 text-green-950">
            <p className="text-lg font-semibold">
              {buyer.name} now subscribes to {item.name} for {yearLabel}.
            </p>
            <p className="mt-1">
              {perEct
                ? `Each ECT registered here is charged ${formatPence(done.netPence)} net`
                : `Net price ${formatPence(done.netPence)}`}
              {done.purchaseOrderNumber ? `, purchase order ${done.purchaseOrderNumber}` : ''}. The
              entitlements are in {forSchool ? 'its' : 'your'} statement now.
            </p>
            {!perEct && proRated.length > 0 && (
              <ul className="mt-1 list-disc pl-5" data-testid="pro-rata-confirmed">
                {proRated.map((g, i) => (
                  <li key={`${i}-${g.line}`}>
                    {g.line}: {g.words}
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-1">
              {forSchool
                ? 'An order confirmation, saying when it will be invoiced, has been emailed to you and to the school (its headteachers with an account, and its finance contact, if it has one).'
                : 'An order confirmation, saying when it will be invoiced, has been emailed to you (and to the school’s finance contact, if it has one).'}
            </p>
            <p className="mt-2">
              <Link href={statement} className="font-semibold text-green-950 underline">
                {statementLink}
              </Link>
            </p>
          </div>
        )}
      </div>

      {!done && (
        // Outside the form, so a refusal stays on screen when the page shows the subscription made meanwhile.
        <div className="mt-3">
          <ErrorSummary errors={subscribe.summary} />
        </div>
      )}

      {!done && alreadySubscribed && (
        <p className="mt-3">
          {buyer.name} already subscribes to this package for {yearLabel}.{' '}
          <Link href={statement} className="text-brand-dark underline">
            {statementLink}
          </Link>
        </p>
      )}

      {!done && !alreadySubscribed && (
        <>
          <p>
            {buyer.name} pays {priceWord} prices.
          </p>
          {/* Its errors are summarised above the form. */}
          <Form form={{ summary: [] }} onSubmit={onSubmit} className="mt-4 space-y-5">
            {pricedUnit && !perEct && (
              <NumberField
                whole
                label={`Number of ${pricedUnit.many}`}
                hint={`The price is per ${pricedUnit.one}.`}
                {...subscribe.field('units')}
                error={unitsError}
                value={unitsText}
                onChange={onUnitsChange}
                width="w-24"
              />
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
              {perEct ? (
                <>
                  <dt className="font-semibold">Terms charged</dt>
                  <dd>
                    {quote.termsCharged} of 3
                    {quote.termsCharged < 3 ? ' (the terms that have not started yet)' : ''}
                  </dd>
                  <dt className="font-semibold">Charged for each ECT</dt>
                  <dd data-testid="net-price">
                    {formatPence(quote.netPence)} net, when the ECT is registered with us
                  </dd>
                  <dt className="font-semibold">In induction at {buyer.name} now</dt>
                  <dd>
                    {perEct.inInductionNow === 0
                      ? 'No ECTs, so nothing is charged today'
                      : `${perEct.inInductionNow} ECT${perEct.inInductionNow === 1 ? '' : 's'}, charged ${formatPence(perEct.inInductionNow * quote.netPence)} net when you subscribe`}
                  </dd>
                </>
              ) : (
                <>
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
                        The minimum of {formatPence(quote.netPence)} at {priceWord} prices applies, however
                        late in the year the school joins
                      </dd>
                    </>
                  )}
                  <SavingRows saving={saving} />
                  <dt className="font-semibold">Terms charged</dt>
                  <dd>
                    {quote.termsCharged} of 3
                    {quote.termsCharged < 3
                      ? forSchool
                        ? ' (the school pays for the terms that have not started yet, and gets that share of each entitlement)'
                        : ' (you pay for the terms that have not started yet, and get that share of each entitlement)'
                      : ' (the whole year)'}
                  </dd>
                  {proRated.length > 0 && (
                    <>
                      <dt className="font-semibold">Entitlements this year</dt>
                      <dd data-testid="pro-rata">
                        <ul className="list-disc pl-5">
                          {proRated.map((g, i) => (
                            <li key={`${i}-${g.line}`}>
                              <span className="font-semibold">{g.line}</span>: {g.words}
                            </li>
                          ))}
                        </ul>
                      </dd>
                    </>
                  )}
                  <dt className="font-semibold">Net price</dt>
                  <dd data-testid="net-price">{formatPence(quote.netPence)}</dd>
                  <dt className="font-semibold">VAT</dt>
                  <dd data-testid="vat">{vatAmountWording(quote.vatPence, vat)}</dd>
                  <dt className="font-semibold">Total to pay</dt>
                  <dd className="text-lg font-bold">{formatPence(quote.totalPence)}</dd>
                </>
              )}
            </dl>

            <TextField
              label="Purchase-order number (optional)"
              hint={
                forSchool
                  ? 'If the school raised a purchase order for it, its number goes on the invoice.'
                  : 'If your school raises purchase orders, we put the number on the invoice.'
              }
              {...subscribe.field('purchaseOrderNumber')}
              value={purchaseOrderNumber}
              onChange={setPurchaseOrderNumber}
              maxLength={40}
              autoComplete="off"
              width="w-72 max-w-full"
            />
            <SubmitButton pending={busy} pendingLabel={subscribe.isPending ? 'Subscribing…' : undefined}>
              Subscribe
            </SubmitButton>
          </Form>
        </>
      )}
    </section>
  );
}
