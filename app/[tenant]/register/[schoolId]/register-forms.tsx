'use client';

import {
  DateField,
  ErrorSummary,
  FieldError,
  Form,
  RadioGroup,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextArea,
  type Option,
  type SummaryError,
  buttonClass,
  useFormMutation,
  warningButtonClass,
  wideInputClass as inputClass,
} from '~/app/_components/form-kit';
import { useMutation } from '@tanstack/react-query';
import { Link } from '~/app/_components/link';
import { AdviseYourself } from '../../advise-yourself';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTRPC } from '../../../_lib/trpc-client';
import { categoryRuleFor } from '~/server/monitoring/derive-category';
import {
  categoryOfConcernLabels,
  recordShapeLabels,
  reportCardAreas,
  reportCardGradeLabels,
  reportCardGrades,
  reportCardOptionalAreas,
  subGradeAreas,
  legacyGradeLabels,
  type RecordInspectionInput,
} from '~/server/monitoring/ofsted-results';

type SubGrades = Extract<RecordInspectionInput, { framework: 'sub_grades_2024' }>['grades'];
type ReportCard = Extract<RecordInspectionInput, { framework: 'report_card_2025' }>;

type FieldErrors = Record<string, string[]> | null | undefined;

/** Field errors as the summary's list, each pointing at its field (ids are the field paths with dots → dashes). */
function summaryOf(
  error: { message: string } | null,
  fieldErrors: FieldErrors,
  prefix: string,
): SummaryError[] {
  if (!error) return [];
  if (!fieldErrors) return [{ message: error.message }];
  return Object.entries(fieldErrors).map(([field, messages]) => ({
    message: messages[0] ?? 'Check this answer.',
    fieldId: `${prefix}-${field.replace(/\./g, '-')}`,
  }));
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mt-6 rounded-lg border border-slate-200 bg-white p-5" aria-label={title}>
      <h2 className="text-xl font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function Saved({ show, text }: { show: boolean; text: string }) {
  return (
    <p role="status" className="text-green-800">
      {show ? text : ''}
    </p>
  );
}

