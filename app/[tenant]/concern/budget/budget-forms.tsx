'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useTRPC } from '../../../_lib/trpc-client';
import {
  buttonClass,
  describedBy,
  Field,
  FormError,
  inputClass,
  secondaryButtonClass,
} from '~/app/_components/form-bits';

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
  const id = useId();
  const [caseId, setCaseId] = useState(cases[0]?.caseId ?? '');
  const [payeeKind, setPayeeKind] = useState<'school' | 'other'>('school');
  const [payeeName, setPayeeName] = useState('');
  const [pounds, setPounds] = useState('');
  const [purpose, setPurpose] = useState('');
  const [year, setYear] = useState(String(financialYear));
  const request = useMutation(
    trpc.casework.requestPayment.mutationOptions({
      onSuccess: () => {
        setPounds('');
        setPurpose('');
        setPayeeName('');
        router.refresh();
      },
    }),
  );
  const errors = request.error?.data?.fieldErrors;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        request.mutate({
          caseId,
          payeeKind,
          payeeName,
          amountPence: Math.round(Number(pounds) * 100),
          purpose,
          financialYear: Number(year),
        });
      }}
      className="mt-6 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 className="text-xl font-semibold">Request a payment</h2>
      <FormError error={request.error} />
      <Field id={`${id}-case`} label="School" errors={errors} field="caseId">
        <select
          id={`${id}-case`}
          value={caseId}
          onChange={(e) => setCaseId(e.target.value)}
          className={inputClass}
        >
          {cases.map((c) => (
            <option key={c.caseId} value={c.caseId}>
              {c.schoolName}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-payee-kind`} label="Paid to" errors={errors} field="payeeKind">
        <select
          id={`${id}-payee-kind`}
          value={payeeKind}
          onChange={(e) => setPayeeKind(e.target.value as 'school' | 'other')}
          className={inputClass}
        >
          <option value="school">The school</option>
          <option value="other">Another payee (needs the DCS’s approval)</option>
        </select>
      </Field>
      {payeeKind === 'other' && (
        <Field id={`${id}-payee`} label="Payee’s name" errors={errors} field="payeeName">
          <input
            id={`${id}-payee`}
            value={payeeName}
            onChange={(e) => setPayeeName(e.target.value)}
            className={inputClass}
          />
        </Field>
      )}
      <Field id={`${id}-amount`} label="Amount in pounds" errors={errors} field="amountPence">
        <input
          id={`${id}-amount`}
          inputMode="decimal"
          value={pounds}
          onChange={(e) => setPounds(e.target.value)}
          className={inputClass}
          {...describedBy(`${id}-amount`, errors, 'amountPence')}
        />
      </Field>
      <Field id={`${id}-purpose`} label="Purpose" errors={errors} field="purpose">
        <textarea
          id={`${id}-purpose`}
          rows={2}
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          className={inputClass}
          {...describedBy(`${id}-purpose`, errors, 'purpose')}
        />
      </Field>
      <Field
        id={`${id}-year`}
        label="Financial year (April to March), starting"
        errors={errors}
        field="financialYear"
      >
        <input
          id={`${id}-year`}
          inputMode="numeric"
          value={year}
          onChange={(e) => setYear(e.target.value)}
          className={inputClass}
        />
      </Field>
      <button
        type="submit"
        disabled={request.isPending || cases.length === 0}
        className={`${buttonClass} mt-4`}
      >
        Request payment
      </button>
    </form>
  );
}

export function DcsApprovalForm({ paymentId, officers }: { paymentId: string; officers: Officer[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [approvedOn, setOn] = useState('');
  const [by, setBy] = useState('');
  const save = useMutation(
    trpc.casework.recordDcsApproval.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const errors = save.error?.data?.fieldErrors;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ paymentId, approvedOn, approvedByUserId: by });
      }}
      className="mt-2 flex flex-wrap items-end gap-3"
    >
      <FormError error={save.error} />
      <Field id={`${id}-on`} label="DCS approved on" errors={errors} field="approvedOn">
        <input
          id={`${id}-on`}
          type="date"
          value={approvedOn}
          onChange={(e) => setOn(e.target.value)}
          className={inputClass}
        />
      </Field>
      <Field id={`${id}-by`} label="Approved by" errors={errors} field="approvedByUserId">
        <select id={`${id}-by`} value={by} onChange={(e) => setBy(e.target.value)} className={inputClass}>
          <option value="">Choose</option>
          {officers.map((o) => (
            <option key={o.userId} value={o.userId}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={save.isPending} className={secondaryButtonClass}>
        Record DCS approval
      </button>
    </form>
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
  const decide = useMutation(
    trpc.casework.decidePayment.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const pay = useMutation(trpc.casework.markPaid.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="mt-2">
      <div className="flex flex-wrap gap-2">
        {canDecide && status === 'requested' && (
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => decide.mutate({ paymentId, to: 'approved' })}
          >
            Approve
          </button>
        )}
        {canDecide && (status === 'requested' || status === 'approved') && (
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => decide.mutate({ paymentId, to: 'declined' })}
          >
            Decline
          </button>
        )}
        {status === 'approved' && (
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => pay.mutate({ paymentId, paidOn: today })}
          >
            Mark as paid today
          </button>
        )}
      </div>
      <FormError error={decide.error ?? pay.error} />
    </div>
  );
}
