'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Form,
  NumberField,
  parseNumber,
  StatusMessage,
  SubmitButton,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import { useTRPC } from '../../../_lib/trpc-client';

type Years = { governorYears: string; ectYears: string; delegateYears: string };

const fields: { key: keyof Years; label: string; hint: string }[] = [
  {
    key: 'governorYears',
    label: 'Governors: years after they step down',
    hint: 'At least 1: schools publish every governor of the last 12 months.',
  },
  {
    key: 'ectYears',
    label: 'ECT induction records: years after the induction ends',
    hint: 'Counted from the pass or fail outcome; an induction in progress is never anonymised.',
  },
  {
    key: 'delegateYears',
    label: 'Course delegates: years after the course',
    hint: 'Places, evaluations’ comments and the emails sent about them.',
  },
];

/** The workspace's retention periods, in whole years. */
export function RetentionForm({ initial }: { initial: Years }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState('');
  const { values, bind } = useFormValues<Years>(initial);
  const form = useFormMutation(trpc.personalData.setRetention.mutationOptions(), {
    onSuccess: () => {
      setSaved('Retention periods saved.');
      router.refresh();
    },
  });
  function submit() {
    setSaved('');
    const read = Object.fromEntries(fields.map((f) => [f.key, parseNumber(values[f.key], { whole: true })]));
    const wrong = fields.filter((f) => typeof read[f.key] !== 'number');
    if (wrong.length) {
      form.setClientErrors(
        Object.fromEntries(wrong.map((f) => [f.key, 'Enter a whole number of years, such as 6.'])),
      );
      return;
    }
    form.mutate(read as Record<keyof Years, number>);
  }
  return (
    <Form form={form} onSubmit={submit} className="mt-4 max-w-2xl space-y-4">
      {fields.map((f) => (
        <NumberField
          key={f.key}
          whole
          label={f.label}
          hint={f.hint}
          {...form.field(f.key)}
          {...bind(f.key)}
        />
      ))}
      <SubmitButton pending={form.isPending} pendingLabel="Saving…">
        Save retention periods
      </SubmitButton>
      <StatusMessage>{saved}</StatusMessage>
    </Form>
  );
}
