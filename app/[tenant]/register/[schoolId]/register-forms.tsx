'use client';

import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import {
  Checkbox,
  DateField,
  Form,
  optionsOf,
  RadioGroup,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextArea,
  useFormMutation,
} from '~/app/_components/form-kit';
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

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mt-6 rounded-lg border border-slate-200 bg-white p-5" aria-label={title}>
      <h2 className="text-xl font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** The form's button and the line that says it worked. */
function Submit({ pending, label, done }: { pending: boolean; label: string; done: string }) {
  return (
    <div className="flex items-center gap-3">
      <SubmitButton pending={pending}>{label}</SubmitButton>
      <StatusMessage>{done}</StatusMessage>
    </div>
  );
}

const formClass = 'mt-3 space-y-4';

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
  const change = useFormMutation(trpc.register.changeCategory.mutationOptions(), {
    idPrefix: 'category-form',
    onSuccess: () => {
      setDone(true);
      setRationale('');
      router.refresh();
    },
  });
  return (
    <Card title="Change LA category">
      <Form
        form={change}
        onSubmit={() => {
          setDone(false);
          change.mutate({ schoolId, category, rationale });
        }}
        className={formClass}
      >
        <SelectField
          label="New LA category"
          {...change.field('category')}
          value={category}
          onChange={setCategory}
          options={categories.map((c) => ({ value: c.key, label: c.label }))}
          placeholder="Choose a category"
          width="w-full max-w-xl"
        />
        <TextArea
          label="Rationale"
          hint="Why the category changes: evidence and who agreed it."
          {...change.field('rationale')}
          value={rationale}
          onChange={setRationale}
        />
        <Submit pending={change.isPending} label="Change category" done={done ? 'Category changed.' : ''} />
      </Form>
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
  const save = useFormMutation(trpc.register.setAdvisers.mutationOptions(), {
    idPrefix: 'advisers-form',
    onSuccess: () => {
      setDone(true);
      router.refresh();
    },
  });
  const options = advisers.map((a) => ({ value: a.userId, label: a.name }));
  return (
    <Card title="Advisers">
      <Form
        form={save}
        onSubmit={() => {
          setDone(false);
          save.mutate({ schoolId, linkAdviserUserId: link || null, secondAdviserUserId: second || null });
        }}
        className={formClass}
      >
        <SelectField
          label={linkAdviserTitle}
          {...save.field('linkAdviserUserId')}
          value={link}
          onChange={setLink}
          options={options}
          placeholder="None"
          width="w-full max-w-xl"
        />
        <SelectField
          label="Second adviser"
          {...save.field('secondAdviserUserId')}
          value={second}
          onChange={setSecond}
          options={options}
          placeholder="None"
          width="w-full max-w-xl"
        />
        <Submit pending={save.isPending} label="Save advisers" done={done ? 'Advisers saved.' : ''} />
      </Form>
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
  const save = useFormMutation(trpc.register.updateMonitoring.mutationOptions(), {
    idPrefix: 'monitoring-form',
    onSuccess: () => {
      setDone(true);
      router.refresh();
    },
  });
  return (
    <Card title="Risk, RISE and capacity">
      <Form
        form={save}
        onSubmit={() => {
          setDone(false);
          save.mutate({
            schoolId,
            riskNotes,
            riseInvolvement,
            capacitySecure: capacity === '' ? null : capacity === 'yes',
            hasSixthForm,
          });
        }}
        className={formClass}
      >
        <TextArea label="Risk notes" {...save.field('riskNotes')} value={riskNotes} onChange={setRiskNotes} />
        <TextArea
          label="RISE involvement"
          hint="The DfE RISE team, dates and focus, beside the LA’s own support."
          rows={2}
          {...save.field('riseInvolvement')}
          value={riseInvolvement}
          onChange={setRise}
        />
        <SelectField
          label="Capacity to improve secure?"
          {...save.field('capacitySecure')}
          value={capacity}
          onChange={setCapacity}
          options={[
            { value: 'yes', label: 'Yes, secure' },
            { value: 'no', label: 'No, not secure' },
          ]}
          placeholder="Not judged"
          width="w-full max-w-xl"
        />
        <Checkbox
          label={<span className="font-semibold">Has a sixth form</span>}
          {...save.field('hasSixthForm')}
          checked={hasSixthForm}
          onChange={setSixthForm}
        />
        <Submit pending={save.isPending} label="Save" done={done ? 'Saved.' : ''} />
      </Form>
    </Card>
  );
}

const fourPoint = Object.entries(legacyGradeLabels).map(([value, label]) => ({
  value,
  label: `${value} ${label}`,
}));
const fivePoint = reportCardGrades.map((g) => ({ value: g, label: reportCardGradeLabels[g] }));

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
  const record = useFormMutation(trpc.register.recordInspection.mutationOptions(), {
    idPrefix: 'inspection-form',
    onSuccess: () => {
      setDone(true);
      setGrades({});
      router.refresh();
    },
  });
  function onSubmit() {
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
  const gradeSelect = (
    key: string,
    label: string,
    options: { value: string; label: string }[],
    optional = false,
  ) => (
    <SelectField
      key={key}
      label={`${label}${optional ? ' (if the school has one)' : ''}`}
      {...record.field(`grades.${key}`)}
      value={grades[key] ?? ''}
      onChange={(grade) => setGrades({ ...grades, [key]: grade })}
      options={options}
      placeholder={optional ? 'Not applicable' : 'Choose a grade'}
      width="w-full max-w-xl"
    />
  );
  return (
    <Card title="Record an Ofsted inspection">
      <Form form={record} onSubmit={onSubmit} className={formClass}>
        <RadioGroup
          label="Framework"
          {...record.field('framework')}
          value={framework}
          onChange={(f) => {
            setFramework(f);
            setGrades({});
          }}
          options={(Object.keys(frameworkLabels) as Framework[]).map((f) => ({
            value: f,
            label: frameworkLabels[f],
          }))}
        />
        <DateField
          label="Date of inspection"
          {...record.field('inspectedOn')}
          value={inspectedOn}
          onChange={setInspectedOn}
        />
        {framework === 'legacy_overall' && (
          <SelectField
            label="Overall effectiveness"
            {...record.field('overallGrade')}
            value={overallGrade}
            onChange={setOverallGrade}
            options={fourPoint}
            placeholder="Choose a grade"
            width="w-full max-w-xl"
          />
        )}
        {framework === 'sub_grades_2024' &&
          subGradeAreas.map(([key, label]) => gradeSelect(key, label, fourPoint))}
        {framework === 'report_card_2025' && (
          <>
            {reportCardAreas.map(([key, label]) => gradeSelect(key, label, fivePoint))}
            {reportCardOptionalAreas.map(([key, label]) => gradeSelect(key, label, fivePoint, true))}
            <SelectField
              label="Safeguarding"
              {...record.field('safeguarding')}
              value={safeguarding}
              onChange={setSafeguarding}
              options={[
                { value: 'met', label: 'Met' },
                { value: 'not_met', label: 'Not met' },
              ]}
              placeholder="Choose"
              width="w-full max-w-xl"
            />
          </>
        )}
        <SelectField
          label="Category of concern"
          {...record.field('categoryOfConcern')}
          value={concern}
          onChange={setConcern}
          options={optionsOf(categoryOfConcernLabels)}
          placeholder="None"
          width="w-full max-w-xl"
        />
        <Submit
          pending={record.isPending}
          label="Record inspection"
          done={done ? 'Inspection recorded.' : ''}
        />
      </Form>
    </Card>
  );
}
