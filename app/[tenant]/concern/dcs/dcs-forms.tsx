'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Button,
  Form,
  RadioGroup,
  SelectField,
  StatusMessage,
  SubmitButton,
  useFormMutation,
} from '~/app/_components/form-kit';
import { useTRPC } from '../../../_lib/trpc-client';

/**
 * Names an officer as the DCS or a delegate: the Director first (no delegate decides for a DCS nobody has
 * named), so with no Director named the form starts at the Director.
 */
export function DesignateForm({
  candidates,
  directorNamed,
}: {
  candidates: { userId: string; name: string }[];
  directorNamed: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<'dcs' | 'delegate'>(directorNamed ? 'delegate' : 'dcs');
  const [done, setDone] = useState('');
  const form = useFormMutation(trpc.casework.designateDcs.mutationOptions(), {
    idPrefix: 'designate',
    onSuccess: () => {
      setDone(`${candidates.find((c) => c.userId === userId)?.name ?? 'They'} can now record DCS decisions.`);
      router.refresh();
    },
  });
  return (
    <section
      aria-labelledby="designate-heading"
      className="mt-8 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 id="designate-heading" className="text-xl font-semibold">
        Name the DCS or a delegate
      </h2>
      <Form
        form={form}
        className="mt-3 space-y-4"
        onSubmit={() => {
          setDone('');
          form.mutate({ userId, role });
        }}
      >
        <SelectField
          {...form.field('userId')}
          label="Person"
          hint="An officer of this workspace."
          value={userId}
          onChange={setUserId}
          placeholder="Choose a person"
          options={candidates.map((c) => ({ value: c.userId, label: c.name }))}
        />
        <RadioGroup
          {...form.field('role')}
          label="As"
          value={role}
          onChange={setRole}
          options={[
            {
              value: 'dcs',
              label: directorNamed
                ? 'Director of Children’s Services (replaces the one named now)'
                : 'Director of Children’s Services',
            },
            { value: 'delegate', label: 'Delegate of the DCS' },
          ]}
        />
        <div className="flex items-center gap-3">
          <SubmitButton pending={form.isPending}>Name them</SubmitButton>
          <StatusMessage>{done}</StatusMessage>
        </div>
      </Form>
    </section>
  );
}

export function EndDesignationButton({ userId, name }: { userId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useFormMutation(trpc.casework.endDcsDesignation.mutationOptions(), {
    idPrefix: `end-${userId}`,
    onSuccess: () => router.refresh(),
  });
  return (
    <Form form={form} className="flex items-center gap-2" onSubmit={() => form.mutate({ userId })}>
      <Button
        type="submit"
        variant="warning"
        disabled={form.isPending}
        aria-label={`Stop ${name} recording DCS decisions`}
      >
        Remove
      </Button>
    </Form>
  );
}
