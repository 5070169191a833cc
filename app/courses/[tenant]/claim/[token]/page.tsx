import type { Metadata } from 'next';
import { SiteHeader } from '../../../../_components/site-header';
import { formatCourseDates } from '../../../../_lib/course-format';
import { guard, serverApi } from '../../../../_lib/server-api';
import { ClaimForm } from './claim-form';
import { untilMoment } from '~/server/format/dates';

export const metadata: Metadata = { title: 'Claim your place', robots: { index: false } };
export const dynamic = 'force-dynamic';

/** The page behind a waiting-list offer email: claim the held place before the hold runs out. */
export default async function ClaimPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string; token: string }>;
  searchParams: Promise<{ claimed?: string }>;
}) {
  const { tenant, token } = await params;
  const { claimed } = await searchParams;
  const api = await serverApi(null);
  const { course, delegateName, state, holdExpiresAt, cost, closed } = await guard(
    api.courseCatalogue.claimableOffer({ tenant, token }),
  );
  return (
    <>
      <SiteHeader user={null} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">{course.title}</h1>
        <p className="mt-2 text-slate-700">{formatCourseDates(course.startsOn, course.endsOn)}</p>
        {state === 'claimed' || claimed ? (
          <p role="status" className="mt-6 rounded border-l-4 border-green-700 bg-green-50 p-4 font-semibold">
            The place is yours, {delegateName}. Your confirmation email has the calendar invite and your own
            link for the certificate.
          </p>
        ) : state === 'held' ? (
          <>
            <p className="mt-6">
              A place has come free and is held for {delegateName} until{' '}
              <strong>{untilMoment(holdExpiresAt ?? new Date())}</strong> (UK time). Weekends and bank
              holidays do not count towards the hold.
            </p>
            {cost.map((line) => (
              <p key={line} className="mt-2">
                {line}
              </p>
            ))}
            <ClaimForm tenant={tenant} token={token} />
          </>
        ) : state === 'schoolClosed' ? (
          <div className="mt-6 rounded border-l-4 border-red-800 bg-red-50 p-4">
            <p className="font-semibold">Sorry: this place cannot be claimed.</p>
            <p className="mt-2">{closed}</p>
            <p className="mt-2">
              The place will pass to the next person on the waiting list. If {delegateName} has moved to
              another school, ask the course organisers about booking a place for the new school.
            </p>
          </div>
        ) : (
          <p className="mt-6 rounded border-l-4 border-red-800 bg-red-50 p-4">
            Sorry: the hold on this place has run out and it has passed to the next person on the waiting
            list.
          </p>
        )}
      </main>
    </>
  );
}
