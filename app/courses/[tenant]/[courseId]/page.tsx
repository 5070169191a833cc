import type { Metadata } from 'next';
import { requestAppUrl } from '~/server/context';
import { Link } from '~/app/_components/link';
import { priceWithVat } from '~/server/courses/course-vat';
import { inSentence } from '~/server/catalogue/price-names';
import { statutoryFreeLine } from '~/server/courses/course-labels';
import { cancellationTermsSummary } from '~/server/courses/cancellation-terms';
import { DataTable } from '../../../_components/data-table';
import { SiteHeader } from '../../../_components/site-header';
import { belongsTo } from '../../../_components/your-workspace-link';
import {
  audienceLabels,
  formatCourseDate,
  formatCourseDates,
  formatLabels,
  sessionKindLabels,
} from '../../../_lib/course-format';
import { courseStructuredData, scriptJson } from '../../../_lib/course-structured-data';
import { guard, serverApi } from '../../../_lib/server-api';

type Params = Promise<{ tenant: string; courseId: string }>;

async function load(tenant: string, courseId: string) {
  const api = await serverApi(null);
  return guard(api.courseCatalogue.course({ tenant, id: courseId }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { tenant, courseId } = await params;
  const { course, tenant: provider } = await load(tenant, courseId);
  const description = course.description.slice(0, 160) || `${course.title} from ${provider.name}`;
  return {
    title: `${course.title} | ${provider.name}`,
    description,
    alternates: { canonical: `/courses/${tenant}/${courseId}` },
    openGraph: { title: course.title, description, type: 'website' },
  };
}

/** A course's public page: what, when, where, for whom and at what price; signed-in school users book it. */
export default async function PublicCoursePage({ params }: { params: Params }) {
  const { tenant, courseId } = await params;
  const api = await serverApi(null);
  const [{ course, sessions, vat, bookingClosed, tenant: provider }, session, appUrl] = await Promise.all([
    load(tenant, courseId),
    api.auth.session(),
    requestAppUrl(),
  ]);
  // A member signed in gets the way back into the workspace; an anonymous visitor's page asks nothing more.
  const member = session ? belongsTo(await api.workspaces.mine(), tenant) : false;
  const placesLeft = course.capacity - course.placesTaken;
  const jsonLd = courseStructuredData(course, provider, `${appUrl}/courses/${tenant}/${courseId}`);
  return (
    <>
      <SiteHeader user={session} workspace={member ? tenant : undefined} />
      <main id="main" className="mx-auto max-w-4xl px-4 py-8">
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(jsonLd) }} />
        <p>
          <Link href={`/courses/${tenant}`} className="underline">
            All courses from {provider.name}
          </Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{course.title}</h1>
        {course.status === 'cancelled' && (
          <p className="mt-4 rounded border-l-4 border-red-800 bg-red-50 p-3 font-semibold">
            This course has been cancelled.
          </p>
        )}
        <p className="mt-2 text-slate-700">
          {formatCourseDates(course.startsOn, course.endsOn)} · {formatLabels[course.format]}
          {course.venue ? ` · ${course.venue}` : ''}
        </p>
        <p className="mt-4 whitespace-pre-line">{course.description}</p>
        <dl className="mt-6 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">For</dt>
          <dd>
            {course.audiences.map((a) => audienceLabels[a as keyof typeof audienceLabels] ?? a).join(', ')}
          </dd>
          <dt className="font-semibold">Phase</dt>
          <dd>
            {course.phase}
            {course.keyStage ? `, ${course.keyStage}` : ''}
          </dd>
          {course.subject && (
            <>
              <dt className="font-semibold">Subject</dt>
              <dd>{course.subject}</dd>
            </>
          )}
          {course.facilitators.length > 0 && (
            <>
              <dt className="font-semibold">Led by</dt>
              <dd>{course.facilitators.join(', ')}</dd>
            </>
          )}
          <dt className="font-semibold">Price per place</dt>
          <dd>
            {provider.priceNames.member} {priceWithVat(course.memberPricePence, vat.rateForPrices)};{' '}
            {inSentence(provider.priceNames.nonMember)}{' '}
            {priceWithVat(course.nonMemberPricePence, vat.rateForPrices)}; outside the area{' '}
            {priceWithVat(course.outOfAreaPricePence, vat.rateForPrices)}.
            {vat.sentence ? ` ${vat.sentence}` : ''}
            {course.entitlementUnit ? ' A place may come out of your school’s subscription.' : ''}
            {course.statutoryFreeForGovernors ? ` ${statutoryFreeLine}` : ''}
          </dd>
          <dt className="font-semibold">Places</dt>
          <dd>
            {placesLeft > 0
              ? `${placesLeft} of ${course.capacity} left`
              : bookingClosed
                ? 'Full'
                : 'Full: you can join the waiting list'}
          </dd>
          {course.bookingDeadline && (
            <>
              <dt className="font-semibold">Book by</dt>
              <dd>{formatCourseDate(course.bookingDeadline)}</dd>
            </>
          )}
          <dt className="font-semibold">Cancellation</dt>
          <dd>{cancellationTermsSummary(course.cancellationTerms)}</dd>
        </dl>
        {course.status === 'published' && bookingClosed && (
          <p className="mt-6 font-semibold" data-testid="booking-closed">
            {bookingClosed} It can no longer be booked.
          </p>
        )}
        {course.status === 'published' && !bookingClosed && (
          // Before the sessions: a programme's list runs to dozens of rows, and booking is what most come for.
          <p className="mt-6">
            <Link
              href={`/${tenant}/courses/${courseId}/book`}
              className="inline-block rounded bg-brand px-4 py-3 font-semibold text-white no-underline"
            >
              {!session ? 'Sign in to book' : placesLeft > 0 ? 'Book places' : 'Join the waiting list'}
            </Link>
          </p>
        )}
        <h2 className="mt-8 text-xl font-semibold">Sessions</h2>
        <DataTable
          caption={`Sessions of ${course.title}`}
          hideCaption
          rows={sessions}
          rowKey={(s) => s.id}
          columns={[
            { header: 'Session', cell: (s) => s.title, rowHeader: true },
            { header: 'Date', cell: (s) => formatCourseDate(s.on) },
            { header: 'Time', cell: (s) => `${s.startTime}–${s.endTime}` },
            { header: 'Kind', cell: (s) => sessionKindLabels[s.kind] },
          ]}
        />
      </main>
    </>
  );
}
