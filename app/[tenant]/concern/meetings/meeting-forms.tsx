'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  CheckboxGroup,
  DateField,
  Form,
  optionsOf,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  useFormMutation,
} from '~/app/_components/form-kit';
import { useTRPC } from '../../../_lib/trpc-client';
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
  const schedule = useFormMutation(trpc.concern.scheduleMeeting.mutationOptions(), {
    onSuccess: (made) => router.push(`/${tenant}/concern/meetings/${made.meetingId}`),
  });
  return (
    <Form
      form={schedule}
      onSubmit={() => schedule.mutate({ meetingOn, chairName, attendees })}
      className="mt-6 space-y-3 rounded-lg border border-slate-200 bg-white p-5"
      heading={<h2 className="text-xl font-semibold">Schedule a {meetingName} meeting</h2>}
    >
      <DateField
        label="Date of the meeting"
        hint="Suggested from the meeting cycle."
        {...schedule.field('meetingOn')}
        value={meetingOn}
        onChange={setMeetingOn}
      />
      <TextField
        label="Chair (optional)"
        {...schedule.field('chairName')}
        value={chairName}
        onChange={setChairName}
      />
      <TextArea
        label="Attendees (optional)"
        {...schedule.field('attendees')}
        rows={2}
        value={attendees}
        onChange={setAttendees}
      />
      <SubmitButton pending={schedule.isPending} pendingLabel="Scheduling…">
        Schedule meeting
      </SubmitButton>
    </Form>
  );
}

type Decision = keyof typeof decisionLabels;
type Ground = keyof typeof groundLabels;

const groundOptions = optionsOf(groundLabels);

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
  const choices: Decision[] =
    status === 'candidate'
      ? ['designate', 'not_designated', 'continue', 'letter_of_concern']
      : ['continue', 'remove', 'letter_of_concern', 'recommend_warning_notice'];
  const [decision, setDecision] = useState<Decision>(choices[0] ?? 'continue');
  const [rationale, setRationale] = useState('');
  const [leadOfficerUserId, setLeadOfficerUserId] = useState('');
  const [grounds, setGrounds] = useState<Ground[]>([]);
  const record = useFormMutation(trpc.concern.recordDecision.mutationOptions(), {
    onSuccess: () => {
      setRationale('');
      router.refresh();
    },
  });
  return (
    <Form
      form={record}
      onSubmit={() =>
        record.mutate({
          meetingId,
          caseId,
          decision,
          rationale,
          leadOfficerUserId: decision === 'designate' && leadOfficerUserId ? leadOfficerUserId : undefined,
          grounds: decision === 'recommend_warning_notice' ? grounds : [],
        })
      }
      className="mt-3 space-y-3 rounded border border-slate-200 bg-slate-50 p-4"
      heading={<h4 className="font-semibold">Record a decision on {schoolName}</h4>}
    >
      <SelectField
        label="Decision"
        {...record.field('decision')}
        value={decision}
        onChange={(v) => setDecision(v as Decision)}
        options={choices.map((c) => ({ value: c, label: decisionLabels[c] }))}
      />
      {decision === 'designate' && (
        <SelectField
          label={leadOfficerTitle}
          {...record.field('leadOfficerUserId')}
          value={leadOfficerUserId}
          onChange={setLeadOfficerUserId}
          options={leadOfficers.map((l) => ({ value: l.userId, label: l.name }))}
          placeholder="Choose…"
        />
      )}
      {decision === 'recommend_warning_notice' && (
        <CheckboxGroup
          label="Grounds (section 60)"
          {...record.field('grounds')}
          options={groundOptions}
          value={grounds}
          onChange={(v) => setGrounds(v as Ground[])}
        />
      )}
      <TextArea label="Rationale" {...record.field('rationale')} value={rationale} onChange={setRationale} />
      <SubmitButton pending={record.isPending} pendingLabel="Recording…">
        Record decision
      </SubmitButton>
    </Form>
  );
}

export function HoldMeetingForm({ meetingId }: { meetingId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [minutes, setMinutes] = useState('');
  const hold = useFormMutation(trpc.concern.holdMeeting.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <Form
      form={hold}
      onSubmit={() => hold.mutate({ meetingId, minutes })}
      className="mt-6 space-y-3 rounded-lg border border-slate-200 bg-white p-5"
      heading={<h2 className="text-xl font-semibold">Mark the meeting held</h2>}
    >
      <TextArea label="Minutes" {...hold.field('minutes')} rows={5} value={minutes} onChange={setMinutes} />
      <SubmitButton pending={hold.isPending}>Mark as held</SubmitButton>
    </Form>
  );
}
