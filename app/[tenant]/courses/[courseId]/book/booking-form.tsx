'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formatPence } from '~/server/catalogue/money';
import {
  Button,
  Form,
  StatusMessage,
  SubmitButton,
  TextField,
  useFormMutation,
} from '../../../../_components/form-kit';
import { useTRPC } from '../../../../_lib/trpc-client';

type Delegate = { name: string; email: string; role: string };
const blank: Delegate = { name: '', email: '', role: '' };

/** Books places: a headteacher names delegates; anyone else books themselves. Shows covered/charged first. */
export function BookingForm({
  courseId,
  schoolId,
  namesDelegates,
}: {
  courseId: string;
  schoolId: string;
  namesDelegates: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [delegates, setDelegates] = useState<Delegate[]>([{ ...blank }]);
  const places = namesDelegates ? delegates.length : 1;
  const preview = useQuery(trpc.courses.bookingPreview.queryOptions({ courseId, schoolId, places }));
  const form = useFormMutation(trpc.courses.book.mutationOptions(), { onSuccess: () => router.refresh() });
  const setField = (i: number, key: keyof Delegate) => (value: string) =>
    setDelegates((list) => list.map((d, j) => (j === i ? { ...d, [key]: value } : d)));
  const p = preview.data;
  return (
    <Form
      form={form}
      onSubmit={() => form.mutate({ courseId, schoolId, delegates: namesDelegates ? delegates : [] })}
      heading={<h2 className="text-xl font-semibold">{namesDelegates ? 'Delegates' : 'Book your place'}</h2>}
    >
      {namesDelegates &&
        delegates.map((d, i) => (
          <fieldset key={i} className="rounded border border-slate-300 p-4">
            <legend className="px-1 font-semibold">Delegate {i + 1}</legend>
            <TextField
              label="Name"
              {...form.field(`delegates.${i}.name`)}
              value={d.name}
              onChange={setField(i, 'name')}
            />
            <TextField
              label="Email"
              type="email"
              {...form.field(`delegates.${i}.email`)}
              value={d.email}
              onChange={setField(i, 'email')}
            />
            <TextField
              label="Role"
              hint="For example, Year 4 teacher or SENCo"
              {...form.field(`delegates.${i}.role`)}
              value={d.role}
              onChange={setField(i, 'role')}
            />
            {delegates.length > 1 && (
              <Button className="mt-2" onClick={() => setDelegates((list) => list.filter((_, j) => j !== i))}>
                Remove delegate {i + 1}
              </Button>
            )}
          </fieldset>
        ))}
      {namesDelegates && (
        <Button onClick={() => setDelegates((list) => [...list, { ...blank }])}>Add another delegate</Button>
      )}
      {p && (
        <div className="rounded border-l-4 border-brand bg-white p-4" aria-live="polite">
          <p className="font-semibold">
            {places} place{places === 1 ? '' : 's'} for {p.schoolName}
          </p>
          <ul className="list-disc pl-6">
            {p.covered > 0 && <li>{p.covered} covered by your school’s entitlement (no charge)</li>}
            {p.free > 0 && <li>{p.free} free of charge</li>}
            {p.charged > 0 && (
              <li>
                {p.charged} charged at {formatPence(p.unitPricePence)} each ({p.priceBasis.replace(/_/g, '-')}{' '}
                price): {formatPence(p.chargePence)}
                {p.vatRateBasisPoints > 0 ? ' plus VAT' : ''}
              </li>
            )}
            {p.waitlisted > 0 && <li>{p.waitlisted} will go on the waiting list: the course is full</li>}
          </ul>
        </div>
      )}
      <SubmitButton pending={form.isPending}>Confirm booking</SubmitButton>
      {form.data && (
        <StatusMessage>
          {form.data.confirmed.length} place{form.data.confirmed.length === 1 ? '' : 's'} confirmed
          {form.data.waitlisted.length > 0 ? `, ${form.data.waitlisted.length} on the waiting list` : ''}
          {form.data.pendingApproval.length > 0
            ? `, ${form.data.pendingApproval.length} held until your headteacher or business manager approves it`
            : ''}
          . Confirmation emails are on their way.
        </StatusMessage>
      )}
    </Form>
  );
}
