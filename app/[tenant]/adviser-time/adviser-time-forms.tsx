'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import {
  DateField,
  Form,
  NumberField,
  parseNumber,
  SelectField,
  SubmitButton,
  TextArea,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import { useTRPC } from '../../_lib/trpc-client';

type FieldErrors = Record<string, string[]> | null | undefined;

function ErrorText({ id, errors, field }: { id: string; errors: FieldErrors; field: string }) {
  const message = errors?.[field]?.[0];
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-red-800">
      <span className="sr-only">Error: </span>
      {message}
    </p>
  );
}

const inputClass = 'mt-1 block w-full max-w-xl rounded border-2 border-slate-600 px-3 py-2';
const buttonClass =
  'rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60';

export function RequestForm({
  schoolId,
  schoolName,
  services,
}: {
  schoolId: string;
  schoolName: string;
  services: { id: string; name: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [serviceId, setServiceId] = useState(services[0]?.id ?? '');
  const [preferredDates, setPreferredDates] = useState('');
  const [details, setDetails] = useState('');
  const [done, setDone] = useState(false);
  const request = useMutation(
    trpc.adviserTime.request.mutationOptions({
      onSuccess: () => {
        setDone(true);
        setPreferredDates('');
        setDetails('');
        router.refresh();
      },
    }),
  );
  const errors = request.error?.data?.fieldErrors;
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    request.mutate({ schoolId, serviceId, preferredDates, details });
  }
  return (
    <form onSubmit={onSubmit} className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="text-xl font-semibold">Ask for adviser time for {schoolName}</h2>
      {request.error && !errors && (
        <p role="alert" className="mt-2 text-red-800">
          {request.error.message}
        </p>
      )}
      <label htmlFor="service" className="mt-4 block font-semibold">
        What do you need?
      </label>
      <select
        id="service"
        value={serviceId}
        onChange={(e) => setServiceId(e.target.value)}
        className={inputClass}
      >
        {services.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <label htmlFor="preferred-dates" className="mt-4 block font-semibold">
        When would suit you?
      </label>
      <ErrorText id="preferred-dates-error" errors={errors} field="preferredDates" />
      <input
        id="preferred-dates"
        value={preferredDates}
        onChange={(e) => setPreferredDates(e.target.value)}
        aria-invalid={errors?.preferredDates ? true : undefined}
        aria-describedby={errors?.preferredDates ? 'preferred-dates-error' : undefined}
        className={inputClass}
      />
      <label htmlFor="details" className="mt-4 block font-semibold">
        Anything the adviser should know (optional)
      </label>
      <textarea
        id="details"
        rows={3}
        value={details}
        onChange={(e) => setDetails(e.target.value)}
        className={inputClass}
      />
      <div className="mt-4 flex items-center gap-3">
        <button type="submit" disabled={request.isPending} className={buttonClass}>
          {request.isPending ? 'Sending…' : 'Send request'}
        </button>
        <p role="status" className="text-green-800">
          {done ? 'Request sent. We will confirm the adviser and date.' : ''}
        </p>
      </div>
    </form>
  );
}

export function AssignForm({
  requestId,
  current,
  advisers,
}: {
  requestId: string;
  current: string | null;
  advisers: { id: string; label: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [adviserUserId, setAdviserUserId] = useState(current ?? advisers[0]?.id ?? '');
  const assign = useMutation(trpc.adviserTime.assign.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        assign.mutate({ requestId, adviserUserId });
      }}
      className="mt-3 flex flex-wrap items-end gap-3"
    >
      <div>
        <label htmlFor={`${id}-adviser`} className="block text-sm font-semibold">
          Adviser
        </label>
        <select
          id={`${id}-adviser`}
          value={adviserUserId}
          onChange={(e) => setAdviserUserId(e.target.value)}
          className="mt-1 rounded border-2 border-slate-600 px-2 py-1.5"
        >
          {advisers.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={assign.isPending} className={buttonClass}>
        {current ? 'Reassign' : 'Assign'}
      </button>
      {assign.error && (
        <p role="alert" className="text-red-800">
          {assign.error.message}
        </p>
      )}
    </form>
  );
}

/** One of the school's entitlement lines a visit can draw from ('' = the general line, or none: charged). */
export type LineChoice = { category: string; label: string };

export function LogVisitForm({
  requestId,
  lines,
  defaultLine,
}: {
  requestId: string;
  lines: readonly LineChoice[];
  defaultLine: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind } = useFormValues({
    visitDate: '',
    amount: '1',
    unit: 'day',
    summary: '',
    category: defaultLine,
  });
  const log = useFormMutation(trpc.adviserTime.logVisit.mutationOptions(), {
    idPrefix: `log-${requestId}`,
    onSuccess: () => router.refresh(),
  });
  return (
    <Form
      form={log}
      onSubmit={() => {
        const amount = parseNumber(values.amount);
        log.mutate({
          requestId,
          visitDate: values.visitDate,
          duration: {
            amount: typeof amount === 'number' ? amount : Number.NaN,
            unit: values.unit as 'day' | 'half_day' | 'hour',
          },
          summary: values.summary,
          ...(lines.length > 0 ? { category: values.category } : {}),
        });
      }}
      className="mt-4 space-y-3 border-t border-slate-200 pt-3"
    >
      <h4 className="font-semibold">Log the visit</h4>
      <div className="flex flex-wrap gap-4">
        <DateField label="Date of visit" {...log.field('visitDate')} {...bind('visitDate')} />
        <NumberField label="Time spent" width="w-24" {...log.field('duration.amount')} {...bind('amount')} />
        <SelectField
          label="Unit"
          width="w-40"
          options={[
            { value: 'day', label: 'Days' },
            { value: 'half_day', label: 'Half days' },
            { value: 'hour', label: 'Hours' },
          ]}
          {...log.field('duration.unit')}
          {...bind('unit')}
        />
      </div>
      {lines.length > 0 && (
        <SelectField
          label="Draw from"
          hint="The school’s entitlement line this visit comes out of. What it does not cover is charged."
          options={lines.map((l) => ({ value: l.category, label: l.label }))}
          {...log.field('category')}
          {...bind('category')}
        />
      )}
      <TextArea label="Summary of the visit" rows={3} {...log.field('summary')} {...bind('summary')} />
      <SubmitButton pending={log.isPending} pendingLabel="Saving…">
        Log visit
      </SubmitButton>
    </Form>
  );
}

export function CancelButton({ requestId }: { requestId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const cancel = useMutation(trpc.adviserTime.cancel.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="mt-3">
      <button
        type="button"
        onClick={() => cancel.mutate({ id: requestId })}
        disabled={cancel.isPending}
        className="rounded border border-slate-500 px-3 py-1.5 text-sm hover:bg-slate-100"
      >
        Withdraw request
      </button>
      {cancel.error && (
        <p role="alert" className="mt-1 text-red-800">
          {cancel.error.message}
        </p>
      )}
    </div>
  );
}
