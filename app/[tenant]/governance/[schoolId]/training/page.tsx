import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { DataTable } from '~/app/_components/data-table';
import { roleOnBoard } from '~/server/governance/labels';
import { guard, loadWorkspace } from '../../../../_lib/server-api';
import { BookTrainingForm } from '../../governance-forms';
import { shortDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'The board’s training' };

const costLabel = (c: { cost: string; pricePence: number }) =>
  c.cost === 'statutory_free'
    ? 'Free: statutory governor training'
    : c.cost === 'free'
      ? 'Free'
      : c.cost === 'package'
        ? 'Covered by the governing-body package'
        : `£${(c.pricePence / 100).toFixed(2)} a place`;

export default async function BoardTrainingPage({
  params,
}: {
  params: Promise<{ tenant: string; schoolId: string }>;
}) {
  const { tenant, schoolId } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  const { members: rows, bookedOn } = await guard(api.governance.boardTraining({ schoolId }));
  const withAccountOrEmail = rows.filter((r) => r.category !== 'clerk');
  const first = withAccountOrEmail[0];
  const courses =
    first && workspace.tenant.modules.includes('courses')
      ? await guard(api.governance.trainingCourses({ schoolId, governorId: first.governorId }))
      : null;
  return (
    <div className="space-y-8">
      <div>
        <p>
          <Link className="text-brand-dark underline" href={`/${tenant}/governance/${schoolId}`}>
            The board’s register
          </Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">The board’s training</h1>
      </div>
      <DataTable
        caption="Training of each current member of the board"
        hideCaption
        rows={rows}
        rowKey={(r) => r.governorId}
        columns={[
          {
            header: 'Member',
            rowHeader: true,
            cell: (r) => (
              <Link
                className="text-brand-dark underline"
                href={`/${tenant}/governance/training/${r.governorId}`}
              >
                {r.name}
              </Link>
            ),
          },
          { header: 'Role', cell: (r) => roleOnBoard(r) },
          {
            header: 'Courses booked',
            cell: (r) =>
              r.courses.length > 0 ? (
                <ul className="space-y-1">
                  {r.courses.map((c) => (
                    <li key={c.courseId} data-testid="member-course">
                      {c.title} ({shortDate(c.startsOn)})
                      {c.status === 'pending_approval' && (
                        <strong className="block text-amber-800">Awaiting the school’s approval</strong>
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                'None booked'
              ),
          },
          {
            header: 'Elsewhere',
            cell: (r) => r.external.map((e) => `${e.title} (${shortDate(e.on)})`).join('; ') || '—',
          },
        ]}
      />
      {courses && (
        <section aria-labelledby="book">
          <h2 id="book" className="text-2xl font-semibold">
            Book governor training for the board
          </h2>
          <p className="mt-1 text-slate-700">
            Prices shown are for {first?.name}; statutory training is free to every governor of a maintained
            school.
          </p>
          <ul className="mt-3 space-y-4">
            {courses.courses.map((c) => (
              <li
                key={c.id}
                className="rounded-lg border border-slate-200 bg-white p-4"
                data-testid="board-course"
              >
                <h3 className="text-lg font-semibold">{c.title}</h3>
                <p>
                  {shortDate(c.startsOn)} · {costLabel(c)} · {c.placesLeft} places left
                </p>
                {bookedOn[c.id] && (
                  <p className="mt-1 font-semibold" data-testid="board-course-booked">
                    Booked from the board: {bookedOn[c.id]?.join(', ')}
                  </p>
                )}
                <BookTrainingForm
                  courseId={c.id}
                  courseTitle={c.title}
                  schoolId={schoolId}
                  governors={withAccountOrEmail.map((r) => ({
                    id: r.governorId,
                    name: r.name,
                    booked: r.courses.some((booked) => booked.courseId === c.id),
                  }))}
                />
              </li>
            ))}
          </ul>
          {courses.courses.length === 0 && <p className="mt-2">No governor courses are open for booking.</p>}
        </section>
      )}
    </div>
  );
}
