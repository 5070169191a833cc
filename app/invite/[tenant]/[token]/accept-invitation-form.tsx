'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Form, SubmitButton, TextField, useFormMutation } from '~/app/_components/form-kit';
import { refreshSession } from '../../../_lib/refresh-session';
import { useTRPC } from '../../../_lib/trpc-client';

export function AcceptInvitationForm({
  token,
  workspaceName,
  defaultName,
}: {
  token: string;
  workspaceName: string;
  /** The name the account has, or empty while it is known only by its email address. */
  defaultName: string;
}) {
  const trpc = useTRPC();
  const [name, setName] = useState(defaultName);
  const router = useRouter();
  const form = useFormMutation(trpc.joining.accept.mutationOptions(), {
    onSuccess: async (result) => {
      await refreshSession();
      router.push(result.landing);
    },
  });
  return (
    <Form form={form} className="mt-6" onSubmit={() => form.mutate({ token, name })}>
      <TextField
        label="Your name"
        hint="As it should appear on your bookings, certificates and letters."
        autoComplete="name"
        {...form.field('name')}
        value={name}
        onChange={setName}
      />
      <SubmitButton pending={form.isPending} pendingLabel="Joining…">
        Accept and open {workspaceName}
      </SubmitButton>
    </Form>
  );
}
