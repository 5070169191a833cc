'use client';

import { useState } from 'react';
import {
  Form,
  StatusMessage,
  SubmitButton,
  TextArea,
  TextField,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import { refreshSession } from '../../_lib/refresh-session';
import { useTRPC } from '../../_lib/trpc-client';

export function RequestAccessForm({ defaultName }: { defaultName: string }) {
  const trpc = useTRPC();
  const { values, bind } = useFormValues({ name: defaultName, jobTitle: '', urn: '', message: '' });
  const [sent, setSent] = useState('');
  const form = useFormMutation(trpc.joining.requestAccess.mutationOptions(), {
    onSuccess: async (r) => {
      // The request named the person: the session takes the name too.
      await refreshSession();
      setSent(`Your request to join ${r.schoolName} was sent. We will email you the answer.`);
    },
  });
  if (sent) return <StatusMessage className="mt-6 text-lg text-green-800">{sent}</StatusMessage>;
  return (
    <Form
      form={form}
      className="mt-6 max-w-xl space-y-4"
      onSubmit={() => form.mutate({ ...values, urn: values.urn as unknown as number })}
    >
      <TextField label="Your name" autoComplete="name" {...form.field('name')} {...bind('name')} />
      <TextField
        label="Job title"
        hint="For example, Year 4 teacher or SENCo."
        {...form.field('jobTitle')}
        {...bind('jobTitle')}
      />
      <TextField
        label="Your school’s URN"
        hint="Six digits, on Get Information about Schools or from your school office."
        inputMode="numeric"
        width="w-32"
        {...form.field('urn')}
        {...bind('urn')}
      />
      <TextArea label="Message (optional)" {...form.field('message')} {...bind('message')} />
      <SubmitButton pending={form.isPending} pendingLabel="Sending…">
        Send request
      </SubmitButton>
      <StatusMessage />
    </Form>
  );
}
