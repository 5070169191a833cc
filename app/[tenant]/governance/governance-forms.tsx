'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Button,
  Checkbox,
  DateField,
  FieldGroup,
  Form,
  NumberField,
  parseNumber,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextArea,
  TextField,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import {
  categoryLabels,
  defaultAppointingBodies,
  governorCategories,
  officeLabels,
  type GovernorCategory,
  type GovernorOffice,
} from '~/server/governance/labels';
import { useTRPC } from '../../_lib/trpc-client';

const optionsOf = (categories: readonly GovernorCategory[]) =>
  categories.map((c) => ({ value: c, label: categoryLabels[c] }));
const officeOptions = [
  { value: '', label: 'None' },
  ...(['chair', 'vice_chair'] as const).map((o) => ({ value: o, label: officeLabels[o] })),
];

export type GovernorValues = {
  name: string;
  email: string;
  phone: string;
  category: GovernorCategory;
  office: GovernorOffice | '';
  appointingBody: string;
  appointedOn: string;
  termYears: string;
  businessInterests: string;
  businessInterestsUrl: string;
  attendance: string;
};

const blankFor = (categories: readonly GovernorCategory[]): GovernorValues => ({
  ...blank,
  category: categories.includes('parent') ? 'parent' : (categories[0] ?? 'parent'),
});

const blank: GovernorValues = {
  name: '',
  email: '',
  phone: '',
  category: 'parent',
  office: '',
  appointingBody: '',
  appointedOn: '',
  termYears: '4',
  businessInterests: '',
  businessInterestsUrl: '',
  attendance: '',
};

/**
 * Adds a governor to the board, or (with `governorId`) edits their entry. `categories` are the board's own (a
 * maintained school's or an academy's); an entry kept in another category still shows its own.
 */
export function GovernorForm({
  schoolId,
  governorId,
  initial,
  heading,
  categories = governorCategories,
}: {
  schoolId: string;
  governorId?: string;
  initial?: GovernorValues;
  heading: string;
  categories?: readonly GovernorCategory[];
}) {
  const categoryOptions = optionsOf(
    initial && !categories.includes(initial.category) ? [...categories, initial.category] : categories,
  );
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, reset } = useFormValues<GovernorValues>(initial ?? blankFor(categories));
  const [saved, setSaved] = useState('');
  const onSuccess = () => {
    setSaved(governorId ? `Saved ${values.name}.` : `Added ${values.name} to the board.`);
    if (!governorId) reset();
    router.refresh();
  };
  const add = useFormMutation(trpc.governance.addGovernor.mutationOptions(), { onSuccess });
  const update = useFormMutation(trpc.governance.updateGovernor.mutationOptions(), {
    onSuccess,
    pathOf: (p) => p.replace(/^governor\./, ''),
  });
  const form = governorId ? update : add;
  const noTerm = values.category === 'headteacher' || values.category === 'clerk';
  function submit() {
    setSaved('');
    const years = parseNumber(values.termYears, { whole: true });
    if (!noTerm && typeof years !== 'number') {
      form.setClientErrors({ termYears: 'Enter the term of office in whole years, such as 4.' });
      return;
    }
    const governor = {
      ...values,
      office: values.office || null,
      termYears: noTerm ? null : (years as number),
    };
    if (governorId) update.mutate({ id: governorId, governor });
    else add.mutate({ schoolId, ...governor });
  }
  return (
    <Form form={form} onSubmit={submit} heading={<h3 className="text-xl font-semibold">{heading}</h3>}>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label="Name" autoComplete="off" {...form.field('name')} {...bind('name')} />
        <SelectField
          label="Category"
          options={categoryOptions}
          {...form.field('category')}
          value={values.category}
          onChange={(v) => bind('category').onChange(v as GovernorCategory)}
        />
        <TextField
          label="Email"
          type="email"
          autoComplete="off"
          {...form.field('email')}
          {...bind('email')}
        />
        <TextField label="Phone" type="tel" autoComplete="off" {...form.field('phone')} {...bind('phone')} />
        <SelectField
          label="Office"
          options={officeOptions}
          {...form.field('office')}
          value={values.office}
          onChange={(v) => bind('office').onChange(v as GovernorOffice | '')}
        />
        <TextField
          label="Appointing body"
          hint={`Left empty: ${defaultAppointingBodies[values.category]}`}
          {...form.field('appointingBody')}
          {...bind('appointingBody')}
        />
        <DateField label="Appointed on" {...form.field('appointedOn')} {...bind('appointedOn')} />
        {!noTerm && (
          <NumberField
            whole
            label="Term of office (years)"
            hint="At most four years."
            {...form.field('termYears')}
            {...bind('termYears')}
          />
        )}
      </div>
      <TextArea
        label="Business and pecuniary interests"
        hint="Include other governance roles. Leave empty and give a link below if the school publishes them."
        {...form.field('businessInterests')}
        {...bind('businessInterests')}
      />
      <TextField
        label="Link to the register of interests"
        type="url"
        {...form.field('businessInterestsUrl')}
        {...bind('businessInterestsUrl')}
      />
      <TextField
        label="Attendance at meetings"
        hint="As published, such as “5 of 6”. Shown only while no meetings are recorded for the last 12 months: then attendance is counted from them."
        width="w-48"
        {...form.field('attendance')}
        {...bind('attendance')}
      />
      <SubmitButton pending={form.isPending} pendingLabel="Saving…">
        {governorId ? 'Save changes' : 'Add to the board'}
      </SubmitButton>
      <StatusMessage>{saved}</StatusMessage>
    </Form>
  );
}

