'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '../../_lib/trpc-client';

const inputClass = 'mt-1 block rounded border-2 border-slate-600 px-3 py-2';
const buttonClass =
  'mt-4 rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60';

function Problem({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="mt-3 rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
      {message}
    </p>
  );
}

export function CopyForwardForm({ fromYear, label }: { fromYear: number; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [uplift, setUplift] = useState('3');
  const copy = useMutation(trpc.catalogue.copyForward.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        copy.mutate({ fromYear, upliftPercent: Number(uplift) });
      }}
    >
      <p className="mt-2">
        Copy this year’s packages and services into {label}, raising every price by the same percentage. You
        can edit them afterwards.
      </p>
      <Problem message={copy.error?.data?.fieldErrors?.upliftPercent?.[0] ?? copy.error?.message} />
      <label htmlFor="uplift" className="mt-4 block font-semibold">
        Price uplift (%)
      </label>
      <input
        id="uplift"
        type="number"
        step="0.1"
        value={uplift}
        onChange={(e) => setUplift(e.target.value)}
        className={`${inputClass} w-32`}
      />
      <button type="submit" disabled={copy.isPending} className={buttonClass}>
        Copy packages to {label}
      </button>
    </form>
  );
}

export function OpenRenewalsForm({ fromYear }: { fromYear: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [closesOn, setClosesOn] = useState('');
  const [target, setTarget] = useState('90');
  const [interval, setReminderInterval] = useState('7');
  const open = useMutation(trpc.renewals.open.mutationOptions({ onSuccess: () => router.refresh() }));
  const fields = open.error?.data?.fieldErrors;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        open.mutate({
          fromYear,
          closesOn,
          targetPercent: Number(target),
          reminderIntervalDays: interval.trim() === '' ? null : Number(interval),
        });
      }}
    >
      <p className="mt-2">Every school subscribing this year will be emailed a one-click link.</p>
      <Problem message={fields?.closesOn?.[0] ?? (fields ? undefined : open.error?.message)} />
      <label htmlFor="closes-on" className="mt-4 block font-semibold">
        Answers due by
      </label>
      <input
        id="closes-on"
        type="date"
        value={closesOn}
        onChange={(e) => setClosesOn(e.target.value)}
        className={inputClass}
      />
      <label htmlFor="target" className="mt-4 block font-semibold">
        Share of schools needed (%)
      </label>
      <input
        id="target"
        type="number"
        min="1"
        max="100"
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        className={`${inputClass} w-32`}
      />
      <label htmlFor="reminder-interval" className="mt-4 block font-semibold">
        Remind schools that have not answered every (days)
      </label>
      <p id="reminder-interval-hint" className="text-slate-700">
        Reminders go automatically until answers are due. Leave empty to send reminders only by hand.
      </p>
      <Problem message={fields?.reminderIntervalDays?.[0]} />
      <input
        id="reminder-interval"
        type="number"
        min="1"
        max="60"
        aria-describedby="reminder-interval-hint"
        value={interval}
        onChange={(e) => setReminderInterval(e.target.value)}
        className={`${inputClass} w-32`}
      />
      <button type="submit" disabled={open.isPending} className={buttonClass}>
        {open.isPending ? 'Sending invitations…' : 'Open renewals and email schools'}
      </button>
    </form>
  );
}

export function RemindButton({ roundId, pending }: { roundId: string; pending: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const remind = useMutation(trpc.renewals.remind.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="mt-4">
      <button
        type="button"
        onClick={() => remind.mutate({ roundId })}
        disabled={remind.isPending}
        className={buttonClass}
      >
        Send reminders to {pending} school{pending === 1 ? '' : 's'}
      </button>
      <p role="status" className="mt-2 text-green-800">
        {remind.data ? `Reminders sent to ${remind.data.reminded} schools.` : ''}
      </p>
      <Problem message={remind.error?.message} />
    </div>
  );
}
