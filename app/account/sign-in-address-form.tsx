'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Form,
  secondaryButtonClass,
  StatusMessage,
  SubmitButton,
  TextField,
  useFormMutation,
} from '~/app/_components/form-kit';
import { useTRPC } from '../_lib/trpc-client';

/**
 * Asks to sign in with a new address (a link goes to it; nothing changes until it is used), and shows the
 * change waiting for its link with a way to cancel it. `pending.expiresAt` comes already written for London.
 */
export function SignInAddressForm({ pending }: { pending: { newEmail: string; expiresAt: string } | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [status, setStatus] = useState('');
  const request = useFormMutation(trpc.account.requestSignInAddressChange.mutationOptions(), {
    messageField: 'email',
    onSuccess: (asked) => {
      setEmail('');
      setStatus(`We have sent a link to ${asked.newEmail}. Open it to confirm your new address.`);
      router.refresh();
    },
  });
  const cancel = useFormMutation(trpc.account.cancelSignInAddressChange.mutationOptions(), {
    onSuccess: () => {
      setStatus('Cancelled. You still sign in with your current address.');
      router.refresh();
    },
  });
  return (
    <div className="mt-3 max-w-xl space-y-4">
      {pending && (
        <div className="rounded border border-amber-300 bg-amber-50 p-3">
          <p>
            We sent a link to <strong>{pending.newEmail}</strong>. Until it is opened you still sign in with
            your current address. The link expires on {pending.expiresAt}.
          </p>
          <Form form={cancel} className="mt-3" onSubmit={() => cancel.mutate()}>
            <SubmitButton
              pending={cancel.isPending}
              pendingLabel="Cancelling…"
              className={secondaryButtonClass}
            >
              Cancel this change
            </SubmitButton>
          </Form>
        </div>
      )}
      <Form
        form={request}
        className="space-y-4"
        onSubmit={() => {
          setStatus('');
          request.mutate({ email });
        }}
      >
        <TextField
          label="New sign-in address"
          hint="We will email a link to it. Your address changes only when the link is opened, within 24 hours; your workspaces, roles and history stay with you. Records in your workspaces that name you by address (your induction record, a course place booked for you, your entry on a board’s register) move to the new one with it."
          type="email"
          autoComplete="email"
          spellCheck={false}
          {...request.field('email')}
          value={email}
          onChange={setEmail}
        />
        <SubmitButton pending={request.isPending} pendingLabel="Sending…">
          Send a link to the new address
        </SubmitButton>
      </Form>
      <StatusMessage>{status}</StatusMessage>
    </div>
  );
}
