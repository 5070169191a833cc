'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { meetingKindLabels, ownerKindLabels, planKindLabels, ragLabels } from '~/server/casework/labels';
import { useTRPC } from '../../../../_lib/trpc-client';
import {
  buttonClass,
  describedBy,
  Field,
  FormError,
  inputClass,
  secondaryButtonClass,
} from '~/app/_components/form-bits';

type Rag = keyof typeof ragLabels;
type OwnerKind = keyof typeof ownerKindLabels;
type PlanKind = keyof typeof planKindLabels;
type MeetingKind = keyof typeof meetingKindLabels;

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
  const id = useId();
  const [rag, setRag] = useState<Rag>(currentRag);
  const [evidence, setEvidence] = useState('');
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.casework.updateProgress.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        setEvidence('');
        router.refresh();
      },
    }),
  );
  const errors = update.error?.data?.fieldErrors;
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    update.mutate({ itemId, rag, evidence });
  }
  return (
    <form
      onSubmit={onSubmit}
      className="mt-3 border-t border-slate-200 pt-3"
      aria-label={`Update progress: ${label}`}
    >
      <FormError error={update.error && !errors ? update.error : null} />
      <Field id={`${id}-rag`} label="RAG rating" errors={errors} field="rag">
        <select
          id={`${id}-rag`}
          value={rag}
          onChange={(e) => setRag(e.target.value as Rag)}
          className={inputClass}
        >
          {Object.entries(ragLabels).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-evidence`} label="Evidence" errors={errors} field="evidence">
        <textarea
          id={`${id}-evidence`}
          rows={2}
          value={evidence}
          onChange={(e) => setEvidence(e.target.value)}
          className={inputClass}
          {...describedBy(`${id}-evidence`, errors, 'evidence')}
        />
      </Field>
      <div className="mt-3 flex items-center gap-3">
        <button type="submit" disabled={update.isPending} className={buttonClass}>
          Save progress
        </button>
        <p role="status" className="text-green-800">
          {saved ? 'Progress saved.' : ''}
        </p>
      </div>
    </form>
  );
}

export function CompleteButton({ itemId, today }: { itemId: string; today: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const complete = useMutation(
    trpc.casework.completeItem.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  return (
    <div className="mt-2">
      <button
        type="button"
        disabled={complete.isPending}
        className={secondaryButtonClass}
        onClick={() => complete.mutate({ itemId, completedOn: today })}
      >
        Mark as completed
      </button>
      <FormError error={complete.error} />
    </div>
  );
}

export function AddItemForm({ planId }: { planId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const empty = {
    priority: '',
    action: '',
    ownerKind: 'school' as OwnerKind,
    ownerName: '',
    milestone: '',
    dueOn: '',
  };
  const [values, setValues] = useState(empty);
  const add = useMutation(
    trpc.casework.addItem.mutationOptions({
      onSuccess: () => {
        setValues(empty);
        router.refresh();
      },
    }),
  );
  const errors = add.error?.data?.fieldErrors;
  const set = (key: keyof typeof empty) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ planId, ...values });
      }}
      className="mt-6 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 className="text-xl font-semibold">Add an action</h2>
      <FormError error={add.error && !errors ? add.error : null} />
      <Field id={`${id}-priority`} label="Priority" errors={errors} field="priority">
        <input
          id={`${id}-priority`}
          value={values.priority}
          onChange={set('priority')}
          className={inputClass}
          {...describedBy(`${id}-priority`, errors, 'priority')}
        />
      </Field>
      <Field id={`${id}-action`} label="Action" errors={errors} field="action">
        <textarea
          id={`${id}-action`}
          rows={2}
          value={values.action}
          onChange={set('action')}
          className={inputClass}
          {...describedBy(`${id}-action`, errors, 'action')}
        />
      </Field>
      <Field id={`${id}-owner-kind`} label="Owned by" errors={errors} field="ownerKind">
        <select
          id={`${id}-owner-kind`}
          value={values.ownerKind}
          onChange={set('ownerKind')}
          className={inputClass}
        >
          {Object.entries(ownerKindLabels).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-owner-name`} label="Owner’s name (optional)" errors={errors} field="ownerName">
        <input
          id={`${id}-owner-name`}
          value={values.ownerName}
          onChange={set('ownerName')}
          className={inputClass}
        />
      </Field>
      <Field id={`${id}-milestone`} label="Milestone (optional)" errors={errors} field="milestone">
        <input
          id={`${id}-milestone`}
          value={values.milestone}
          onChange={set('milestone')}
          className={inputClass}
        />
      </Field>
      <Field id={`${id}-due`} label="Due date" errors={errors} field="dueOn">
        <input
          id={`${id}-due`}
          type="date"
          value={values.dueOn}
          onChange={set('dueOn')}
          className={inputClass}
          {...describedBy(`${id}-due`, errors, 'dueOn')}
        />
      </Field>
      <button type="submit" disabled={add.isPending} className={`${buttonClass} mt-4`}>
        Add action
      </button>
    </form>
  );
}

