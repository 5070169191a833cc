'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '../../../_lib/trpc-client';

type Package = { id: string; name: string; priceLabel: string; current: boolean };

const buttonClass =
  'rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60';
const secondaryClass =
  'rounded border-2 border-slate-700 px-4 py-2 font-semibold hover:bg-slate-100 disabled:opacity-60';

export function RenewalAnswerForm({
  token,
  canRenew,
  packages,
}: {
  token: string;
  canRenew: boolean;
  packages: Package[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [mode, setMode] = useState<'choose' | 'change' | 'decline'>('choose');
  const [po, setPo] = useState('');
  const [chosen, setChosen] = useState<string[]>(packages.filter((p) => p.current).map((p) => p.id));
  const [reason, setReason] = useState('');
  const respond = useMutation(trpc.renewals.respond.mutationOptions({ onSuccess: () => router.refresh() }));
  const problem = respond.error?.data?.fieldErrors
    ? Object.values(respond.error.data.fieldErrors)[0]?.[0]
    : respond.error?.message;

  return (
    <section aria-labelledby="answer" className="mt-8 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="answer" className="text-2xl font-semibold">
        Your answer
      </h2>
      {problem && (
        <p role="alert" className="mt-3 rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {problem}
        </p>
      )}
      <label htmlFor="po" className="mt-4 block font-semibold">
        Purchase-order number (optional)
      </label>
      <input
        id="po"
        value={po}
        onChange={(e) => setPo(e.target.value)}
        className="mt-1 block w-64 rounded border-2 border-slate-600 px-3 py-2"
      />
      {mode === 'choose' && (
        <div className="mt-5 flex flex-wrap gap-3">
          {canRenew && (
            <button
              type="button"
              disabled={respond.isPending}
              onClick={() =>
                respond.mutate({ token, answer: { decision: 'renew', purchaseOrderNumber: po || undefined } })
              }
              className={buttonClass}
            >
              Renew as now
            </button>
          )}
          <button type="button" onClick={() => setMode('change')} className={secondaryClass}>
            Change what we buy
          </button>
          <button type="button" onClick={() => setMode('decline')} className={secondaryClass}>
            Decline
          </button>
        </div>
      )}
      {mode === 'change' && (
        <form
          className="mt-5"
          onSubmit={(e) => {
            e.preventDefault();
            respond.mutate({
              token,
              answer: { decision: 'change', itemIds: chosen, purchaseOrderNumber: po || undefined },
            });
          }}
        >
          <fieldset>
            <legend className="font-semibold">Choose the packages you want next year</legend>
            <ul className="mt-2 space-y-2">
              {packages.map((p) => (
                <li key={p.id} className="flex items-center gap-2">
                  <input
                    id={`pkg-${p.id}`}
                    type="checkbox"
                    checked={chosen.includes(p.id)}
                    onChange={(e) =>
                      setChosen(e.target.checked ? [...chosen, p.id] : chosen.filter((id) => id !== p.id))
                    }
                    className="h-5 w-5"
                  />
                  <label htmlFor={`pkg-${p.id}`}>
                    {p.name}: {p.priceLabel}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="mt-4 flex gap-3">
            <button type="submit" disabled={respond.isPending} className={buttonClass}>
              Confirm my choice
            </button>
            <button type="button" onClick={() => setMode('choose')} className={secondaryClass}>
              Back
            </button>
          </div>
        </form>
      )}
      {mode === 'decline' && (
        <form
          className="mt-5"
          onSubmit={(e) => {
            e.preventDefault();
            respond.mutate({ token, answer: { decision: 'decline', reason: reason || undefined } });
          }}
        >
          <label htmlFor="reason" className="block font-semibold">
            Tell us why (optional)
          </label>
          <textarea
            id="reason"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className="mt-1 block w-full rounded border-2 border-slate-600 p-2"
          />
          <div className="mt-4 flex gap-3">
            <button type="submit" disabled={respond.isPending} className={buttonClass}>
              Decline for next year
            </button>
            <button type="button" onClick={() => setMode('choose')} className={secondaryClass}>
              Back
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
