'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { groundLabels, noticeKindLabels, powerLabels } from '~/server/casework/labels';
import { useTRPC } from '../../../../_lib/trpc-client';
import { buttonClass, describedBy, Field, FormError, inputClass } from '~/app/_components/form-bits';

type Officer = { userId: string; name: string };
type NoticeKind = keyof typeof noticeKindLabels;
type Ground = keyof typeof groundLabels;
type Power = keyof typeof powerLabels;

function OfficerSelect({
  id,
  value,
  onChange,
  officers,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  officers: Officer[];
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass}>
      <option value="">Choose</option>
      {officers.map((o) => (
        <option key={o.userId} value={o.userId}>
          {o.name}
        </option>
      ))}
    </select>
  );
}

export function RecordNoticeForm({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [kind, setKind] = useState<NoticeKind>('formal_s60');
  const [grounds, setGrounds] = useState<Ground[]>([]);
  const [issuedOn, setIssuedOn] = useState('');
  const record = useMutation(
    trpc.casework.recordNotice.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const errors = record.error?.data?.fieldErrors;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate({ caseId, kind, grounds, issuedOn: kind === 'informal' ? issuedOn : null });
      }}
      className="mt-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h3 className="text-lg font-semibold">Record a warning notice</h3>
      <FormError error={record.error} />
      <Field id={`${id}-kind`} label="Kind of notice" errors={errors} field="kind">
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => setKind(e.target.value as NoticeKind)}
          className={inputClass}
        >
          {Object.entries(noticeKindLabels).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </Field>
      {kind === 'formal_s60' && (
        <fieldset className="mt-3">
          <legend className="font-semibold">Grounds (section 60)</legend>
          {Object.entries(groundLabels).map(([value, text]) => (
            <div key={value} className="mt-1 flex items-center gap-2">
              <input
                id={`${id}-${value}`}
                type="checkbox"
                checked={grounds.includes(value as Ground)}
                onChange={(e) =>
                  setGrounds((g) =>
                    e.target.checked ? [...g, value as Ground] : g.filter((x) => x !== value),
                  )
                }
              />
              <label htmlFor={`${id}-${value}`}>{text}</label>
            </div>
          ))}
        </fieldset>
      )}
      {kind === 'informal' && (
        <Field id={`${id}-issued`} label="Date the school was told" errors={errors} field="issuedOn">
          <input
            id={`${id}-issued`}
            type="date"
            value={issuedOn}
            onChange={(e) => setIssuedOn(e.target.value)}
            className={inputClass}
            {...describedBy(`${id}-issued`, errors, 'issuedOn')}
          />
        </Field>
      )}
      <button type="submit" disabled={record.isPending} className={`${buttonClass} mt-4`}>
        {kind === 'informal' ? 'Record notice' : 'Record recommendation'}
      </button>
    </form>
  );
}

export function IssueNoticeForm({ noticeId, officers }: { noticeId: string; officers: Officer[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [issuedOn, setIssuedOn] = useState('');
  const [complianceBy, setComplianceBy] = useState('');
  const [dcsDecisionOn, setDcsOn] = useState('');
  const [dcsBy, setDcsBy] = useState('');
  const issue = useMutation(trpc.casework.issueNotice.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = issue.error?.data?.fieldErrors;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        issue.mutate({
          noticeId,
          issuedOn,
          complianceBy: complianceBy || null,
          dcsDecisionOn: dcsDecisionOn || null,
          dcsDecisionByUserId: dcsBy || null,
        });
      }}
      className="mt-3 border-t border-slate-200 pt-3"
    >
      <h4 className="font-semibold">Issue the notice</h4>
      <FormError error={issue.error} />
      <Field id={`${id}-dcs-on`} label="Date of the DCS decision" errors={errors} field="dcsDecisionOn">
        <input
          id={`${id}-dcs-on`}
          type="date"
          value={dcsDecisionOn}
          onChange={(e) => setDcsOn(e.target.value)}
          className={inputClass}
        />
      </Field>
      <Field id={`${id}-dcs-by`} label="Decided by" errors={errors} field="dcsDecisionByUserId">
        <OfficerSelect id={`${id}-dcs-by`} value={dcsBy} onChange={setDcsBy} officers={officers} />
      </Field>
      <Field id={`${id}-issued`} label="Date issued" errors={errors} field="issuedOn">
        <input
          id={`${id}-issued`}
          type="date"
          value={issuedOn}
          onChange={(e) => setIssuedOn(e.target.value)}
          className={inputClass}
        />
      </Field>
      <Field
        id={`${id}-comply`}
        label="Comply by"
        hint="The compliance period is yours to set."
        errors={errors}
        field="complianceBy"
      >
        <input
          id={`${id}-comply`}
          type="date"
          value={complianceBy}
          onChange={(e) => setComplianceBy(e.target.value)}
          className={inputClass}
          aria-describedby={`${id}-comply-hint`}
        />
      </Field>
      <button type="submit" disabled={issue.isPending} className={`${buttonClass} mt-3`}>
        Issue notice
      </button>
    </form>
  );
}

