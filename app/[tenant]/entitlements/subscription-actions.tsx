'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useTRPC } from '../../_lib/trpc-client';

/** Cancels a subscription with a reason; unused entitlement from it is withdrawn and the history kept. */
export function CancelSubscriptionForm({ id, itemName }: { id: string; itemName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const fieldId = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useMutation(
    trpc.subscriptions.cancel.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const error = cancel.error?.data?.fieldErrors?.reason?.[0] ?? cancel.error?.message;
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded border border-slate-500 px-2 py-1 text-sm hover:bg-slate-100"
      >
        Cancel<span className="sr-only"> {itemName}</span>
      </button>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        cancel.mutate({ id, reason });
      }}
      className="min-w-56"
    >
      <label htmlFor={fieldId} className="block text-sm font-semibold">
        Why is {itemName} being cancelled?
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
      <input
        id={fieldId}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        className="mt-1 w-full rounded border-2 border-slate-600 px-2 py-1"
      />
      <button
        type="submit"
        disabled={cancel.isPending}
        className="mt-2 rounded bg-red-800 px-3 py-1 text-sm font-semibold text-white disabled:opacity-60"
      >
        Confirm cancellation
      </button>
    </form>
  );
}

/** Year end: lapses what schools did not use of a finished year. */
export function CloseYearButton({ academicYear, label }: { academicYear: number; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const close = useMutation(
    trpc.entitlements.expireYear.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  return (
    <div className="mt-4">
      <button
        type="button"
        onClick={() => close.mutate({ academicYear })}
        disabled={close.isPending}
        className="rounded border-2 border-slate-700 px-3 py-1.5 font-semibold hover:bg-slate-100"
      >
        Close {label}: lapse unused entitlement
      </button>
      <p role="status" className="mt-1 text-green-800">
        {close.data ? `${close.data.expiredBalances} balances lapsed.` : ''}
      </p>
      {close.error && (
        <p role="alert" className="mt-1 text-red-800">
          {close.error.message}
        </p>
      )}
    </div>
  );
}
