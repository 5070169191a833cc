import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { DataTable } from '~/app/_components/data-table';
import { roleOnBoard } from '~/server/governance/labels';
import { guard, loadWorkspace } from '../../../../_lib/server-api';
import { longDate, shortDate } from '~/server/format/dates';
import { countOf } from '~/server/format/plural';

export const metadata: Metadata = { title: 'Published governance information' };

type Row = { attendance: string; attendanceThisYear: string | null };

export default async function PublishedPage({
  params,
}: {
  params: Promise<{ tenant: string; schoolId: string }>;
}) {
  const { tenant, schoolId } = await params;
  const { api } = await loadWorkspace(tenant);
  const published = await guard(api.governance.published({ schoolId }));
  const { lastYear, thisYear } = published.periods;
  return (
    <div>
      <p>
        <Link className="text-brand-dark underline" href={`/${tenant}/governance`}>
          Governance
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{published.schoolName}: governance information</h1>
      <p className="mt-2 text-slate-700">
        What the school publishes for everyone who served on the board in the last 12 months, including those
        who have stepped down.
      </p>
      <p className="mt-2 text-slate-700" data-testid="attendance-source">
        {published.attendanceSource === 'meetings'
          ? `Attendance is counted from the meetings the clerk recorded, over the ${lastYear.label} (${longDate(lastYear.from)} to ${longDate(lastYear.to)}, ${countOf(lastYear.held, 'meeting')}) and ${thisYear.label} (since ${longDate(thisYear.from)}, ${countOf(thisYear.held, 'meeting')}): meetings attended out of those each governor was marked at; a meeting that expected them where their attendance was not recorded is counted apart, as not recorded, not as missed.`
          : `No meetings are recorded since ${longDate(lastYear.from)}: attendance is shown as typed on each governor’s entry.`}{' '}
        <Link className="text-brand-dark underline" href={`/${tenant}/governance/${schoolId}/meetings`}>
          Meetings and attendance
        </Link>
      </p>
      <DataTable
        className="mt-4"
        caption="Governors in the last 12 months"
        hideCaption
        rows={published.governors}
        rowKey={(g) => g.id}
        columns={[
          { header: 'Name', rowHeader: true, cell: (g) => g.name },
          { header: 'Role', cell: (g) => roleOnBoard(g) },
          { header: 'Appointed by', cell: (g) => g.appointingBody },
          { header: 'Appointed', cell: (g) => shortDate(g.appointedOn) },
          {
            header: 'Term of office',
            cell: (g) => (g.termYears ? `${g.termYears} years, to ${shortDate(g.termEndsOn)}` : 'Ex officio'),
          },
          { header: 'Stepped down', cell: (g) => shortDate(g.steppedDownOn) },
          {
            header: 'Business and pecuniary interests',
            cell: (g) => (
              <>
                {g.businessInterests || (g.businessInterestsUrl ? '' : 'None declared')}
                {g.businessInterestsUrl && (
                  <a className="block text-brand-dark underline" href={g.businessInterestsUrl}>
                    Register of interests<span className="sr-only"> for {g.name}</span>
                  </a>
                )}
                {g.otherBoards.length > 0 && (
                  <span className="block">Also governor of {g.otherBoards.join(', ')}</span>
                )}
              </>
            ),
          },
          ...(published.attendanceSource === 'meetings'
            ? [
                { header: `Attendance, ${lastYear.label}`, cell: (g: Row) => g.attendance },
                { header: `Attendance, ${thisYear.label}`, cell: (g: Row) => g.attendanceThisYear ?? '—' },
              ]
            : [{ header: 'Attendance', cell: (g: Row) => g.attendance || '—' }]),
        ]}
        empty="No governors are recorded for this school."
      />
    </div>
  );
}
