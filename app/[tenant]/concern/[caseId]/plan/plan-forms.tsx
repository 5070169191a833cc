'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { meetingKindLabels, ownerKindLabels, planKindLabels, ragLabels } from '~/server/casework/labels';
import {
  Button,
  DateField,
  ErrorSummary,
  Form,
  optionsOf,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextArea,
  TextField,
  useFormMutation,
  useFormValues,
  type FieldProps,
} from '~/app/_components/form-kit';
import { useTRPC } from '../../../../_lib/trpc-client';

type Rag = keyof typeof ragLabels;
type OwnerKind = keyof typeof ownerKindLabels;
type PlanKind = keyof typeof planKindLabels;
type MeetingKind = keyof typeof meetingKindLabels;

const ragOptions = optionsOf(ragLabels);
const ownerKindOptions = optionsOf(ownerKindLabels);
const planKindOptions = optionsOf(planKindLabels);
const meetingKindOptions = optionsOf(meetingKindLabels);

export function ProgressForm({
  itemId,
  rag: currentRag,
  label,
}: {
  itemId: string;
  rag: Rag;
  label: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [rag, setRag] = useState<Rag>(currentRag);
  const [evidence, setEvidence] = useState('');
  const [saved, setSaved] = useState(false);
  const update = useFormMutation(trpc.casework.updateProgress.mutationOptions(), {
    onSuccess: () => {
      setSaved(true);
      setEvidence('');
      router.refresh();
    },
  });
  return (
    <Form
      form={update}
      onSubmit={() => {
        setSaved(false);
        update.mutate({ itemId, rag, evidence });
      }}
      className="mt-3 space-y-3 border-t border-slate-200 pt-3"
      aria-label={`Update progress: ${label}`}
    >
      <SelectField
        label="RAG rating"
        {...update.field('rag')}
        value={rag}
        onChange={(v) => setRag(v as Rag)}
        options={ragOptions}
      />
      <TextArea
        label="Evidence"
        {...update.field('evidence')}
        rows={2}
        value={evidence}
        onChange={setEvidence}
      />
      <div className="flex items-center gap-3">
        <SubmitButton pending={update.isPending}>Save progress</SubmitButton>
        <StatusMessage>{saved ? 'Progress saved.' : ''}</StatusMessage>
      </div>
    </Form>
  );
}

export function CompleteButton({ itemId, today }: { itemId: string; today: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const complete = useFormMutation(trpc.casework.completeItem.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="mt-2">
      <ErrorSummary errors={complete.summary} />
      <Button disabled={complete.isPending} onClick={() => complete.mutate({ itemId, completedOn: today })}>
        Mark as completed
      </Button>
    </div>
  );
}

type ActionValues = {
  priority: string;
  action: string;
  ownerKind: OwnerKind;
  ownerName: string;
  milestone: string;
  dueOn: string;
};

/** The fields of an action, the same when adding one and editing it. */
function ActionFields({
  field,
  bind,
  dueHint,
}: {
  field: (path: string) => Pick<FieldProps, 'id' | 'error'>;
  /** What the due date may be: a new one today or later (an edited action may keep a date already past). */
  dueHint: string;
  bind: <K extends keyof ActionValues>(
    key: K,
  ) => { value: ActionValues[K]; onChange: (v: ActionValues[K]) => void };
}) {
  const ownerKind = bind('ownerKind');
  return (
    <>
      <TextField label="Priority" {...field('priority')} {...bind('priority')} />
      <TextArea label="Action" {...field('action')} rows={2} {...bind('action')} />
      <SelectField
        label="Owned by"
        {...field('ownerKind')}
        value={ownerKind.value}
        onChange={(v) => ownerKind.onChange(v as OwnerKind)}
        options={ownerKindOptions}
      />
      <TextField label="Owner’s name (optional)" {...field('ownerName')} {...bind('ownerName')} />
      <TextField label="Milestone (optional)" {...field('milestone')} {...bind('milestone')} />
      <DateField label="Due date" hint={dueHint} {...field('dueOn')} {...bind('dueOn')} />
    </>
  );
}

export function AddItemForm({ planId }: { planId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const values = useFormValues<ActionValues>({
    priority: '',
    action: '',
    ownerKind: 'school',
    ownerName: '',
    milestone: '',
    dueOn: '',
  });
  const add = useFormMutation(trpc.casework.addItem.mutationOptions(), {
    onSuccess: () => {
      values.reset();
      router.refresh();
    },
  });
  return (
    <Form
      form={add}
      onSubmit={() => add.mutate({ planId, ...values.values })}
      className="mt-6 space-y-3 rounded-lg border border-slate-200 bg-white p-5"
      heading={<h2 className="text-xl font-semibold">Add an action</h2>}
    >
      <ActionFields field={add.field} bind={values.bind} dueHint="Today or later." />
      <SubmitButton pending={add.isPending}>Add action</SubmitButton>
    </Form>
  );
}

export function CreatePlanForm({ caseId, required }: { caseId: string; required: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [kind, setKind] = useState<PlanKind>(required ? 'statement_of_action' : 'action_plan');
  const [title, setTitle] = useState('');
  const create = useFormMutation(trpc.casework.createPlan.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <Form
      form={create}
      onSubmit={() => create.mutate({ caseId, kind, title })}
      className="mt-6 space-y-3 rounded-lg border border-slate-200 bg-white p-5"
      heading={
        <>
          <h2 className="text-xl font-semibold">Start the plan</h2>
          {required && <p className="mt-2">A Statement of Action is required: {required}.</p>}
        </>
      }
    >
      <SelectField
        label="Kind of plan"
        {...create.field('kind')}
        value={kind}
        onChange={(v) => setKind(v as PlanKind)}
        options={planKindOptions}
      />
      <TextField label="Title" {...create.field('title')} value={title} onChange={setTitle} />
      <SubmitButton pending={create.isPending}>Start plan</SubmitButton>
    </Form>
  );
}

export function NextReviewForm({ planId, current }: { planId: string; current: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [nextReviewOn, setNext] = useState(current ?? '');
  const save = useFormMutation(trpc.casework.setNextReview.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <Form
      form={save}
      onSubmit={() => save.mutate({ planId, nextReviewOn })}
      className="mt-3 flex flex-wrap items-end gap-3"
    >
      <DateField
        label="Next review of the plan"
        {...save.field('nextReviewOn')}
        value={nextReviewOn}
        onChange={setNext}
      />
      <Button type="submit" disabled={save.isPending}>
        Set review date
      </Button>
    </Form>
  );
}

export function MeetingForm({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [kind, setKind] = useState<MeetingKind>('progress_review');
  const values = useFormValues({ heldOn: '', attendees: '', notes: '' });
  const [done, setDone] = useState(false);
  const record = useFormMutation(trpc.casework.recordMeeting.mutationOptions(), {
    onSuccess: () => {
      setDone(true);
      values.reset();
      router.refresh();
    },
  });
  return (
    <Form
      form={record}
      onSubmit={() => {
        setDone(false);
        record.mutate({ caseId, kind, ...values.values });
      }}
      className="mt-4 space-y-3 rounded-lg border border-slate-200 bg-white p-5"
      heading={<h3 className="text-lg font-semibold">Record a meeting</h3>}
    >
      <SelectField
        label="Kind of meeting"
        {...record.field('kind')}
        value={kind}
        onChange={(v) => setKind(v as MeetingKind)}
        options={meetingKindOptions}
      />
      <DateField label="Date of meeting" {...record.field('heldOn')} {...values.bind('heldOn')} />
      <TextField label="Attendees" {...record.field('attendees')} {...values.bind('attendees')} />
      <TextArea label="Notes" {...record.field('notes')} rows={4} {...values.bind('notes')} />
      <div className="flex items-center gap-3">
        <SubmitButton pending={record.isPending}>Record meeting</SubmitButton>
        <StatusMessage>{done ? 'Meeting recorded.' : ''}</StatusMessage>
      </div>
    </Form>
  );
}

export function EditItemForm({ item }: { item: ActionValues & { id: string; reviewOn: string | null } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const values = useFormValues<ActionValues>({
    priority: item.priority,
    action: item.action,
    ownerKind: item.ownerKind,
    ownerName: item.ownerName,
    milestone: item.milestone,
    dueOn: item.dueOn,
  });
  const [reviewOn, setReviewOn] = useState(item.reviewOn ?? '');
  const edit = useFormMutation(trpc.casework.editItem.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <details className="mt-2">
      <summary className="cursor-pointer font-semibold text-brand-dark underline">Edit this action</summary>
      <Form
        form={edit}
        onSubmit={() => edit.mutate({ itemId: item.id, ...values.values, reviewOn: reviewOn || null })}
        className="space-y-3"
      >
        <ActionFields field={edit.field} bind={values.bind} dueHint="If you change it, today or later." />
        <DateField
          label="Review date (optional)"
          {...edit.field('reviewOn')}
          value={reviewOn}
          onChange={setReviewOn}
        />
        <Button type="submit" disabled={edit.isPending}>
          Save changes
        </Button>
      </Form>
    </details>
  );
}
