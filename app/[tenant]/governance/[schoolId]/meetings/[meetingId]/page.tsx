import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { longDate } from '~/server/format/dates';
import { countOf } from '~/server/format/plural';
import { roleOnBoard } from '~/server/governance/labels';
import { guard, loadWorkspace } from '../../../../../_lib/server-api';
import { AttendanceForm, DeleteMeeting, MeetingForm } from '../meeting-forms';

export const metadata: Metadata = { title: 'Meeting attendance' };

const linkClass = 'text-brand-dark underline';

const markLabels = { present: 'Present', apologies: 'Apologies accepted', absent: 'Absent' } as const;

export default async function MeetingPage({
  params,
}: {
  params: Promise<{ tenant: string; schoolId: string; meetingId: string }>;
}) {
  const { tenant, schoolId, meetingId } = await params;
  const { api } = await loadWorkspace(tenant);
  const { school, meeting, members, committees, mayEdit, toRecord } = await guard(
    api.governance.meeting({ meetingId }),
  );
  const title = `${meeting.label}, ${longDate(meeting.heldOn)}`;
  return (
    <div className="space-y-10">
      <div>
        <p>
          <Link className={linkClass} href={`/${tenant}/governance/${schoolId}/meetings`}>
            {school.name}: meetings
          </Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{title}</h1>
        {meeting.notes && <p className="mt-2 whitespace-pre-line">{meeting.notes}</p>}
      </div>

      <section aria-labelledby="attendance">
        <h2 id="attendance" className="text-2xl font-semibold">
          Attendance
        </h2>
        <p className="mt-2 text-slate-700">
          {meeting.membersListed
            ? `The committee’s members when the meeting was recorded (and on the board on ${longDate(meeting.heldOn)}): the meeting counts in their published attendance once they are marked.`
            : `Everyone on the board on ${longDate(meeting.heldOn)} except the clerk. A member left as not recorded is shown as not recorded in their published attendance, not as missed${meeting.kind === 'committee' ? ' (this committee meeting was recorded before committees were kept: leave those not on it unmarked)' : ''}.`}
        </p>
        {toRecord > 0 && (
          <p
            className="mt-4 border-l-4 border-amber-600 bg-amber-50 p-3 font-semibold"
            data-testid="attendance-to-record"
          >
            Attendance not recorded for {countOf(toRecord, 'member')}
            {mayEdit ? ': mark each one below.' : '.'}
          </p>
        )}
        <div className="mt-4">
          {meeting.upcoming ? (
            <p>This meeting is still to come: attendance can be recorded once it has been held.</p>
          ) : members.length === 0 ? (
            <p>
              {meeting.membersListed
                ? 'The committee had no members that day.'
                : 'Nobody was on the board that day.'}
            </p>
          ) : mayEdit ? (
            <AttendanceForm
              meetingId={meeting.id}
              members={members.map((m) => ({
                governorId: m.governorId,
                name: m.name,
                role: roleOnBoard(m),
                status: m.status,
              }))}
            />
          ) : (
            <ul className="list-disc pl-6">
              {members.map((m) => (
                <li key={m.governorId}>
                  {m.name}: {m.status ? markLabels[m.status] : 'Not recorded'}
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>

      {mayEdit && (
        <section aria-labelledby="edit-meeting" className="space-y-6">
          <div className="rounded-lg border border-slate-200 bg-white p-5">
            <MeetingForm
              tenant={tenant}
              schoolId={schoolId}
              meetingId={meeting.id}
              heading="Correct the meeting"
              headingId="edit-meeting"
              committees={committees}
              oldCommitteeName={
                meeting.kind === 'committee' && !meeting.committeeId ? meeting.label : undefined
              }
              initial={{
                heldOn: meeting.heldOn,
                kind: meeting.kind,
                committeeId: meeting.committeeId ?? '',
                notes: meeting.notes,
              }}
            />
          </div>
          <DeleteMeeting
            tenant={tenant}
            schoolId={schoolId}
            meetingId={meeting.id}
            label={meeting.label.toLowerCase()}
          />
        </section>
      )}
    </div>
  );
}
