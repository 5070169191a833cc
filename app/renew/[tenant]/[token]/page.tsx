import type { Metadata } from 'next';
import { academicYearLabel } from '~/server/catalogue/academic-year';
import { formatPence } from '~/server/catalogue/money';
import { priceWithVatLine, vatAmountWording } from '~/server/invoicing/vat-wording';
import { inSentence, priceNameFor } from '~/server/catalogue/price-names';
import { SiteHeader } from '../../../_components/site-header';
import { guard, serverApi } from '../../../_lib/server-api';
import { WorkspaceTRPCProvider } from '../../../_lib/trpc-client';
import { RenewalAnswerForm } from './renewal-answer-form';
import { longDate } from '~/server/format/dates';
import { renewalChoice } from '~/server/renewals/confirm-renewal-answer';
import { closedSchoolRefusal } from '~/server/schools/closed-school';

export const metadata: Metadata = { title: 'Renew your services' };
export const dynamic = 'force-dynamic';

/** The one-click page from a renewal email: works without signing in, for this invitation only. */
export default async function RenewPage({ params }: { params: Promise<{ tenant: string; token: string }> }) {
  const { tenant, token } = await params;
  const api = await serverApi(tenant);
  const [offer, session] = await Promise.all([guard(api.renewals.offer({ token })), api.auth.session()]);
  const year = academicYearLabel(offer.round.toYear);
  const choice = renewalChoice(offer);
  // A school that closed after it was invited is offered nothing new (answering would be refused).
  const closed = closedSchoolRefusal(offer.school, 'renewal');
  return (
    <>
      <SiteHeader user={session} />
      <main id="main" className="mx-auto max-w-4xl px-4 py-8">
        <h1 className="text-3xl font-bold">
          {offer.school.name}: services for {year}
        </h1>
        {offer.decision !== 'pending' ? (
          <div role="status" className="mt-6 rounded border-l-4 border-green-700 bg-green-50 p-4">
            <h2 className="text-xl font-semibold">Thank you</h2>
            <p className="mt-1">{choice.summary}</p>
            {choice.items.length > 0 && (
              <ul className="mt-2 list-disc pl-6">
                {choice.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            )}
            <p className="mt-2">
              We have emailed this to the school. To change it, contact {offer.providerName}.
            </p>
          </div>
        ) : closed ? (
          <p className="mt-6 text-lg" data-testid="school-closed">
            {closed} If that is not right, contact {offer.providerName}.
          </p>
        ) : (
          <>
            <p className="mt-3 text-lg">
              Please answer by {longDate(offer.round.closesOn)}. Prices are{' '}
              {offer.school.isPartnershipMember ? 'your ' : ''}
              {inSentence(priceNameFor(offer.priceNames, offer.school.isPartnershipMember))} prices for the
              full year; each is compared with this year’s before VAT.
            </p>
            <section aria-labelledby="current" className="mt-6">
              <h2 id="current" className="text-2xl font-semibold">
                What you have now, carried forward
              </h2>
              {offer.renewals.length === 0 ? (
                <p className="mt-2">
                  Your current packages are not offered next year: choose from the list below.
                </p>
              ) : (
                <ul className="mt-3 space-y-3">
                  {offer.renewals.map((p) => (
                    <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-4">
                      <h3 className="text-lg font-semibold">{p.name}</h3>
                      <p className="mt-1">
                        {p.comparison}
                        {p.units > 1 ? `, for ${p.units}` : ''}
                        {p.saving.savingPence > 0
                          ? `; saves ${formatPence(p.saving.savingPence)} on buying separately`
                          : ''}
                        .
                      </p>
                      {p.paidThisYear && <p className="mt-1 text-slate-700">{p.paidThisYear}</p>}
                      {/* The school's own VAT, as the subscribe page states it (vatForSchool's decision). */}
                      <dl
                        className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1"
                        data-testid="renewal-price"
                      >
                        <dt className="font-semibold">Price before VAT</dt>
                        <dd>{formatPence(p.quote.netPence)}</dd>
                        <dt className="font-semibold">VAT</dt>
                        <dd>{vatAmountWording(p.quote.vatPence, p.vat)}</dd>
                        <dt className="font-semibold">Total to pay</dt>
                        <dd className="font-bold">{formatPence(p.quote.totalPence)}</dd>
                      </dl>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <WorkspaceTRPCProvider tenantSlug={tenant}>
              <RenewalAnswerForm
                token={token}
                canRenew={offer.renewals.length > 0}
                packages={offer.packages.map((p) => ({
                  id: p.id,
                  name: p.name,
                  priceLabel: `${priceWithVatLine(p.quote.netPence, p.quote.vatPence, p.vat)}${p.units > 1 ? ` for ${p.units}` : ''}`,
                  current: p.current !== null,
                }))}
              />
            </WorkspaceTRPCProvider>
          </>
        )}
      </main>
    </>
  );
}
