'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  DateField,
  Form,
  StatusMessage,
  SubmitButton,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import type { TermSpan } from '~/server/calendar/term-dates';
import { useTRPC } from '../../_lib/trpc-client';

const names = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' } as const;

export function TermDatesForm({
  academicYear,
  yearLabel,
  terms,
}: {
  academicYear: number;
  yearLabel: string;
  terms: readonly TermSpan[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { values, set } = useFormValues({ terms: terms.map((t) => ({ ...t })) });
  const save = useFormMutation(trpc.calendar.setTermDates.mutationOptions(), {
    idPrefix: `terms-${academicYear}`,
    summaryMessage: (_path, message) => message,
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  const change = (i: number, key: 'startsOn' | 'endsOn') => (value: string) =>
    set('terms')(values.terms.map((t, j) => (j === i ? { ...t, [key]: value } : t)));
  return (
    <Form
      form={save}
      onSubmit={() => {
        setSaved(false);
        save.mutate({ academicYear, terms: values.terms });
      }}
      className="mt-3 space-y-4"
    >
      {values.terms.map((t, i) => (
        <fieldset key={t.term} className="flex flex-wrap gap-4">
          <legend className="mb-1 font-semibold">
            {names[t.term]} term {yearLabel}
          </legend>
          <DateField
            label={`First day of the ${t.term} term`}
            {...save.field(`terms.${i}.startsOn`)}
            value={t.startsOn}
            onChange={change(i, 'startsOn')}
          />
          <DateField
            label={`Last day of the ${t.term} term`}
            {...save.field(`terms.${i}.endsOn`)}
            value={t.endsOn}
            onChange={change(i, 'endsOn')}
          />
        </fieldset>
      ))}
      <div className="flex items-center gap-3">
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save {yearLabel} term dates
        </SubmitButton>
        <StatusMessage>{saved ? `${yearLabel} term dates saved.` : ''}</StatusMessage>
      </div>
    </Form>
  );
}
