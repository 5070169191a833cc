'use client';

import { useState } from 'react';
import { Form, StatusMessage, SubmitButton, useFormMutation } from '~/app/_components/form-kit';
import { useTRPC } from '../../_lib/trpc-client';

/** Writes this year's categorisation letter to every maintained school on the register not yet written to. */
export function CategorisationLettersForm({ yearLabel }: { yearLabel: string }) {
  const trpc = useTRPC();
  const [done, setDone] = useState('');
  const form = useFormMutation(trpc.register.issueCategorisationLetters.mutationOptions(), {
    idPrefix: 'categorisation',
    onSuccess: (r) =>
      setDone(
        `${r.written} letter${r.written === 1 ? '' : 's'} written and ${r.emails} email${r.emails === 1 ? '' : 's'} sent; ${r.alreadyWritten} school${r.alreadyWritten === 1 ? ' was' : 's were'} already written to this year.${
          r.notCategorised > 0
            ? ` ${r.notCategorised} school${r.notCategorised === 1 ? ' has' : 's have'} no LA category yet and ${r.notCategorised === 1 ? 'was' : 'were'} not written to: set ${r.notCategorised === 1 ? 'its' : 'their'} category first.`
            : ''
        }`,
      ),
  });
  return (
    <section
      aria-labelledby="categorisation-heading"
      className="mt-8 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 id="categorisation-heading" className="text-xl font-semibold">
        Annual categorisation letters, {yearLabel}
      </h2>
      <p className="mt-1 text-slate-700">
        Writes to every maintained school on the register with its LA category and why, as the register stands
        now: a PDF letter, emailed to the headteacher and the chair of governors. Schools already written to
        this year are not written to again.
      </p>
      <Form
        form={form}
        className="mt-3 flex flex-wrap items-center gap-3"
        onSubmit={() => {
          setDone('');
          form.mutate({});
        }}
      >
        <SubmitButton pending={form.isPending}>Write the categorisation letters</SubmitButton>
        <StatusMessage>{done}</StatusMessage>
      </Form>
    </section>
  );
}
