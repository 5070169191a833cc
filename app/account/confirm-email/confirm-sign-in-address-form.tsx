'use client';

import { useState } from 'react';
import { Link } from '~/app/_components/link';
import { Form, SubmitButton, useFormMutation } from '~/app/_components/form-kit';
import { refreshSession } from '../../_lib/refresh-session';
import { useTRPC } from '../../_lib/trpc-client';
import type { CarriedRecords } from '~/server/people/carry-sign-in-address';
import { countOf } from '~/server/format/plural';

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
  const [changed, setChanged] = useState<{ email: string; carried: string | null } | null>(null);
  const form = useFormMutation(trpc.account.confirmSignInAddressChange.mutationOptions(), {
    onSuccess: async (result) => {
      // A session open in this browser names the old address: issue it again from the account.
      if (signedIn) await refreshSession();
      // No refresh of the page: its link is used now, and the page would say so in place of this answer.
      setChanged({ email: result.email, carried: carriedLine(result.carried) });
    },
  });
  if (changed)
    return (
      <div role="status" className="mt-4 space-y-4">
        <p className="rounded border border-green-300 bg-green-50 p-3 text-lg">
          Your sign-in address is now <strong>{changed.email}</strong>.
        </p>
        <p>
          From now on, sign in with {changed.email}. Your workspaces, roles and history are unchanged. If you
          signed in with Microsoft or Google, use the account for the new address.
        </p>
        {changed.carried && <p>{changed.carried}</p>}
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
              Sign in with {changed.email}
            </Link>
          )}
        </p>
      </div>
    );
  return (
    <Form form={form} className="mt-4 space-y-4" onSubmit={() => form.mutate({ token })}>
      <p className="text-lg">
        You asked to sign in to Stride with <strong>{newEmail}</strong>. Confirm it and your account — its
        workspaces, roles and history — moves to this address, and so do the records in your workspaces that
        name you by your old address (your induction record, course places booked for you, your entry on a
        governing board&rsquo;s register).
      </p>
      <SubmitButton pending={form.isPending} pendingLabel="Confirming…">
        Confirm {newEmail}
      </SubmitButton>
    </Form>
  );
}

/** Which records now use the new address, in one sentence; null when none named the old one. */
function carriedLine(carried: CarriedRecords): string | null {
  const parts = [
    carried.inductionRecords > 0 && countOf(carried.inductionRecords, 'induction record'),
    carried.mentorOrTutor > 0 &&
      `${countOf(carried.mentorOrTutor, 'induction')} where you are the mentor or induction tutor`,
    carried.coursePlaces > 0 && countOf(carried.coursePlaces, 'course place'),
    carried.boardEntries > 0 &&
      countOf(carried.boardEntries, 'governing board entry', 'governing board entries'),
  ].filter((p): p is string => typeof p === 'string');
  return parts.length === 0
    ? null
    : `Now using your new address: ${new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(parts)}.`;
}
