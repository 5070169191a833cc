import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { formatPence } from '~/server/catalogue/money';
import { DataTable } from '../../../_components/data-table';
import {
  courseWhere,
  formatCourseDate,
  formatCourseDates,
  formatLabels,
  sessionKindLabels,
} from '../../../_lib/course-format';
import { cancellationTermsSummary, freeCancellationUntil } from '~/server/courses/cancellation-terms';
import { inSentence, priceNamesOf } from '~/server/catalogue/price-names';
import { statutoryFreeLine } from '~/server/courses/course-labels';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { LeaveWaitingList, PromoteButton } from '../booking-decision';
import { CancelCourseForm, DuplicateForm, MessageDelegatesForm, PublishButton } from './course-actions';
import { dateAndTime, untilMoment } from '~/server/format/dates';
import { countOf } from '~/server/format/plural';

const bookingStatusLabels = {
  pending_approval: 'Awaiting approval',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
};
const fundingLabels = { entitlement: 'Entitlement', charge: 'Charged', free: 'Free' };
export const metadata: Metadata = { title: 'Course' };

/** The manager's page for one course: details, sessions, fill, and what can be done with it. */
export default async function CoursePage({
  params,
}: {
  params: Promise<{ tenant: string; courseId: string }>;
}) {
  const { tenant, courseId } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  const names = priceNamesOf(workspace.tenant.settings);
  // Someone of the workspace who does not organise courses (a head following a link, say) sees the course's public
  // page, with its booking link, rather than a refusal.
  const elsePublicPage = { forbiddenTo: `/courses/${tenant}/${courseId}` };
  const [{ course, sessions, counts, placesLeft }, delegates, messages] = await Promise.all([
    guard(api.courses.byId({ id: courseId }), elsePublicPage),
    guard(api.courses.delegates({ courseId }), elsePublicPage),
    guard(api.courses.messages({ courseId }), elsePublicPage),
  ]);
  const where = courseWhere(course);
  return (
    <div>
      <p>
        <Link href={`/${tenant}/courses`} className="underline">
          All courses
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{course.title}</h1>
      <p className="mt-2 text-slate-700">
        {formatCourseDates(course.startsOn, course.endsOn)} · {formatLabels[course.format]} · {course.status}
      </p>
      <dl className="mt-6 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Places</dt>
        <dd>
          {counts.confirmed} confirmed, {counts.onHold} held for the waiting list, {placesLeft} left of{' '}
          {course.capacity}; {counts.waiting} waiting
        </dd>
        {where.venue && (
          <>
            <dt className="font-semibold">Venue</dt>
            <dd>{where.venue}</dd>
          </>
        )}
        {where.joiningLink && (
          <>
            <dt className="font-semibold">Joining link</dt>
            <dd>
              <a href={where.joiningLink} className="break-all underline">
                {where.joiningLink}
              </a>
            </dd>
          </>
        )}
        <dt className="font-semibold">Book by</dt>
        <dd>{course.bookingDeadline ? formatCourseDate(course.bookingDeadline) : 'No booking deadline'}</dd>
        <dt className="font-semibold">Minimum numbers</dt>
        <dd>{course.minimumNumbers || 'None'}</dd>
        <dt className="font-semibold">Go/no-go date</dt>
        <dd>{course.goNoGoOn ? formatCourseDate(course.goNoGoOn) : 'None set'}</dd>
        <dt className="font-semibold">Prices</dt>
        <dd>
          {names.member} {formatPence(course.memberPricePence)}, {inSentence(names.nonMember)}{' '}
          {formatPence(course.nonMemberPricePence)}, out of area {formatPence(course.outOfAreaPricePence)}
          {course.statutoryFreeForGovernors ? `. ${statutoryFreeLine}` : ''}
        </dd>
        <dt className="font-semibold">Entitlement</dt>
        <dd>
          {course.entitlementUnit
            ? `Draws ${course.entitlementUnit.replace('_', ' ')}${course.entitlementCategory ? ` (${course.entitlementCategory})` : ''}`
            : 'Always charged'}
        </dd>
        <dt className="font-semibold">Cancellation</dt>
        <dd>
          {cancellationTermsSummary(course.cancellationTerms)}
          {course.startsOn
            ? ` Last day to cancel free: ${formatCourseDate(freeCancellationUntil(course.cancellationTerms, course.startsOn))}.`
            : ''}
        </dd>
        <dt className="font-semibold">Facilitators</dt>
        <dd>{course.facilitators.map((f) => f.name).join(', ') || 'None yet'}</dd>
      </dl>
      <h2 className="mt-8 text-xl font-semibold">Sessions ({sessions.length})</h2>
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
      <h2 className="mt-8 text-xl font-semibold">Delegates ({delegates.bookings.length})</h2>
      {delegates.bookings.length + delegates.waiting.length > 0 && (
        <p className="mt-2">
          <a href={`/${tenant}/courses/${course.id}/delegates-csv`} className="underline">
            Download the delegate list (CSV)
          </a>{' '}
          — places, waiting list and attendance, for a sign-in sheet or the venue.
        </p>
      )}
      <DataTable
        caption={`Delegates on ${course.title}`}
        hideCaption
        rows={delegates.bookings}
        rowKey={(b) => b.id}
        empty="No bookings yet."
        columns={[
          { header: 'Delegate', cell: (b) => b.delegateName, rowHeader: true },
          { header: 'School', cell: (b) => b.schoolName },
          { header: 'Access or dietary needs', cell: (b) => b.delegateNeeds || '—' },
          { header: 'Status', cell: (b) => bookingStatusLabels[b.status] },
          {
            header: 'Funding',
            // A cancelled place funds nothing (a late cancellation's charge is on the school's bookings).
            cell: (b) => (b.funding && b.status !== 'cancelled' ? fundingLabels[b.funding] : '—'),
          },
        ]}
      />
      {delegates.waiting.length > 0 && (
        <>
          <h2 className="mt-8 text-xl font-semibold">Waiting list ({delegates.waiting.length})</h2>
          <DataTable
            caption={`Waiting list for ${course.title}`}
            hideCaption
            rows={delegates.waiting}
            rowKey={(w) => w.id}
            columns={[
              { header: 'Delegate', cell: (w) => w.delegateName, rowHeader: true },
              { header: 'School', cell: (w) => w.schoolName },
              {
                header: 'Status',
                cell: (w) =>
                  w.status === 'offered' && w.holdExpiresAt
                    ? `Offered, held until ${untilMoment(w.holdExpiresAt)}`
                    : 'Waiting',
              },
              {
                header: 'Action',
                cell: (w) => (
                  <div className="flex flex-wrap gap-2">
                    {w.status === 'waiting' && course.status === 'published' && (
                      <PromoteButton entryId={w.id} delegateName={w.delegateName} />
                    )}
                    <LeaveWaitingList
                      entryId={w.id}
                      courseTitle={course.title}
                      delegateName={w.delegateName}
                    />
                  </div>
                ),
              },
            ]}
          />
        </>
      )}
      {delegates.passedOver.length > 0 && (
        <>
          <h2 className="mt-8 text-xl font-semibold">
            Passed over on the waiting list ({delegates.passedOver.length})
          </h2>
          <p className="mt-2">
            Their school closed before they could take a place, so it went to the next person waiting.
          </p>
          <DataTable
            caption={`Passed over on the waiting list for ${course.title}`}
            hideCaption
            rows={delegates.passedOver}
            rowKey={(p) => p.id}
            columns={[
              { header: 'Delegate', cell: (p) => p.delegateName, rowHeader: true },
              { header: 'School', cell: (p) => p.schoolName },
              { header: 'Why', cell: (p) => p.reason },
            ]}
          />
        </>
      )}
      {messages.length > 0 && (
        <>
          <h2 className="mt-8 text-xl font-semibold">Messages sent ({messages.length})</h2>
          <DataTable
            caption={`Messages sent to the delegates of ${course.title}`}
            hideCaption
            rows={messages}
            rowKey={(m) => m.id}
            columns={[
              { header: 'Subject', cell: (m) => m.subject, rowHeader: true },
              { header: 'Sent', cell: (m) => dateAndTime(m.sentAt) },
              {
                header: 'To',
                cell: (m) =>
                  `${countOf(m.recipients, 'person', 'people')}${m.includesWaitingList ? ' (waiting list included)' : ''}`,
              },
              { header: 'By', cell: (m) => m.sentBy ?? '—' },
            ]}
          />
        </>
      )}
      {course.status === 'published' && (
        <div className="mt-8">
          <MessageDelegatesForm
            courseId={course.id}
            confirmed={counts.confirmed}
            waiting={counts.waiting + counts.onHold}
          />
        </div>
      )}
      <div className="mt-8 space-y-6">
        <p className="flex flex-wrap gap-x-6 gap-y-2">
          {course.status !== 'cancelled' && (
            <Link href={`/${tenant}/courses/${course.id}/edit`} className="font-semibold underline">
              Edit the course
            </Link>
          )}
          {/* A draft has no one booked to mark or to evaluate it; a cancelled course's places are all cancelled,
              so its register has no one to mark (its evaluations, from sessions that ran, can still be read). */}
          {course.status === 'published' && sessions.length > 0 && (
            <Link href={`/${tenant}/courses/${course.id}/register`} className="font-semibold underline">
              Take the register
            </Link>
          )}
          {course.status !== 'draft' && (
            <Link href={`/${tenant}/courses/${course.id}/evaluations`} className="font-semibold underline">
              Evaluations
            </Link>
          )}
        </p>
        {course.status === 'draft' && <PublishButton courseId={course.id} />}
        {course.status === 'published' && (
          <p>
            <Link href={`/courses/${tenant}/${course.id}`} className="underline">
              See its public page
            </Link>
          </p>
        )}
        <DuplicateForm courseId={course.id} tenant={tenant} />
        {course.status !== 'cancelled' && (
          <CancelCourseForm courseId={course.id} tenant={tenant} draft={course.status === 'draft'} />
        )}
        {course.status === 'cancelled' && (
          <p className="rounded border-l-4 border-red-800 bg-red-50 p-4">
            Cancelled{course.cancelledReason ? `: ${course.cancelledReason.replace(/[.!]$/, '')}` : ''}.
          </p>
        )}
      </div>
    </div>
  );
}
