'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Form,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextArea,
  useFormMutation,
} from '~/app/_components/form-kit';
import { useTRPC } from '../../_lib/trpc-client';

/** Puts one of the workspace's schools on the register by hand, with the reason (GIAS imports add the rest). */
export function AddToRegisterForm({ schools }: { schools: { id: string; label: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [schoolId, setSchoolId] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState('');
  const form = useFormMutation(trpc.register.addSchool.mutationOptions(), {
    idPrefix: 'add-school',
    onSuccess: () => {
      setDone(`${schools.find((s) => s.id === schoolId)?.label ?? 'The school'} is on the register.`);
      setSchoolId('');
      setReason('');
      router.refresh();
    },
  });
  return (
    <section
      aria-labelledby="add-school-heading"
      className="mt-8 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 id="add-school-heading" className="text-xl font-semibold">
        Add a school to the register
      </h2>
      <p className="mt-1 text-slate-700">
        Importing schools from GIAS adds every open school in the LA. Add another of this workspace’s schools
        here, with the reason.
      </p>
      {schools.length === 0 ? (
        <p className="mt-3">Every open school in this workspace is on the register.</p>
      ) : (
        <Form
          form={form}
          className="mt-3 space-y-4"
          onSubmit={() => {
            setDone('');
            form.mutate({ schoolId, reason });
          }}
        >
          <SelectField
            {...form.field('schoolId')}
            label="School"
            value={schoolId}
            onChange={setSchoolId}
            placeholder="Choose a school"
            options={schools.map((s) => ({ value: s.id, label: s.label }))}
          />
          <TextArea {...form.field('reason')} label="Reason" value={reason} onChange={setReason} />
          <div className="flex items-center gap-3">
            <SubmitButton pending={form.isPending}>Add to the register</SubmitButton>
            <StatusMessage>{done}</StatusMessage>
          </div>
        </Form>
      )}
    </section>
  );
}
