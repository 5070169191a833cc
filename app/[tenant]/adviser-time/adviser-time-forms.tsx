'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Button,
  DateField,
  ErrorSummary,
  Form,
  NumberField,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextArea,
  TextField,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import { useTRPC } from '../../_lib/trpc-client';

export function RequestForm({
  schoolId,
  schoolName,
  services,
}: {
  schoolId: string;
  schoolName: string;
  services: { id: string; name: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, setValues } = useFormValues({
    serviceId: services[0]?.id ?? '',
    preferredDates: '',
    details: '',
  });
  const [done, setDone] = useState(false);
  const request = useFormMutation(trpc.adviserTime.request.mutationOptions(), {
    onSuccess: () => {
      setDone(true);
      setValues((v) => ({ ...v, preferredDates: '', details: '' }));
      router.refresh();
    },
  });
  return (
    <Form
      form={request}
      onSubmit={() => {
        setDone(false);
        request.mutate({ schoolId, ...values });
      }}
      className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-5"
      heading={<h2 className="text-xl font-semibold">Ask for adviser time for {schoolName}</h2>}
    >
      <SelectField
        label="What do you need?"
        {...request.field('serviceId')}
        {...bind('serviceId')}
        options={services.map((s) => ({ value: s.id, label: s.name }))}
        width="w-full max-w-xl"
      />
      <TextField
        label="When would suit you?"
        {...request.field('preferredDates')}
        {...bind('preferredDates')}
      />
      <TextArea
        label="Anything the adviser should know (optional)"
        {...request.field('details')}
        {...bind('details')}
      />
      <div className="flex items-center gap-3">
        <SubmitButton pending={request.isPending} pendingLabel="Sending…">
          Send request
        </SubmitButton>
        <StatusMessage>{done ? 'Request sent. We will confirm the adviser and date.' : ''}</StatusMessage>
      </div>
    </Form>
  );
}

export function AssignForm({
  requestId,
  current,
  advisers,
}: {
  requestId: string;
  current: string | null;
  advisers: { id: string; label: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [adviserUserId, setAdviserUserId] = useState(current ?? advisers[0]?.id ?? '');
  const assign = useFormMutation(trpc.adviserTime.assign.mutationOptions(), {
    messageField: 'adviserUserId',
    onSuccess: () => router.refresh(),
  });
  return (
    <Form
      form={assign}
      onSubmit={() => assign.mutate({ requestId, adviserUserId })}
      className="mt-3 flex flex-wrap items-end gap-3"
    >
      <SelectField
        label="Adviser"
        {...assign.field('adviserUserId')}
        value={adviserUserId}
        onChange={setAdviserUserId}
        options={advisers.map((a) => ({ value: a.id, label: a.label }))}
      />
      <SubmitButton pending={assign.isPending}>{current ? 'Reassign' : 'Assign'}</SubmitButton>
    </Form>
  );
}

export function LogVisitForm({ requestId }: { requestId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind } = useFormValues({ visitDate: '', amount: '1', unit: 'day', summary: '' });
  const log = useFormMutation(trpc.adviserTime.logVisit.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <Form
      form={log}
      onSubmit={() =>
        log.mutate({
          requestId,
          visitDate: values.visitDate,
          duration: { amount: Number(values.amount), unit: values.unit as 'day' | 'half_day' | 'hour' },
          summary: values.summary,
        })
      }
      className="mt-4 space-y-3 border-t border-slate-200 pt-3"
      heading={<h4 className="font-semibold">Log the visit</h4>}
    >
      <div className="flex flex-wrap gap-4">
        <DateField label="Date of visit" {...log.field('visitDate')} {...bind('visitDate')} />
        <NumberField
          label="Time spent"
          type="number"
          min="0.25"
          step="0.25"
          {...log.field('duration.amount')}
          {...bind('amount')}
          width="w-24"
        />
        <SelectField
          label="Unit"
          {...log.field('duration.unit')}
          {...bind('unit')}
          options={[
            { value: 'day', label: 'Days' },
            { value: 'half_day', label: 'Half days' },
            { value: 'hour', label: 'Hours' },
          ]}
        />
      </div>
      <TextArea label="Summary of the visit" {...log.field('summary')} {...bind('summary')} width="w-full" />
      <SubmitButton pending={log.isPending} pendingLabel="Saving…">
        Log visit
      </SubmitButton>
    </Form>
  );
}

export function CancelButton({ requestId }: { requestId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const cancel = useFormMutation(trpc.adviserTime.cancel.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="mt-3">
      <ErrorSummary errors={cancel.summary} />
      <Button onClick={() => cancel.mutate({ id: requestId })} disabled={cancel.isPending}>
        Withdraw request
      </Button>
    </div>
  );
}