export function CreatePlanForm({ caseId, required }: { caseId: string; required: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [kind, setKind] = useState<PlanKind>(required ? 'statement_of_action' : 'action_plan');
  const [title, setTitle] = useState('');
  const create = useMutation(trpc.casework.createPlan.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = create.error?.data?.fieldErrors;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ caseId, kind, title });
      }}
      className="mt-6 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 className="text-xl font-semibold">Start the plan</h2>
      {required && <p className="mt-2">A Statement of Action is required: {required}.</p>}
      <FormError error={create.error && !errors ? create.error : null} />
      <Field id={`${id}-kind`} label="Kind of plan" errors={errors} field="kind">
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => setKind(e.target.value as PlanKind)}
          className={inputClass}
        >
          {Object.entries(planKindLabels).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-title`} label="Title" errors={errors} field="title">
        <input
          id={`${id}-title`}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          className={inputClass}
          {...describedBy(`${id}-title`, errors, 'title')}
        />
      </Field>
      <button type="submit" disabled={create.isPending} className={`${buttonClass} mt-4`}>
        Start plan
      </button>
    </form>
  );
}

export function NextReviewForm({ planId, current }: { planId: string; current: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [nextReviewOn, setNext] = useState(current ?? '');
  const save = useMutation(
    trpc.casework.setNextReview.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const errors = save.error?.data?.fieldErrors;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ planId, nextReviewOn });
      }}
      className="mt-3 flex flex-wrap items-end gap-3"
    >
      <Field id={`${id}-next`} label="Next review of the plan" errors={errors} field="nextReviewOn">
        <input
          id={`${id}-next`}
          type="date"
          value={nextReviewOn}
          onChange={(e) => setNext(e.target.value)}
          className={inputClass}
          {...describedBy(`${id}-next`, errors, 'nextReviewOn')}
        />
      </Field>
      <button type="submit" disabled={save.isPending} className={secondaryButtonClass}>
        Set review date
      </button>
    </form>
  );
}

export function MeetingForm({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [kind, setKind] = useState<MeetingKind>('progress_review');
  const [heldOn, setHeldOn] = useState('');
  const [attendees, setAttendees] = useState('');
  const [notes, setNotes] = useState('');
  const [done, setDone] = useState(false);
  const record = useMutation(
    trpc.casework.recordMeeting.mutationOptions({
      onSuccess: () => {
        setDone(true);
        setHeldOn('');
        setAttendees('');
        setNotes('');
        router.refresh();
      },
    }),
  );
  const errors = record.error?.data?.fieldErrors;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setDone(false);
        record.mutate({ caseId, kind, heldOn, attendees, notes });
      }}
      className="mt-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h3 className="text-lg font-semibold">Record a meeting</h3>
      <FormError error={record.error && !errors ? record.error : null} />
      <Field id={`${id}-kind`} label="Kind of meeting" errors={errors} field="kind">
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => setKind(e.target.value as MeetingKind)}
          className={inputClass}
        >
          {Object.entries(meetingKindLabels).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-held`} label="Date of meeting" errors={errors} field="heldOn">
        <input
          id={`${id}-held`}
          type="date"
          value={heldOn}
          onChange={(e) => setHeldOn(e.target.value)}
          className={inputClass}
          {...describedBy(`${id}-held`, errors, 'heldOn')}
        />
      </Field>
      <Field id={`${id}-attendees`} label="Attendees" errors={errors} field="attendees">
        <input
          id={`${id}-attendees`}
          value={attendees}
          onChange={(e) => setAttendees(e.target.value)}
          className={inputClass}
          {...describedBy(`${id}-attendees`, errors, 'attendees')}
        />
      </Field>
      <Field id={`${id}-notes`} label="Notes" errors={errors} field="notes">
        <textarea
          id={`${id}-notes`}
          rows={4}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          className={inputClass}
          {...describedBy(`${id}-notes`, errors, 'notes')}
        />
      </Field>
      <div className="mt-4 flex items-center gap-3">
        <button type="submit" disabled={record.isPending} className={buttonClass}>
          Record meeting
        </button>
        <p role="status" className="text-green-800">
          {done ? 'Meeting recorded.' : ''}
        </p>
      </div>
    </form>
  );
}

