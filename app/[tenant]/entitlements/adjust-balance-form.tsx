'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Form,
  NumberField,
  parseNumber,
  StatusMessage,
  SubmitButton,
  TextArea,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import { useTRPC } from '../../_lib/trpc-client';

/** A manager's correction to one balance, with a reason that goes in the statement. */
export function AdjustBalanceForm({ balanceId, title }: { balanceId: string; title: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, reset } = useFormValues({ quantity: '', reason: '' });
  const [saved, setSaved] = useState(false);
  const adjust = useFormMutation(trpc.entitlements.adjust.mutationOptions(), {
    idPrefix: `adjust-${balanceId}`,
    // "That would take the balance below zero" has no field; it is about the amount.
    messageField: 'quantity',
    onSuccess: () => {
      setSaved(true);
      reset();
      router.refresh();
    },
  });

  function onSubmit() {
    setSaved(false);
    // Not a number goes as NaN, which the server refuses with its own message, alongside any other problem.
    const quantity = parseNumber(values.quantity, { negative: true });
    adjust.mutate({
      balanceId,
      quantity: typeof quantity === 'number' ? quantity : Number.NaN,
      reason: values.reason,
    });
  }

  return (
    <details className="mt-4 rounded border border-slate-300 p-3">
      <summary className="cursor-pointer font-semibold text-brand-dark underline">
        Adjust<span className="sr-only"> {title}</span>
      </summary>
      <Form form={adjust} onSubmit={onSubmit} className="mt-3 max-w-xl space-y-4">
        <NumberField
          label={
            <>
              Change<span className="sr-only"> to {title}</span>
            </>
          }
          hint="A positive number adds, a negative number takes away, e.g. 1 or -0.5."
          {...adjust.field('quantity')}
          {...bind('quantity')}
        />
        <TextArea
          label={
            <>
              Reason<span className="sr-only"> for the change to {title}</span>
            </>
          }
          hint="The school sees this in its statement."
          rows={2}
          {...adjust.field('reason')}
          {...bind('reason')}
        />
        <div className="flex items-center gap-3">
          <SubmitButton pending={adjust.isPending} pendingLabel="Saving…">
            Save adjustment
          </SubmitButton>
          <StatusMessage>{saved ? 'Adjustment saved.' : ''}</StatusMessage>
        </div>
      </Form>
    </details>
  );
}
