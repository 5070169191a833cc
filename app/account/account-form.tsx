'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Form,
  StatusMessage,
  SubmitButton,
  TextField,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import { refreshSession } from '../_lib/refresh-session';
import { useTRPC } from '../_lib/trpc-client';

export function AccountForm({ name, jobTitle }: { name: string; jobTitle: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind } = useFormValues({ name, jobTitle });
  const [saved, setSaved] = useState('');
  const form = useFormMutation(trpc.account.update.mutationOptions(), {
    onSuccess: async () => {
      // "Signed in as", and the name a booking for themself carries, come from the session: issue it again.
      await refreshSession();
      setSaved('Saved. This is how Stride names you from now on.');
      router.refresh();
    },
  });
  return (
    <Form
      form={form}
      className="mt-4 max-w-xl space-y-4"
      onSubmit={() => {
        setSaved('');
        form.mutate(values);
      }}
    >
      <TextField label="Your name" autoComplete="name" {...form.field('name')} {...bind('name')} />
      <TextField
        label="Job title (optional)"
        hint="For example, Senior adviser or School business manager."
        autoComplete="organization-title"
        {...form.field('jobTitle')}
        {...bind('jobTitle')}
      />
      <SubmitButton pending={form.isPending} pendingLabel="Saving…">
        Save
      </SubmitButton>
      <StatusMessage>{saved}</StatusMessage>
    </Form>
  );
}
