'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Link } from '~/app/_components/link';
import {
  DateField,
  Form,
  StatusMessage,
  SubmitButton,
  TextArea,
  useFormMutation,
  warningButtonClass,
} from '../../../_components/form-kit';
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

/** Cancels the whole course; says what was undone and which charges are already invoiced (for finance). */
export function CancelCourseForm({ courseId, tenant }: { courseId: string; tenant: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [reason, setReason] = useState('');
  const form = useFormMutation(trpc.courses.cancel.mutationOptions(), { onSuccess: () => router.refresh() });
  const done = form.data;
  return (
    <Form
      form={form}
      onSubmit={() => form.mutate({ id: courseId, reason })}
      heading={<h2 className="text-xl font-semibold">Cancel the whole course</h2>}
    >
      <p>
        Every delegate and everyone waiting is emailed; entitlement used is given back and uninvoiced charges
        are cancelled. This cannot be undone.
      </p>
      <TextArea
        label="Why it is cancelled"
        hint="Delegates are told this."
        {...form.field('reason')}
        value={reason}
        onChange={setReason}
      />
      <SubmitButton pending={form.isPending} className={warningButtonClass}>
        Cancel the course
      </SubmitButton>
      {done && (
        <StatusMessage>
          Cancelled: {done.placesCancelled} places and {done.waitlistWithdrawn} waiting;{' '}
          {done.entitlementsReversed} entitlement places given back, {done.chargesCancelled} charges
          cancelled.
        </StatusMessage>
      )}
      {done && done.invoiced.length > 0 && (
        <div role="alert" className="rounded border-l-4 border-amber-600 bg-amber-50 p-4">
          <p className="font-semibold">
            {done.invoiced.length} {done.invoiced.length === 1 ? 'charge was' : 'charges were'} already
            invoiced: ask finance for a credit note.
          </p>
          <ul className="mt-2 list-disc pl-6">
            {done.invoiced.map((i) => (
              <li key={`${i.bookingId}-${i.invoiceId}`}>
                {i.delegateName}:{' '}
                <Link href={`/${tenant}/invoices/${i.invoiceId}`} className="underline">
                  invoice {i.invoiceNumber ?? '(draft)'}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Form>
  );
}
