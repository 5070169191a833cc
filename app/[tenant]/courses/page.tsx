import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { DataTable } from '../../_components/data-table';
import { formatCourseDates, placeCost, programmeLabels } from '../../_lib/course-format';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { formatPence } from '~/server/catalogue/money';
import { untilMoment } from '~/server/format/dates';
import { BookingDecision, CancelPlace, LeaveWaitingList } from './booking-decision';
import { SchoolApprovalForm } from './school-approval-form';

export const metadata: Metadata = { title: 'CPD courses and bookings' };

const bookingStatusLabels = {
  pending_approval: 'Awaiting approval',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
};
const statusLabels = { draft: 'Draft', published: 'Published', cancelled: 'Cancelled' };

export default async function CoursesPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ passedOn?: string; when?: string }>;
}) {
  const { tenant } = await params;
  const { passedOn, when: whenParam } = await searchParams;
  // Upcoming by default; the courses that have run (their registers, evaluations and invoicing) one click away.
  const when = whenParam === 'past' ? 'past' : 'upcoming';
  const { api, workspace } = await loadWorkspace(tenant);
  const manages = workspace.roles.some((r) => r === 'tenant_admin' || r === 'adviser');
  // Anyone who books (staff, governors, ECTs, the head) may also be a delegate: their own places.
  const [myPlaces, myWaiting] = manages
    ? [[], []]
    : await Promise.all([guard(api.courses.myPlaces({})), guard(api.courses.myWaitingPlaces({}))]);
  const awaitingEvaluation = myPlaces.filter((p) => p.evaluationDue);
  const courses = manages ? await guard(api.courses.list({ when })) : [];
  const headteacher = !manages && workspace.roles.includes('school_admin');
  const [bookings, approval, schoolWaiting] = headteacher
    ? await Promise.all([
        guard(api.courses.schoolBookings({})),
        guard(api.courses.schoolBookingApproval({})),
        guard(api.courses.schoolWaitingPlaces({})),
      ])
    : [[], null, []];
  const today = todayInLondon();
  return (
    <div>
      <h1 className="text-3xl font-bold">CPD courses and bookings</h1>
      <p className="mt-2">
        <Link href={`/courses/${tenant}`} className="underline">
          Browse the course catalogue
        </Link>{' '}
        (open to everyone, no sign-in needed), then book from a course’s page.
      </p>
      {passedOn && (
        <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 p-4 font-semibold">
          The place has passed to {passedOn}: they have been sent the confirmation and calendar invite.
        </p>
      )}
      {!manages && (
        <section aria-labelledby="my-places" className="mt-8">
          <h2 id="my-places" className="text-xl font-semibold">
            Your places
          </h2>
          {awaitingEvaluation.length > 0 && (
            <p className="mt-2 rounded border-l-4 border-brand bg-white p-4">
              {awaitingEvaluation.length === 1
                ? 'One course is awaiting your evaluation.'
                : `${awaitingEvaluation.length} courses are awaiting your evaluation.`}
            </p>
          )}
          <DataTable
            caption="Your places"
            hideCaption
            rows={myPlaces}
            rowKey={(p) => p.id}
            empty="You have no places booked."
            columns={[
              { header: 'Course', rowHeader: true, cell: (p) => p.courseTitle },
              { header: 'Dates', cell: (p) => formatCourseDates(p.startsOn, p.endsOn) },
              { header: 'Status', cell: (p) => bookingStatusLabels[p.status] },
              {
                header: 'Evaluation',
                cell: (p) =>
                  p.evaluationDue ? (
                    <Link href={`/${tenant}/courses/places/${p.id}/evaluate`} className="underline">
                      Give your evaluation<span className="sr-only"> of {p.courseTitle}</span>
                    </Link>
                  ) : p.evaluatedAt ? (
                    'Given, thank you'
                  ) : (
                    '—'
                  ),
              },
              {
                header: 'Can’t go?',
                cell: (p) =>
                  p.mayPassOn ? (
                    <Link href={`/${tenant}/courses/places/${p.id}/substitute`} className="underline">
                      Send a colleague instead<span className="sr-only"> to {p.courseTitle}</span>
                    </Link>
                  ) : (
                    '—'
                  ),
              },
              {
                header: 'Cancel',
                cell: (p) =>
                  p.mayCancel ? (
                    <CancelPlace
                      bookingId={p.id}
                      whose={{ own: true, courseTitle: p.courseTitle }}
                      cancelNowPence={p.cancelNowPence}
                      vatRateBasisPoints={p.vatRateBasisPoints}
                    />
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
          {myWaiting.length > 0 && (
            <>
              <h3 className="mt-6 text-lg font-semibold">Your waiting lists</h3>
              <DataTable
                caption="Your waiting lists"
                hideCaption
                rows={myWaiting}
                rowKey={(w) => w.id}
                columns={[
                  { header: 'Course', rowHeader: true, cell: (w) => w.courseTitle },
                  { header: 'Dates', cell: (w) => formatCourseDates(w.startsOn, w.endsOn) },
                  { header: 'Where you are', cell: (w) => waitingState(w) },
                  {
                    header: 'Leave',
                    cell: (w) => <LeaveWaitingList entryId={w.id} courseTitle={w.courseTitle} />,
                  },
                ]}
              />
            </>
          )}
        </section>
      )}
      {headteacher && (
        <>
          {approval && (
            <section aria-labelledby="approval" className="mt-8">
              <h2 id="approval" className="text-xl font-semibold">
                Booking approval at {approval.name}
              </h2>
              <div className="mt-2">
                <SchoolApprovalForm initial={approval.staffBookingsNeedApproval} />
              </div>
            </section>
          )}
          <h2 className="mt-8 text-xl font-semibold">Your school’s places</h2>
          <p className="mt-2">
            {bookings.length > 0 &&
              `Charged for these places: ${formatPence(bookings.reduce((sum, b) => sum + b.costPence, 0))} (excluding VAT). `}
            <a href={`/${tenant}/courses/bookings/export`} className="underline">
              Download your school’s bookings and attendance (CSV)
            </a>
          </p>
          <DataTable
            caption="Your school’s places"
            hideCaption
            rows={bookings}
            rowKey={(b) => b.id}
            empty="No places booked yet."
            columns={[
              { header: 'Delegate', rowHeader: true, cell: (b) => b.delegateName },
              { header: 'Course', cell: (b) => b.courseTitle },
              { header: 'Dates', cell: (b) => formatCourseDates(b.startsOn, b.endsOn) },
              {
                header: 'Status',
                cell: (b) =>
                  b.status === 'pending_approval' ? (
                    <>
                      <p>{bookingStatusLabels[b.status]}</p>
                      <BookingDecision bookingId={b.id} delegateName={b.delegateName} />
                    </>
                  ) : (
                    bookingStatusLabels[b.status]
                  ),
              },
              { header: 'Cost (excluding VAT)', align: 'right', cell: placeCost },
              {
                header: 'Send instead',
                cell: (b) =>
                  b.status === 'confirmed' && b.startsOn && b.startsOn > today ? (
                    <Link href={`/${tenant}/courses/places/${b.id}/substitute`} className="underline">
                      Send a colleague<span className="sr-only"> instead of {b.delegateName}</span>
                    </Link>
                  ) : (
                    '—'
                  ),
              },
              {
                header: 'Cancel',
                cell: (b) =>
                  b.status !== 'cancelled' && b.startsOn && b.startsOn > today ? (
                    <CancelPlace
                      bookingId={b.id}
                      whose={{ own: false, delegateName: b.delegateName }}
                      cancelNowPence={b.cancelNowPence}
                      vatRateBasisPoints={b.vatRateBasisPoints}
                    />
                  ) : (
                    '—'
                  ),
              },
              {
                header: 'Certificate',
                cell: (b) =>
                  b.certificate ? (
                    <a href={`/${tenant}/courses/bookings/${b.id}/certificate`} className="underline">
                      Certificate (PDF)<span className="sr-only"> for {b.delegateName}</span>
                    </a>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </>
      )}
      {headteacher && schoolWaiting.length > 0 && (
        <>
          <h2 className="mt-8 text-xl font-semibold">Your school’s waiting lists</h2>
          <DataTable
            caption="Your school’s waiting lists"
            hideCaption
            rows={schoolWaiting}
            rowKey={(w) => w.id}
            columns={[
              { header: 'Delegate', rowHeader: true, cell: (w) => w.delegateName },
              { header: 'Course', cell: (w) => w.courseTitle },
              { header: 'Dates', cell: (w) => formatCourseDates(w.startsOn, w.endsOn) },
              { header: 'Where they are', cell: (w) => waitingState(w) },
              {
                header: 'Take off',
                cell: (w) => (
                  <LeaveWaitingList
                    entryId={w.id}
                    courseTitle={w.courseTitle}
                    delegateName={w.delegateName}
                  />
                ),
              },
            ]}
          />
        </>
      )}
      {manages && (
        <>
          <p className="mt-6">
            <Link href={`/${tenant}/courses/new`} className="font-semibold underline">
              Create a course
            </Link>
            {' · '}
            <Link href={`/${tenant}/courses/evaluations`} className="underline">
              Evaluations by facilitator
            </Link>
          </p>
          {courses.some((c) => c.decisionDue) && (
            <section
              aria-labelledby="decisions"
              className="mt-8 rounded border-l-4 border-amber-600 bg-amber-50 p-4"
            >
              <h2 id="decisions" className="text-xl font-semibold">
                Go/no-go decisions due
              </h2>
              <ul className="mt-2 list-disc pl-6">
                {courses
                  .filter((c) => c.decisionDue)
                  .map((c) => (
                    <li key={c.id}>
                      <Link href={`/${tenant}/courses/${c.id}`} className="underline">
                        {c.title}
                      </Link>
                      : {c.placesTaken} booked of a minimum {c.minimumNumbers}; decide by{' '}
                      {c.goNoGoOn ? formatCourseDates(c.goNoGoOn, c.goNoGoOn) : '—'}
                    </li>
                  ))}
              </ul>
            </section>
          )}
          <h2 className="mt-8 text-xl font-semibold">
            {when === 'past' ? 'Courses that have run' : 'Upcoming courses'}
          </h2>
          <p className="mt-1">
            {when === 'past' ? (
              <Link href={`/${tenant}/courses`} className="text-brand-dark underline">
                Upcoming courses
              </Link>
            ) : (
              <Link href={`/${tenant}/courses?when=past`} className="text-brand-dark underline">
                Courses that have run
              </Link>
            )}
            {' · '}
            <a href={`/${tenant}/courses/export?when=${when}`} className="text-brand-dark underline">
              Download this list (CSV)
            </a>
          </p>
          <DataTable
            caption={when === 'past' ? 'Courses that have run' : 'Upcoming courses'}
            hideCaption
            rows={courses}
            rowKey={(c) => c.id}
            empty={when === 'past' ? 'No course has run yet.' : 'No upcoming courses.'}
            columns={[
              {
                header: 'Course',
                rowHeader: true,
                cell: (c) => (
                  <Link href={`/${tenant}/courses/${c.id}`} className="underline">
                    {c.title}
                  </Link>
                ),
              },
              { header: 'Programme', cell: (c) => programmeLabels[c.programme] },
              { header: 'Dates', cell: (c) => formatCourseDates(c.startsOn, c.endsOn) },
              { header: 'Status', cell: (c) => statusLabels[c.status] },
              {
                header: 'Places taken',
                align: 'right',
                cell: (c) =>
                  `${c.placesTaken} of ${c.capacity} (${Math.round((c.placesTaken / c.capacity) * 100)}%)${c.awaitingApproval > 0 ? `, ${c.awaitingApproval} awaiting approval` : ''}`,
              },
              { header: 'Income', align: 'right', cell: (c) => formatPence(c.incomePence) },
              { header: 'Waiting', align: 'right', cell: (c) => c.waiting },
              {
                header: 'Minimum',
                cell: (c) =>
                  c.minimumNumbers > c.placesTaken && c.status === 'published'
                    ? `Below minimum (${c.minimumNumbers})`
                    : c.minimumNumbers || '—',
              },
            ]}
          />
        </>
      )}
    </div>
  );
}

/** Where someone is on a waiting list, in words. */
function waitingState(w: {
  status: string;
  position: number | null;
  holdExpiresAt: Date | null;
  schoolClosed: string | null;
}): string {
  if (w.schoolClosed)
    return w.status === 'offered'
      ? `${w.schoolClosed} The place held cannot be claimed: take them off to pass it on now, or it passes on when the hold ends.`
      : `${w.schoolClosed} They will be passed over when a place comes free.`;
  if (w.status === 'offered')
    return `A place is held${w.holdExpiresAt ? ` until ${untilMoment(w.holdExpiresAt)}` : ''}: claim it from the email`;
  return w.position === 1 ? 'Waiting: next in line' : `Waiting: number ${w.position ?? '?'} in line`;
}
