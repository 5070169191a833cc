import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { longDate } from '~/server/format/dates';
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
  const { school, meeting, members, mayEdit } = await guard(api.governance.meeting({ meetingId }));
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
          Everyone on the board on {longDate(meeting.heldOn)} except the clerk. A member left as not recorded
          is not counted in their published attendance (a committee they do not sit on, say).
        </p>
        <div className="mt-4">
          {meeting.upcoming ? (
            <p>This meeting is still to come: attendance can be recorded once it has been held.</p>
          ) : members.length === 0 ? (
            <p>Nobody was on the board that day.</p>
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
              schoolId={schoolId}
              meetingId={meeting.id}
              heading="Correct the meeting"
              headingId="edit-meeting"
              initial={{
                heldOn: meeting.heldOn,
                kind: meeting.kind,
                committeeName: meeting.committeeName,
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
