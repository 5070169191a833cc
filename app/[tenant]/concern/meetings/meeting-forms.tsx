'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../_components/error-summary';
import { useTRPC } from '../../../_lib/trpc-client';
import { buttonClass, inputClass, summaryOf } from '../concern-forms';
import { decisionLabels, groundLabels } from '../labels';

export function ScheduleMeetingForm({
  tenant,
  meetingName,
  suggestedOn,
}: {
  tenant: string;
  meetingName: string;
  suggestedOn: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [meetingOn, setMeetingOn] = useState(suggestedOn);
  const [chairName, setChairName] = useState('');
  const [attendees, setAttendees] = useState('');
  const schedule = useMutation(
    trpc.concern.scheduleMeeting.mutationOptions({
      onSuccess: (made) => router.push(`/${tenant}/concern/meetings/${made.meetingId}`),
    }),
  );
  const errors = summaryOf(schedule.error, {
    meetingOn: 'meeting-on',
    chairName: 'chair-name',
    attendees: 'attendees',
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    schedule.mutate({ meetingOn, chairName, attendees });
  }
  return (
    <form onSubmit={onSubmit} className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="text-xl font-semibold">Schedule a {meetingName} meeting</h2>
      <ErrorSummary errors={errors} />
      <label htmlFor="meeting-on" className="mt-3 block font-semibold">
        Date of the meeting
      </label>
      <p id="meeting-on-hint" className="text-sm text-slate-700">
        Suggested from the meeting cycle.
      </p>
      <input
        id="meeting-on"
        type="date"
        value={meetingOn}
        onChange={(e) => setMeetingOn(e.target.value)}
        aria-describedby="meeting-on-hint"
        className={inputClass}
      />
      <label htmlFor="chair-name" className="mt-3 block font-semibold">
        Chair (optional)
      </label>
      <input
        id="chair-name"
        value={chairName}
        onChange={(e) => setChairName(e.target.value)}
        className={inputClass}
      />
      <label htmlFor="attendees" className="mt-3 block font-semibold">
        Attendees (optional)
      </label>
      <textarea
        id="attendees"
        rows={2}
        value={attendees}
        onChange={(e) => setAttendees(e.target.value)}
        className={inputClass}
      />
      <button type="submit" disabled={schedule.isPending} className={`${buttonClass} mt-4`}>
        {schedule.isPending ? 'Scheduling…' : 'Schedule meeting'}
      </button>
    </form>
  );
}

type Decision = keyof typeof decisionLabels;
type Ground = keyof typeof groundLabels;

export function DecisionForm({
  meetingId,
  caseId,
  schoolName,
  status,
  leadOfficerTitle,
  leadOfficers,
}: {
  meetingId: string;
  caseId: string;
  schoolName: string;
  status: string;
  leadOfficerTitle: string;
  leadOfficers: { userId: string; name: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const choices: Decision[] =
    status === 'candidate'
      ? ['designate', 'not_designated', 'continue', 'letter_of_concern']
      : ['continue', 'remove', 'letter_of_concern', 'recommend_warning_notice'];
  const [decision, setDecision] = useState<Decision>(choices[0] ?? 'continue');
  const [rationale, setRationale] = useState('');
  const [leadOfficerUserId, setLeadOfficerUserId] = useState('');
  const [grounds, setGrounds] = useState<Ground[]>([]);
  const record = useMutation(
    trpc.concern.recordDecision.mutationOptions({
      onSuccess: () => {
        setRationale('');
        router.refresh();
      },
    }),
  );
  const errors = summaryOf(record.error, {
    decision: `${id}-decision`,
    rationale: `${id}-rationale`,
    leadOfficerUserId: `${id}-lead`,
    grounds: `${id}-grounds`,
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    record.mutate({
      meetingId,
      caseId,
      decision,
      rationale,
      leadOfficerUserId: decision === 'designate' && leadOfficerUserId ? leadOfficerUserId : undefined,
      grounds: decision === 'recommend_warning_notice' ? grounds : [],
    });
  }
  return (
    <form onSubmit={onSubmit} className="mt-3 rounded border border-slate-200 bg-slate-50 p-4">
      <h4 className="font-semibold">Record a decision on {schoolName}</h4>
      <ErrorSummary errors={errors} />
      <label htmlFor={`${id}-decision`} className="mt-2 block font-semibold">
        Decision
      </label>
      <select
        id={`${id}-decision`}
        value={decision}
        onChange={(e) => setDecision(e.target.value as Decision)}
        className={inputClass}
      >
        {choices.map((c) => (
          <option key={c} value={c}>
            {decisionLabels[c]}
          </option>
        ))}
      </select>
      {decision === 'designate' && (
        <>
          <label htmlFor={`${id}-lead`} className="mt-3 block font-semibold">
            {leadOfficerTitle}
          </label>
          <select
            id={`${id}-lead`}
            value={leadOfficerUserId}
            onChange={(e) => setLeadOfficerUserId(e.target.value)}
            className={inputClass}
          >
            <option value="">Choose…</option>
            {leadOfficers.map((l) => (
              <option key={l.userId} value={l.userId}>
                {l.name}
              </option>
            ))}
          </select>
        </>
      )}
      {decision === 'recommend_warning_notice' && (
        <fieldset id={`${id}-grounds`} className="mt-3">
          <legend className="font-semibold">Grounds (section 60)</legend>
          {(Object.keys(groundLabels) as Ground[]).map((g) => (
            <div key={g} className="mt-1 flex items-center gap-2">
              <input
                id={`${id}-${g}`}
                type="checkbox"
                checked={grounds.includes(g)}
                onChange={(e) =>
                  setGrounds(e.target.checked ? [...grounds, g] : grounds.filter((x) => x !== g))
                }
                className="h-5 w-5"
              />
              <label htmlFor={`${id}-${g}`}>{groundLabels[g]}</label>
            </div>
          ))}
        </fieldset>
      )}
      <label htmlFor={`${id}-rationale`} className="mt-3 block font-semibold">
        Rationale
      </label>
      <textarea
        id={`${id}-rationale`}
        rows={3}
        value={rationale}
        onChange={(e) => setRationale(e.target.value)}
        className={inputClass}
      />
      <button type="submit" disabled={record.isPending} className={`${buttonClass} mt-3`}>
        {record.isPending ? 'Recording…' : 'Record decision'}
      </button>
    </form>
  );
}

export function HoldMeetingForm({ meetingId }: { meetingId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [minutes, setMinutes] = useState('');
  const hold = useMutation(trpc.concern.holdMeeting.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = summaryOf(hold.error, { minutes: 'minutes' });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        hold.mutate({ meetingId, minutes });
      }}
      className="mt-6 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 className="text-xl font-semibold">Mark the meeting held</h2>
      <ErrorSummary errors={errors} />
      <label htmlFor="minutes" className="mt-2 block font-semibold">
        Minutes
      </label>
      <textarea
        id="minutes"
        rows={5}
        value={minutes}
        onChange={(e) => setMinutes(e.target.value)}
        className={inputClass}
      />
      <button type="submit" disabled={hold.isPending} className={`${buttonClass} mt-3`}>
        Mark as held
      </button>
    </form>
  );
}
