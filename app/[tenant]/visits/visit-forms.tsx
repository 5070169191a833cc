'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Button,
  DateField,
  ErrorSummary,
  Form,
  SelectField,
  StatusMessage,
  SubmitButton,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import { Link } from '~/app/_components/link';
import { useTRPC } from '../../_lib/trpc-client';

type Adviser = { userId: string; name: string };
const adviserOptions = (advisers: Adviser[]) => advisers.map((a) => ({ value: a.userId, label: a.name }));

export function GeneratePlanButton({
  tenant,
  academicYear,
  label,
}: {
  tenant: string;
  academicYear: number;
  label: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const generate = useFormMutation(trpc.visits.generatePlan.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  const result = generate.data;
  return (
    <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <ErrorSummary errors={generate.summary} />
      <Button
        variant="primary"
        disabled={generate.isPending}
        onClick={() => generate.mutate({ academicYear })}
      >
        Generate the {label} plan
      </Button>
      <p className="mt-2 text-sm text-slate-700">
        Adds only the visits each school’s rules call for that are not planned yet; nothing done is changed.
      </p>
      <StatusMessage className="mt-2 text-green-800">
        {result
          ? `${result.added} visit${result.added === 1 ? '' : 's'} added, ${result.alreadyPlanned} already planned.${
              result.surplus.length > 0
                ? ` ${result.surplus.length} planned visit${result.surplus.length === 1 ? ' is' : 's are'} beyond what the school’s category now asks: cancel them if they are not needed.`
                : ''
            }${
              result.capacityToAssess.length > 0
                ? ` ${result.capacityToAssess.length} school${result.capacityToAssess.length === 1 ? ' is' : 's are'} planned about fortnightly until ${result.capacityToAssess.length === 1 ? 'its' : 'their'} capacity to improve is recorded on the register.`
                : ''
            }`
          : ''}
        {result && result.notCategorised > 0 && (
          <>
            {` ${result.notCategorised} school${result.notCategorised === 1 ? ' has' : 's have'} no LA category yet, so no visits are planned for ${result.notCategorised === 1 ? 'it' : 'them'}: set each one’s category on the `}
            <Link href={`/${tenant}/register`} className="font-semibold underline">
              School register
            </Link>
            , then generate the plan again.
          </>
        )}
      </StatusMessage>
    </div>
  );
}

/** The schedule's rows tick into this form by `form=` (plain server-rendered checkboxes, no component per row). */
export const visitActionsFormId = 'visit-actions';

function tickedVisitIds(): string[] {
  return Array.from(
    document.querySelectorAll<HTMLInputElement>(
      `input[form="${visitActionsFormId}"][name="visitId"]:checked`,
    ),
    (box) => box.value,
  );
}

/**
 * One bar of actions for the ticked visits: mark done (on a date), and for officers cancel or reassign. Each
 * action changes all the ticked visits or, if one cannot be changed, none of them.
 */
export function VisitActionsBar({
  today,
  canManage,
  advisers,
}: {
  today: string;
  canManage: boolean;
  advisers: Adviser[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [done, setDone] = useState('');
  const after = (what: string) => ({
    idPrefix: 'visit-actions',
    pathOf: (path: string) => (path.startsWith('visitIds') ? '_form' : path),
    onSuccess: (result: { updated: number }) => {
      setDone(`${result.updated} visit${result.updated === 1 ? '' : 's'} ${what}.`);
      router.refresh();
    },
  });
  const markDone = useFormMutation(trpc.visits.markDone.mutationOptions(), after('marked done'));
  const cancel = useFormMutation(trpc.visits.cancel.mutationOptions(), after('cancelled'));
  const reassign = useFormMutation(trpc.visits.reassign.mutationOptions(), {
    ...after('reassigned'),
    idPrefix: 'visit-actions-reassign',
  });
  const [completedOn, setCompletedOn] = useState(today);
  const [adviser, setAdviser] = useState('');
  const pending = markDone.isPending || cancel.isPending || reassign.isPending;
  const run = (action: () => void) => {
    setDone('');
    markDone.reset();
    cancel.reset();
    reassign.reset();
    action();
  };
  return (
    <form
      id={visitActionsFormId}
      noValidate
      onSubmit={(e) => e.preventDefault()}
      className="mt-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby="visit-actions-heading"
    >
      <h3 id="visit-actions-heading" className="text-lg font-semibold">
        Ticked visits
      </h3>
      <ErrorSummary errors={[...markDone.summary, ...cancel.summary, ...reassign.summary]} />
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <Button
          onClick={() => {
            for (const box of document.querySelectorAll<HTMLInputElement>(
              `input[form="${visitActionsFormId}"][name="visitId"]`,
            ))
              box.checked = true;
          }}
        >
          Tick every visit on this page
        </Button>
        <DateField
          label="Done on"
          {...markDone.field('completedOn')}
          value={completedOn}
          onChange={setCompletedOn}
        />
        <Button
          disabled={pending}
          onClick={() => run(() => markDone.mutate({ visitIds: tickedVisitIds(), completedOn }))}
        >
          Mark done
        </Button>
        {canManage && (
          <>
            <Button
              disabled={pending}
              onClick={() => run(() => cancel.mutate({ visitIds: tickedVisitIds() }))}
            >
              Cancel visits
            </Button>
            <SelectField
              label="Reassign to"
              {...reassign.field('adviserUserId')}
              value={adviser}
              onChange={setAdviser}
              options={adviserOptions(advisers)}
              placeholder="Choose an adviser"
            />
            <Button
              disabled={pending || !adviser}
              onClick={() =>
                run(() => reassign.mutate({ visitIds: tickedVisitIds(), adviserUserId: adviser }))
              }
            >
              Reassign
            </Button>
          </>
        )}
      </div>
      <StatusMessage className="mt-2 text-green-800">{done}</StatusMessage>
    </form>
  );
}

export function AdditionalVisitForm({
  tenant,
  schools,
  reasons,
  advisers,
}: {
  tenant: string;
  schools: { schoolId: string; name: string; linkAdviserUserId: string | null }[];
  reasons: string[];
  advisers: Adviser[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, set } = useFormValues({ schoolId: '', reason: '', dueBy: '', adviserUserId: '' });
  const add = useFormMutation(trpc.visits.addAdditional.mutationOptions(), {
    idPrefix: 'additional',
    onSuccess: () => router.push(`/${tenant}/visits?added=1#schedule`),
  });
  return (
    <Form
      form={add}
      onSubmit={() => add.mutate(values)}
      className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      <SelectField
        label="School"
        {...add.field('schoolId')}
        value={values.schoolId}
        onChange={(schoolId) => {
          set('schoolId')(schoolId);
          const link = schools.find((s) => s.schoolId === schoolId)?.linkAdviserUserId;
          if (link && !values.adviserUserId) set('adviserUserId')(link);
        }}
        options={schools.map((s) => ({ value: s.schoolId, label: s.name }))}
        placeholder="Choose a school"
        width="w-full max-w-xl"
      />
      <SelectField
        label="Reason"
        {...add.field('reason')}
        {...bind('reason')}
        options={reasons.map((r) => ({ value: r, label: r }))}
        placeholder="Choose a reason"
        width="w-full max-w-xl"
      />
      <DateField label="Due by" {...add.field('dueBy')} {...bind('dueBy')} />
      <SelectField
        label="Adviser"
        {...add.field('adviserUserId')}
        {...bind('adviserUserId')}
        options={adviserOptions(advisers)}
        placeholder="Choose an adviser"
        width="w-full max-w-xl"
      />
      <div className="flex items-center gap-3">
        <SubmitButton pending={add.isPending}>Add visit</SubmitButton>
      </div>
    </Form>
  );
}
