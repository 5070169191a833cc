'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Button,
  DateField,
  Form,
  RadioGroup,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextArea,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import { Link } from '~/app/_components/link';
import { useTRPC } from '~/app/_lib/trpc-client';

type MeetingKind = 'full_board' | 'committee';
type Mark = 'present' | 'apologies' | 'absent';

/** `committeeId` is '' while none is chosen (or for a committee meeting recorded before committees were kept). */
export type MeetingValues = { heldOn: string; kind: MeetingKind; committeeId: string; notes: string };

const blank: MeetingValues = { heldOn: '', kind: 'full_board', committeeId: '', notes: '' };
const kindOptions = [
  { value: 'full_board' as const, label: 'Full board' },
  { value: 'committee' as const, label: 'A committee' },
];

/** Adds a meeting of the board (or, with `meetingId`, corrects one): its date, the board or a committee, notes. */
export function MeetingForm({
  tenant,
  schoolId,
  meetingId,
  initial,
  committees,
  oldCommitteeName,
  heading,
  headingId,
}: {
  tenant: string;
  schoolId: string;
  meetingId?: string;
  initial?: MeetingValues;
  committees: { id: string; label: string }[];
  /** A committee meeting with no committee kept for it (recorded before committees, or its committee deleted). */
  oldCommitteeName?: string;
  heading: string;
  /** The heading's id, which names the section around the form. */
  headingId?: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, reset } = useFormValues<MeetingValues>(initial ?? blank);
  const [saved, setSaved] = useState('');
  const pathOf = (p: string) => p.replace(/^meeting\./, '');
  const add = useFormMutation(trpc.governance.addMeeting.mutationOptions(), {
    pathOf,
    onSuccess: (r) => {
      setSaved(`Added the ${r.label.toLowerCase()}: mark its attendance from the list.`);
      reset();
      router.refresh();
    },
  });
  const update = useFormMutation(trpc.governance.updateMeeting.mutationOptions(), {
    pathOf,
    onSuccess: () => {
      setSaved('Saved the meeting.');
      router.refresh();
    },
  });
  const form = meetingId ? update : add;
  return (
    <Form
      form={form}
      onSubmit={() => {
        setSaved('');
        const meeting = { ...values, committeeId: values.committeeId || null };
        if (meetingId) update.mutate({ meetingId, meeting });
        else add.mutate({ schoolId, meeting });
      }}
      heading={
        <h2 id={headingId} className="text-xl font-semibold">
          {heading}
        </h2>
      }
    >
      <DateField label="Date of the meeting" {...form.field('heldOn')} {...bind('heldOn')} />
      <RadioGroup label="Meeting of" inline options={kindOptions} {...form.field('kind')} {...bind('kind')} />
      {values.kind === 'committee' &&
        (committees.length === 0 && !oldCommitteeName ? (
          <p id={form.idFor('committeeId')}>
            The board has no committees recorded yet:{' '}
            <Link className="text-brand-dark underline" href={`/${tenant}/governance/${schoolId}/committees`}>
              add a committee
            </Link>{' '}
            first.
          </p>
        ) : (
          <SelectField
            label="Committee"
            hint="Its members when the meeting is recorded are the ones listed for attendance."
            placeholder={oldCommitteeName ? `${oldCommitteeName} (as recorded)` : 'Choose'}
            options={committees.map((c) => ({ value: c.id, label: c.label }))}
            {...form.field('committeeId')}
            {...bind('committeeId')}
          />
        ))}
      <TextArea label="Notes" hint="Optional." {...form.field('notes')} {...bind('notes')} />
      <SubmitButton pending={form.isPending} pendingLabel="Saving…">
        {meetingId ? 'Save the meeting' : 'Add the meeting'}
      </SubmitButton>
      <StatusMessage>{saved}</StatusMessage>
    </Form>
  );
}

/** Deletes the meeting and its attendance, once asked; then back to the board's meetings. */
export function DeleteMeeting({
  tenant,
  schoolId,
  meetingId,
  label,
}: {
  tenant: string;
  schoolId: string;
  meetingId: string;
  label: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useFormMutation(trpc.governance.deleteMeeting.mutationOptions(), {
    onSuccess: () => router.push(`/${tenant}/governance/${schoolId}/meetings`),
  });
  return (
    <Form
      form={form}
      onSubmit={() => {
        if (window.confirm(`Delete the ${label} and the attendance recorded at it?`))
          form.mutate({ meetingId });
      }}
    >
      <Button type="submit" variant="warning" disabled={form.isPending}>
        Delete the meeting
      </Button>
    </Form>
  );
}

const markOptions = [
  { value: 'present' as const, label: 'Present' },
  { value: 'apologies' as const, label: 'Apologies accepted' },
  { value: 'absent' as const, label: 'Absent' },
  { value: '' as const, label: 'Not recorded' },
];

/** One meeting's attendance: a group of choices per member on the board that day, saved together. */
export function AttendanceForm({
  meetingId,
  members,
}: {
  meetingId: string;
  members: { governorId: string; name: string; role: string; status: Mark | null }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [marks, setMarks] = useState<Record<string, Mark | ''>>(
    Object.fromEntries(members.map((m) => [m.governorId, m.status ?? ''])),
  );
  const [saved, setSaved] = useState('');
  const form = useFormMutation(trpc.governance.recordAttendance.mutationOptions(), {
    onSuccess: (r) => {
      setSaved(`Saved: ${r.present} present, ${r.apologies} with apologies, ${r.absent} absent.`);
      router.refresh();
    },
  });
  return (
    <Form
      form={form}
      aria-label="Attendance"
      onSubmit={() => {
        setSaved('');
        form.mutate({
          meetingId,
          marks: members.map((m) => ({ governorId: m.governorId, status: marks[m.governorId] || null })),
        });
      }}
    >
      {members.map((m, i) => (
        <RadioGroup
          key={m.governorId}
          label={
            <>
              {m.name} <span className="font-normal text-slate-700">({m.role})</span>
            </>
          }
          inline
          options={markOptions}
          {...form.field(`marks.${i}.status`)}
          value={marks[m.governorId] ?? ''}
          onChange={(v) => setMarks((old) => ({ ...old, [m.governorId]: v }))}
        />
      ))}
      <SubmitButton pending={form.isPending} pendingLabel="Saving…">
        Save attendance
      </SubmitButton>
      <StatusMessage>{saved}</StatusMessage>
    </Form>
  );
}