export function CategoryForm({
  schoolId,
  current,
  categories,
  capacitySecure,
  academy,
}: {
  schoolId: string;
  current: string | null;
  categories: { key: string; label: string; visitsPerYearCapacityNotSecure?: number }[];
  capacitySecure: boolean | null;
  academy: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [category, setCategory] = useState(current ?? '');
  const [rationale, setRationale] = useState('');
  const [capacity, setCapacity] = useState<'' | 'yes' | 'no'>('');
  const [done, setDone] = useState('');
  const form = useFormMutation(trpc.register.changeCategory.mutationOptions(), {
    idPrefix: 'category-form',
    onSuccess: (changed) => {
      setDone(categoryChangedMessage(changed.plan));
      setRationale('');
      router.refresh();
    },
  });
  // Part B: an RI school is visited six times a year only with secure capacity to improve; ask when unknown.
  const askCapacity =
    !academy &&
    capacitySecure === null &&
    categories.find((c) => c.key === category)?.visitsPerYearCapacityNotSecure !== undefined;
  return (
    <Card title="Change LA category">
      <Form
        form={form}
        className="mt-3 space-y-4"
        onSubmit={() => {
          setDone('');
          form.mutate({
            schoolId,
            category,
            rationale,
            ...(askCapacity && capacity ? { capacitySecure: capacity === 'yes' } : {}),
          });
        }}
      >
        <SelectField
          {...form.field('category')}
          label="New LA category"
          value={category}
          onChange={setCategory}
          placeholder="Choose a category"
          options={categories.map((c) => ({ value: c.key, label: c.label }))}
        />
        {askCapacity && (
          <RadioGroup
            {...form.field('capacitySecure')}
            label="Is the school’s capacity to improve secure?"
            hint="It decides how often the school is visited: without secure capacity, about fortnightly."
            value={capacity}
            onChange={setCapacity}
            options={[
              { value: 'yes', label: 'Yes, capacity to improve is secure' },
              { value: 'no', label: 'No, not secure' },
            ]}
          />
        )}
        <TextArea
          {...form.field('rationale')}
          label="Rationale"
          hint="Why the category changes: evidence and who agreed it."
          value={rationale}
          onChange={setRationale}
        />
        <div className="flex items-center gap-3">
          <SubmitButton pending={form.isPending}>Change category</SubmitButton>
          <StatusMessage>{done}</StatusMessage>
        </div>
      </Form>
    </Card>
  );
}

const visitsWord = (n: number) => (n === 1 ? '1 visit' : `${n} visits`);

/** What the officer is told after a category change: what it did to this year's plan for the school. */
function categoryChangedMessage(plan: { added: number; surplus: number } | null): string {
  if (!plan)
    return 'Category changed. This year’s visit plan has not been generated yet: generate it on Visits to plan the school’s visits.';
  const parts = ['Category changed.'];
  if (plan.added > 0) parts.push(`${visitsWord(plan.added)} added to this year’s plan for the school.`);
  if (plan.surplus > 0)
    parts.push(
      `${visitsWord(plan.surplus)} still planned beyond its new category: cancel any not needed on Visits.`,
    );
  if (plan.added === 0 && plan.surplus === 0) parts.push('This year’s planned visits already fit it.');
  return parts.join(' ');
}

/** Takes the school off the active register (its history stays), with the reason. */
export function RemoveFromRegisterForm({ schoolId }: { schoolId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [reason, setReason] = useState('');
  const form = useFormMutation(trpc.register.removeSchool.mutationOptions(), {
    idPrefix: 'remove-form',
    onSuccess: () => router.refresh(),
  });
  return (
    <Card title="Remove from the register">
      <Form form={form} className="mt-3 space-y-4" onSubmit={() => form.mutate({ schoolId, reason })}>
        <TextArea
          {...form.field('reason')}
          label="Reason for removing the school"
          hint="For example: transferred to another LA. A closed school leaves the register on the next GIAS import."
          value={reason}
          onChange={setReason}
        />
        <SubmitButton pending={form.isPending} className={warningButtonClass}>
          Remove from the register
        </SubmitButton>
      </Form>
    </Card>
  );
}

/** Puts a school that has left the register back on it, with the reason. */
export function ReturnToRegisterForm({ schoolId }: { schoolId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [reason, setReason] = useState('');
  const form = useFormMutation(trpc.register.addSchool.mutationOptions(), {
    idPrefix: 'return-form',
    onSuccess: () => router.refresh(),
  });
  return (
    <Card title="Return to the register">
      <Form form={form} className="mt-3 space-y-4" onSubmit={() => form.mutate({ schoolId, reason })}>
        <TextArea
          {...form.field('reason')}
          label="Reason for returning the school to the register"
          value={reason}
          onChange={setReason}
        />
        <SubmitButton pending={form.isPending}>Return to the register</SubmitButton>
      </Form>
    </Card>
  );
}

export function AdvisersForm({
  tenant,
  schoolId,
  linkAdviserTitle,
  linkAdviserUserId,
  secondAdviserUserId,
  advisers,
  isManager,
}: {
  tenant: string;
  schoolId: string;
  /** The workspace's manager, who may give themselves the adviser role. */
  isManager: boolean;
  linkAdviserTitle: string;
  linkAdviserUserId: string | null;
  secondAdviserUserId: string | null;
  advisers: { userId: string; name: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [link, setLink] = useState(linkAdviserUserId ?? '');
  const [second, setSecond] = useState(secondAdviserUserId ?? '');
  const [done, setDone] = useState(false);
  const [moved, setMoved] = useState(0);
  const save = useMutation(
    trpc.register.setAdvisers.mutationOptions({
      onSuccess: (result) => {
        setMoved(result.visitsMoved);
        setDone(true);
        router.refresh();
      },
    }),
  );
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    save.mutate({ schoolId, linkAdviserUserId: link || null, secondAdviserUserId: second || null });
  }
  const options = advisers.map((a) => (
    <option key={a.userId} value={a.userId}>
      {a.name}
    </option>
  ));
  return (
    <Card title="Advisers">
      {advisers.length === 0 && (
        <p className="mt-2" data-testid="no-advisers">
          No one in this workspace has the adviser role yet, so there is no one to choose: invite your
          advisers on{' '}
          <Link href={`/${tenant}/members`} className="font-semibold text-brand-dark underline">
            People and roles
          </Link>
          .{isManager && <AdviseYourself tenant={tenant} />}
        </p>
      )}
      <form onSubmit={onSubmit}>
        <ErrorSummary errors={summaryOf(save.error, save.error?.data?.fieldErrors, 'advisers-form')} />
        <label htmlFor="advisers-form-linkAdviserUserId" className="mt-3 block font-semibold">
          {linkAdviserTitle}
        </label>
        <select
          id="advisers-form-linkAdviserUserId"
          value={link}
          onChange={(e) => setLink(e.target.value)}
          className={inputClass}
        >
          <option value="">None</option>
          {options}
        </select>
        <label htmlFor="advisers-form-secondAdviserUserId" className="mt-4 block font-semibold">
          Second adviser
        </label>
        <select
          id="advisers-form-secondAdviserUserId"
          value={second}
          onChange={(e) => setSecond(e.target.value)}
          className={inputClass}
        >
          <option value="">None</option>
          {options}
        </select>
        <div className="mt-4 flex items-center gap-3">
          <button type="submit" disabled={save.isPending} className={buttonClass}>
            Save advisers
          </button>
          <Saved
            show={done}
            text={
              moved === 0
                ? 'Advisers saved.'
                : `Advisers saved. ${moved} planned ${moved === 1 ? 'visit' : 'visits'} still to come moved to the new ${linkAdviserTitle}.`
            }
          />
        </div>
      </form>
    </Card>
  );
}

export function MonitoringForm({
  schoolId,
  initial,
}: {
  schoolId: string;
  initial: {
    riskNotes: string;
    riseInvolvement: string;
    capacitySecure: boolean | null;
    hasSixthForm: boolean;
  };
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [riskNotes, setRiskNotes] = useState(initial.riskNotes);
  const [riseInvolvement, setRise] = useState(initial.riseInvolvement);
  const [capacity, setCapacity] = useState(
    initial.capacitySecure === null ? '' : initial.capacitySecure ? 'yes' : 'no',
  );
  const [hasSixthForm, setSixthForm] = useState(initial.hasSixthForm);
  const [done, setDone] = useState(false);
  const save = useMutation(
    trpc.register.updateMonitoring.mutationOptions({
      onSuccess: () => {
        setDone(true);
        router.refresh();
      },
    }),
  );
  const errors = save.error?.data?.fieldErrors;
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    save.mutate({
      schoolId,
      riskNotes,
      riseInvolvement,
      capacitySecure: capacity === '' ? null : capacity === 'yes',
      hasSixthForm,
    });
  }
  return (
    <Card title="Risk, RISE and capacity">
      <form onSubmit={onSubmit}>
        <ErrorSummary errors={summaryOf(save.error, errors, 'monitoring-form')} />
        <label htmlFor="monitoring-form-riskNotes" className="mt-3 block font-semibold">
          Risk notes
        </label>
        <FieldError id="monitoring-form-riskNotes" message={errors?.riskNotes?.[0]} />
        <textarea
          id="monitoring-form-riskNotes"
          rows={3}
          value={riskNotes}
          onChange={(e) => setRiskNotes(e.target.value)}
          className={inputClass}
        />
        <label htmlFor="monitoring-form-riseInvolvement" className="mt-4 block font-semibold">
          RISE involvement
        </label>
        <p className="text-sm text-slate-700">
          The DfE RISE team, dates and focus, beside the LA’s own support.
        </p>
        <FieldError id="monitoring-form-riseInvolvement" message={errors?.riseInvolvement?.[0]} />
        <textarea
          id="monitoring-form-riseInvolvement"
          rows={2}
          value={riseInvolvement}
          onChange={(e) => setRise(e.target.value)}
          className={inputClass}
        />
        <label htmlFor="monitoring-form-capacitySecure" className="mt-4 block font-semibold">
          Capacity to improve secure?
        </label>
        <select
          id="monitoring-form-capacitySecure"
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
          className={inputClass}
        >
          <option value="">Not judged</option>
          <option value="yes">Yes, secure</option>
          <option value="no">No, not secure</option>
        </select>
        <div className="mt-4 flex items-center gap-2">
          <input
            id="monitoring-form-hasSixthForm"
            type="checkbox"
            checked={hasSixthForm}
            onChange={(e) => setSixthForm(e.target.checked)}
            className="h-5 w-5"
          />
          <label htmlFor="monitoring-form-hasSixthForm" className="font-semibold">
            Has a sixth form
          </label>
        </div>
        <div className="mt-4 flex items-center gap-3">
          <button type="submit" disabled={save.isPending} className={buttonClass}>
            Save
          </button>
          <Saved show={done} text="Saved." />
        </div>
      </form>
    </Card>
  );
}

type Shape = keyof typeof recordShapeLabels;

export function InspectionForm({ schoolId }: { schoolId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [shape, setShape] = useState<Shape>('report_card_2025');
  const [inspectedOn, setInspectedOn] = useState('');
  const [publishedOn, setPublishedOn] = useState('');
  const [overallGrade, setOverallGrade] = useState('');
  const [grades, setGrades] = useState<Record<string, string>>({});
  const [safeguarding, setSafeguarding] = useState('');
  const [concern, setConcern] = useState('');
  const [done, setDone] = useState('');
  const form = useFormMutation(trpc.register.recordInspection.mutationOptions(), {
    idPrefix: 'inspection-form',
    onSuccess: (result) => {
      setDone(
        result.categoryOfConcern
          ? `Inspection recorded: ${categoryOfConcernLabels[result.categoryOfConcern].toLowerCase()}.`
          : 'Inspection recorded.',
      );
      setGrades({});
      setConcern('');
      router.refresh();
    },
  });
  // What the framework makes of the grades so far: a fixed category, or serious weaknesses / special measures.
  const rule =
    shape === 'ungraded'
      ? null
      : categoryRuleFor({
          framework: shape,
          overallGrade: overallGrade ? Number(overallGrade) : null,
          grades,
          safeguarding: (safeguarding || null) as 'met' | 'not_met' | null,
        });
  function submit() {
    setDone('');
    const common = {
      schoolId,
      inspectedOn,
      publishedOn,
      categoryOfConcern:
        rule?.kind === 'choose' && concern ? (concern as keyof typeof categoryOfConcernLabels) : undefined,
    };
    // The server validates each shape; the client only sends what was chosen.
    if (shape === 'ungraded') form.mutate({ ...common, framework: shape });
    else if (shape === 'legacy_overall')
      form.mutate({ ...common, framework: shape, overallGrade: Number(overallGrade) });
    else if (shape === 'sub_grades_2024')
      form.mutate({ ...common, framework: shape, grades: grades as unknown as SubGrades });
    else
      form.mutate({
        ...common,
        framework: shape,
        grades: grades as ReportCard['grades'],
        safeguarding: safeguarding as ReportCard['safeguarding'],
      });
  }
  const gradeSelect = (key: string, label: string, options: Option[], optional = false) => (
    <SelectField
      key={key}
      {...form.field(`grades.${key}`)}
      label={`${label}${optional ? ' (if the school has one)' : ''}`}
      value={grades[key] ?? ''}
      onChange={(v) => setGrades({ ...grades, [key]: v })}
      placeholder={optional ? 'Not applicable' : 'Choose a grade'}
      options={options}
    />
  );
  const fourPoint = Object.entries(legacyGradeLabels).map(([k, v]) => ({ value: k, label: `${k} ${v}` }));
  const fivePoint = reportCardGrades.map((g) => ({ value: g, label: reportCardGradeLabels[g] }));
  return (
    <Card title="Record an Ofsted inspection">
      <Form form={form} className="mt-3 space-y-4" onSubmit={submit}>
        <RadioGroup
          {...form.field('framework')}
          label="Kind of result"
          hint="The framework must be the one in force on the inspection date."
          value={shape}
          onChange={(v) => {
            setShape(v);
            setGrades({});
            setConcern('');
          }}
          options={(Object.keys(recordShapeLabels) as Shape[]).map((value) => ({
            value,
            label: recordShapeLabels[value],
          }))}
        />
        <DateField
          {...form.field('inspectedOn')}
          label="Date of inspection"
          value={inspectedOn}
          onChange={setInspectedOn}
        />
        <DateField
          {...form.field('publishedOn')}
          label="Date the report was published"
          hint="Reports to the DCS and the commissioner count results by this date."
          value={publishedOn}
          onChange={setPublishedOn}
        />
        {shape === 'legacy_overall' && (
          <SelectField
            {...form.field('overallGrade')}
            label="Overall effectiveness"
            value={overallGrade}
            onChange={setOverallGrade}
            placeholder="Choose a grade"
            options={fourPoint}
          />
        )}
        {shape === 'sub_grades_2024' &&
          subGradeAreas.map(([key, label]) => gradeSelect(key, label, fourPoint))}
        {shape === 'report_card_2025' && (
          <>
            {reportCardAreas.map(([key, label]) => gradeSelect(key, label, fivePoint))}
            {reportCardOptionalAreas.map(([key, label]) => gradeSelect(key, label, fivePoint, true))}
            <SelectField
              {...form.field('safeguarding')}
              label="Safeguarding"
              value={safeguarding}
              onChange={setSafeguarding}
              placeholder="Choose"
              options={[
                { value: 'met', label: 'Met' },
                { value: 'not_met', label: 'Not met' },
              ]}
            />
          </>
        )}
        {rule?.kind === 'choose' ? (
          <RadioGroup
            {...form.field('categoryOfConcern')}
            label="Category of concern the inspectors gave"
            hint={`Needed because ${rule.because}.`}
            value={concern}
            onChange={setConcern}
            options={rule.choices.map((c) => ({ value: c, label: categoryOfConcernLabels[c] }))}
          />
        ) : (
          <div>
            <p className="font-semibold">Category of concern</p>
            <FieldError id={form.idFor('categoryOfConcern')} message={form.errorFor('categoryOfConcern')} />
            <p data-testid="derived-category">
              {shape === 'ungraded'
                ? 'None: an ungraded inspection does not change the school’s category.'
                : rule?.category
                  ? `${categoryOfConcernLabels[rule.category]}, because ${rule.because}.`
                  : 'None from the grades so far.'}
            </p>
          </div>
        )}
        <div className="flex items-center gap-3">
          <SubmitButton pending={form.isPending}>Record inspection</SubmitButton>
          <StatusMessage>{done}</StatusMessage>
        </div>
      </Form>
    </Card>
  );
}
