'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Link } from '~/app/_components/link';
import {
  Checkbox,
  DateField,
  Form,
  StatusMessage,
  SubmitButton,
  TextArea,
  TextField,
  useFormMutation,
  useFormValues,
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

/**
 * Cancels the whole course; says what was undone and which charges are already invoiced (for finance). A draft
 * has no one booked or waiting, so it is worded as setting the draft aside: no one is emailed.
 */
export function CancelCourseForm({
  courseId,
  tenant,
  draft,
}: {
  courseId: string;
  tenant: string;
  draft: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [reason, setReason] = useState('');
  const form = useFormMutation(trpc.courses.cancel.mutationOptions(), { onSuccess: () => router.refresh() });
  const done = form.data;
  return (
    <Form
      form={form}
      onSubmit={() => form.mutate({ id: courseId, reason })}
      heading={
        <h2 className="text-xl font-semibold">{draft ? 'Cancel this draft' : 'Cancel the whole course'}</h2>
      }
    >
      {draft ? (
        <p>
          No one can book a draft, so no one is emailed. It will never be published; you can still make a
          draft copy of it. This cannot be undone.
        </p>
      ) : (
        <p>
          Every delegate and everyone waiting is emailed; entitlement used is given back and uninvoiced
          charges are cancelled. This cannot be undone.
        </p>
      )}
      <TextArea
        label={draft ? 'Why the draft is cancelled' : 'Why it is cancelled'}
        hint={draft ? 'Kept with the course, for your records.' : 'Delegates are told this.'}
        {...form.field('reason')}
        value={reason}
        onChange={setReason}
      />
      <SubmitButton pending={form.isPending} className={warningButtonClass}>
        {draft ? 'Cancel the draft' : 'Cancel the course'}
      </SubmitButton>
      {done && draft && <StatusMessage>Draft cancelled.</StatusMessage>}
      {done && !draft && (
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

/** The organisers email everyone with a place (and, if they choose, everyone waiting) a message. */
export function MessageDelegatesForm({
  courseId,
  confirmed,
  waiting,
}: {
  courseId: string;
  confirmed: number;
  waiting: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, set, reset } = useFormValues({ subject: '', message: '', includeWaitingList: false });
  const form = useFormMutation(trpc.courses.messageDelegates.mutationOptions(), {
    idPrefix: 'message',
    onSuccess: () => {
      reset();
      router.refresh();
    },
  });
  return (
    <Form
      form={form}
      onSubmit={() => form.mutate({ courseId, ...values })}
      heading={<h2 className="text-xl font-semibold">Message the delegates</h2>}
    >
      <p>
        Joining instructions, what to bring, a room change: emailed to the {confirmed}{' '}
        {confirmed === 1 ? 'delegate' : 'delegates'} with a confirmed place, with the course&rsquo;s sessions.
      </p>
      <TextField label="Subject" {...form.field('subject')} {...bind('subject')} />
      <TextArea
        label="Message"
        hint="A blank line starts a new paragraph."
        rows={6}
        {...form.field('message')}
        {...bind('message')}
      />
      {waiting > 0 && (
        <Checkbox
          label={`Also send it to the ${waiting} ${waiting === 1 ? 'person' : 'people'} on the waiting list`}
          {...form.field('includeWaitingList')}
          checked={values.includeWaitingList}
          onChange={set('includeWaitingList')}
        />
      )}
      <SubmitButton pending={form.isPending} pendingLabel="Sending…">
        Send the message
      </SubmitButton>
      {form.data && <StatusMessage>Message sent. {form.data.summary}</StatusMessage>}
    </Form>
  );
}
