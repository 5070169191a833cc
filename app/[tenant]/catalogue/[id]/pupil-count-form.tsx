'use client';

import { useRouter } from 'next/navigation';
import {
  Form,
  NumberField,
  parseNumber,
  SubmitButton,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import { useTRPC } from '../../../_lib/trpc-client';

/** Asked when a package is priced by pupil numbers and the school has none on record. */
export function PupilCountForm({ schoolId, schoolName }: { schoolId: string; schoolName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind } = useFormValues({ numberOfPupils: '' });
  const save = useFormMutation(trpc.schools.setPupilCount.mutationOptions(), {
    messageField: 'numberOfPupils',
    onSuccess: () => router.refresh(),
  });
  return (
    <section
      aria-labelledby="pupil-count"
      className="mt-8 max-w-2xl rounded-lg border border-slate-300 bg-white p-4"
    >
      <h2 id="pupil-count" className="text-2xl font-semibold">
        How many pupils does {schoolName} have?
      </h2>
      <p className="mt-2">
        This package is priced by the number of pupils, and we have no number on record for your school. Give
        it here to see your price.
      </p>
      <Form
        form={save}
        onSubmit={() => {
          const n = parseNumber(values.numberOfPupils);
          save.mutate({ schoolId, numberOfPupils: typeof n === 'number' ? n : Number.NaN });
        }}
        className="mt-3 space-y-3"
      >
        <NumberField
          whole
          label="Number of pupils on roll"
          {...save.field('numberOfPupils')}
          {...bind('numberOfPupils')}
        />
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save and see the price
        </SubmitButton>
      </Form>
    </section>
  );
}
