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
import { useTRPC } from '../../_lib/trpc-client';

type Adviser = { userId: string; name: string };
const adviserOptions = (advisers: Adviser[]) => advisers.map((a) => ({ value: a.userId, label: a.name }));

export function GeneratePlanButton({ academicYear, label }: { academicYear: number; label: string }) {
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
      </StatusMessage>
    </div>
  );
}

export function VisitActions({
  visitId,
  today,
  canManage,
  adviserUserId,
  advisers,
}: {
  visitId: string;
  today: string;
  canManage: boolean;
  adviserUserId: string | null;
  advisers: Adviser[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = { onSuccess: () => router.refresh() };
  const done = useFormMutation(trpc.visits.markDone.mutationOptions(), refresh);
  const cancel = useFormMutation(trpc.visits.cancel.mutationOptions(), refresh);
  const reassign = useFormMutation(trpc.visits.reassign.mutationOptions(), {
    ...refresh,
    idPrefix: `reassign-${visitId}`,
    messageField: 'adviserUserId',
  });
  const [adviser, setAdviser] = useState(adviserUserId ?? '');
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ErrorSummary errors={[...done.summary, ...cancel.summary]} />
      <Button disabled={done.isPending} onClick={() => done.mutate({ visitId, completedOn: today })}>
        Mark done
      </Button>
      {canManage && (
        <>
          <Button disabled={cancel.isPending} onClick={() => cancel.mutate({ visitId })}>
            Cancel visit
          </Button>
          <SelectField
            label={<span className="sr-only">Adviser for this visit</span>}
            {...reassign.field('adviserUserId')}
            value={adviser}
            onChange={setAdviser}
            options={adviserOptions(advisers)}
            placeholder="Choose an adviser"
          />
          <Button
            disabled={reassign.isPending || !adviser || adviser === adviserUserId}
            onClick={() => reassign.mutate({ visitId, adviserUserId: adviser })}
          >
            Reassign
          </Button>
        </>
      )}
    </div>
  );
}

export function AdditionalVisitForm({
  schools,
  reasons,
  advisers,
}: {
  schools: { schoolId: string; name: string; linkAdviserUserId: string | null }[];
  reasons: string[];
  advisers: Adviser[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, set } = useFormValues({ schoolId: '', reason: '', dueBy: '', adviserUserId: '' });
  const [saved, setSaved] = useState(false);
  const add = useFormMutation(trpc.visits.addAdditional.mutationOptions(), {
    idPrefix: 'additional',
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  return (
    <Form
      form={add}
      onSubmit={() => {
        setSaved(false);
        add.mutate(values);
      }}
      className="mt-4 space-y-4 rounded-lg border border-slate-200 bg-white p-5"
      heading={<h3 className="text-xl font-semibold">Add an additional visit</h3>}
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
        <StatusMessage>{saved ? 'Visit added.' : ''}</StatusMessage>
      </div>
    </Form>
  );
}
