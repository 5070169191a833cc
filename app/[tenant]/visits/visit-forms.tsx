'use client';

import {
  ErrorSummary,
  FieldError,
  buttonClass,
  wideInputClass as inputClass,
} from '~/app/_components/form-kit';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '../../_lib/trpc-client';

const smallButton =
  'rounded border-2 border-brand px-3 py-1 font-semibold text-brand-dark disabled:opacity-60';

export function GeneratePlanButton({ academicYear, label }: { academicYear: number; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const generate = useMutation(
    trpc.visits.generatePlan.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const result = generate.data;
  return (
    <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <button
        type="button"
        className={buttonClass}
        disabled={generate.isPending}
        onClick={() => generate.mutate({ academicYear })}
      >
        Generate the {label} plan
      </button>
      <p className="mt-2 text-sm text-slate-700">
        Adds only the visits each school’s rules call for that are not planned yet; nothing done is changed.
      </p>
      {generate.error && (
        <p role="alert" className="mt-2 text-red-800">
          {generate.error.message}
        </p>
      )}
      <p role="status" className="mt-2 text-green-800">
        {result
          ? `${result.added} visit${result.added === 1 ? '' : 's'} added, ${result.alreadyPlanned} already planned.${
              result.surplus.length > 0
                ? ` ${result.surplus.length} planned visit${result.surplus.length === 1 ? ' is' : 's are'} beyond what the school’s category now asks: cancel them if they are not needed.`
                : ''
            }${
              result.capacityToAssess.length > 0
                ? ` ${result.capacityToAssess.length} school${result.capacityToAssess.length === 1 ? ' is' : 's are'} planned about fortnightly until ${result.capacityToAssess.length === 1 ? 'its' : 'their'} capacity to improve is recorded on the register.`
                : ''
            }`
          : ''}
      </p>
    </div>
  );
}

export function VisitActions({
  visitId,
  today,
  canManage,
  adviserUserId,
  advisers,
}: {
  visitId: string;
  today: string;
  canManage: boolean;
  adviserUserId: string | null;
  advisers: { userId: string; name: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const onSuccess = () => router.refresh();
  const done = useMutation(trpc.visits.markDone.mutationOptions({ onSuccess }));
  const cancel = useMutation(trpc.visits.cancel.mutationOptions({ onSuccess }));
  const reassign = useMutation(trpc.visits.reassign.mutationOptions({ onSuccess }));
  const [adviser, setAdviser] = useState(adviserUserId ?? '');
  const error = done.error ?? cancel.error ?? reassign.error;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={smallButton}
        disabled={done.isPending}
        onClick={() => done.mutate({ visitId, completedOn: today })}
      >
        Mark done
      </button>
      {canManage && (
        <>
          <button
            type="button"
            className={smallButton}
            disabled={cancel.isPending}
            onClick={() => cancel.mutate({ visitId })}
          >
            Cancel visit
          </button>
          <label htmlFor={`reassign-${visitId}`} className="sr-only">
            Adviser for this visit
          </label>
          <select
            id={`reassign-${visitId}`}
            value={adviser}
            onChange={(e) => setAdviser(e.target.value)}
            className="rounded border-2 border-slate-600 bg-white px-2 py-1"
          >
            <option value="">Choose an adviser</option>
            {advisers.map((a) => (
              <option key={a.userId} value={a.userId}>
                {a.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className={smallButton}
            disabled={reassign.isPending || !adviser || adviser === adviserUserId}
            onClick={() => reassign.mutate({ visitId, adviserUserId: adviser })}
          >
            Reassign
          </button>
        </>
      )}
      {error && (
        <p role="alert" className="w-full text-red-800">
          {error.message}
        </p>
      )}
    </div>
  );
}

export function AdditionalVisitForm({
  schools,
  reasons,
  advisers,
}: {
  schools: { schoolId: string; name: string; linkAdviserUserId: string | null }[];
  reasons: string[];
  advisers: { userId: string; name: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [schoolId, setSchoolId] = useState('');
  const [reason, setReason] = useState('');
  const [dueBy, setDueBy] = useState('');
  const [adviserUserId, setAdviser] = useState('');
  const [saved, setSaved] = useState(false);
  const add = useMutation(
    trpc.visits.addAdditional.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        router.refresh();
      },
    }),
  );
  const errors = add.error?.data?.fieldErrors;
  const summary = add.error
    ? errors
      ? Object.entries(errors).map(([f, m]) => ({
          message: m[0] ?? 'Check this answer.',
          fieldId: `additional-${f}`,
        }))
      : [{ message: add.error.message }]
    : [];
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    add.mutate({ schoolId, reason, dueBy, adviserUserId });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 rounded-lg border border-slate-200 bg-white p-5">
      <h3 className="text-xl font-semibold">Add an additional visit</h3>
      <ErrorSummary errors={summary} />
      <label htmlFor="additional-schoolId" className="mt-3 block font-semibold">
        School
      </label>
      <FieldError id="additional-schoolId" message={errors?.schoolId?.[0]} />
      <select
        id="additional-schoolId"
        value={schoolId}
        onChange={(e) => {
          setSchoolId(e.target.value);
          const link = schools.find((s) => s.schoolId === e.target.value)?.linkAdviserUserId;
          if (link && !adviserUserId) setAdviser(link);
        }}
        className={inputClass}
      >
        <option value="">Choose a school</option>
        {schools.map((s) => (
          <option key={s.schoolId} value={s.schoolId}>
            {s.name}
          </option>
        ))}
      </select>
      <label htmlFor="additional-reason" className="mt-4 block font-semibold">
        Reason
      </label>
      <FieldError id="additional-reason" message={errors?.reason?.[0]} />
      <select
        id="additional-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        className={inputClass}
      >
        <option value="">Choose a reason</option>
        {reasons.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <label htmlFor="additional-dueBy" className="mt-4 block font-semibold">
        Due by
      </label>
      <FieldError id="additional-dueBy" message={errors?.dueBy?.[0]} />
      <input
        id="additional-dueBy"
        type="date"
        value={dueBy}
        onChange={(e) => setDueBy(e.target.value)}
        className={inputClass}
      />
      <label htmlFor="additional-adviserUserId" className="mt-4 block font-semibold">
        Adviser
      </label>
      <FieldError id="additional-adviserUserId" message={errors?.adviserUserId?.[0]} />
      <select
        id="additional-adviserUserId"
        value={adviserUserId}
        onChange={(e) => setAdviser(e.target.value)}
        className={inputClass}
      >
        <option value="">Choose an adviser</option>
        {advisers.map((a) => (
          <option key={a.userId} value={a.userId}>
            {a.name}
          </option>
        ))}
      </select>
      <div className="mt-4 flex items-center gap-3">
        <button type="submit" disabled={add.isPending} className={buttonClass}>
          Add visit
        </button>
        <p role="status" className="text-green-800">
          {saved ? 'Visit added.' : ''}
        </p>
      </div>
    </form>
  );
}
