'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Button,
  DateField,
  ErrorSummary,
  Form,
  NumberField,
  StatusMessage,
  SubmitButton,
  useFormMutation,
} from '~/app/_components/form-kit';
import { useTRPC } from '../../_lib/trpc-client';

export function CopyForwardForm({ fromYear, label }: { fromYear: number; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [uplift, setUplift] = useState('3');
  const copy = useFormMutation(trpc.catalogue.copyForward.mutationOptions(), {
    messageField: 'upliftPercent',
    onSuccess: () => router.refresh(),
  });
  return (
    <Form
      form={copy}
      onSubmit={() => copy.mutate({ fromYear, upliftPercent: Number(uplift) })}
      heading={
        <p>
          Copy this year’s packages and services into {label}, raising every price by the same percentage and
          rounding it to the nearest whole pound. Each code moves on to the new year ({`ACL-${fromYear}`}{' '}
          becomes {`ACL-${fromYear + 1}`}; a code with no year gets one: ACL becomes {`ACL-${fromYear + 1}`}).
          You can edit them afterwards.
        </p>
      }
    >
      <NumberField
        label="Price uplift (%)"
        type="number"
        step="0.1"
        width="w-32"
        {...copy.field('upliftPercent')}
        value={uplift}
        onChange={setUplift}
      />
      <SubmitButton pending={copy.isPending}>Copy packages to {label}</SubmitButton>
    </Form>
  );
}

export function OpenRenewalsForm({ fromYear }: { fromYear: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [closesOn, setClosesOn] = useState('');
  const [target, setTarget] = useState('90');
  const [interval, setReminderInterval] = useState('7');
  const open = useFormMutation(trpc.renewals.open.mutationOptions(), { onSuccess: () => router.refresh() });
  return (
    <Form
      form={open}
      onSubmit={() =>
        open.mutate({
          fromYear,
          closesOn,
          targetPercent: Number(target),
          reminderIntervalDays: interval.trim() === '' ? null : Number(interval),
        })
      }
      heading={<p>Every school subscribing this year will be emailed a one-click link.</p>}
    >
      <DateField label="Answers due by" {...open.field('closesOn')} value={closesOn} onChange={setClosesOn} />
      <NumberField
        whole
        label="Share of schools needed (%)"
        type="number"
        min="1"
        max="100"
        width="w-32"
        {...open.field('targetPercent')}
        value={target}
        onChange={setTarget}
      />
      <NumberField
        whole
        label="Remind schools that have not answered every (days)"
        hint="Reminders go automatically until answers are due. Leave empty to send reminders only by hand."
        type="number"
        min="1"
        max="60"
        width="w-32"
        {...open.field('reminderIntervalDays')}
        value={interval}
        onChange={setReminderInterval}
      />
      <SubmitButton pending={open.isPending} pendingLabel="Sending invitations…">
        Open renewals and email schools
      </SubmitButton>
    </Form>
  );
}

export function RemindButton({ roundId, pending }: { roundId: string; pending: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const remind = useFormMutation(trpc.renewals.remind.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="mt-4">
      <ErrorSummary errors={remind.summary} />
      <Button variant="primary" onClick={() => remind.mutate({ roundId })} disabled={remind.isPending}>
        Send reminders to {pending} school{pending === 1 ? '' : 's'}
      </Button>
      <StatusMessage className="mt-2 text-green-800">
        {remind.data ? `Reminders sent to ${remind.data.reminded} schools.` : ''}
      </StatusMessage>
    </div>
  );
}
