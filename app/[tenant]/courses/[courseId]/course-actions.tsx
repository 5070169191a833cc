'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { DateField, Form, StatusMessage, SubmitButton, useFormMutation } from '../../../_components/form-kit';
import { useTRPC } from '../../../_lib/trpc-client';

export function PublishButton({ courseId }: { courseId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useFormMutation(trpc.courses.publish.mutationOptions(), { onSuccess: () => router.refresh() });
  return (
    <Form form={form} onSubmit={() => form.mutate({ id: courseId })}>
      <SubmitButton pending={form.isPending}>Publish to the catalogue</SubmitButton>
    </Form>
  );
}

export function DuplicateForm({ courseId, tenant }: { courseId: string; tenant: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [startsOn, setStartsOn] = useState('');
  const form = useFormMutation(trpc.courses.duplicate.mutationOptions(), {
    onSuccess: (copy) => router.push(`/${tenant}/courses/${copy.id}`),
  });
  return (
    <Form
      form={form}
      onSubmit={() => form.mutate({ id: courseId, startsOn })}
      heading={<h2 className="text-xl font-semibold">Run this course again</h2>}
    >
      <DateField
        label="New first date"
        hint="Every session moves by the same number of days."
        {...form.field('startsOn')}
        value={startsOn}
        onChange={setStartsOn}
      />
      <SubmitButton pending={form.isPending}>Make a draft copy</SubmitButton>
      {form.isSuccess && <StatusMessage>Copied.</StatusMessage>}
    </Form>
  );
}
