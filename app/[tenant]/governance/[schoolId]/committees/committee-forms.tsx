'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Button,
  CheckboxGroup,
  DateField,
  Form,
  StatusMessage,
  SubmitButton,
  TextField,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import { useTRPC } from '~/app/_lib/trpc-client';

type CommitteeValues = { name: string; memberIds: string[]; joinedOn: string; leftOn: string };
type Choosable = { governorId: string; name: string; role: string };

/**
 * Adds a committee (or, with `committeeId`, renames it and changes its members): its name and members, and the
 * day those added joined and those taken off left (today unless the clerk gives an earlier day).
 */
export function CommitteeForm({
  schoolId,
  committeeId,
  initial,
  today,
  choosable,
  heading,
  headingId,
}: {
  schoolId: string;
  committeeId?: string;
  initial?: { name: string; memberIds: string[] };
  /** Today in London (yyyy-mm-dd): the dates' default. */
  today: string;
  /** The board's current members (the clerk excluded), and anyone still on the committee who has left since. */
  choosable: Choosable[];
  heading: string;
  headingId?: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, reset } = useFormValues<CommitteeValues>({
    name: initial?.name ?? '',
    memberIds: initial?.memberIds ?? [],
    joinedOn: today,
    leftOn: today,
  });
  const before = initial?.memberIds ?? [];
  const nameOf = (id: string) =>
    choosable.find((g) => g.governorId === id)?.name ?? 'Someone no longer on the board';
  const joining = values.memberIds.filter((id) => !before.includes(id)).map(nameOf);
  const leaving = before.filter((id) => !values.memberIds.includes(id)).map(nameOf);
  const [saved, setSaved] = useState('');
  const pathOf = (p: string) => p.replace(/^committee\./, '').replace(/^memberIds\..*/, 'memberIds');
  const add = useFormMutation(trpc.governance.addCommittee.mutationOptions(), {
    pathOf,
    onSuccess: (r) => {
      setSaved(`Added the ${r.label}.`);
      reset();
      router.refresh();
    },
  });
  const update = useFormMutation(trpc.governance.updateCommittee.mutationOptions(), {
    pathOf,
    onSuccess: (r) => {
      setSaved(`Saved the ${r.label}.`);
      router.refresh();
    },
  });
  const form = committeeId ? update : add;
  return (
    <Form
      form={form}
      onSubmit={() => {
        setSaved('');
        const committee = {
          name: values.name,
          memberIds: values.memberIds,
          joinedOn: joining.length > 0 ? values.joinedOn || undefined : undefined,
          leftOn: leaving.length > 0 ? values.leftOn || undefined : undefined,
        };
        if (committeeId) update.mutate({ committeeId, committee });
        else add.mutate({ schoolId, committee });
      }}
      heading={
        headingId ? (
          <h2 id={headingId} className="text-xl font-semibold">
            {heading}
          </h2>
        ) : (
          <h3 className="text-lg font-semibold">{heading}</h3>
        )
      }
    >
      <TextField
        label="Name of the committee"
        hint="Such as “Finance and resources” or “Pupil discipline”."
        {...form.field('name')}
        {...bind('name')}
      />
      {choosable.length === 0 ? (
        <p>Nobody is on the board’s register now: add its members to the register first.</p>
      ) : (
        <CheckboxGroup
          label="Members"
          hint="Chosen from the board’s register. The clerk serves committees but is not a member."
          options={choosable.map((g) => ({ value: g.governorId, label: `${g.name} (${g.role})` }))}
          {...form.field('memberIds')}
          {...bind('memberIds')}
        />
      )}
      {joining.length > 0 && (
        <DateField
          label="Date they joined the committee"
          hint={`For ${joining.join(', ')}. Today unless you give an earlier day: not before their appointment to the board.`}
          {...form.field('joinedOn')}
          {...bind('joinedOn')}
        />
      )}
      {leaving.length > 0 && (
        <DateField
          label="Date they left the committee"
          hint={`For ${leaving.join(', ')}. Today unless you give an earlier day: not before they joined.`}
          {...form.field('leftOn')}
          {...bind('leftOn')}
        />
      )}
      <SubmitButton pending={form.isPending} pendingLabel="Saving…">
        {committeeId ? 'Save the committee' : 'Add the committee'}
      </SubmitButton>
      <StatusMessage>{saved}</StatusMessage>
    </Form>
  );
}

/** Deletes a committee once asked; its meetings and their attendance stay. */
export function DeleteCommittee({ committeeId, label }: { committeeId: string; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [done, setDone] = useState('');
  const form = useFormMutation(trpc.governance.deleteCommittee.mutationOptions(), {
    onSuccess: (r) => {
      setDone(r.message);
      router.refresh();
    },
  });
  return (
    <Form
      form={form}
      onSubmit={() => {
        if (window.confirm(`Delete the ${label}? Its meetings and their attendance are kept.`))
          form.mutate({ committeeId });
      }}
    >
      <Button type="submit" variant="warning" disabled={form.isPending}>
        Delete the {label}
      </Button>
      <StatusMessage>{done}</StatusMessage>
    </Form>
  );
}
