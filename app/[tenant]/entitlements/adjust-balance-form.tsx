'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { FieldError } from '../../_components/error-summary';
import { useTRPC } from '../../_lib/trpc-client';

/** A manager's correction to one balance, with a reason that goes in the statement. */
export function AdjustBalanceForm({ balanceId, title }: { balanceId: string; title: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  const adjust = useMutation(
    trpc.entitlements.adjust.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        setQuantity('');
        setReason('');
        router.refresh();
      },
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    // Not a number goes as NaN, which the server refuses with its own message, alongside any other problem.
    const cleaned = quantity.replace(/[\s,]/g, '').replace(/^\u2212/, '-');
    adjust.mutate({
      balanceId,
      quantity: /^[-+]?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN,
      reason,
    });
  }

  const fieldErrors = adjust.error?.data?.fieldErrors;
  // "That would take the balance below zero" has no field; it is about the amount.
  const quantityError =
    fieldErrors?.quantity?.[0] ?? (adjust.error && !fieldErrors ? adjust.error.message : undefined);
  const reasonError = fieldErrors?.reason?.[0];
  const id = (field: string) => `adjust-${balanceId}-${field}`;
  const hasErrors = Boolean(quantityError || reasonError);

  return (
    <details className="mt-4 rounded border border-slate-300 p-3">
      <summary className="cursor-pointer font-semibold text-brand-dark underline">
        Adjust<span className="sr-only"> {title}</span>
      </summary>
      <form onSubmit={onSubmit} noValidate className="mt-3 max-w-xl space-y-4">
        {hasErrors && (
          <p role="alert" className="font-semibold text-red-800">
            The adjustment was not saved. Check the {quantityError && reasonError ? 'fields' : 'field'} below.
          </p>
        )}
        <div>
          <label htmlFor={id('quantity')} className="block font-semibold">
            Change<span className="sr-only"> to {title}</span>
          </label>
          <p id={id('quantity-hint')} className="text-sm text-slate-700">
            A positive number adds, a negative number takes away, e.g. 1 or -0.5.
          </p>
          <FieldError id={id('quantity')} message={quantityError} />
          <input
            id={id('quantity')}
            inputMode="decimal"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            aria-describedby={[id('quantity-hint'), quantityError ? id('quantity-error') : '']
              .filter(Boolean)
              .join(' ')}
            aria-invalid={quantityError ? true : undefined}
            className="mt-1 w-28 rounded border-2 border-slate-600 px-3 py-2"
          />
        </div>
        <div>
          <label htmlFor={id('reason')} className="block font-semibold">
            Reason<span className="sr-only"> for the change to {title}</span>
          </label>
          <p id={id('reason-hint')} className="text-sm text-slate-700">
            The school sees this in its statement.
          </p>
          <FieldError id={id('reason')} message={reasonError} />
          <textarea
            id={id('reason')}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby={[id('reason-hint'), reasonError ? id('reason-error') : '']
              .filter(Boolean)
              .join(' ')}
            aria-invalid={reasonError ? true : undefined}
            className="mt-1 block w-full rounded border-2 border-slate-600 p-2"
          />
        </div>
        <div className="flex items-center gap-3">
          <button
            type="submit"
            disabled={adjust.isPending}
            className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60"
          >
            {adjust.isPending ? 'Saving…' : 'Save adjustment'}
          </button>
          <p role="status" className="text-green-800">
            {saved ? 'Adjustment saved.' : ''}
          </p>
        </div>
      </form>
    </details>
  );
}