/** Records the date a governor stepped down. */
export function StepDownForm({
  governorId,
  name,
  today,
}: {
  governorId: string;
  name: string;
  today: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [on, setOn] = useState(today);
  const form = useFormMutation(trpc.governance.stepDown.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <Form
      form={form}
      onSubmit={() => form.mutate({ id: governorId, steppedDownOn: on })}
      className="space-y-2"
    >
      <DateField
        label={`Date ${name} stepped down`}
        {...form.field('steppedDownOn')}
        value={on}
        onChange={setOn}
      />
      <SubmitButton pending={form.isPending}>Record stepping down</SubmitButton>
    </Form>
  );
}

/** The board's places per category. */
export function ConstitutionForm({
  schoolId,
  places,
  categories = governorCategories,
}: {
  schoolId: string;
  places: Partial<Record<GovernorCategory, number>>;
  categories?: readonly GovernorCategory[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const editable = categories.filter((c) => c !== 'clerk' && c !== 'associate_member');
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(editable.map((c) => [c, String(places[c] ?? 0)])),
  );
  const [saved, setSaved] = useState('');
  const form = useFormMutation(trpc.governance.setConstitution.mutationOptions(), {
    onSuccess: (r) => {
      setSaved(`Saved: ${r.total} places.`);
      router.refresh();
    },
  });
  function submit() {
    setSaved('');
    const parsed: Partial<Record<GovernorCategory, number>> = {};
    const bad: Record<string, string> = {};
    for (const c of editable) {
      const n = parseNumber(values[c] ?? '', { whole: true });
      if (typeof n === 'number') parsed[c] = n;
      else bad[`places.${c}`] = `Enter the number of ${categoryLabels[c].toLowerCase()} places.`;
    }
    if (Object.keys(bad).length > 0) return form.setClientErrors(bad);
    form.mutate({ schoolId, places: parsed });
  }
  return (
    <Form form={form} onSubmit={submit}>
      <FieldGroup legend="Places per category" className="grid gap-4 sm:grid-cols-3">
        {editable.map((c) => (
          <NumberField
            key={c}
            whole
            label={categoryLabels[c]}
            {...form.field(`places.${c}`)}
            value={values[c] ?? '0'}
            onChange={(v) => setValues((old) => ({ ...old, [c]: v }))}
          />
        ))}
      </FieldGroup>
      <SubmitButton pending={form.isPending}>Save the constitution</SubmitButton>
      <StatusMessage>{saved}</StatusMessage>
    </Form>
  );
}

/** Training done elsewhere, added to a governor's record. */
export function ExternalTrainingForm({ governorId }: { governorId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, reset } = useFormValues({ title: '', on: '', provider: '' });
  const [saved, setSaved] = useState('');
  const form = useFormMutation(trpc.governance.addTraining.mutationOptions(), {
    onSuccess: () => {
      setSaved(`Added ${values.title}.`);
      reset();
      router.refresh();
    },
  });
  return (
    <Form
      form={form}
      onSubmit={() => {
        setSaved('');
        form.mutate({ governorId, ...values });
      }}
      heading={<h3 className="text-xl font-semibold">Add training done elsewhere</h3>}
    >
      <TextField label="Title" {...form.field('title')} {...bind('title')} />
      <DateField label="Date" {...form.field('on')} {...bind('on')} />
      <TextField label="Provider" hint="Optional." {...form.field('provider')} {...bind('provider')} />
      <SubmitButton pending={form.isPending}>Add to the record</SubmitButton>
      <StatusMessage>{saved}</StatusMessage>
    </Form>
  );
}

/** Books a governor course: for the governors ticked (the chair or clerk) or for oneself. */
export function BookTrainingForm({
  courseId,
  courseTitle,
  schoolId,
  governors,
}: {
  courseId: string;
  courseTitle: string;
  schoolId: string;
  /** `booked`: already has a place on this course (shown, not offered again). */
  governors: { id: string; name: string; booked?: boolean }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [chosen, setChosen] = useState<string[]>(governors.length === 1 ? governors.map((g) => g.id) : []);
  const [done, setDone] = useState('');
  const form = useFormMutation(trpc.governance.bookTraining.mutationOptions(), {
    onSuccess: (r) => {
      const places = r.confirmed.length;
      const held = r.pendingApproval.length;
      const cost = r.confirmed.reduce((a, c) => a + c.pricePence, 0);
      setDone(
        (held > 0
          ? `${held === 1 ? 'The place' : `${held} places`} on ${courseTitle} ${held === 1 ? 'is' : 'are'} held for your school’s approval: the headteacher has been asked to approve the charge`
          : `Booked ${places} place${places === 1 ? '' : 's'} on ${courseTitle}`) +
          (r.waitlisted.length ? `; ${r.waitlisted.length} on the waiting list` : '') +
          (held > 0 ? '.' : `. Charged: £${(cost / 100).toFixed(2)}.`) +
          (r.schoolTold > 0 ? ' The school’s headteacher has been told of the charge.' : ''),
      );
      router.refresh();
    },
  });
  if (governors.length > 0 && governors.every((g) => g.booked))
    return (
      <p className="mt-2">{governors.length === 1 ? 'Booked.' : 'Everyone on the board has a place.'}</p>
    );
  return (
    <Form
      form={form}
      onSubmit={() => {
        setDone('');
        form.mutate({ courseId, schoolId, governorIds: chosen });
      }}
      className="space-y-2"
    >
      {governors.length > 1 &&
        governors.map((g) => (
          <Checkbox
            key={g.id}
            id={`book-${courseId}-${g.id}`}
            label={g.booked ? `${g.name} (has a place)` : g.name}
            disabled={g.booked}
            checked={g.booked || chosen.includes(g.id)}
            onChange={(on) => setChosen((old) => (on ? [...old, g.id] : old.filter((x) => x !== g.id)))}
          />
        ))}
      <SubmitButton pending={form.isPending} aria-label={`Book ${courseTitle}`}>
        {governors.length > 1 ? 'Book for the governors ticked' : 'Book a place'}
      </SubmitButton>
      <StatusMessage>{done}</StatusMessage>
    </Form>
  );
}

/**
 * Invites a board member to Stride as a governor of the school (again, replacing a waiting link), and withdraws
 * a governor invitation still waiting. One status line for both, so what was done is announced after the page
 * refreshes the row.
 */
export function InviteFromRegister({
  governorId,
  name,
  again,
  withdrawable,
}: {
  governorId: string;
  name: string;
  again?: boolean;
  /** A governor invitation is waiting for them: it can be withdrawn. */
  withdrawable?: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [done, setDone] = useState('');
  const form = useFormMutation(trpc.governance.inviteFromRegister.mutationOptions(), {
    onSuccess: (r) => {
      setDone(`Invitation sent to ${r.email}.`);
      router.refresh();
    },
  });
  const withdraw = useFormMutation(trpc.governance.withdrawRegisterInvitation.mutationOptions(), {
    onSuccess: (r) => {
      setDone(`Invitation to ${r.email} withdrawn: its link no longer works.`);
      router.refresh();
    },
  });
  return (
    <div className="mt-1 flex flex-wrap items-center gap-2">
      <Form
        form={form}
        onSubmit={() => {
          setDone('');
          form.mutate({ governorId });
        }}
      >
        <Button type="submit" disabled={form.isPending}>
          {again ? 'Invite again' : 'Invite to Stride'}
          <span className="sr-only"> {name}</span>
        </Button>
      </Form>
      {withdrawable && (
        <Form
          form={withdraw}
          onSubmit={() => {
            setDone('');
            withdraw.mutate({ governorId });
          }}
        >
          <Button type="submit" variant="warning" disabled={withdraw.isPending}>
            Withdraw invitation<span className="sr-only"> to {name}</span>
          </Button>
        </Form>
      )}
      <StatusMessage>{done}</StatusMessage>
    </div>
  );
}
