'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Button,
  DateField,
  ErrorSummary,
  Form,
  MoneyField,
  NumberField,
  poundsToPence,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import { useTRPC } from '../../../_lib/trpc-client';

type Officer = { userId: string; name: string };

export function RequestPaymentForm({
  cases,
  financialYear,
}: {
  cases: { caseId: string; schoolName: string }[];
  financialYear: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [caseId, setCaseId] = useState(cases[0]?.caseId ?? '');
  const [payeeKind, setPayeeKind] = useState<'school' | 'other'>('school');
  const [year, setYear] = useState(String(financialYear));
  const { values, bind, reset } = useFormValues({ payeeName: '', pounds: '', purpose: '' });
  const request = useFormMutation(trpc.casework.requestPayment.mutationOptions(), {
    onSuccess: () => {
      reset();
      router.refresh();
    },
  });
  return (
    <Form
      form={request}
      onSubmit={() =>
        request.mutate({
          caseId,
          payeeKind,
          payeeName: values.payeeName,
          amountPence: poundsToPence(values.pounds),
          purpose: values.purpose,
          financialYear: Number(year),
        })
      }
      className="mt-6 space-y-3 rounded-lg border border-slate-200 bg-white p-5"
      heading={<h2 className="text-xl font-semibold">Request a payment</h2>}
    >
      <SelectField
        label="School"
        {...request.field('caseId')}
        value={caseId}
        onChange={setCaseId}
        options={cases.map((c) => ({ value: c.caseId, label: c.schoolName }))}
      />
      <SelectField
        label="Paid to"
        {...request.field('payeeKind')}
        value={payeeKind}
        onChange={(v) => setPayeeKind(v as 'school' | 'other')}
        options={[
          { value: 'school', label: 'The school' },
          { value: 'other', label: 'Another payee (needs the DCS’s approval)' },
        ]}
      />
      {payeeKind === 'other' && (
        <TextField label="Payee’s name" {...request.field('payeeName')} {...bind('payeeName')} />
      )}
      <MoneyField label="Amount in pounds" {...request.field('amountPence')} {...bind('pounds')} />
      <TextArea label="Purpose" {...request.field('purpose')} rows={2} {...bind('purpose')} />
      <NumberField
        whole
        label="Financial year (April to March), starting"
        {...request.field('financialYear')}
        value={year}
        onChange={setYear}
      />
      <SubmitButton pending={request.isPending} disabled={cases.length === 0}>
        Request payment
      </SubmitButton>
    </Form>
  );
}

export function DcsApprovalForm({ paymentId, officers }: { paymentId: string; officers: Officer[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind } = useFormValues({ approvedOn: '', by: '' });
  const save = useFormMutation(trpc.casework.recordDcsApproval.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <Form
      form={save}
      onSubmit={() =>
        save.mutate({ paymentId, approvedOn: values.approvedOn, approvedByUserId: values.by || null })
      }
      className="mt-2 flex flex-wrap items-end gap-3"
    >
      <DateField label="DCS approved on" {...save.field('approvedOn')} {...bind('approvedOn')} />
      <SelectField
        label="Approved by"
        {...save.field('approvedByUserId')}
        {...bind('by')}
        options={officers.map((o) => ({ value: o.userId, label: o.name }))}
        placeholder="Me"
      />
      <Button type="submit" disabled={save.isPending}>
        Record DCS approval
      </Button>
    </Form>
  );
}

export function PaymentActions({
  paymentId,
  status,
  canDecide,
  today,
}: {
  paymentId: string;
  status: 'requested' | 'approved' | 'paid' | 'declined';
  canDecide: boolean;
  today: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = { onSuccess: () => router.refresh() };
  const decide = useFormMutation(trpc.casework.decidePayment.mutationOptions(), refresh);
  const pay = useFormMutation(trpc.casework.markPaid.mutationOptions(), refresh);
  return (
    <div className="mt-2">
      <ErrorSummary errors={[...decide.summary, ...pay.summary]} />
      <div className="flex flex-wrap gap-2">
        {canDecide && status === 'requested' && (
          <Button onClick={() => decide.mutate({ paymentId, to: 'approved' })}>Approve</Button>
        )}
        {canDecide && (status === 'requested' || status === 'approved') && (
          <Button onClick={() => decide.mutate({ paymentId, to: 'declined' })}>Decline</Button>
        )}
        {status === 'approved' && (
          <Button onClick={() => pay.mutate({ paymentId, paidOn: today })}>Mark as paid today</Button>
        )}
      </div>
    </div>
  );
}
