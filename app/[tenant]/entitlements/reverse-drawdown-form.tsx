'use client';

import { useRouter } from 'next/navigation';
import { Form, SubmitButton, TextArea, useFormMutation, useFormValues } from '~/app/_components/form-kit';
import { useTRPC } from '../../_lib/trpc-client';

/** The manager reverses a mistaken use from the statement; the reason shows in the school's statement. */
export function ReverseDrawdownForm({ entryId, what }: { entryId: string; what: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind } = useFormValues({ reason: '' });
  const reverse = useFormMutation(trpc.entitlements.reverse.mutationOptions(), {
    idPrefix: `reverse-${entryId}`,
    messageField: 'reason',
    onSuccess: () => router.refresh(),
  });
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-brand-dark underline">
        Reverse<span className="sr-only"> {what}</span>
      </summary>
      <Form
        form={reverse}
        onSubmit={() => reverse.mutate({ entryId, reason: values.reason })}
        className="mt-2 max-w-md space-y-3"
      >
        <TextArea
          label={
            <>
              Why reverse it?<span className="sr-only"> {what}</span>
            </>
          }
          hint="The school sees this in its statement. Once the year has ended, nothing is given back."
          rows={2}
          {...reverse.field('reason')}
          {...bind('reason')}
        />
        <SubmitButton pending={reverse.isPending} pendingLabel="Reversing…">
          Reverse this use
        </SubmitButton>
      </Form>
    </details>
  );
}
