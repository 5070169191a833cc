import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { findOffer } from '~/server/courses/claim-offer';
import { placeDetailLines } from '~/server/courses/course-emails';
import { givenPlaceCost } from '~/server/courses/fund-given-place';
import { getCourse } from '~/server/courses/get-course';
import { withPublicCourses } from '~/server/courses/public-tenant';
import { getDatabase } from '~/server/database';
import { SiteHeader } from '../../../../_components/site-header';
import { formatCourseDates } from '../../../../_lib/course-format';
import { ClaimForm } from './claim-form';
import { dateAndTime } from '~/server/format/dates';

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
  const found = await withPublicCourses((await getDatabase()).db, tenant, async (tx, workspace) => {
    const entry = await findOffer(tx, token);
    if (!entry) return null;
    const { course, sessions } = await getCourse(tx, entry.courseId);
    // What claiming commits the school to, said before the delegate claims.
    const cost = await givenPlaceCost(tx, {
      course,
      sessions,
      schoolId: entry.schoolId,
      laCodes: workspace.laCodes,
      delegateEmail: entry.delegateEmail,
      today: todayInLondon(),
    });
    return { entry, course, cost: placeDetailLines(cost).slice(1) };
  }).catch(() => null);
  if (!found) notFound();
  const { entry, course, cost } = found;
  const open = entry.status === 'offered' && entry.holdExpiresAt && entry.holdExpiresAt > new Date();
  return (
    <>
      <SiteHeader user={null} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">{course.title}</h1>
        <p className="mt-2 text-slate-700">{formatCourseDates(course.startsOn, course.endsOn)}</p>
        {entry.status === 'claimed' || claimed ? (
          <p role="status" className="mt-6 rounded border-l-4 border-green-700 bg-green-50 p-4 font-semibold">
            The place is yours, {entry.delegateName}. Your confirmation email has the calendar invite and your
            own link for the certificate.
          </p>
        ) : open ? (
          <>
            <p className="mt-6">
              A place has come free and is held for {entry.delegateName} until{' '}
              <strong>{dateAndTime(entry.holdExpiresAt ?? new Date())}</strong> (UK time). Weekends and bank
              holidays do not count towards the hold.
            </p>
            {cost.map((line) => (
              <p key={line} className="mt-2">
                {line}
              </p>
            ))}
            <ClaimForm tenant={tenant} token={token} />
          </>
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
