'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formatPence } from '~/server/catalogue/money';
import { countOf } from '~/server/format/plural';
import {
  Button,
  Form,
  StatusMessage,
  SubmitButton,
  TextField,
  useFormMutation,
} from '../../../../_components/form-kit';
import { Link } from '~/app/_components/link';
import { useTRPC } from '../../../../_lib/trpc-client';

type Delegate = { name: string; email: string; role: string; needs: string };
const blank: Delegate = { name: '', email: '', role: '', needs: '' };
const needsHint = 'Anything the organisers should arrange: step-free access, a hearing loop, a diet.';

type Outcome = {
  confirmed: { funding: 'entitlement' | 'charge' | 'free' }[];
  waitlisted: unknown[];
  pendingApproval: unknown[];
  offeredWaitingList: { delegateName: string }[];
};

/** " (from your school’s entitlement)", " (1 from your school’s entitlement)", or nothing when none was. */
function fromEntitlement(confirmed: Outcome['confirmed']): string {
  const drawn = confirmed.filter((c) => c.funding === 'entitlement').length;
  if (drawn === 0) return '';
  const how = drawn < confirmed.length ? `${drawn} from` : confirmed.length === 1 ? 'from' : 'all from';
  return ` (${how} your school’s entitlement)`;
}

/** What the booking did, in a sentence or two. */
function outcome(r: Outcome, namesDelegates: boolean): string {
  const parts = [
    r.confirmed.length > 0 &&
      `${countOf(r.confirmed.length, 'place')} confirmed${fromEntitlement(r.confirmed)}`,
    r.waitlisted.length > 0 && `${r.waitlisted.length} on the waiting list`,
    r.pendingApproval.length > 0 &&
      `${r.pendingApproval.length} held until your headteacher or business manager approves it`,
    r.offeredWaitingList.length > 0 &&
      `the course filled up before ${namesDelegates ? r.offeredWaitingList.map((o) => o.delegateName).join(' and ') : 'you'} could have a place`,
  ].filter(Boolean);
  const sentence = parts.join('; ');
  const emails =
    r.confirmed.length + r.waitlisted.length + r.pendingApproval.length > 0
      ? ' Confirmation emails are on their way.'
      : '';
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.${emails}`;
}

/** Books places: a headteacher names delegates; anyone else books themselves. Shows covered/charged first. */
export function BookingForm({
  courseId,
  schoolId,
  namesDelegates,
  placesHref,
  me,
}: {
  courseId: string;
  schoolId: string;
  namesDelegates: boolean;
  /** The head booking: one click names them as a delegate (their name left to type if they have given none). */
  me: { name: string; email: string };
  /** Where the booker sees their places (and a head their school's) once booked. */
  placesHref: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [delegates, setDelegates] = useState<Delegate[]>([{ ...blank }]);
  const [purchaseOrderNumber, setPurchaseOrderNumber] = useState('');
  const [needs, setNeeds] = useState('');
  const places = namesDelegates ? delegates.length : 1;
  const delegateEmails = namesDelegates ? delegates.map((d) => d.email) : undefined;
  const preview = useQuery(
    trpc.courses.bookingPreview.queryOptions({ courseId, schoolId, places, delegateEmails }),
  );
  const form = useFormMutation(trpc.courses.book.mutationOptions(), {
    onSuccess: () => {
      router.refresh();
      void preview.refetch();
    },
  });
  // Into the first delegate left empty, else as one more.
  const addMe = () =>
    setDelegates((list) => {
      const mine = { ...blank, name: me.name, email: me.email };
      const empty = list.findIndex((d) => !d.name.trim() && !d.email.trim());
      return empty === -1 ? [...list, mine] : list.map((d, j) => (j === empty ? mine : d));
    });
  const setField = (i: number, key: keyof Delegate) => (value: string) =>
    setDelegates((list) => list.map((d, j) => (j === i ? { ...d, [key]: value } : d)));
  const p = preview.data;
  // The preview said some would go on the waiting list, and the booker confirmed with that in front of them.
  const full = (p?.waitlisted ?? 0) > 0;
  const offered = form.data?.offeredWaitingList ?? [];
  // Booked (or queued, or held for approval): the form gives way to what happened and where to see it, so the
  // same delegates are not sent twice.
  const done = Boolean(form.data) && offered.length === 0;
  const joinWaitingList = () =>
    form.mutate({
      courseId,
      schoolId,
      delegates: namesDelegates
        ? delegates.filter((d) => offered.some((o) => o.delegateEmail === d.email))
        : [],
      joinWaitingList: true,
      purchaseOrderNumber,
      needs,
    });
  return (
    <Form
      form={form}
      onSubmit={() =>
        form.mutate({
          courseId,
          schoolId,
          delegates: namesDelegates ? delegates : [],
          joinWaitingList: full,
          purchaseOrderNumber,
          needs,
        })
      }
      heading={
        <h2 className="text-xl font-semibold">
          {form.data ? 'Your booking' : namesDelegates ? 'Delegates' : 'Book your place'}
        </h2>
      }
    >
      {namesDelegates &&
        !done &&
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
              label="Role (optional)"
              hint="For example, Year 4 teacher or SENCo"
              {...form.field(`delegates.${i}.role`)}
              value={d.role}
              onChange={setField(i, 'role')}
            />
            <TextField
              label="Access or dietary needs (optional)"
              hint={needsHint}
              {...form.field(`delegates.${i}.needs`)}
              value={d.needs}
              onChange={setField(i, 'needs')}
            />
            {delegates.length > 1 && (
              <Button className="mt-2" onClick={() => setDelegates((list) => list.filter((_, j) => j !== i))}>
                Remove delegate {i + 1}
              </Button>
            )}
          </fieldset>
        ))}
      {namesDelegates && !done && (
        <div className="flex flex-wrap gap-3">
          <Button onClick={() => setDelegates((list) => [...list, { ...blank }])}>
            Add another delegate
          </Button>
          {!delegates.some((d) => d.email.trim().toLowerCase() === me.email.toLowerCase()) && (
            <Button onClick={addMe}>Add myself</Button>
          )}
        </div>
      )}
      {p?.alreadyHasPlace && !namesDelegates && !form.data && (
        <p className="rounded border-l-4 border-brand bg-white p-4">
          You already have a place on this course.{' '}
          <Link href={placesHref} className="underline">
            See your places
          </Link>
        </p>
      )}
      {p && !p.alreadyHasPlace && !form.data && (
        <div className="rounded border-l-4 border-brand bg-white p-4" aria-live="polite">
          <p className="font-semibold">
            {places} place{places === 1 ? '' : 's'} for {p.schoolName}
          </p>
          <ul className="list-disc pl-6">
            {p.covered > 0 && <li>{p.covered} covered by your school’s entitlement (no charge)</li>}
            {p.statutoryFree > 0 && <li>{p.statutoryFree} free: statutory governor training</li>}
            {p.free > 0 && <li>{p.free} free of charge</li>}
            {p.charged > 0 && (
              <li>
                {p.charged} charged at {formatPence(p.unitPricePence)} each ({p.priceName} price):{' '}
                {p.chargeWording}
              </li>
            )}
            {p.waitlisted > 0 && <li>{p.waitlisted} will go on the waiting list: the course is full</li>}
          </ul>
          {p.cancellation && <p className="mt-2">{p.cancellation}</p>}
        </div>
      )}
      {!namesDelegates && !form.data && !p?.alreadyHasPlace && (
        <TextField
          label="Your access or dietary needs (optional)"
          hint={needsHint}
          {...form.field('needs')}
          value={needs}
          onChange={setNeeds}
        />
      )}
      {/* A school's finance office often pays an invoice only against its own purchase order. */}
      {namesDelegates && p && p.charged > 0 && !form.data && (
        <TextField
          label="Purchase order number (optional)"
          hint="If your school raises one for this booking: it goes on the invoice for the places charged."
          width="w-64"
          {...form.field('purchaseOrderNumber')}
          value={purchaseOrderNumber}
          onChange={setPurchaseOrderNumber}
        />
      )}
      {!form.data && !(p?.alreadyHasPlace && !namesDelegates) && (
        <SubmitButton pending={form.isPending}>
          {p && p.confirmed === 0 ? 'Join the waiting list' : 'Confirm booking'}
        </SubmitButton>
      )}
      {form.data && (
        <StatusMessage>
          {outcome(form.data, namesDelegates)}
          {form.data.chargeLine ? ` ${form.data.chargeLine}` : ''}
          {form.data.chargeLine && purchaseOrderNumber.trim()
            ? ` Purchase order ${purchaseOrderNumber.trim()} will be on the invoice.`
            : ''}
          {form.data.schoolTold > 0 ? ' The school’s headteacher has been told of the charge.' : ''}
        </StatusMessage>
      )}
      {offered.length > 0 && (
        <Button onClick={joinWaitingList} disabled={form.isPending}>
          {namesDelegates && offered.length > 1 ? 'Put them on the waiting list' : 'Join the waiting list'}
        </Button>
      )}
      {done && (
        <p className="flex flex-wrap items-center gap-4">
          <Link href={placesHref} className="underline">
            {namesDelegates ? 'See your school’s places' : 'See your places'}
          </Link>
          {namesDelegates && (
            <Button
              onClick={() => {
                setDelegates([{ ...blank }]);
                form.reset();
                void preview.refetch();
              }}
            >
              Book more delegates
            </Button>
          )}
        </p>
      )}
    </Form>
  );
}