/** For an issued notice, its outcome; for a recommendation the DCS does not take up, its withdrawal. */
export function NoticeOutcomeForm({ noticeId, issued }: { noticeId: string; issued: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [outcome, setOutcome] = useState<'complied' | 'not_complied' | 'withdrawn'>(
    issued ? 'complied' : 'withdrawn',
  );
  const [outcomeOn, setOutcomeOn] = useState('');
  const [notes, setNotes] = useState('');
  const save = useMutation(
    trpc.casework.noticeOutcome.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const errors = save.error?.data?.fieldErrors;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ noticeId, outcome, outcomeOn, notes });
      }}
      className="mt-3 border-t border-slate-200 pt-3"
    >
      <h4 className="font-semibold">{issued ? 'Record the outcome' : 'Withdraw the recommendation'}</h4>
      <FormError error={save.error} />
      <Field id={`${id}-outcome`} label="Outcome" errors={errors} field="outcome">
        <select
          id={`${id}-outcome`}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as typeof outcome)}
          className={inputClass}
        >
          {issued && <option value="complied">Complied</option>}
          {issued && <option value="not_complied">Not complied with</option>}
          <option value="withdrawn">{issued ? 'Withdrawn' : 'Withdrawn (not taken up by the DCS)'}</option>
        </select>
      </Field>
      <Field id={`${id}-on`} label="Date" errors={errors} field="outcomeOn">
        <input
          id={`${id}-on`}
          type="date"
          value={outcomeOn}
          onChange={(e) => setOutcomeOn(e.target.value)}
          className={inputClass}
        />
      </Field>
      <Field id={`${id}-notes`} label="Notes" errors={errors} field="notes">
        <textarea
          id={`${id}-notes`}
          rows={2}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          className={inputClass}
        />
      </Field>
      <button type="submit" disabled={save.isPending} className={`${buttonClass} mt-3`}>
        Save outcome
      </button>
    </form>
  );
}

export function RecordPowerForm({ caseId, officers }: { caseId: string; officers: Officer[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [power, setPower] = useState<Power>('s63_require_arrangements');
  const [dcsDecision, setDecision] = useState<'approved' | 'declined'>('approved');
  const [dcsDecisionOn, setOn] = useState('');
  const [dcsBy, setBy] = useState('');
  const [notes, setNotes] = useState('');
  const record = useMutation(
    trpc.casework.recordPower.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const errors = record.error?.data?.fieldErrors;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate({ caseId, power, dcsDecision, dcsDecisionOn, dcsDecisionByUserId: dcsBy, notes });
      }}
      className="mt-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h3 className="text-lg font-semibold">Record a decision on a power</h3>
      <FormError error={record.error} />
      <Field id={`${id}-power`} label="Power" errors={errors} field="power">
        <select
          id={`${id}-power`}
          value={power}
          onChange={(e) => setPower(e.target.value as Power)}
          className={inputClass}
        >
          {Object.entries(powerLabels).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-decision`} label="DCS decision" errors={errors} field="dcsDecision">
        <select
          id={`${id}-decision`}
          value={dcsDecision}
          onChange={(e) => setDecision(e.target.value as typeof dcsDecision)}
          className={inputClass}
        >
          <option value="approved">Approved</option>
          <option value="declined">Declined</option>
        </select>
      </Field>
      <Field id={`${id}-on`} label="Date of the decision" errors={errors} field="dcsDecisionOn">
        <input
          id={`${id}-on`}
          type="date"
          value={dcsDecisionOn}
          onChange={(e) => setOn(e.target.value)}
          className={inputClass}
        />
      </Field>
      <Field id={`${id}-by`} label="Decided by" errors={errors} field="dcsDecisionByUserId">
        <OfficerSelect id={`${id}-by`} value={dcsBy} onChange={setBy} officers={officers} />
      </Field>
      <Field id={`${id}-notes`} label="Notes (optional)" errors={errors} field="notes">
        <textarea
          id={`${id}-notes`}
          rows={2}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          className={inputClass}
        />
      </Field>
      <button type="submit" disabled={record.isPending} className={`${buttonClass} mt-4`}>
        Record decision
      </button>
    </form>
  );
}

export function ReferralForm({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [referredOn, setOn] = useState('');
  const [concern, setConcern] = useState('');
  const refer = useMutation(
    trpc.casework.referToRegionalDirector.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const errors = refer.error?.data?.fieldErrors;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        refer.mutate({ caseId, referredOn, concern });
      }}
      className="mt-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h3 className="text-lg font-semibold">Refer to the Regional Director</h3>
      <FormError error={refer.error} />
      <Field id={`${id}-on`} label="Date of referral" errors={errors} field="referredOn">
        <input
          id={`${id}-on`}
          type="date"
          value={referredOn}
          onChange={(e) => setOn(e.target.value)}
          className={inputClass}
        />
      </Field>
      <Field id={`${id}-concern`} label="Concern" errors={errors} field="concern">
        <textarea
          id={`${id}-concern`}
          rows={3}
          value={concern}
          onChange={(e) => setConcern(e.target.value)}
          className={inputClass}
        />
      </Field>
      <button type="submit" disabled={refer.isPending} className={`${buttonClass} mt-4`}>
        Record referral
      </button>
    </form>
  );
}

export function ReferralResponseForm({ caseId, referralId }: { caseId: string; referralId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [respondedOn, setOn] = useState('');
  const [response, setResponse] = useState('');
  const save = useMutation(
    trpc.casework.referralResponse.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const errors = save.error?.data?.fieldErrors;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ caseId, referralId, respondedOn, response });
      }}
      className="mt-3 border-t border-slate-200 pt-3"
    >
      <FormError error={save.error} />
      <Field id={`${id}-on`} label="Date of response" errors={errors} field="respondedOn">
        <input
          id={`${id}-on`}
          type="date"
          value={respondedOn}
          onChange={(e) => setOn(e.target.value)}
          className={inputClass}
        />
      </Field>
      <Field id={`${id}-response`} label="Response" errors={errors} field="response">
        <textarea
          id={`${id}-response`}
          rows={2}
          value={response}
          onChange={(e) => setResponse(e.target.value)}
          className={inputClass}
        />
      </Field>
      <button type="submit" disabled={save.isPending} className={`${buttonClass} mt-3`}>
        Save response
      </button>
    </form>
  );
}
