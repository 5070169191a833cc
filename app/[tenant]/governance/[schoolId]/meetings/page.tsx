import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { DataTable } from '~/app/_components/data-table';
import { countOf } from '~/server/format/plural';
import { longDate, shortDate } from '~/server/format/dates';
import { guard, loadWorkspace } from '../../../../_lib/server-api';
import { MeetingForm } from './meeting-forms';

export const metadata: Metadata = { title: 'Board meetings and attendance' };

const linkClass = 'text-brand-dark underline';

export default async function MeetingsPage({
  params,
}: {
  params: Promise<{ tenant: string; schoolId: string }>;
}) {
  const { tenant, schoolId } = await params;
  const { api } = await loadWorkspace(tenant);
  const board = await guard(api.governance.meetings({ schoolId }));
  const { lastYear, thisYear } = board.published;
  const toRecord = board.meetings.filter((m) => m.toRecord > 0);
  return (
    <div className="space-y-10">
      <div>
        <p>
          <Link className={linkClass} href={`/${tenant}/governance`}>
            Governance
          </Link>
          {board.mayEdit && (
            <>
              {' '}
              ·{' '}
              <Link className={linkClass} href={`/${tenant}/governance/${schoolId}`}>
                The board’s register
              </Link>
            </>
          )}
        </p>
        <h1 className="mt-2 text-3xl font-bold">{board.school.name}: meetings and attendance</h1>
        <p className="mt-2 text-slate-700" data-testid="attendance-source">
          {lastYear.held + thisYear.held > 0
            ? `The published attendance of each governor is counted from the meetings recorded: ${countOf(lastYear.held, 'meeting')} in the ${lastYear.label} (${longDate(lastYear.from)} to ${longDate(lastYear.to)}) and ${countOf(thisYear.held, 'meeting')} in ${thisYear.label}.`
            : `No meetings recorded since ${longDate(lastYear.from)}: the published information shows the attendance typed on each governor’s entry.`}{' '}
          <Link className={linkClass} href={`/${tenant}/governance/${schoolId}/published`}>
            Published information
          </Link>
        </p>
      </div>

      {board.mayEdit && toRecord.length > 0 && (
        <p
          className="border-l-4 border-amber-600 bg-amber-50 p-3 font-semibold"
          data-testid="meetings-to-record"
        >
          Attendance still to record at {countOf(toRecord.length, 'meeting')}: open each one below to mark who
          came.
        </p>
      )}

      <section aria-labelledby="committees">
        <h2 id="committees" className="text-2xl font-semibold">
          Committees
        </h2>
        <p className="mt-2">
          {board.committees.length === 0
            ? 'The board has no committees recorded.'
            : board.committees.map((c) => `${c.name} (${countOf(c.members, 'member')})`).join(', ') +
              '.'}{' '}
          <Link className={linkClass} href={`/${tenant}/governance/${schoolId}/committees`}>
            {board.mayEdit ? 'Keep the board’s committees' : 'The board’s committees'}
          </Link>
        </p>
      </section>

      <section aria-labelledby="meetings">
        <h2 id="meetings" className="text-2xl font-semibold">
          Meetings
        </h2>
        <DataTable
          className="mt-3"
          caption="Meetings of the board and its committees, newest first"
          hideCaption
          rows={board.meetings}
          rowKey={(m) => m.id}
          rowTestId="meeting-row"
          columns={[
            {
              header: 'Date',
              rowHeader: true,
              cell: (m) => (
                <Link className={linkClass} href={`/${tenant}/governance/${schoolId}/meetings/${m.id}`}>
                  {shortDate(m.heldOn)}
                  <span className="sr-only">
                    : {m.label} on {longDate(m.heldOn)}
                  </span>
                </Link>
              ),
            },
            { header: 'Meeting', cell: (m) => m.label },
            {
              header: 'Attendance',
              cell: (m) =>
                m.upcoming ? (
                  'Still to come'
                ) : m.toRecord > 0 ? (
                  <>
                    {`${m.present} present, ${countOf(m.apologies, 'apology', 'apologies')}, ${m.absent} absent`}
                    <strong className="block text-amber-900" data-testid="attendance-to-record">
                      Attendance not recorded for {countOf(m.toRecord, 'member')}
                    </strong>
                  </>
                ) : (
                  `${m.present} present, ${countOf(m.apologies, 'apology', 'apologies')}, ${m.absent} absent, ${m.notRecorded} not recorded`
                ),
            },
            { header: 'Notes', cell: (m) => m.notes || '—' },
          ]}
          empty="No meetings are recorded for this board."
        />
      </section>

      {board.mayEdit && (
        <section aria-labelledby="add-meeting" className="rounded-lg border border-slate-200 bg-white p-5">
          <MeetingForm
            tenant={tenant}
            schoolId={schoolId}
            committees={board.committees}
            heading="Add a meeting"
            headingId="add-meeting"
          />
        </section>
      )}
    </div>
  );
}
