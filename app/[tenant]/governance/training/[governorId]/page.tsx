import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { DataTable } from '~/app/_components/data-table';
import { categoryLabels } from '~/server/governance/labels';
import { guard, loadWorkspace } from '../../../../_lib/server-api';
import { BookTrainingForm, ExternalTrainingForm } from '../../governance-forms';
import { shortDate } from '~/server/format/dates';
import { CancelPlace } from '../../../courses/booking-decision';

export const metadata: Metadata = { title: 'Governor training' };

const costLabel = (c: { cost: string; pricePence: number }) =>
  c.cost === 'statutory_free'
    ? 'Free: statutory governor training'
    : c.cost === 'free'
      ? 'Free'
      : c.cost === 'package'
        ? 'Covered by your school’s governing-body package'
        : `£${(c.pricePence / 100).toFixed(2)}`;

export default async function GovernorTrainingPage({
  params,
}: {
  params: Promise<{ tenant: string; governorId: string }>;
}) {
  const { tenant, governorId } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  const record = await guard(api.governance.training({ governorId }));
  const { governor } = record;
  const open = workspace.tenant.modules.includes('courses')
    ? await guard(api.governance.trainingCourses({ schoolId: governor.schoolId, governorId }))
    : null;
  const booked = new Set(record.courses.map((c) => c.courseId));
  return (
    <div className="space-y-8">
      <div>
        <p>
          <Link className="text-brand-dark underline" href={`/${tenant}/governance`}>
            Governance
          </Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">Training record: {governor.name}</h1>
        <p className="mt-2 text-slate-700">{categoryLabels[governor.category]}</p>
      </div>
      <section aria-labelledby="committees">
        <h2 id="committees" className="text-2xl font-semibold">
          Committees
        </h2>
        <DataTable
          className="mt-3"
          caption="Committees of the board"
          hideCaption
          rows={record.committees}
          rowKey={(c, i) => `${c.committeeId}-${i}`}
          rowTestId="governor-committee"
          columns={[
            { header: 'Committee', rowHeader: true, cell: (c) => c.label },
            { header: 'Member from', cell: (c) => shortDate(c.joinedOn) },
            {
              header: 'Until',
              cell: (c) => (c.current ? 'Current member' : `${shortDate(c.leftOn)} (past member)`),
            },
          ]}
          empty="Not on any of the board’s committees."
        />
      </section>
      <section aria-labelledby="courses">
        <h2 id="courses" className="text-2xl font-semibold">
          Courses
        </h2>
        <DataTable
          className="mt-3"
          caption="Courses booked"
          hideCaption
          rows={record.courses}
          rowKey={(c) => c.bookingId}
          rowTestId="training-course"
          columns={[
            { header: 'Course', rowHeader: true, cell: (c) => c.title },
            { header: 'Date', cell: (c) => shortDate(c.startsOn) },
            { header: 'Sessions attended', align: 'right', cell: (c) => c.sessionsAttended },
            {
              header: 'Paid by',
              cell: (c) =>
                c.status === 'pending_approval'
                  ? 'Awaiting the school’s approval'
                  : c.funding === 'free'
                    ? 'Free'
                    : c.funding === 'entitlement'
                      ? 'Package'
                      : 'Charged to the school',
            },
            record.isOwn && {
              header: 'Cancel',
              cell: (c) =>
                c.mayCancel ? (
                  <CancelPlace
                    bookingId={c.bookingId}
                    whose={{ own: true, courseTitle: c.title }}
                    cancelNowPence={c.cancelNowPence}
                    vatRateBasisPoints={c.vatRateBasisPoints}
                  />
                ) : (
                  '—'
                ),
            },
          ]}
          empty="No courses booked yet."
        />
      </section>
      <section aria-labelledby="elsewhere">
        <h2 id="elsewhere" className="text-2xl font-semibold">
          Training elsewhere
        </h2>
        <DataTable
          className="mt-3"
          caption="Training elsewhere"
          hideCaption
          rows={record.external}
          rowKey={(e) => e.id}
          columns={[
            { header: 'Training', rowHeader: true, cell: (e) => e.title },
            { header: 'Date', cell: (e) => shortDate(e.on) },
            { header: 'Provider', cell: (e) => e.provider || '—' },
          ]}
          empty="None recorded."
        />
        <div className="mt-4 rounded-lg border border-slate-200 bg-white p-5">
          <ExternalTrainingForm governorId={governorId} />
        </div>
      </section>
      {open && (
        <section aria-labelledby="book">
          <h2 id="book" className="text-2xl font-semibold">
            Book governor training
          </h2>
          <ul className="mt-3 space-y-4">
            {open.courses.map((c) => (
              <li
                key={c.id}
                className="rounded-lg border border-slate-200 bg-white p-4"
                data-testid="governor-course"
              >
                <h3 className="text-lg font-semibold">{c.title}</h3>
                <p>
                  {shortDate(c.startsOn)} · <span data-testid="course-cost">{costLabel(c)}</span> ·{' '}
                  {c.placesLeft} places left
                </p>
                {booked.has(c.id) ? (
                  <p className="mt-2 font-semibold">Booked.</p>
                ) : (
                  <BookTrainingForm
                    courseId={c.id}
                    courseTitle={c.title}
                    schoolId={governor.schoolId}
                    governors={[{ id: governorId, name: governor.name }]}
                  />
                )}
              </li>
            ))}
          </ul>
          {open.courses.length === 0 && <p className="mt-2">No governor courses are open for booking.</p>}
        </section>
      )}
    </div>
  );
}
