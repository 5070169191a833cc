'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Button,
  DateField,
  ErrorSummary,
  Form,
  MoneyField,
  numberReader,
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

const boxed = 'mt-4 space-y-4 rounded-lg border border-slate-200 bg-white p-5';
const inline = 'flex flex-wrap items-end gap-2';

export function CreateContractForm({
  tenantSlug,
  providers,
}: {
  tenantSlug: string;
  providers: { slug: string; name: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind } = useFormValues({
    providerSlug: providers[0]?.slug ?? '',
    title: '',
    scope: '',
    annualValue: '',
    startsOn: '',
    endsOn: '',
    breakClause: '',
  });
  const create = useFormMutation(trpc.commissioning.create.mutationOptions(), {
    onSuccess: (made) => router.push(`/${tenantSlug}/commissioning/${made.id}`),
  });
  function onSubmit() {
    const read = numberReader();
    create.mutate({ ...values, annualValue: read.pounds('annualValue', values.annualValue) ?? Number.NaN });
    create.setClientErrors(read.problems());
  }
  return (
    <Form
      form={create}
      onSubmit={onSubmit}
      className={boxed}
      heading={<h2 className="text-xl font-semibold">Commission a provider</h2>}
    >
      <SelectField
        label="Provider"
        {...create.field('providerSlug')}
        {...bind('providerSlug')}
        options={providers.map((o) => ({ value: o.slug, label: o.name }))}
        width="w-full max-w-xl"
      />
      <TextField label="Contract title" {...create.field('title')} {...bind('title')} />
      <TextArea label="Scope (optional)" {...create.field('scope')} {...bind('scope')} />
      <MoneyField
        label="Annual value (£)"
        hint="The contract’s value for one year, in pounds."
        {...create.field('annualValue')}
        {...bind('annualValue')}
      />
      <div className="flex flex-wrap gap-6">
        <DateField label="Starts on" {...create.field('startsOn')} {...bind('startsOn')} />
        <DateField label="Ends on" {...create.field('endsOn')} {...bind('endsOn')} />
      </div>
      <TextArea
        label="Break clause (optional)"
        rows={2}
        {...create.field('breakClause')}
        {...bind('breakClause')}
      />
      <SubmitButton pending={create.isPending} pendingLabel="Saving…">
        Create contract
      </SubmitButton>
    </Form>
  );
}

export function AddSchoolForm({
  contractId,
  schools,
}: {
  contractId: string;
  schools: { id: string; label: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, reset } = useFormValues({ schoolId: '', fundedDays: '', supportSummary: '' });
  const add = useFormMutation(trpc.commissioning.addSchool.mutationOptions(), {
    onSuccess: () => {
      reset();
      router.refresh();
    },
  });
  function onSubmit() {
    const read = numberReader();
    add.mutate({
      contractId,
      schoolId: values.schoolId,
      fundedDays: read.number('fundedDays', values.fundedDays) ?? Number.NaN,
      supportSummary: values.supportSummary,
    });
    add.setClientErrors(read.problems());
  }
  return (
    <Form
      form={add}
      onSubmit={onSubmit}
      className={boxed}
      heading={<h3 className="text-lg font-semibold">Add a school to the contract</h3>}
    >
      <SelectField
        label="School"
        {...add.field('schoolId')}
        {...bind('schoolId')}
        options={schools.map((s) => ({ value: s.id, label: s.label }))}
        placeholder="Choose a school"
        width="w-full max-w-xl"
      />
      <NumberField label="Funded days" {...add.field('fundedDays')} {...bind('fundedDays')} />
      <TextField
        label="Support to provide (optional)"
        {...add.field('supportSummary')}
        {...bind('supportSummary')}
      />
      <SubmitButton pending={add.isPending}>Add school</SubmitButton>
    </Form>
  );
}

export function FundedDaysForm({
  contractId,
  schoolId,
  schoolName,
  current,
}: {
  contractId: string;
  schoolId: string;
  schoolName: string;
  current: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [fundedDays, setFundedDays] = useState(String(current));
  const refresh = { onSuccess: () => router.refresh() };
  const save = useFormMutation(trpc.commissioning.setFundedDays.mutationOptions(), {
    ...refresh,
    messageField: 'fundedDays',
  });
  const remove = useFormMutation(trpc.commissioning.removeSchool.mutationOptions(), refresh);
  function onSubmit() {
    const read = numberReader();
    save.mutate({ contractId, schoolId, fundedDays: read.number('fundedDays', fundedDays) ?? Number.NaN });
    save.setClientErrors(read.problems());
  }
  return (
    <Form form={{ summary: [...save.summary, ...remove.summary] }} onSubmit={onSubmit} className={inline}>
      <NumberField
        label={`Funded days for ${schoolName}`}
        {...save.field('fundedDays')}
        value={fundedDays}
        onChange={setFundedDays}
        width="w-24"
      />
      <Button type="submit" disabled={save.isPending}>
        Change<span className="sr-only"> funded days for {schoolName}</span>
      </Button>
      <Button disabled={remove.isPending} onClick={() => remove.mutate({ contractId, schoolId })}>
        Remove<span className="sr-only"> {schoolName} from the contract</span>
      </Button>
    </Form>
  );
}

export function ContractStatusActions({ contractId, status }: { contractId: string; status: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState<'end' | 'revoke' | null>(null);
  const done = {
    onSuccess: () => {
      setConfirming(null);
      router.refresh();
    },
  };
  const end = useFormMutation(trpc.commissioning.end.mutationOptions(), done);
  const revoke = useFormMutation(trpc.commissioning.revoke.mutationOptions(), done);
  if (status === 'revoked') return null;
  return (
    <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="text-lg font-semibold">End or revoke</h3>
      <p className="mt-1 text-sm text-slate-700">
        Ending keeps the contract and its delivery readable on both sides as history. Revoking closes the link
        at once: the provider loses sight of the contract and its schools, and you no longer see its delivery.
      </p>
      <ErrorSummary errors={[...end.summary, ...revoke.summary]} />
      {confirming === null ? (
        <div className="mt-3 flex flex-wrap gap-3">
          {status === 'active' && <Button onClick={() => setConfirming('end')}>End contract</Button>}
          <Button variant="warning" onClick={() => setConfirming('revoke')}>
            Revoke contract
          </Button>
        </div>
      ) : (
        <div className="mt-3">
          <p className="font-semibold">
            {confirming === 'end'
              ? 'End this contract now?'
              : 'Revoke this contract now? This cannot be undone.'}
          </p>
          <div className="mt-2 flex flex-wrap gap-3">
            <Button
              variant={confirming === 'end' ? 'primary' : 'warning'}
              disabled={end.isPending || revoke.isPending}
              onClick={() => (confirming === 'end' ? end : revoke).mutate({ id: contractId })}
            >
              {confirming === 'end' ? 'Yes, end the contract' : 'Yes, revoke the contract'}
            </Button>
            <Button onClick={() => setConfirming(null)}>Cancel</Button>
          </div>
        </div>
      )}
    </div>
  );
}

export function AssignPartnerForm({
  contractId,
  schoolId,
  schoolName,
  current,
  partners,
}: {
  contractId: string;
  schoolId: string;
  schoolName: string;
  current: string | null;
  partners: { userId: string; name: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [partnerUserId, setPartnerUserId] = useState(current ?? '');
  const assign = useFormMutation(trpc.commissioning.assignPartner.mutationOptions(), {
    messageField: 'partnerUserId',
    onSuccess: () => router.refresh(),
  });
  return (
    <Form
      form={assign}
      onSubmit={() => assign.mutate({ contractId, schoolId, partnerUserId: partnerUserId || null })}
      className={inline}
    >
      <SelectField
        label={`Partner for ${schoolName}`}
        {...assign.field('partnerUserId')}
        value={partnerUserId}
        onChange={setPartnerUserId}
        options={partners.map((p) => ({ value: p.userId, label: p.name }))}
        placeholder="Not assigned"
      />
      <Button type="submit" disabled={assign.isPending}>
        Assign<span className="sr-only"> partner for {schoolName}</span>
      </Button>
    </Form>
  );
}

export function LogDeliveryForm({
  contractId,
  schools,
  startsOn,
  endsOn,
  today,
}: {
  contractId: string;
  schools: { schoolId: string; name: string }[];
  startsOn: string;
  endsOn: string;
  today: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, reset } = useFormValues({
    schoolId: schools.length === 1 ? (schools[0]?.schoolId ?? '') : '',
    deliveredOn: '',
    days: '',
    cost: '',
    activity: '',
    progressRag: '',
    notes: '',
  });
  const [done, setDone] = useState(false);
  const log = useFormMutation(trpc.commissioning.logDelivery.mutationOptions(), {
    onSuccess: () => {
      reset();
      setDone(true);
      router.refresh();
    },
  });
  function onSubmit() {
    setDone(false);
    const read = numberReader();
    log.mutate({
      contractId,
      schoolId: values.schoolId,
      deliveredOn: values.deliveredOn,
      days: read.number('days', values.days) ?? Number.NaN,
      cost: read.pounds('cost', values.cost) ?? Number.NaN,
      activity: values.activity,
      progressRag: values.progressRag as 'red' | 'amber' | 'green',
      notes: values.notes,
    });
    log.setClientErrors(read.problems());
  }
  const max = endsOn < today ? endsOn : today;
  return (
    <Form
      form={log}
      onSubmit={onSubmit}
      className={boxed}
      heading={<h2 className="text-xl font-semibold">Log a delivery</h2>}
    >
      <SelectField
        label="School"
        {...log.field('schoolId')}
        {...bind('schoolId')}
        options={schools.map((s) => ({ value: s.schoolId, label: s.name }))}
        placeholder="Choose a school"
        width="w-full max-w-xl"
      />
      <div className="flex flex-wrap gap-6">
        <DateField
          label="Date delivered"
          hint="Not in the future, and within the contract period."
          min={startsOn}
          max={max}
          {...log.field('deliveredOn')}
          {...bind('deliveredOn')}
        />
        <NumberField label="Days" {...log.field('days')} {...bind('days')} width="w-24" />
        <MoneyField label="Cost (£)" {...log.field('cost')} {...bind('cost')} width="w-32" />
      </div>
      <TextField label="Activity" {...log.field('activity')} {...bind('activity')} />
      <SelectField
        label="Progress against the school’s plan"
        {...log.field('progressRag')}
        {...bind('progressRag')}
        options={[
          { value: 'green', label: 'Green: on track' },
          { value: 'amber', label: 'Amber: some concerns' },
          { value: 'red', label: 'Red: off track' },
        ]}
        placeholder="Choose a rating"
      />
      <TextArea label="Notes (optional)" {...log.field('notes')} {...bind('notes')} />
      <div className="flex items-center gap-3">
        <SubmitButton pending={log.isPending} pendingLabel="Saving…">
          Log delivery
        </SubmitButton>
        <StatusMessage>{done ? 'Delivery logged.' : ''}</StatusMessage>
      </div>
    </Form>
  );
}
