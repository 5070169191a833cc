import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { agendaReasonLabels } from '~/server/concern/review-agenda';
import { guard, loadWorkspace } from '../../../../_lib/server-api';
import { decisionLabels, letterKindLabels, statusLabels } from '../../labels';
import { DecisionForm, HoldMeetingForm } from '../meeting-forms';
import { longDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'Review meeting' };

export default async function ReviewMeetingPage({
  params,
}: {
  params: Promise<{ tenant: string; meetingId: string }>;
}) {
  const { tenant, meetingId } = await params;
  const { api } = await loadWorkspace(tenant);
  const [m, leadOfficers] = await Promise.all([
    guard(api.concern.meeting({ meetingId })),
    api.concern.leadOfficers(),
  ]);
  const scheduled = m.meeting.status === 'scheduled';
  // Decisions and minutes wait for the meeting's day.
  const open = scheduled && m.hasCome;
  return (
    <div>
      <p>
        <Link href={`/${tenant}/concern/meetings`} className="text-brand-dark underline">
          All {m.meetingName} meetings
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">
        {m.meetingName}, {longDate(m.meeting.meetingOn)}
      </h1>
      <p className="mt-1">
        {scheduled ? 'Scheduled' : 'Held'}
        {m.meeting.chairName ? ` · chaired by ${m.meeting.chairName}` : ''}
        {m.meeting.attendees ? ` · ${m.meeting.attendees}` : ''}
      </p>
      {scheduled && !m.hasCome && (
        <p className="mt-2 rounded border border-slate-200 bg-slate-50 p-3" data-testid="meeting-not-yet">
          This meeting has not been held yet. Its decisions can be recorded, and the meeting marked as held,
          from {longDate(m.meeting.meetingOn)}.
        </p>
      )}

      <section aria-labelledby="agenda" className="mt-6">
        <h2 id="agenda" className="text-2xl font-semibold">
          Agenda
        </h2>
        {m.agenda.length === 0 ? (
          <p className="mt-2">Nothing on the register needs this meeting’s decision.</p>
        ) : (
          <ol className="mt-3 space-y-4">
            {m.agenda.map((item) => (
              <li
                key={item.caseId}
                className="rounded-lg border border-slate-200 bg-white p-4"
                data-testid="agenda-item"
              >
                <h3 className="text-lg font-semibold">
                  <Link href={`/${tenant}/concern/${item.caseId}`} className="text-brand-dark underline">
                    {item.schoolName}
                  </Link>{' '}
                  <span className="text-base font-normal">
                    (URN {item.urn}) · {statusLabels[item.status]}
                  </span>
                </h3>
                <ul className="mt-1 list-disc pl-5 text-sm">
                  {item.reasons.map((r) => (
                    <li key={r}>
                      {agendaReasonLabels[r]}
                      {r === 'overdue_actions' ? ` (${item.overdueItems})` : ''}
                      {r === 'review_due' && item.nextReviewOn ? ` (by ${longDate(item.nextReviewOn)})` : ''}
                    </li>
                  ))}
                </ul>
                {item.decisions.length > 0 && (
                  <ul className="mt-2 space-y-1" aria-label={`Decisions on ${item.schoolName}`}>
                    {item.decisions.map((d) => (
                      <li key={d.id} data-testid="decision">
                        <span className="font-semibold">{decisionLabels[d.decision]}</span>: {d.rationale}
                        {d.recordedBy ? ` (recorded by ${d.recordedBy})` : ''}
                      </li>
                    ))}
                  </ul>
                )}
                {item.letters.length > 0 && (
                  <ul className="mt-2 space-y-1">
                    {item.letters.map((l) => (
                      <li key={l.id}>
                        <a
                          href={`/${tenant}/concern/letters/${l.id}/pdf`}
                          className="text-brand-dark underline"
                        >
                          {letterKindLabels[l.kind]}: {l.subject} (PDF)
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
                {open && (item.status === 'candidate' || item.status === 'designated') && (
                  <DecisionForm
                    meetingId={m.meeting.id}
                    caseId={item.caseId}
                    schoolName={item.schoolName}
                    status={item.status}
                    leadOfficerTitle={m.leadOfficerTitle}
                    leadOfficers={leadOfficers}
                  />
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      {scheduled ? (
        open && <HoldMeetingForm meetingId={m.meeting.id} />
      ) : (
        <section aria-labelledby="minutes-heading" className="mt-6">
          <h2 id="minutes-heading" className="text-2xl font-semibold">
            Minutes
          </h2>
          <p className="mt-2 whitespace-pre-line">{m.meeting.minutes}</p>
        </section>
      )}
    </div>
  );
}
