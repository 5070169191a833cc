'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Button,
  ErrorSummary,
  Form,
  StatusMessage,
  TextField,
  useFormMutation,
} from '~/app/_components/form-kit';
import { useTRPC } from '../../_lib/trpc-client';

/** Cancels a subscription with a reason; unused entitlement from it is withdrawn and the history kept. */
export function CancelSubscriptionForm({ id, itemName }: { id: string; itemName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useFormMutation(trpc.subscriptions.cancel.mutationOptions(), {
    messageField: 'reason',
    onSuccess: () => router.refresh(),
  });
  if (!open) {
    return (
      <Button onClick={() => setOpen(true)}>
        Cancel<span className="sr-only"> {itemName}</span>
      </Button>
    );
  }
  return (
    <Form form={cancel} onSubmit={() => cancel.mutate({ id, reason })} className="min-w-56 space-y-2">
      <TextField
        label={`Why is ${itemName} being cancelled?`}
        {...cancel.field('reason')}
        value={reason}
        onChange={setReason}
        width="w-full"
      />
      <Button type="submit" variant="warning" disabled={cancel.isPending}>
        Confirm cancellation
      </Button>
    </Form>
  );
}

/** Year end: lapses what schools did not use of a finished year. */
export function CloseYearButton({ academicYear, label }: { academicYear: number; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const close = useFormMutation(trpc.entitlements.expireYear.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="mt-4">
      <ErrorSummary errors={close.summary} />
      <Button onClick={() => close.mutate({ academicYear })} disabled={close.isPending}>
        Close {label}: lapse unused entitlement
      </Button>
      <StatusMessage className="mt-1 text-green-800">
        {close.data ? `${close.data.expiredBalances} balances lapsed.` : ''}
      </StatusMessage>
    </div>
  );
}
