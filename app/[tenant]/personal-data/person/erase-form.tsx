'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Checkbox,
  Form,
  StatusMessage,
  SubmitButton,
  TextArea,
  useFormMutation,
} from '~/app/_components/form-kit';
import type { TPersonalDataSubject } from '~/server/privacy/privacy-subject';
import { useTRPC } from '../../../_lib/trpc-client';

/** Asks for the reason and a confirmation, then erases; says what now stands in the person's place. */
export function EraseForm({
  tenant,
  subject,
  name,
}: {
  tenant: string;
  subject: TPersonalDataSubject;
  name: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [done, setDone] = useState('');
  const form = useFormMutation(trpc.personalData.erase.mutationOptions(), {
    onSuccess: (result) => {
      const what = Object.entries(result.counts)
        .map(([k, n]) => `${n} ${k.replace(/([A-Z])/g, ' $1').toLowerCase()}`)
        .join(', ');
      const message = `Erased. ${name} is now shown as “${result.placeholder}”${what ? ` (${what})` : ''}.`;
      setDone(message);
      router.push(`/${tenant}/personal-data?${new URLSearchParams({ erased: message })}`);
    },
  });
  function submit() {
    setDone('');
    if (!confirmed) {
      form.setClientErrors({ confirmed: 'Tick to confirm the erasure: it cannot be undone.' });
      return;
    }
    form.mutate({ subject, reason, confirmed: true });
  }
  return (
    <Form form={form} onSubmit={submit} className="mt-4 max-w-xl space-y-4">
      <TextArea
        label="Reason for the erasure"
        hint="For example “Erasure request received 2 December 2026”. Do not name the person: the log keeps this."
        {...form.field('reason')}
        value={reason}
        onChange={setReason}
      />
      <Checkbox
        label={`I confirm: erase ${name}’s personal data. This cannot be undone.`}
        {...form.field('confirmed')}
        checked={confirmed}
        onChange={setConfirmed}
      />
      <SubmitButton pending={form.isPending} pendingLabel="Erasing…">
        Erase personal data
      </SubmitButton>
      <StatusMessage>{done}</StatusMessage>
    </Form>
  );
}
