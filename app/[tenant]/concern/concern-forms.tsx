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

export type TriggerOption = { key: string; label: string };

const triggerOptions = (triggers: TriggerOption[]) => triggers.map((t) => ({ value: t.key, label: t.label }));

/** The officer opens a candidate case for a school on its own page (one thing per page). */
export function OpenCaseForm({
  tenant,
  schoolId,
  triggers,
  triggerRequired = false,
}: {
  tenant: string;
  schoolId: string;
  triggers: TriggerOption[];
  /** No Ofsted result or LA category makes the school a candidate: the case needs a trigger recorded now. */
  triggerRequired?: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [trigger, setTrigger] = useState('');
  const [evidence, setEvidence] = useState('');
  const [concerns, setConcerns] = useState('');
  const open = useFormMutation(trpc.concern.openCase.mutationOptions(), {
    onSuccess: (made) => router.push(`/${tenant}/concern/${made.caseId}`),
  });
  return (
    <Form
      form={open}
      onSubmit={() => open.mutate({ schoolId, concerns, triggers: trigger ? [{ trigger, evidence }] : [] })}
      className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      <TextArea
        label="Summary of the concerns"
        {...open.field('concerns')}
        value={concerns}
        onChange={setConcerns}
      />
      <SelectField
        label={
          triggerRequired
            ? 'Trigger the LA judges met'
            : 'Trigger the LA judges met (optional when Ofsted’s is met)'
        }
        {...open.field('triggers.0.trigger')}
        value={trigger}
        onChange={setTrigger}
        options={triggerOptions(triggers)}
        placeholder={triggerRequired ? 'Choose a trigger' : 'None besides Ofsted'}
      />
      {trigger && (
        <TextArea
          label="Evidence"
          {...open.field('triggers.0.evidence')}
          value={evidence}
          onChange={setEvidence}
        />
      )}
      <SubmitButton pending={open.isPending} pendingLabel="Opening…">
        Open candidate case
      </SubmitButton>
    </Form>
  );
}

export function RecordTriggerForm({ caseId, triggers }: { caseId: string; triggers: TriggerOption[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [trigger, setTrigger] = useState(triggers[0]?.key ?? '');
  const [evidence, setEvidence] = useState('');
  const [done, setDone] = useState(false);
  const record = useFormMutation(trpc.concern.recordTrigger.mutationOptions(), {
    onSuccess: () => {
      setEvidence('');
      setDone(true);
      router.refresh();
    },
  });
  return (
    <Form
      form={record}
      onSubmit={() => {
        setDone(false);
        record.mutate({ caseId, trigger, evidence });
      }}
      className="mt-4 space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      heading={<h3 className="text-lg font-semibold">Record a trigger with evidence</h3>}
    >
      <SelectField
        label="Trigger"
        {...record.field('trigger')}
        value={trigger}
        onChange={setTrigger}
        options={triggerOptions(triggers)}
      />
      <TextArea label="Evidence" {...record.field('evidence')} value={evidence} onChange={setEvidence} />
      <div className="flex items-center gap-3">
        <SubmitButton pending={record.isPending}>Record trigger</SubmitButton>
        <StatusMessage>{done ? 'Trigger recorded.' : ''}</StatusMessage>
      </div>
    </Form>
  );
}
