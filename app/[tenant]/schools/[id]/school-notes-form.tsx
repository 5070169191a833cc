'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Form, StatusMessage, SubmitButton, TextArea, useFormMutation } from '~/app/_components/form-kit';
import { useTRPC } from '../../../_lib/trpc-client';

export function SchoolNotesForm({ schoolId, initialNotes }: { schoolId: string; initialNotes: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [notes, setNotes] = useState(initialNotes);
  const [saved, setSaved] = useState(false);
  const save = useFormMutation(trpc.schools.updateNotes.mutationOptions(), {
    messageField: 'notes',
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });

  return (
    <Form
      form={save}
      onSubmit={() => {
        setSaved(false);
        save.mutate({ id: schoolId, notes });
      }}
      className="mt-6 max-w-2xl"
    >
      <TextArea
        label={<span className="text-lg">Workspace notes</span>}
        hint="Only people in this workspace see these notes. They are kept when school details are re-imported."
        {...save.field('notes')}
        rows={5}
        value={notes}
        onChange={setNotes}
        width="w-full"
      />
      <div className="mt-3 flex items-center gap-3">
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save notes
        </SubmitButton>
        <StatusMessage>{saved ? 'Notes saved.' : ''}</StatusMessage>
      </div>
    </Form>
  );
}
