'use client';

import { useQuery } from '@tanstack/react-query';
import { Link } from '~/app/_components/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import {
  Checkbox,
  DateField,
  Form,
  NumberField,
  parseNumber,
  RadioGroup,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextArea,
  TextField,
  useFormMutation,
  useFormValues,
  type FormState,
} from '~/app/_components/form-kit';
import { longDate } from '~/server/format/dates';
import { useTRPC } from '../../_lib/trpc-client';
import { OverdueCheckpoints } from './overdue-checkpoints';

const numberOrNaN = (text: string) => {
  const n = parseNumber(text);
  return typeof n === 'number' ? n : Number.NaN;
};

/** A school registers an ECT with the AB; a TRN already registered elsewhere offers to continue that induction. */
export function RegisterEctForm({
  tenant,
  schools,
  registeredOnFor,
  awaitsAcceptance = false,
  from,
}: {
  tenant: string;
  schools: { id: string; name: string }[];
  /** For the AB's own staff: today's date, offered as the date of registration, which they may set earlier. */
  registeredOnFor?: { today: string };
  /** The AB checks this school's registration before it takes effect: it is sent to the AB to accept. */
  awaitsAcceptance?: boolean;
  /**
   * A registration of the school's to start from: one awaiting the AB is corrected in place; one the AB
   * declined is sent again as a new registration.
   */
  from?: {
    id: string;
    status: 'awaiting' | 'accepted' | 'rejected' | 'withdrawn';
    schoolId: string;
    name: string;
    trn: string;
    email: string;
    dateOfBirth: string | null;
    startsOn: string;
    fte: number;
    tutorName: string;
    tutorEmail: string;
    mentorName: string;
    mentorEmail: string;
    previousInduction: string;
    continueInduction: boolean;
  };
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, set } = useFormValues({
    schoolId: from?.schoolId ?? (schools.length === 1 ? (schools[0]?.id ?? '') : ''),
    name: from?.name ?? '',
    trn: from?.trn ?? '',
    email: from?.email ?? '',
    dateOfBirth: from?.dateOfBirth ?? '',
    startsOn: from?.startsOn ?? '',
    fte: from ? String(from.fte) : '1',
    tutorName: from?.tutorName ?? '',
    tutorEmail: from?.tutorEmail ?? '',
    mentorName: from?.mentorName ?? '',
    mentorEmail: from?.mentorEmail ?? '',
    previousInduction: from?.previousInduction ?? '',
    continueInduction: from?.continueInduction ?? false,
    registeredOn: registeredOnFor?.today ?? '',
  });
  const correcting = from?.status === 'awaiting' ? from.id : null;
  const trn = values.trn.trim();
  const registeredOn = /^\d{4}-\d{2}-\d{2}$/.test(values.registeredOn) ? values.registeredOn : undefined;
  const existing = useQuery({
    ...trpc.induction.findTrn.queryOptions({ trn }),
    enabled: /^\d{7}$/.test(trn),
  });
  // Before confirming: is this registration late, and what would already be overdue (see LateWarning).
  const fte = numberOrNaN(values.fte);
  const preview = useQuery({
    ...trpc.induction.previewRegistration.queryOptions({
      startsOn: values.startsOn,
      fte,
      trn: /^\d{7}$/.test(trn) ? trn : undefined,
      continueInduction: values.continueInduction,
      registeredOn,
    }),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(values.startsOn) && fte >= 0.1 && fte <= 1,
  });
  const immediate = useFormMutation(trpc.induction.register.mutationOptions(), {
    idPrefix: 'ect',
    onSuccess: (result) =>
      router.push(`/${tenant}/induction/${result.ectId}?invited=${result.invited.length}`),
  });
  const toCheck = {
    idPrefix: 'ect',
    onSuccess: () => router.push(`/${tenant}/induction?sent=1#registrations`),
  };
  const submit = useFormMutation(trpc.induction.submitRegistration.mutationOptions(), toCheck);
  const correct = useFormMutation(trpc.induction.correctRegistration.mutationOptions(), toCheck);
  const register = correcting ? correct : awaitsAcceptance ? submit : immediate;
  const found = existing.data;
  return (
    <Form
      form={register}
      onSubmit={() => {
        const details = {
          ...values,
          trn,
          fte: numberOrNaN(values.fte),
          dateOfBirth: values.dateOfBirth || undefined,
          registeredOn: values.registeredOn || undefined,
        };
        if (correcting) correct.mutate({ ...details, registrationId: correcting });
        else if (awaitsAcceptance) submit.mutate(details);
        else immediate.mutate(details);
      }}
      className="mt-6 max-w-3xl space-y-4"
    >
      {schools.length > 1 ? (
        <SelectField
          label="School"
          placeholder="Choose a school"
          options={schools.map((s) => ({ value: s.id, label: s.name }))}
          {...register.field('schoolId')}
          {...bind('schoolId')}
        />
      ) : (
        <p>
          School: <strong>{schools[0]?.name}</strong>
        </p>
      )}
      <TextField
        label="Teacher reference number (TRN)"
        hint="Seven digits, from the Teaching Regulation Agency."
        width="w-40"
        inputMode="numeric"
        {...register.field('trn')}
        {...bind('trn')}
      />
      {found && (
        <div className="rounded border-l-4 border-amber-600 bg-amber-50 p-4" data-testid="trn-found">
          <h2 className="font-semibold">This TRN is already registered with us</h2>
          <p className="mt-1">
            {found.name},{' '}
            {found.status === 'completed'
              ? 'who has completed induction'
              : `at ${found.schoolName ?? 'another school'}`}
            , started induction on {longDate(found.startsOn)}.
          </p>
          {found.status !== 'completed' && (
            <Checkbox
              className="mt-3"
              label="Continue this induction at our school (the ECT has moved to us)"
              hint="Their period at the previous school ends the day before the start date below, and that school completes an interim assessment."
              {...register.field('continueInduction')}
              checked={values.continueInduction}
              onChange={set('continueInduction')}
            />
          )}
        </div>
      )}
      <TextField label="ECT’s full name" {...register.field('name')} {...bind('name')} />
      <TextField
        label="ECT’s email address"
        type="email"
        hint={
          values.continueInduction
            ? 'Their address at your school: it replaces the one on their record, and their sign-in link goes there. Leave it empty to keep the one we have.'
            : undefined
        }
        {...register.field('email')}
        {...bind('email')}
      />
      <DateField
        label="Date of birth (optional)"
        {...register.field('dateOfBirth')}
        {...bind('dateOfBirth')}
      />
      <div className="flex flex-wrap gap-6">
        <DateField
          label={found ? 'Start date at your school' : 'Induction start date'}
          {...register.field('startsOn')}
          {...bind('startsOn')}
        />
        <NumberField
          label="FTE"
          hint="1 for full time; 0.5 doubles the length of induction."
          {...register.field('fte')}
          {...bind('fte')}
        />
      </div>
      {registeredOnFor && (
        <DateField
          label="Date of registration"
          hint="Today, or the earlier day the school registered with us if you are entering a registration late (e.g. one sent on paper). Lateness and overdue reviews count from this date."
          max={registeredOnFor.today}
          {...register.field('registeredOn')}
          {...bind('registeredOn')}
        />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Induction tutor’s name" {...register.field('tutorName')} {...bind('tutorName')} />
        <TextField
          label="Induction tutor’s email"
          type="email"
          {...register.field('tutorEmail')}
          {...bind('tutorEmail')}
        />
        <TextField label="Mentor’s name" {...register.field('mentorName')} {...bind('mentorName')} />
        <TextField
          label="Mentor’s email"
          type="email"
          {...register.field('mentorEmail')}
          {...bind('mentorEmail')}
        />
      </div>
      <TextArea
        label="Previous induction periods (optional)"
        hint="Any induction served elsewhere: the school or AB, dates and terms served."
        rows={3}
        {...register.field('previousInduction')}
        {...bind('previousInduction')}
      />
      <div aria-live="polite">
        {preview.data?.late && (
          <LateWarning
            preview={preview.data}
            before={
              registeredOnFor && registeredOn && registeredOn !== registeredOnFor.today
                ? `${longDate(registeredOn)}, the date of registration`
                : 'today'
            }
          />
        )}
      </div>
      <div className="flex items-center gap-4">
        <SubmitButton pending={register.isPending} pendingLabel={correcting ? 'Saving…' : 'Registering…'}>
          {correcting
            ? 'Save the corrected registration'
            : awaitsAcceptance
              ? 'Send to the Appropriate Body to check'
              : values.continueInduction
                ? 'Continue the induction'
                : 'Register ECT'}
        </SubmitButton>
        <Link href={`/${tenant}/induction`} className="font-semibold text-brand-dark underline">
          Cancel
        </Link>
      </div>
    </Form>
  );
}

/**
 * Shown before a school confirms a registration whose start is before today (or before the earlier date of
 * registration an AB officer enters, `before`): which reviews and assessments would already be overdue (they
 * are kept, and the Appropriate Body sees them as overdue), or that none is.
 */
function LateWarning({
  preview,
  before,
}: {
  before: string;
  preview: {
    startsOn: string;
    registeredOn: string;
    continuing: boolean;
    overdue: { title: string; dueOn: string }[];
    next: { title: string; dueOn: string } | null;
  };
}) {
  const { overdue, next } = preview;
  const start = preview.continuing ? 'The start at your school' : 'Induction started';
  if (overdue.length === 0)
    return (
      <div className="rounded border-l-4 border-amber-600 bg-amber-50 p-4" data-testid="late-registration">
        <h2 className="font-semibold">This registration is late</h2>
        <p className="mt-1">
          {start} on {longDate(preview.startsOn)}, before {before}: an ECT should be registered with the
          Appropriate Body before they start. Nothing is overdue yet
          {next ? `; the first due is the ${next.title.toLowerCase()}, by ${longDate(next.dueOn)}` : ''}.
        </p>
      </div>
    );
  return (
    <div className="rounded border-l-4 border-red-700 bg-red-50 p-4" data-testid="late-registration">
      <h2 className="font-semibold">
        This registration is late:{' '}
        {overdue.length === 1
          ? `the ${overdue[0]?.title.toLowerCase()} is already overdue`
          : `${overdue.length} reviews and assessments are already overdue`}
      </h2>
      <p className="mt-1">
        {start} on {longDate(preview.startsOn)}. {overdue.length === 1 ? 'This was' : 'These were'} due before{' '}
        {before}:
      </p>
      <OverdueCheckpoints overdue={overdue} />
      <p className="mt-1">
        {overdue.length === 1
          ? 'It is not dropped: once you register, the Appropriate Body sees it as overdue and is told of the late registration, and the induction tutor (or you) can submit it from the ECT’s record straight away.'
          : 'They are not dropped: once you register, the Appropriate Body sees them as overdue and is told of the late registration, and the induction tutor (or you) can submit them from the ECT’s record straight away.'}{' '}
        If {overdue.length === 1 ? 'it stays' : 'they stay'} unsubmitted, the tutor is reminded first, then
        the headteacher.
      </p>
    </div>
  );
}

/** The induction tutor's judgement and evidence for one review or assessment. */
export function SubmitCheckpointForm({ checkpointId, title }: { checkpointId: string; title: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, set } = useFormValues({
    judgement: '' as '' | 'on_track' | 'not_on_track',
    evidence: '',
  });
  const [result, setResult] = useState('');
  const submit = useFormMutation(trpc.induction.submitCheckpoint.mutationOptions(), {
    idPrefix: `submit-${checkpointId}`,
    onSuccess: (r) => {
      setResult(
        r.supportPlanId
          ? `Submitted. A support plan has been opened and the Appropriate Body told.${r.consultancy ? ' Your school has adviser time it can use for consultancy support: ask for it under Adviser time.' : ''}`
          : 'Submitted to the Appropriate Body.',
      );
      router.refresh();
    },
  });
  return (
    <Form
      form={submit}
      onSubmit={() =>
        submit.mutate({
          checkpointId,
          judgement: values.judgement as 'on_track' | 'not_on_track',
          evidence: values.evidence,
        })
      }
      className="mt-3 space-y-3 border-t border-slate-200 pt-3"
    >
      <RadioGroup
        label={`${title}: is the ECT on track?`}
        inline
        options={[
          { value: 'on_track', label: 'On track' },
          { value: 'not_on_track', label: 'Not on track' },
        ]}
        {...submit.field('judgement')}
        value={values.judgement}
        onChange={set('judgement')}
      />
      <TextArea
        label="Evidence"
        hint="What you saw against the Teachers’ Standards, and for not on track, the support you will put in place."
        rows={4}
        {...submit.field('evidence')}
        {...bind('evidence')}
      />
      <div className="flex items-center gap-4">
        <SubmitButton pending={submit.isPending} pendingLabel="Submitting…">
          Submit {title.toLowerCase()}
        </SubmitButton>
        <StatusMessage>{result}</StatusMessage>
      </div>
    </Form>
  );
}

/** The AB accepts a submitted review or sends it back with a comment. */
export function ReviewCheckpointForm({ checkpointId }: { checkpointId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind } = useFormValues({ comment: '' });
  const review = useFormMutation(trpc.induction.reviewCheckpoint.mutationOptions(), {
    idPrefix: `review-${checkpointId}`,
    onSuccess: () => router.refresh(),
  });
  // Which button was pressed: read when the form submits, in the same event (a state update would be late).
  const decision = useRef<'accept' | 'request_changes'>('accept');
  const [pressed, setPressed] = useState<'accept' | 'request_changes'>('accept');
  const choose = (d: 'accept' | 'request_changes') => {
    decision.current = d;
    setPressed(d);
  };
  return (
    <Form
      form={review}
      onSubmit={() => review.mutate({ checkpointId, decision: decision.current, comment: values.comment })}
      className="mt-3 space-y-3 border-t border-slate-200 pt-3"
    >
      <TextArea
        label="Comment for the school"
        hint="Needed when you ask for changes."
        rows={2}
        {...review.field('comment')}
        {...bind('comment')}
      />
      <div className="flex flex-wrap gap-3">
        <SubmitButton pending={review.isPending && pressed === 'accept'} onClick={() => choose('accept')}>
          Accept
        </SubmitButton>
        <SubmitButton
          pending={review.isPending && pressed === 'request_changes'}
          onClick={() => choose('request_changes')}
          className="rounded border-2 border-brand bg-white px-4 py-2 font-semibold text-brand-dark hover:bg-slate-50"
        >
          Request changes
        </SubmitButton>
      </div>
    </Form>
  );
}

/** The AB records the outcome: pass, fail or extension, with the date and terms served. */
export function OutcomeForm({ ectId, termsServed }: { ectId: string; termsServed: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, set } = useFormValues({
    outcome: '' as '' | 'pass' | 'fail' | 'extension',
    decidedOn: '',
    termsServed,
    extensionTerms: '',
    note: '',
  });
  const record = useFormMutation(trpc.induction.recordOutcome.mutationOptions(), {
    idPrefix: 'outcome',
    onSuccess: () => router.refresh(),
  });
  return (
    <Form
      form={record}
      onSubmit={() =>
        record.mutate({
          ectId,
          outcome: values.outcome as 'pass' | 'fail' | 'extension',
          decidedOn: values.decidedOn,
          termsServed: numberOrNaN(values.termsServed),
          extensionTerms: values.outcome === 'extension' ? numberOrNaN(values.extensionTerms) : undefined,
          note: values.note,
        })
      }
      className="mt-3 space-y-3"
    >
      <RadioGroup
        label="Outcome"
        inline
        options={[
          { value: 'pass', label: 'Pass' },
          { value: 'extension', label: 'Extension' },
          { value: 'fail', label: 'Fail' },
        ]}
        {...record.field('outcome')}
        value={values.outcome}
        onChange={set('outcome')}
      />
      <div className="flex flex-wrap gap-6">
        <DateField label="Date of decision" {...record.field('decidedOn')} {...bind('decidedOn')} />
        <NumberField
          label="Terms served"
          hint="To one decimal place."
          {...record.field('termsServed')}
          {...bind('termsServed')}
        />
        {values.outcome === 'extension' && (
          <NumberField
            label="Extension (terms)"
            {...record.field('extensionTerms')}
            {...bind('extensionTerms')}
          />
        )}
      </div>
      <TextArea label="Note (optional)" rows={2} {...record.field('note')} {...bind('note')} />
      <SubmitButton pending={record.isPending} pendingLabel="Recording…">
        Record outcome
      </SubmitButton>
    </Form>
  );
}

/** Days of absence: 30 or more in an induction year extend it. */
export function AbsenceForm({ ectId }: { ectId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, reset } = useFormValues({ startsOn: '', days: '', reason: '' });
  const record = useFormMutation(trpc.induction.recordAbsence.mutationOptions(), {
    idPrefix: 'absence',
    onSuccess: () => {
      reset();
      router.refresh();
    },
  });
  return (
    <Form
      form={record}
      onSubmit={() =>
        record.mutate({
          ectId,
          startsOn: values.startsOn,
          days: numberOrNaN(values.days),
          reason: values.reason,
        })
      }
      className="mt-3 flex flex-wrap items-end gap-4"
    >
      <DateField label="First day absent" {...record.field('startsOn')} {...bind('startsOn')} />
      <NumberField label="Days" whole {...record.field('days')} {...bind('days')} />
      <TextField label="Reason (optional)" width="w-64" {...record.field('reason')} {...bind('reason')} />
      <SubmitButton pending={record.isPending} pendingLabel="Saving…">
        Record absence
      </SubmitButton>
    </Form>
  );
}

/** Books the ECT onto one induction programme course for their school (the place from the induction package). */
export function BookProgrammeForm({
  ectId,
  courseId,
  label,
}: {
  ectId: string;
  courseId: string;
  label: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [done, setDone] = useState('');
  const form = useFormMutation(trpc.induction.bookProgramme.mutationOptions(), {
    onSuccess: (r) => {
      setDone(
        r.outcome === 'waitlisted'
          ? 'The course is full: the ECT is on the waiting list.'
          : r.funding === 'entitlement'
            ? 'Booked: the place is covered by the school’s induction package.'
            : r.funding === 'free'
              ? 'Booked: the place is free.'
              : 'Booked: the place will be invoiced to the school.',
      );
      router.refresh();
    },
  });
  return (
    <Form form={form} onSubmit={() => form.mutate({ ectId, courseId })} className="mt-2 space-y-2">
      <SubmitButton pending={form.isPending} pendingLabel="Booking…">
        {label}
      </SubmitButton>
      <StatusMessage>{done}</StatusMessage>
    </Form>
  );
}

/** Corrects the ECT's details (name, email, date of birth, previous induction). */
export function EditEctForm({
  ectId,
  initial,
}: {
  ectId: string;
  initial: { name: string; email: string; dateOfBirth: string; previousInduction: string };
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind } = useFormValues(initial);
  const [saved, setSaved] = useState('');
  const form = useFormMutation(trpc.induction.updateEct.mutationOptions(), {
    onSuccess: () => {
      setSaved('Saved the ECT’s details.');
      router.refresh();
    },
  });
  return (
    <Form
      form={form}
      heading={<h3 className="text-xl font-semibold">The ECT’s details</h3>}
      onSubmit={() => {
        setSaved('');
        form.mutate({ ectId, ...values, dateOfBirth: values.dateOfBirth || undefined });
      }}
    >
      <TextField label="Full name" {...form.field('name')} {...bind('name')} />
      <TextField label="Email address" type="email" {...form.field('email')} {...bind('email')} />
      <DateField label="Date of birth (optional)" {...form.field('dateOfBirth')} {...bind('dateOfBirth')} />
      <TextArea
        label="Previous induction"
        hint="Earlier induction periods elsewhere, if any."
        {...form.field('previousInduction')}
        {...bind('previousInduction')}
      />
      <SubmitButton pending={form.isPending} pendingLabel="Saving…">
        Save details
      </SubmitButton>
      <StatusMessage>{saved}</StatusMessage>
    </Form>
  );
}

/** Corrects one induction period: its start date, FTE, tutor and mentor; the schedule is recomputed. */
export function EditPeriodForm({
  periodId,
  heading,
  initial,
}: {
  periodId: string;
  heading: string;
  initial: {
    startsOn: string;
    fte: string;
    tutorName: string;
    tutorEmail: string;
    mentorName: string;
    mentorEmail: string;
  };
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind } = useFormValues(initial);
  const [saved, setSaved] = useState('');
  const form = useFormMutation(trpc.induction.updatePeriod.mutationOptions(), {
    onSuccess: (r) => {
      setSaved(`Saved. Induction is now expected to end on ${longDate(r.completesOn)}.`);
      router.refresh();
    },
  });
  return (
    <Form
      form={form}
      heading={<h3 className="text-xl font-semibold">{heading}</h3>}
      onSubmit={() => {
        setSaved('');
        form.mutate({ periodId, ...values, fte: numberOrNaN(values.fte) });
      }}
    >
      <DateField label="Start date at this school" {...form.field('startsOn')} {...bind('startsOn')} />
      <NumberField
        label="FTE"
        hint="Full time is 1; part time pro-rates induction (0.5 takes four years)."
        {...form.field('fte')}
        {...bind('fte')}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label="Induction tutor’s name" {...form.field('tutorName')} {...bind('tutorName')} />
        <TextField
          label="Induction tutor’s email"
          type="email"
          {...form.field('tutorEmail')}
          {...bind('tutorEmail')}
        />
        <TextField label="Mentor’s name" {...form.field('mentorName')} {...bind('mentorName')} />
        <TextField
          label="Mentor’s email"
          type="email"
          {...form.field('mentorEmail')}
          {...bind('mentorEmail')}
        />
      </div>
      <SubmitButton pending={form.isPending} pendingLabel="Saving…">
        Save and recompute the schedule
      </SubmitButton>
      <StatusMessage>{saved}</StatusMessage>
    </Form>
  );
}

/** The AB closes an open support plan, with a note for the school. */
export function CloseSupportPlanForm({ supportPlanId }: { supportPlanId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [note, setNote] = useState('');
  const form = useFormMutation(trpc.induction.closeSupportPlan.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <Form form={form} onSubmit={() => form.mutate({ supportPlanId, note })} className="mt-3 space-y-2">
      <TextArea
        label="Why the plan is closed"
        hint="The school’s headteacher is emailed this note."
        {...form.field('note')}
        value={note}
        onChange={setNote}
      />
      <SubmitButton pending={form.isPending} pendingLabel="Closing…">
        Close the support plan
      </SubmitButton>
    </Form>
  );
}

/** The AB reduces induction for prior experience (0 takes a reduction back), with the reason. */
export function ReductionForm({
  ectId,
  initial,
}: {
  ectId: string;
  initial: { reductionTerms: string; reason: string };
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState('');
  const { values, bind } = useFormValues(initial);
  const reduce = useFormMutation(trpc.induction.setReduction.mutationOptions(), {
    idPrefix: 'reduction',
    onSuccess: (r) => {
      setSaved(
        `Saved: ${r.termsRequired.toFixed(1)} terms to serve, expected to complete on ${longDate(r.completesOn)}.`,
      );
      router.refresh();
    },
  });
  return (
    <Form
      form={reduce}
      onSubmit={() => {
        setSaved('');
        reduce.mutate({ ectId, reductionTerms: numberOrNaN(values.reductionTerms), reason: values.reason });
      }}
      className="space-y-3"
    >
      <h3 className="text-xl font-semibold">Reduce induction</h3>
      <NumberField
        label="Reduction (terms)"
        hint="Terms taken off the six, for prior experience or induction already served elsewhere, to one decimal place; 0 removes a reduction. At least one term is served."
        {...reduce.field('reductionTerms')}
        {...bind('reductionTerms')}
      />
      <TextArea
        label="Reason"
        hint="For example: two years’ teaching experience in an independent school."
        rows={2}
        {...reduce.field('reason')}
        {...bind('reason')}
      />
      <div className="flex items-center gap-4">
        <SubmitButton pending={reduce.isPending} pendingLabel="Saving…">
          Save reduction
        </SubmitButton>
        <StatusMessage>{saved}</StatusMessage>
      </div>
    </Form>
  );
}

/** The AB corrects an ECT's TRN (seven digits; refused when another ECT in the workspace has it). */
export function CorrectTrnForm({ ectId, trn }: { ectId: string; trn: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState('');
  const { values, bind } = useFormValues({ trn });
  const correct = useFormMutation(trpc.induction.correctTrn.mutationOptions(), {
    idPrefix: 'trn',
    onSuccess: (r) => {
      setSaved(`TRN changed to ${r.trn}.`);
      router.refresh();
    },
  });
  return (
    <Form
      form={correct}
      onSubmit={() => {
        setSaved('');
        correct.mutate({ ectId, trn: values.trn });
      }}
      className="space-y-3"
    >
      <h3 className="text-xl font-semibold">Correct the TRN</h3>
      <TextField
        label="Teacher reference number (TRN)"
        hint="Seven digits."
        width="w-40"
        inputMode="numeric"
        {...correct.field('trn')}
        {...bind('trn')}
      />
      <div className="flex items-center gap-4">
        <SubmitButton pending={correct.isPending} pendingLabel="Saving…">
          Change TRN
        </SubmitButton>
        <StatusMessage>{saved}</StatusMessage>
      </div>
    </Form>
  );
}

/**
 * A decision on a date: one choice, the date and an optional note (the head's recommendation, the TRA's decision
 * on an appeal). `fields` names the choice's and the date's inputs, so the server's field errors land on them.
 */
function DecisionOnDateForm<C extends string>({
  form,
  fields,
  choiceLabel,
  options,
  dateLabel,
  dateHint,
  submit,
  pendingLabel,
  onSubmit,
}: {
  form: FormState & { field: (path: string) => { id: string; error?: string }; isPending: boolean };
  fields: { choice: string; date: string };
  choiceLabel: string;
  options: { value: C; label: string }[];
  dateLabel: string;
  dateHint?: string;
  submit: string;
  pendingLabel: string;
  onSubmit: (values: { choice: C; on: string; note: string }) => void;
}) {
  const { values, bind, set } = useFormValues({ choice: '' as C | '', on: '', note: '' });
  return (
    <Form
      form={form}
      onSubmit={() => onSubmit({ choice: values.choice as C, on: values.on, note: values.note })}
      className="mt-3 space-y-3"
    >
      <RadioGroup
        label={choiceLabel}
        inline
        options={options}
        {...form.field(fields.choice)}
        value={values.choice}
        onChange={set('choice')}
      />
      <DateField label={dateLabel} hint={dateHint} {...form.field(fields.date)} {...bind('on')} />
      <TextArea label="Note (optional)" rows={2} {...form.field('note')} {...bind('note')} />
      <SubmitButton pending={form.isPending} pendingLabel={pendingLabel}>
        {submit}
      </SubmitButton>
    </Form>
  );
}

/** The headteacher (or induction tutor) recommends the outcome after the final assessment. */
export function RecommendationForm({ ectId }: { ectId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const record = useFormMutation(trpc.induction.recordRecommendation.mutationOptions(), {
    idPrefix: 'recommendation',
    onSuccess: () => router.refresh(),
  });
  return (
    <DecisionOnDateForm
      form={record}
      fields={{ choice: 'recommendation', date: 'recommendedOn' }}
      choiceLabel="Headteacher's recommendation"
      options={[
        { value: 'pass', label: 'Pass' },
        { value: 'extension', label: 'Extension' },
        { value: 'fail', label: 'Fail' },
      ]}
      dateLabel="Date of the recommendation"
      dateHint="The day it was sent to the ECT and the Appropriate Body."
      submit="Send recommendation"
      pendingLabel="Sending…"
      onSubmit={(v) => record.mutate({ ectId, recommendation: v.choice, recommendedOn: v.on, note: v.note })}
    />
  );
}

/** The ECT's representations on the recommendation (or the AB recording those it received). */
export function RepresentationsForm({ ectId }: { ectId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind } = useFormValues({ representations: '', madeOn: '' });
  const record = useFormMutation(trpc.induction.recordRepresentations.mutationOptions(), {
    idPrefix: 'representations',
    onSuccess: () => router.refresh(),
  });
  return (
    <Form
      form={record}
      onSubmit={() =>
        record.mutate({ ectId, representations: values.representations, madeOn: values.madeOn })
      }
      className="mt-3 space-y-3"
    >
      <TextArea
        label="Representations"
        hint="What the ECT wants the Appropriate Body to consider before deciding."
        rows={4}
        {...record.field('representations')}
        {...bind('representations')}
      />
      <DateField label="Date made" {...record.field('madeOn')} {...bind('madeOn')} />
      <SubmitButton pending={record.isPending} pendingLabel="Sending…">
        Send representations
      </SubmitButton>
    </Form>
  );
}

/** The AB records an appeal to the Teaching Regulation Agency against a fail or an extension. */
export function AppealForm({ ectId }: { ectId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind } = useFormValues({ lodgedOn: '', note: '' });
  const record = useFormMutation(trpc.induction.recordAppeal.mutationOptions(), {
    idPrefix: 'appeal',
    onSuccess: () => router.refresh(),
  });
  return (
    <Form
      form={record}
      onSubmit={() => record.mutate({ ectId, lodgedOn: values.lodgedOn, note: values.note })}
      className="mt-3 space-y-3"
    >
      <DateField label="Date the appeal was lodged" {...record.field('lodgedOn')} {...bind('lodgedOn')} />
      <TextArea label="Note (optional)" rows={2} {...record.field('note')} {...bind('note')} />
      <SubmitButton pending={record.isPending} pendingLabel="Recording…">
        Record appeal
      </SubmitButton>
    </Form>
  );
}

/** The AB records the Teaching Regulation Agency's decision on an appeal. */
export function AppealResultForm({ appealId }: { appealId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, set } = useFormValues({
    result: '' as '' | 'upheld' | 'varied' | 'dismissed',
    resultOn: '',
    extensionTerms: '',
    note: '',
  });
  const record = useFormMutation(trpc.induction.decideAppeal.mutationOptions(), {
    idPrefix: 'appeal-result',
    onSuccess: () => router.refresh(),
  });
  return (
    <Form
      form={record}
      onSubmit={() =>
        record.mutate({
          appealId,
          result: values.result as 'upheld' | 'varied' | 'dismissed',
          resultOn: values.resultOn,
          extensionTerms: values.result === 'varied' ? numberOrNaN(values.extensionTerms) : undefined,
          note: values.note,
        })
      }
      className="mt-3 space-y-3"
    >
      <RadioGroup
        label="The Teaching Regulation Agency's decision"
        inline
        options={[
          { value: 'upheld', label: 'Appeal upheld (treated as passed)' },
          { value: 'varied', label: 'Decision varied (an extension)' },
          { value: 'dismissed', label: 'Appeal dismissed (the decision stands)' },
        ]}
        {...record.field('result')}
        value={values.result}
        onChange={set('result')}
      />
      <div className="flex flex-wrap gap-6">
        <DateField label="Date of the decision" {...record.field('resultOn')} {...bind('resultOn')} />
        {values.result === 'varied' && (
          <NumberField
            label="Extension (terms)"
            hint="The extension the Teaching Regulation Agency set."
            {...record.field('extensionTerms')}
            {...bind('extensionTerms')}
          />
        )}
      </div>
      <TextArea label="Note (optional)" rows={2} {...record.field('note')} {...bind('note')} />
      <SubmitButton pending={record.isPending} pendingLabel="Recording…">
        Record the result
      </SubmitButton>
    </Form>
  );
}
