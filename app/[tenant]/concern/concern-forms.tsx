'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { ErrorSummary, type SummaryError } from '../../_components/error-summary';
import { useTRPC } from '../../_lib/trpc-client';

export { buttonClass, inputClass } from '~/app/_components/form-bits';
import { buttonClass, inputClass } from '~/app/_components/form-bits';

export type TriggerOption = { key: string; label: string };

/** Field errors from the server, mapped onto this form's field ids, for the error summary. */
export function summaryOf(
  error: { message: string; data?: { fieldErrors?: Record<string, string[]> | null } | null } | null,
  fieldIds: Record<string, string>,
): SummaryError[] {
  if (!error) return [];
  const fieldErrors = error.data?.fieldErrors;
  if (!fieldErrors) return [{ message: error.message }];
  return Object.entries(fieldErrors).map(([field, messages]) => ({
    message: messages[0] ?? 'Check this answer.',
    fieldId: fieldIds[field] ?? fieldIds[field.split('.').slice(-1)[0] ?? ''],
  }));
}

export function OpenCaseForm({
  tenant,
  schoolId,
  schoolName,
  triggers,
}: {
  tenant: string;
  schoolId: string;
  schoolName: string;
  triggers: TriggerOption[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [trigger, setTrigger] = useState('');
  const [evidence, setEvidence] = useState('');
  const [concerns, setConcerns] = useState('');
  const open = useMutation(
    trpc.concern.openCase.mutationOptions({
      onSuccess: (made) => router.push(`/${tenant}/concern/${made.caseId}`),
    }),
  );
  const errors = summaryOf(open.error, {
    concerns: `${id}-concerns`,
    trigger: `${id}-trigger`,
    evidence: `${id}-evidence`,
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    open.mutate({ schoolId, concerns, triggers: trigger ? [{ trigger, evidence }] : [] });
  }
  return (
    <details className="mt-2">
      <summary className="cursor-pointer font-semibold text-brand-dark underline">
        Open a case for {schoolName}
      </summary>
      <form onSubmit={onSubmit} className="mt-3 rounded border border-slate-200 bg-slate-50 p-4">
        <ErrorSummary errors={errors} />
        <label htmlFor={`${id}-concerns`} className="block font-semibold">
          Summary of the concerns
        </label>
        <textarea
          id={`${id}-concerns`}
          rows={3}
          value={concerns}
          onChange={(e) => setConcerns(e.target.value)}
          className={inputClass}
        />
        <label htmlFor={`${id}-trigger`} className="mt-3 block font-semibold">
          Trigger the LA judges met (optional when Ofsted’s is met)
        </label>
        <select
          id={`${id}-trigger`}
          value={trigger}
          onChange={(e) => setTrigger(e.target.value)}
          className={inputClass}
        >
          <option value="">None besides Ofsted</option>
          {triggers.map((t) => (
            <option key={t.key} value={t.key}>
              {t.label}
            </option>
          ))}
        </select>
        {trigger && (
          <>
            <label htmlFor={`${id}-evidence`} className="mt-3 block font-semibold">
              Evidence
            </label>
            <textarea
              id={`${id}-evidence`}
              rows={3}
              value={evidence}
              onChange={(e) => setEvidence(e.target.value)}
              className={inputClass}
            />
          </>
        )}
        <button type="submit" disabled={open.isPending} className={`${buttonClass} mt-4`}>
          {open.isPending ? 'Opening…' : 'Open candidate case'}
        </button>
      </form>
    </details>
  );
}

export function RecordTriggerForm({ caseId, triggers }: { caseId: string; triggers: TriggerOption[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [trigger, setTrigger] = useState(triggers[0]?.key ?? '');
  const [evidence, setEvidence] = useState('');
  const [done, setDone] = useState(false);
  const record = useMutation(
    trpc.concern.recordTrigger.mutationOptions({
      onSuccess: () => {
        setEvidence('');
        setDone(true);
        router.refresh();
      },
    }),
  );
  const errors = summaryOf(record.error, { trigger: `${id}-trigger`, evidence: `${id}-evidence` });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setDone(false);
        record.mutate({ caseId, trigger, evidence });
      }}
      className="mt-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 className="text-lg font-semibold">Record a trigger with evidence</h3>
      <ErrorSummary errors={errors} />
      <label htmlFor={`${id}-trigger`} className="mt-2 block font-semibold">
        Trigger
      </label>
      <select
        id={`${id}-trigger`}
        value={trigger}
        onChange={(e) => setTrigger(e.target.value)}
        className={inputClass}
      >
        {triggers.map((t) => (
          <option key={t.key} value={t.key}>
            {t.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-evidence`} className="mt-3 block font-semibold">
        Evidence
      </label>
      <textarea
        id={`${id}-evidence`}
        rows={3}
        value={evidence}
        onChange={(e) => setEvidence(e.target.value)}
        className={inputClass}
      />
      <div className="mt-3 flex items-center gap-3">
        <button type="submit" disabled={record.isPending} className={buttonClass}>
          Record trigger
        </button>
        <p role="status" className="text-green-800">
          {done ? 'Trigger recorded.' : ''}
        </p>
      </div>
    </form>
  );
}
