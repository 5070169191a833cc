'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Checkbox, Form, StatusMessage, SubmitButton, useFormMutation } from '~/app/_components/form-kit';
import { useTRPC } from '../../../_lib/trpc-client';

/** An officer records whether the school has a sixth form (GIAS may not say); the register reads it. */
export function SixthFormForm({
  schoolId,
  hasSixthForm,
}: {
  schoolId: string;
  hasSixthForm: boolean | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [checked, setChecked] = useState(hasSixthForm ?? false);
  const [saved, setSaved] = useState('');
  const save = useFormMutation(trpc.schools.setSixthForm.mutationOptions(), {
    messageField: 'hasSixthForm',
    onSuccess: (result) => {
      setSaved(result.hasSixthForm ? 'Saved: has a sixth form.' : 'Saved: no sixth form.');
      router.refresh();
    },
  });
  return (
    <Form
      form={save}
      onSubmit={() => {
        setSaved('');
        save.mutate({ schoolId, hasSixthForm: checked });
      }}
      className="mt-6 max-w-2xl"
    >
      <Checkbox
        {...save.field('hasSixthForm')}
        label="Has a sixth form"
        hint="The statutory register and its visit plan use this. A GIAS import that records the school’s sixth form sets it again."
        checked={checked}
        onChange={setChecked}
      />
      <div className="mt-3 flex items-center gap-3">
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save sixth form
        </SubmitButton>
        <StatusMessage>{saved}</StatusMessage>
      </div>
    </Form>
  );
}