export function EditItemForm({
  item,
}: {
  item: {
    id: string;
    priority: string;
    action: string;
    ownerKind: OwnerKind;
    ownerName: string;
    milestone: string;
    dueOn: string;
    reviewOn: string | null;
  };
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [values, setValues] = useState({
    priority: item.priority,
    action: item.action,
    ownerKind: item.ownerKind,
    ownerName: item.ownerName,
    milestone: item.milestone,
    dueOn: item.dueOn,
    reviewOn: item.reviewOn ?? '',
  });
  const edit = useMutation(trpc.casework.editItem.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = edit.error?.data?.fieldErrors;
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  return (
    <details className="mt-2">
      <summary className="cursor-pointer font-semibold text-brand-dark underline">Edit this action</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          edit.mutate({ itemId: item.id, ...values, reviewOn: values.reviewOn || null });
        }}
      >
        <FormError error={edit.error && !errors ? edit.error : null} />
        <Field id={`${id}-priority`} label="Priority" errors={errors} field="priority">
          <input
            id={`${id}-priority`}
            value={values.priority}
            onChange={set('priority')}
            className={inputClass}
            {...describedBy(`${id}-priority`, errors, 'priority')}
          />
        </Field>
        <Field id={`${id}-action`} label="Action" errors={errors} field="action">
          <textarea
            id={`${id}-action`}
            rows={2}
            value={values.action}
            onChange={set('action')}
            className={inputClass}
            {...describedBy(`${id}-action`, errors, 'action')}
          />
        </Field>
        <Field id={`${id}-owner-kind`} label="Owned by" errors={errors} field="ownerKind">
          <select
            id={`${id}-owner-kind`}
            value={values.ownerKind}
            onChange={set('ownerKind')}
            className={inputClass}
          >
            {Object.entries(ownerKindLabels).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-owner-name`} label="Owner’s name (optional)" errors={errors} field="ownerName">
          <input
            id={`${id}-owner-name`}
            value={values.ownerName}
            onChange={set('ownerName')}
            className={inputClass}
          />
        </Field>
        <Field id={`${id}-milestone`} label="Milestone (optional)" errors={errors} field="milestone">
          <input
            id={`${id}-milestone`}
            value={values.milestone}
            onChange={set('milestone')}
            className={inputClass}
          />
        </Field>
        <Field id={`${id}-due`} label="Due date" errors={errors} field="dueOn">
          <input
            id={`${id}-due`}
            type="date"
            value={values.dueOn}
            onChange={set('dueOn')}
            className={inputClass}
            {...describedBy(`${id}-due`, errors, 'dueOn')}
          />
        </Field>
        <Field id={`${id}-review`} label="Review date (optional)" errors={errors} field="reviewOn">
          <input
            id={`${id}-review`}
            type="date"
            value={values.reviewOn}
            onChange={set('reviewOn')}
            className={inputClass}
          />
        </Field>
        <button type="submit" disabled={edit.isPending} className={`${secondaryButtonClass} mt-3`}>
          Save changes
        </button>
      </form>
    </details>
  );
}
