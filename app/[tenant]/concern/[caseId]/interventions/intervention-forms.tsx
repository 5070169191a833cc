'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { groundLabels, noticeKindLabels, powerLabels } from '~/server/casework/labels';
import {
  CheckboxGroup,
  DateField,
  Form,
  optionsOf,
  SelectField,
  SubmitButton,
  TextArea,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import { useTRPC } from '../../../../_lib/trpc-client';

type Officer = { userId: string; name: string };
type NoticeKind = keyof typeof noticeKindLabels;
type Ground = keyof typeof groundLabels;
type Power = keyof typeof powerLabels;

const noticeKindOptions = optionsOf(noticeKindLabels);
const groundOptions = optionsOf(groundLabels);
const powerOptions = optionsOf(powerLabels);
const officerOptions = (officers: Officer[]) => officers.map((o) => ({ value: o.userId, label: o.name }));

/** Every form here refreshes the case when it is saved. */
function useCaseMutation<TData, TError, TVariables, TContext>(
  options: Parameters<typeof useFormMutation<TData, TError, TVariables, TContext>>[0],
) {
  const router = useRouter();
  return useFormMutation(options, { onSuccess: () => router.refresh() });
}

const boxClass = 'mt-4 space-y-3 rounded-lg border border-slate-200 bg-white p-5';
const innerClass = 'mt-3 space-y-3 border-t border-slate-200 pt-3';

export function RecordNoticeForm({
  caseId,
  preconditions,
  informalGiven,
}: {
  caseId: string;
  preconditions: string[];
  /** Designation's letter was the informal warning: it is not offered again. */
  informalGiven: boolean;
}) {
  const trpc = useTRPC();
  const kinds = informalGiven ? noticeKindOptions.filter((o) => o.value !== 'informal') : noticeKindOptions;
  const [kind, setKind] = useState<NoticeKind>('formal_s60');
  const [grounds, setGrounds] = useState<Ground[]>([]);
  const [met, setMet] = useState<string[]>([]);
  const [issuedOn, setIssuedOn] = useState('');
  const record = useCaseMutation(trpc.casework.recordNotice.mutationOptions());
  return (
    <Form
      form={record}
      onSubmit={() =>
        record.mutate({
          caseId,
          kind,
          grounds,
          preconditions: kind === 'formal_s60' ? met : [],
          issuedOn: kind === 'informal' ? issuedOn : null,
        })
      }
      className={boxClass}
      heading={<h3 className="text-lg font-semibold">Record a warning notice</h3>}
    >
      <SelectField
        label="Kind of notice"
        {...record.field('kind')}
        value={kind}
        onChange={(v) => setKind(v as NoticeKind)}
        options={kinds}
      />
      {kind === 'formal_s60' && (
        <CheckboxGroup
          label="Grounds (section 60)"
          {...record.field('grounds')}
          options={groundOptions}
          value={grounds}
          onChange={(v) => setGrounds(v as Ground[])}
        />
      )}
      {kind === 'formal_s60' && preconditions.length > 0 && (
        <CheckboxGroup
          label="Which of the LA’s conditions for a formal notice apply?"
          hint="The DCS decides on the recommendation."
          {...record.field('preconditions')}
          options={preconditions.map((p) => ({ value: p, label: p }))}
          value={met}
          onChange={setMet}
        />
      )}
      {kind === 'informal' && (
        <DateField
          label="Date the school was told"
          {...record.field('issuedOn')}
          value={issuedOn}
          onChange={setIssuedOn}
        />
      )}
      <SubmitButton pending={record.isPending}>
        {kind === 'informal' ? 'Record notice' : 'Record recommendation'}
      </SubmitButton>
    </Form>
  );
}

export function IssueNoticeForm({ noticeId, officers }: { noticeId: string; officers: Officer[] }) {
  const trpc = useTRPC();
  const { values, bind } = useFormValues({ issuedOn: '', complianceBy: '', dcsDecisionOn: '', dcsBy: '' });
  const issue = useCaseMutation(trpc.casework.issueNotice.mutationOptions());
  return (
    <Form
      form={issue}
      onSubmit={() =>
        issue.mutate({
          noticeId,
          issuedOn: values.issuedOn,
          complianceBy: values.complianceBy || null,
          dcsDecisionOn: values.dcsDecisionOn || null,
          dcsDecisionByUserId: values.dcsBy || null,
        })
      }
      className={innerClass}
      heading={<h4 className="font-semibold">Issue the notice</h4>}
    >
      <DateField
        label="Date of the DCS decision"
        {...issue.field('dcsDecisionOn')}
        {...bind('dcsDecisionOn')}
      />
      <SelectField
        label="Decided by"
        hint="Leave as yourself unless you record the Director’s own decision as their delegate."
        {...issue.field('dcsDecisionByUserId')}
        {...bind('dcsBy')}
        options={officerOptions(officers)}
        placeholder="Me"
      />
      <DateField label="Date issued" {...issue.field('issuedOn')} {...bind('issuedOn')} />
      <DateField
        label="Comply by"
        hint="The compliance period is yours to set."
        {...issue.field('complianceBy')}
        {...bind('complianceBy')}
      />
      <SubmitButton pending={issue.isPending}>Issue notice</SubmitButton>
    </Form>
  );
}

/** For an issued notice, its outcome; for a recommendation the DCS does not take up, its withdrawal. */
export function NoticeOutcomeForm({ noticeId, issued }: { noticeId: string; issued: boolean }) {
  const trpc = useTRPC();
  type Outcome = 'complied' | 'not_complied' | 'withdrawn';
  const [outcome, setOutcome] = useState<Outcome>(issued ? 'complied' : 'withdrawn');
  const { values, bind } = useFormValues({ outcomeOn: '', notes: '' });
  const save = useCaseMutation(trpc.casework.noticeOutcome.mutationOptions());
  const outcomes = [
    ...(issued
      ? [
          { value: 'complied', label: 'Complied' },
          { value: 'not_complied', label: 'Not complied with' },
        ]
      : []),
    { value: 'withdrawn', label: issued ? 'Withdrawn' : 'Withdrawn (not taken up by the DCS)' },
  ];
  return (
    <Form
      form={save}
      onSubmit={() => save.mutate({ noticeId, outcome, ...values })}
      className={innerClass}
      heading={
        <h4 className="font-semibold">{issued ? 'Record the outcome' : 'Withdraw the recommendation'}</h4>
      }
    >
      <SelectField
        label="Outcome"
        {...save.field('outcome')}
        value={outcome}
        onChange={(v) => setOutcome(v as Outcome)}
        options={outcomes}
      />
      <DateField label="Date" {...save.field('outcomeOn')} {...bind('outcomeOn')} />
      <TextArea label="Notes" {...save.field('notes')} rows={2} {...bind('notes')} />
      <SubmitButton pending={save.isPending}>Save outcome</SubmitButton>
    </Form>
  );
}

export function RecordPowerForm({ caseId, officers }: { caseId: string; officers: Officer[] }) {
  const trpc = useTRPC();
  const [power, setPower] = useState<Power>('s63_require_arrangements');
  const [dcsDecision, setDecision] = useState<'approved' | 'declined'>('approved');
  const { values, bind } = useFormValues({ dcsDecisionOn: '', dcsBy: '', notes: '' });
  const record = useCaseMutation(trpc.casework.recordPower.mutationOptions());
  return (
    <Form
      form={record}
      onSubmit={() =>
        record.mutate({
          caseId,
          power,
          dcsDecision,
          dcsDecisionOn: values.dcsDecisionOn,
          dcsDecisionByUserId: values.dcsBy || null,
          notes: values.notes,
        })
      }
      className={boxClass}
      heading={<h3 className="text-lg font-semibold">Record a decision on a power</h3>}
    >
      <SelectField
        label="Power"
        {...record.field('power')}
        value={power}
        onChange={(v) => setPower(v as Power)}
        options={powerOptions}
      />
      <SelectField
        label="DCS decision"
        {...record.field('dcsDecision')}
        value={dcsDecision}
        onChange={(v) => setDecision(v as 'approved' | 'declined')}
        options={[
          { value: 'approved', label: 'Approved' },
          { value: 'declined', label: 'Declined' },
        ]}
      />
      <DateField label="Date of the decision" {...record.field('dcsDecisionOn')} {...bind('dcsDecisionOn')} />
      <SelectField
        label="Decided by"
        hint="Leave as yourself unless you record the Director’s own decision as their delegate."
        {...record.field('dcsDecisionByUserId')}
        {...bind('dcsBy')}
        options={officerOptions(officers)}
        placeholder="Me"
      />
      <TextArea label="Notes (optional)" {...record.field('notes')} rows={2} {...bind('notes')} />
      <SubmitButton pending={record.isPending}>Record decision</SubmitButton>
    </Form>
  );
}

export function ReferralForm({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const { values, bind } = useFormValues({ referredOn: '', concern: '' });
  const refer = useCaseMutation(trpc.casework.referToRegionalDirector.mutationOptions());
  return (
    <Form
      form={refer}
      onSubmit={() => refer.mutate({ caseId, ...values })}
      className={boxClass}
      heading={<h3 className="text-lg font-semibold">Refer to the Regional Director</h3>}
    >
      <DateField label="Date of referral" {...refer.field('referredOn')} {...bind('referredOn')} />
      <TextArea label="Concern" {...refer.field('concern')} {...bind('concern')} />
      <SubmitButton pending={refer.isPending}>Record referral</SubmitButton>
    </Form>
  );
}

export function ReferralResponseForm({ caseId, referralId }: { caseId: string; referralId: string }) {
  const trpc = useTRPC();
  const { values, bind } = useFormValues({ respondedOn: '', response: '' });
  const save = useCaseMutation(trpc.casework.referralResponse.mutationOptions());
  return (
    <Form form={save} onSubmit={() => save.mutate({ caseId, referralId, ...values })} className={innerClass}>
      <DateField label="Date of response" {...save.field('respondedOn')} {...bind('respondedOn')} />
      <TextArea label="Response" {...save.field('response')} rows={2} {...bind('response')} />
      <SubmitButton pending={save.isPending}>Save response</SubmitButton>
    </Form>
  );
}
