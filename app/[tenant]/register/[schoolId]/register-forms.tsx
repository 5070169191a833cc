'use client';

import {
  ErrorSummary,
  FieldError,
  type SummaryError,
  buttonClass,
  wideInputClass as inputClass,
} from '~/app/_components/form-kit';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTRPC } from '../../../_lib/trpc-client';
import {
  categoryOfConcernLabels,
  frameworkLabels,
  reportCardAreas,
  reportCardGradeLabels,
  reportCardGrades,
  reportCardOptionalAreas,
  subGradeAreas,
  legacyGradeLabels,
  type Framework,
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
}: {
  schoolId: string;
  current: string | null;
  categories: { key: string; label: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [category, setCategory] = useState(current ?? '');
  const [rationale, setRationale] = useState('');
  const [done, setDone] = useState(false);
  const change = useMutation(
    trpc.register.changeCategory.mutationOptions({
      onSuccess: () => {
        setDone(true);
        setRationale('');
        router.refresh();
      },
    }),
  );
  const errors = change.error?.data?.fieldErrors;
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    change.mutate({ schoolId, category, rationale });
  }
  return (
    <Card title="Change LA category">
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={summaryOf(change.error, errors, 'category-form')} />
        <label htmlFor="category-form-category" className="mt-3 block font-semibold">
          New LA category
        </label>
        <FieldError id="category-form-category" message={errors?.category?.[0]} />
        <select
          id="category-form-category"
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          className={inputClass}
        >
          <option value="">Choose a category</option>
          {categories.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </select>
        <label htmlFor="category-form-rationale" className="mt-4 block font-semibold">
          Rationale
        </label>
        <p className="text-sm text-slate-700">Why the category changes: evidence and who agreed it.</p>
        <FieldError id="category-form-rationale" message={errors?.rationale?.[0]} />
        <textarea
          id="category-form-rationale"
          rows={3}
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
          aria-invalid={errors?.rationale ? true : undefined}
          aria-describedby={errors?.rationale ? 'category-form-rationale-error' : undefined}
          className={inputClass}
        />
        <div className="mt-4 flex items-center gap-3">
          <button type="submit" disabled={change.isPending} className={buttonClass}>
            Change category
          </button>
          <Saved show={done} text="Category changed." />
        </div>
      </form>
    </Card>
  );
}

export function AdvisersForm({
  schoolId,
  linkAdviserTitle,
  linkAdviserUserId,
  secondAdviserUserId,
  advisers,
}: {
  schoolId: string;
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
  const save = useMutation(
    trpc.register.setAdvisers.mutationOptions({
      onSuccess: () => {
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
          <Saved show={done} text="Advisers saved." />
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

export function InspectionForm({ schoolId }: { schoolId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [framework, setFramework] = useState<Framework>('report_card_2025');
  const [inspectedOn, setInspectedOn] = useState('');
  const [overallGrade, setOverallGrade] = useState('');
  const [grades, setGrades] = useState<Record<string, string>>({});
  const [safeguarding, setSafeguarding] = useState('');
  const [concern, setConcern] = useState('');
  const [done, setDone] = useState(false);
  const record = useMutation(
    trpc.register.recordInspection.mutationOptions({
      onSuccess: () => {
        setDone(true);
        setGrades({});
        router.refresh();
      },
    }),
  );
  const errors = record.error?.data?.fieldErrors;
  const p = 'inspection-form';
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const common = {
      schoolId,
      inspectedOn,
      categoryOfConcern: (concern || undefined) as keyof typeof categoryOfConcernLabels | undefined,
    };
    // The server validates each shape; the client only sends what was chosen.
    if (framework === 'legacy_overall')
      record.mutate({ ...common, framework, overallGrade: Number(overallGrade) });
    else if (framework === 'sub_grades_2024')
      record.mutate({ ...common, framework, grades: grades as unknown as SubGrades });
    else
      record.mutate({
        ...common,
        framework,
        grades: grades as ReportCard['grades'],
        safeguarding: safeguarding as ReportCard['safeguarding'],
      });
  }
  const gradeSelect = (key: string, label: string, options: [string, string][], optional = false) => {
    const id = `${p}-grades-${key}`;
    const message = errors?.[`grades.${key}`]?.[0];
    return (
      <div key={key} className="mt-3">
        <label htmlFor={id} className="block font-semibold">
          {label}
          {optional ? ' (if the school has one)' : ''}
        </label>
        <FieldError id={id} message={message} />
        <select
          id={id}
          value={grades[key] ?? ''}
          onChange={(e) => setGrades({ ...grades, [key]: e.target.value })}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          className={inputClass}
        >
          <option value="">{optional ? 'Not applicable' : 'Choose a grade'}</option>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </div>
    );
  };
  const fourPoint = Object.entries(legacyGradeLabels).map(([k, v]): [string, string] => [k, `${k} ${v}`]);
  const fivePoint = reportCardGrades.map((g): [string, string] => [g, reportCardGradeLabels[g]]);
  return (
    <Card title="Record an Ofsted inspection">
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={summaryOf(record.error, errors, p)} />
        <fieldset className="mt-3">
          <legend className="font-semibold">Framework</legend>
          {(Object.keys(frameworkLabels) as Framework[]).map((f) => (
            <div key={f} className="mt-1 flex items-center gap-2">
              <input
                type="radio"
                id={`${p}-framework-${f}`}
                name="framework"
                checked={framework === f}
                onChange={() => {
                  setFramework(f);
                  setGrades({});
                }}
                className="h-5 w-5"
              />
              <label htmlFor={`${p}-framework-${f}`}>{frameworkLabels[f]}</label>
            </div>
          ))}
        </fieldset>
        <label htmlFor={`${p}-inspectedOn`} className="mt-4 block font-semibold">
          Date of inspection
        </label>
        <FieldError id={`${p}-inspectedOn`} message={errors?.inspectedOn?.[0]} />
        <input
          id={`${p}-inspectedOn`}
          type="date"
          value={inspectedOn}
          onChange={(e) => setInspectedOn(e.target.value)}
          className={inputClass}
        />
        {framework === 'legacy_overall' && (
          <div className="mt-3">
            <label htmlFor={`${p}-overallGrade`} className="block font-semibold">
              Overall effectiveness
            </label>
            <FieldError id={`${p}-overallGrade`} message={errors?.overallGrade?.[0]} />
            <select
              id={`${p}-overallGrade`}
              value={overallGrade}
              onChange={(e) => setOverallGrade(e.target.value)}
              className={inputClass}
            >
              <option value="">Choose a grade</option>
              {fourPoint.map(([v, t]) => (
                <option key={v} value={v}>
                  {t}
                </option>
              ))}
            </select>
          </div>
        )}
        {framework === 'sub_grades_2024' &&
          subGradeAreas.map(([key, label]) => gradeSelect(key, label, fourPoint))}
        {framework === 'report_card_2025' && (
          <>
            {reportCardAreas.map(([key, label]) => gradeSelect(key, label, fivePoint))}
            {reportCardOptionalAreas.map(([key, label]) => gradeSelect(key, label, fivePoint, true))}
            <label htmlFor={`${p}-safeguarding`} className="mt-3 block font-semibold">
              Safeguarding
            </label>
            <FieldError id={`${p}-safeguarding`} message={errors?.safeguarding?.[0]} />
            <select
              id={`${p}-safeguarding`}
              value={safeguarding}
              onChange={(e) => setSafeguarding(e.target.value)}
              className={inputClass}
            >
              <option value="">Choose</option>
              <option value="met">Met</option>
              <option value="not_met">Not met</option>
            </select>
          </>
        )}
        <label htmlFor={`${p}-categoryOfConcern`} className="mt-4 block font-semibold">
          Category of concern
        </label>
        <select
          id={`${p}-categoryOfConcern`}
          value={concern}
          onChange={(e) => setConcern(e.target.value)}
          className={inputClass}
        >
          <option value="">None</option>
          {Object.entries(categoryOfConcernLabels).map(([v, t]) => (
            <option key={v} value={v}>
              {t}
            </option>
          ))}
        </select>
        <div className="mt-4 flex items-center gap-3">
          <button type="submit" disabled={record.isPending} className={buttonClass}>
            Record inspection
          </button>
          <Saved show={done} text="Inspection recorded." />
        </div>
      </form>
    </Card>
  );
}
