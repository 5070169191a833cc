import type { Metadata } from 'next';
import { cancellationChargeLine } from '~/server/courses/course-emails';
import { longDate } from '~/server/format/dates';
import { DataTable } from '../../../../_components/data-table';
import { SiteHeader } from '../../../../_components/site-header';
import { NeedsForm } from './needs-form';
import { formatCourseDate, formatCourseDates } from '../../../../_lib/course-format';
import { guard, serverApi } from '../../../../_lib/server-api';

export const metadata: Metadata = { title: 'Your place', robots: { index: false } };
export const dynamic = 'force-dynamic';

/** A delegate's own page, from their confirmation email: the sessions and the calendar invite. */
export default async function PlacePage({ params }: { params: Promise<{ tenant: string; token: string }> }) {
  const { tenant, token } = await params;
  const api = await serverApi(null);
  const { booking, course, where, sessions, certificate, feedback, charge, cannotCome } = await guard(
    api.courseCatalogue.place({ tenant, token }),
  );
  return (
    <>
      <SiteHeader user={null} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">{course.title}</h1>
        <p className="mt-2 text-slate-700">
          {booking.delegateName} · {formatCourseDates(course.startsOn, course.endsOn)} ·{' '}
          {booking.status === 'confirmed' ? 'Place confirmed' : 'Booking cancelled'}
        </p>
        {booking.status === 'cancelled' && <p className="mt-4">{cancellationChargeLine(charge)}</p>}
        {booking.status === 'confirmed' && (
          <p className="mt-4">
            <a href={`/courses/${tenant}/place/${token}/calendar`} className="underline">
              Add every session to your calendar (.ics)
            </a>
          </p>
        )}
        {certificate && (
          <p className="mt-4">
            <a href={`/courses/${tenant}/place/${token}/certificate`} className="font-semibold underline">
              Download your certificate of attendance (PDF)
            </a>
          </p>
        )}
        {/* Feedback by this page's own link (its evaluation page): only once the course has finished and the
            delegate came; nothing at all for one absent throughout. */}
        {feedback && (
          <p className="mt-4" data-testid="feedback">
            {feedback.givenAt ? (
              `Thank you, feedback received on ${longDate(feedback.givenAt)}.`
            ) : (
              <a href={`/courses/${tenant}/place/${token}/evaluate`} className="font-semibold underline">
                Give your feedback
              </a>
            )}
          </p>
        )}
        {where.venue && <p className="mt-2">Venue: {where.venue}</p>}
        {cannotCome && (
          <p className="mt-4" data-testid="cannot-come">
            Cannot come? Ask the headteacher or business manager at {cannotCome.schoolName} to cancel your
            place or send a colleague instead.{' '}
            {cannotCome.freePassed
              ? `The last day to cancel free was ${formatCourseDate(cannotCome.freeUntil)}: cancelling now is charged to the school.`
              : `Cancelling is free until ${formatCourseDate(cannotCome.freeUntil)}.`}
          </p>
        )}
        {where.joiningLink && booking.status === 'confirmed' && (
          <p className="mt-2">
            Joining link:{' '}
            <a href={where.joiningLink} className="underline">
              {where.joiningLink}
            </a>
          </p>
        )}
        <h2 className="mt-6 text-xl font-semibold">Sessions</h2>
        <DataTable
          caption={`Sessions of ${course.title}`}
          hideCaption
          rows={sessions}
          rowKey={(s) => s.id}
          columns={[
            { header: 'Session', cell: (s) => s.title, rowHeader: true },
            { header: 'Date', cell: (s) => formatCourseDate(s.on) },
            { header: 'Time (UK)', cell: (s) => `${s.startTime}–${s.endTime}` },
          ]}
        />
        {booking.status === 'confirmed' && (
          <NeedsForm tenant={tenant} token={token} initial={booking.delegateNeeds} />
        )}
      </main>
    </>
  );
}
