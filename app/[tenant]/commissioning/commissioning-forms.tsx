'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTRPC } from '../../_lib/trpc-client';

type FieldErrors = Record<string, string[]> | null | undefined;

const inputClass = 'mt-1 block w-full max-w-xl rounded border-2 border-slate-600 px-3 py-2';
const smallInputClass = 'mt-1 rounded border-2 border-slate-600 px-2 py-1.5';
const buttonClass =
  'rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60';
const secondaryButtonClass =
  'rounded border-2 border-slate-600 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-60';
const dangerButtonClass =
  'rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900 disabled:opacity-60';

/** A labelled field with its error beside it; the control gets the id, aria-invalid and aria-describedby. */
function Field({
  id,
  label,
  hint,
  field,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  field: string;
  errors: FieldErrors;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const message = errors?.[field]?.[0];
  const describedBy = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="mt-4">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      {message && (
        <p id={`${id}-error`} className="mt-1 text-red-800">
          <span className="sr-only">Error: </span>
          {message}
        </p>
      )}
      {children({
        id,
        'aria-invalid': message ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
    </div>
  );
}

function FormError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="mt-2 font-semibold text-red-800">
      {message}
    </p>
  );
}

export function CreateContractForm({
  tenantSlug,
  providers,
}: {
  tenantSlug: string;
  providers: { slug: string; name: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [form, setForm] = useState({
    providerSlug: providers[0]?.slug ?? '',
    title: '',
    scope: '',
    annualValue: '',
    startsOn: '',
    endsOn: '',
    breakClause: '',
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const create = useMutation(
    trpc.commissioning.create.mutationOptions({
      onSuccess: (made) => router.push(`/${tenantSlug}/commissioning/${made.id}`),
    }),
  );
  const errors = create.error?.data?.fieldErrors;
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ ...form, annualValue: form.annualValue === '' ? Number.NaN : Number(form.annualValue) });
  }
  return (
    <form onSubmit={onSubmit} className="mt-4 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <h2 className="text-xl font-semibold">Commission a provider</h2>
      <FormError message={create.error && !errors ? create.error.message : undefined} />
      <Field id={`${id}-provider`} label="Provider" field="providerSlug" errors={errors}>
        {(p) => (
          <select
            {...p}
            value={form.providerSlug}
            onChange={(e) => set('providerSlug')(e.target.value)}
            className={inputClass}
          >
            {providers.map((o) => (
              <option key={o.slug} value={o.slug}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-title`} label="Contract title" field="title" errors={errors}>
        {(p) => (
          <input
            {...p}
            value={form.title}
            onChange={(e) => set('title')(e.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <Field id={`${id}-scope`} label="Scope (optional)" field="scope" errors={errors}>
        {(p) => (
          <textarea
            {...p}
            rows={3}
            value={form.scope}
            onChange={(e) => set('scope')(e.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        id={`${id}-value`}
        label="Annual value (£)"
        hint="The contract’s value for one year, in pounds."
        field="annualValue"
        errors={errors}
      >
        {(p) => (
          <input
            {...p}
            inputMode="decimal"
            value={form.annualValue}
            onChange={(e) => set('annualValue')(e.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <div className="flex flex-wrap gap-6">
        <Field id={`${id}-starts`} label="Starts on" field="startsOn" errors={errors}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={form.startsOn}
              onChange={(e) => set('startsOn')(e.target.value)}
              className={smallInputClass}
            />
          )}
        </Field>
        <Field id={`${id}-ends`} label="Ends on" field="endsOn" errors={errors}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={form.endsOn}
              onChange={(e) => set('endsOn')(e.target.value)}
              className={smallInputClass}
            />
          )}
        </Field>
      </div>
      <Field id={`${id}-break`} label="Break clause (optional)" field="breakClause" errors={errors}>
        {(p) => (
          <textarea
            {...p}
            rows={2}
            value={form.breakClause}
            onChange={(e) => set('breakClause')(e.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <button type="submit" disabled={create.isPending} className={`mt-4 ${buttonClass}`}>
        {create.isPending ? 'Saving…' : 'Create contract'}
      </button>
    </form>
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
  const id = useId();
  const [schoolId, setSchoolId] = useState('');
  const [fundedDays, setFundedDays] = useState('');
  const [supportSummary, setSupportSummary] = useState('');
  const add = useMutation(
    trpc.commissioning.addSchool.mutationOptions({
      onSuccess: () => {
        setSchoolId('');
        setFundedDays('');
        setSupportSummary('');
        router.refresh();
      },
    }),
  );
  const errors = add.error?.data?.fieldErrors;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({
          contractId,
          schoolId,
          fundedDays: fundedDays === '' ? Number.NaN : Number(fundedDays),
          supportSummary,
        });
      }}
      className="mt-4 rounded-lg border border-slate-200 bg-white p-5"
      noValidate
    >
      <h3 className="text-lg font-semibold">Add a school to the contract</h3>
      <FormError message={add.error && !errors ? add.error.message : undefined} />
      <Field id={`${id}-school`} label="School" field="schoolId" errors={errors}>
        {(p) => (
          <select
            {...p}
            value={schoolId}
            onChange={(e) => setSchoolId(e.target.value)}
            className={inputClass}
          >
            <option value="">Choose a school</option>
            {schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-days`} label="Funded days" field="fundedDays" errors={errors}>
        {(p) => (
          <input
            {...p}
            inputMode="decimal"
            value={fundedDays}
            onChange={(e) => setFundedDays(e.target.value)}
            className={`${smallInputClass} w-28`}
          />
        )}
      </Field>
      <Field
        id={`${id}-summary`}
        label="Support to provide (optional)"
        field="supportSummary"
        errors={errors}
      >
        {(p) => (
          <input
            {...p}
            value={supportSummary}
            onChange={(e) => setSupportSummary(e.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <button type="submit" disabled={add.isPending} className={`mt-4 ${buttonClass}`}>
        Add school
      </button>
    </form>
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
  const id = useId();
  const [fundedDays, setFundedDays] = useState(String(current));
  const save = useMutation(
    trpc.commissioning.setFundedDays.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const remove = useMutation(
    trpc.commissioning.removeSchool.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const message =
    save.error?.data?.fieldErrors?.fundedDays?.[0] ?? save.error?.message ?? remove.error?.message;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          contractId,
          schoolId,
          fundedDays: fundedDays === '' ? Number.NaN : Number(fundedDays),
        });
      }}
      className="flex flex-wrap items-end gap-2"
    >
      <div>
        <label htmlFor={`${id}-days`} className="block text-sm font-semibold">
          Funded days for {schoolName}
        </label>
        <input
          id={`${id}-days`}
          inputMode="decimal"
          value={fundedDays}
          onChange={(e) => setFundedDays(e.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          className={`${smallInputClass} w-24`}
        />
      </div>
      <button type="submit" disabled={save.isPending} className={secondaryButtonClass}>
        Change<span className="sr-only"> funded days for {schoolName}</span>
      </button>
      <button
        type="button"
        disabled={remove.isPending}
        onClick={() => remove.mutate({ contractId, schoolId })}
        className={secondaryButtonClass}
      >
        Remove<span className="sr-only"> {schoolName} from the contract</span>
      </button>
      {message && (
        <p id={`${id}-error`} role="alert" className="w-full text-red-800">
          {message}
        </p>
      )}
    </form>
  );
}

export function ContractStatusActions({ contractId, status }: { contractId: string; status: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState<'end' | 'revoke' | null>(null);
  const end = useMutation(
    trpc.commissioning.end.mutationOptions({
      onSuccess: () => {
        setConfirming(null);
        router.refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.commissioning.revoke.mutationOptions({
      onSuccess: () => {
        setConfirming(null);
        router.refresh();
      },
    }),
  );
  if (status === 'revoked') return null;
  const error = end.error?.message ?? revoke.error?.message;
  return (
    <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="text-lg font-semibold">End or revoke</h3>
      <p className="mt-1 text-sm text-slate-700">
        Ending keeps the contract and its delivery readable on both sides as history. Revoking closes the link
        at once: the provider loses sight of the contract and its schools, and you no longer see its delivery.
      </p>
      {confirming === null ? (
        <div className="mt-3 flex flex-wrap gap-3">
          {status === 'active' && (
            <button type="button" onClick={() => setConfirming('end')} className={secondaryButtonClass}>
              End contract
            </button>
          )}
          <button type="button" onClick={() => setConfirming('revoke')} className={dangerButtonClass}>
            Revoke contract
          </button>
        </div>
      ) : (
        <div className="mt-3">
          <p className="font-semibold">
            {confirming === 'end'
              ? 'End this contract now?'
              : 'Revoke this contract now? This cannot be undone.'}
          </p>
          <div className="mt-2 flex flex-wrap gap-3">
            <button
              type="button"
              disabled={end.isPending || revoke.isPending}
              onClick={() => (confirming === 'end' ? end : revoke).mutate({ id: contractId })}
              className={confirming === 'end' ? buttonClass : dangerButtonClass}
            >
              {confirming === 'end' ? 'Yes, end the contract' : 'Yes, revoke the contract'}
            </button>
            <button type="button" onClick={() => setConfirming(null)} className={secondaryButtonClass}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <FormError message={error} />
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
  const id = useId();
  const [partnerUserId, setPartnerUserId] = useState(current ?? '');
  const assign = useMutation(
    trpc.commissioning.assignPartner.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        assign.mutate({ contractId, schoolId, partnerUserId: partnerUserId || null });
      }}
      className="flex flex-wrap items-end gap-2"
    >
      <div>
        <label htmlFor={`${id}-partner`} className="block text-sm font-semibold">
          Partner for {schoolName}
        </label>
        <select
          id={`${id}-partner`}
          value={partnerUserId}
          onChange={(e) => setPartnerUserId(e.target.value)}
          className={smallInputClass}
        >
          <option value="">Not assigned</option>
          {partners.map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={assign.isPending} className={secondaryButtonClass}>
        Assign<span className="sr-only"> partner for {schoolName}</span>
      </button>
      <FormError message={assign.error?.message} />
    </form>
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
  const id = useId();
  const empty = {
    schoolId: schools.length === 1 ? (schools[0]?.schoolId ?? '') : '',
    deliveredOn: '',
    days: '',
    cost: '',
    activity: '',
    progressRag: '',
    notes: '',
  };
  const [form, setForm] = useState(empty);
  const [done, setDone] = useState(false);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const log = useMutation(
    trpc.commissioning.logDelivery.mutationOptions({
      onSuccess: () => {
        setForm(empty);
        setDone(true);
        router.refresh();
      },
    }),
  );
  const errors = log.error?.data?.fieldErrors;
  const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    log.mutate({
      contractId,
      schoolId: form.schoolId,
      deliveredOn: form.deliveredOn,
      days: num(form.days),
      cost: num(form.cost),
      activity: form.activity,
      progressRag: form.progressRag as 'red' | 'amber' | 'green',
      notes: form.notes,
    });
  }
  const max = endsOn < today ? endsOn : today;
  return (
    <form onSubmit={onSubmit} className="mt-4 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <h2 className="text-xl font-semibold">Log a delivery</h2>
      <FormError message={log.error && !errors ? log.error.message : undefined} />
      <Field id={`${id}-school`} label="School" field="schoolId" errors={errors}>
        {(p) => (
          <select
            {...p}
            value={form.schoolId}
            onChange={(e) => set('schoolId')(e.target.value)}
            className={inputClass}
          >
            <option value="">Choose a school</option>
            {schools.map((s) => (
              <option key={s.schoolId} value={s.schoolId}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="flex flex-wrap gap-6">
        <Field
          id={`${id}-date`}
          label="Date delivered"
          hint="Not in the future, and within the contract period."
          field="deliveredOn"
          errors={errors}
        >
          {(p) => (
            <input
              {...p}
              type="date"
              min={startsOn}
              max={max}
              value={form.deliveredOn}
              onChange={(e) => set('deliveredOn')(e.target.value)}
              className={smallInputClass}
            />
          )}
        </Field>
        <Field id={`${id}-days`} label="Days" field="days" errors={errors}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={form.days}
              onChange={(e) => set('days')(e.target.value)}
              className={`${smallInputClass} w-24`}
            />
          )}
        </Field>
        <Field id={`${id}-cost`} label="Cost (£)" field="cost" errors={errors}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={form.cost}
              onChange={(e) => set('cost')(e.target.value)}
              className={`${smallInputClass} w-32`}
            />
          )}
        </Field>
      </div>
      <Field id={`${id}-activity`} label="Activity" field="activity" errors={errors}>
        {(p) => (
          <input
            {...p}
            value={form.activity}
            onChange={(e) => set('activity')(e.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <Field id={`${id}-rag`} label="Progress against the school’s plan" field="progressRag" errors={errors}>
        {(p) => (
          <select
            {...p}
            value={form.progressRag}
            onChange={(e) => set('progressRag')(e.target.value)}
            className={smallInputClass}
          >
            <option value="">Choose a rating</option>
            <option value="green">Green: on track</option>
            <option value="amber">Amber: some concerns</option>
            <option value="red">Red: off track</option>
          </select>
        )}
      </Field>
      <Field id={`${id}-notes`} label="Notes (optional)" field="notes" errors={errors}>
        {(p) => (
          <textarea
            {...p}
            rows={3}
            value={form.notes}
            onChange={(e) => set('notes')(e.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <div className="mt-4 flex items-center gap-3">
        <button type="submit" disabled={log.isPending} className={buttonClass}>
          {log.isPending ? 'Saving…' : 'Log delivery'}
        </button>
        <p role="status" className="text-green-800">
          {done ? 'Delivery logged.' : ''}
        </p>
      </div>
    </form>
  );
}
