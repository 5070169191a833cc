'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Link } from '~/app/_components/link';
import { Form, SubmitButton, useFormMutation } from '~/app/_components/form-kit';
import { refreshSession } from '../../_lib/refresh-session';
import { useTRPC } from '../../_lib/trpc-client';

export function ConfirmSignInAddressForm({
  token,
  newEmail,
  signedIn,
}: {
  token: string;
  newEmail: string;
  signedIn: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [changed, setChanged] = useState<string | null>(null);
  const form = useFormMutation(trpc.account.confirmSignInAddressChange.mutationOptions(), {
    onSuccess: async (result) => {
      // A session open in this browser names the old address: issue it again from the account.
      if (signedIn) await refreshSession();
      setChanged(result.email);
      router.refresh();
    },
  });
  if (changed)
    return (
      <div role="status" className="mt-4 space-y-4">
        <p className="rounded border border-green-300 bg-green-50 p-3 text-lg">
          Your sign-in address is now <strong>{changed}</strong>.
        </p>
        <p>
          From now on, sign in with {changed}. Your workspaces, roles and history are unchanged. If you signed
          in with Microsoft or Google, use the account for the new address.
        </p>
        <p>
          {signedIn ? (
            <Link href="/account" className="font-semibold text-brand-dark underline">
              Go to Your account
            </Link>
          ) : (
            <Link
              href={`/signin?callbackUrl=${encodeURIComponent('/account')}`}
              className="inline-block rounded bg-brand px-4 py-3 font-semibold text-white"
            >
              Sign in with {changed}
            </Link>
          )}
        </p>
      </div>
    );
  return (
    <Form form={form} className="mt-4 space-y-4" onSubmit={() => form.mutate({ token })}>
      <p className="text-lg">
        You asked to sign in to Stride with <strong>{newEmail}</strong>. Confirm it and your account — its
        workspaces, roles and history — moves to this address.
      </p>
      <SubmitButton pending={form.isPending} pendingLabel="Confirming…">
        Confirm {newEmail}
      </SubmitButton>
    </Form>
  );
}
