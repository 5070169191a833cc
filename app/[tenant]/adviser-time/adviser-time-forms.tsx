'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
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

export function LogVisitForm({ requestId }: { requestId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [visitDate, setVisitDate] = useState('');
  const [amount, setAmount] = useState('1');
  const [unit, setUnit] = useState<'day' | 'half_day' | 'hour'>('day');
  const [summary, setSummary] = useState('');
  const log = useMutation(trpc.adviserTime.logVisit.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = log.error?.data?.fieldErrors;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        log.mutate({ requestId, visitDate, duration: { amount: Number(amount), unit }, summary });
      }}
      className="mt-4 border-t border-slate-200 pt-3"
    >
      <h4 className="font-semibold">Log the visit</h4>
      {log.error && !errors && (
        <p role="alert" className="mt-1 text-red-800">
          {log.error.message}
        </p>
      )}
      <div className="mt-2 flex flex-wrap gap-4">
        <div>
          <label htmlFor={`${id}-date`} className="block text-sm font-semibold">
            Date of visit
          </label>
          <ErrorText id={`${id}-date-error`} errors={errors} field="visitDate" />
          <input
            id={`${id}-date`}
            type="date"
            value={visitDate}
            onChange={(e) => setVisitDate(e.target.value)}
            aria-invalid={errors?.visitDate ? true : undefined}
            aria-describedby={errors?.visitDate ? `${id}-date-error` : undefined}
            className="mt-1 rounded border-2 border-slate-600 px-2 py-1.5"
          />
        </div>
        <div>
          <label htmlFor={`${id}-amount`} className="block text-sm font-semibold">
            Time spent
          </label>
          <ErrorText id={`${id}-amount-error`} errors={errors} field="duration.amount" />
          <input
            id={`${id}-amount`}
            type="number"
            min="0.25"
            step="0.25"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            className="mt-1 w-24 rounded border-2 border-slate-600 px-2 py-1.5"
          />
        </div>
        <div>
          <label htmlFor={`${id}-unit`} className="block text-sm font-semibold">
            Unit
          </label>
          <select
            id={`${id}-unit`}
            value={unit}
            onChange={(e) => setUnit(e.target.value as 'day' | 'half_day' | 'hour')}
            className="mt-1 rounded border-2 border-slate-600 px-2 py-1.5"
          >
            <option value="day">Days</option>
            <option value="half_day">Half days</option>
            <option value="hour">Hours</option>
          </select>
        </div>
      </div>
      <label htmlFor={`${id}-summary`} className="mt-3 block text-sm font-semibold">
        Summary of the visit
      </label>
      <ErrorText id={`${id}-summary-error`} errors={errors} field="summary" />
      <textarea
        id={`${id}-summary`}
        rows={3}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        aria-invalid={errors?.summary ? true : undefined}
        aria-describedby={errors?.summary ? `${id}-summary-error` : undefined}
        className="mt-1 block w-full rounded border-2 border-slate-600 p-2"
      />
      <button type="submit" disabled={log.isPending} className={`mt-3 ${buttonClass}`}>
        {log.isPending ? 'Saving…' : 'Log visit'}
      </button>
    </form>
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
