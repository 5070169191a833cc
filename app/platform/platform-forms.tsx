'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Button,
  CheckboxGroup,
  Form,
  RadioGroup,
  StatusMessage,
  SubmitButton,
  TextField,
  optionsOf,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import type { ModuleKey, TenantKind } from '~/server/workspaces/workspace-vocabulary';
import { tenantKindLabels } from '~/server/workspaces/kind-labels';
import { modulesForKind, moduleTitles } from '~/server/workspaces/module-titles';
import { useTRPC } from '../_lib/trpc-client';

/** The module checkboxes a kind of workspace is offered (an appropriate body has no monitoring or commissioning). */
const moduleOptionsFor = (kind: TenantKind) =>
  optionsOf(moduleTitles).filter((o) => modulesForKind(kind).includes(o.value as ModuleKey));

/** Create a workspace and invite its first manager. */
export function CreateWorkspaceForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, set } = useFormValues({
    name: '',
    shortName: '',
    slug: '',
    kind: 'provider' as TenantKind,
    laCodes: '',
    modules: [] as string[],
    managerEmail: '',
    managerName: '',
  });
  const form = useFormMutation(trpc.platform.createWorkspace.mutationOptions(), {
    onSuccess: (r) => router.push(`/platform/${r.workspaceId}`),
  });
  return (
    <Form
      form={form}
      className="mt-4 max-w-xl space-y-4"
      onSubmit={() =>
        form.mutate({
          ...values,
          laCodes: values.laCodes
            .split(/[\s,]+/)
            .map((c) => c.trim())
            .filter(Boolean),
          // A module ticked before the kind changed to one without it is not sent.
          modules: values.modules.filter((m) =>
            modulesForKind(values.kind).includes(m as ModuleKey),
          ) as ModuleKey[],
          managerName: values.managerName || undefined,
        })
      }
    >
      <TextField
        label="Full name"
        hint="For example, North Yorkshire Council."
        {...form.field('name')}
        {...bind('name')}
      />
      <TextField
        label="Short name"
        hint="For example, NYC."
        width="w-48"
        {...form.field('shortName')}
        {...bind('shortName')}
      />
      <TextField
        label="Web address name"
        hint="Lower-case letters, digits and hyphens: the workspace opens at /north-yorkshire."
        width="w-72"
        {...form.field('slug')}
        {...bind('slug')}
      />
      <RadioGroup
        label="Kind of organisation"
        options={optionsOf(tenantKindLabels) as { value: TenantKind; label: string }[]}
        value={values.kind}
        onChange={set('kind')}
        {...form.field('kind')}
      />
      <TextField
        label="LA codes"
        hint="Three-digit DfE codes the workspace covers, separated by commas, e.g. 302, 310. A local authority gives its own; an appropriate body may leave this empty."
        width="w-72"
        {...form.field('laCodes')}
        {...bind('laCodes')}
      />
      <CheckboxGroup
        label="Modules switched on"
        options={moduleOptionsFor(values.kind)}
        {...form.field('modules')}
        {...bind('modules')}
      />
      <TextField
        label="Manager’s email address"
        type="email"
        {...form.field('managerEmail')}
        {...bind('managerEmail')}
      />
      <TextField label="Manager’s name (optional)" {...form.field('managerName')} {...bind('managerName')} />
      <SubmitButton pending={form.isPending} pendingLabel="Creating…">
        Create workspace and invite its manager
      </SubmitButton>
    </Form>
  );
}

export function ModulesForm({
  workspaceId,
  kind,
  modules,
}: {
  workspaceId: string;
  kind: TenantKind;
  modules: string[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [chosen, setChosen] = useState(modules);
  const [saved, setSaved] = useState('');
  const form = useFormMutation(trpc.platform.setModules.mutationOptions(), {
    onSuccess: () => {
      setSaved('Modules saved.');
      router.refresh();
    },
  });
  return (
    <Form
      form={form}
      className="mt-3 space-y-4"
      onSubmit={() => form.mutate({ workspaceId, modules: chosen as ModuleKey[] })}
    >
      <CheckboxGroup
        label="Modules switched on"
        options={moduleOptionsFor(kind)}
        value={chosen}
        onChange={setChosen}
        {...form.field('modules')}
      />
      <div className="flex items-center gap-3">
        <SubmitButton pending={form.isPending}>Save modules</SubmitButton>
        <StatusMessage>{saved}</StatusMessage>
      </div>
    </Form>
  );
}

export function SuspensionForm({ workspaceId, suspended }: { workspaceId: string; suspended: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [reason, setReason] = useState('');
  const suspend = useFormMutation(trpc.platform.suspend.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  const reinstate = useFormMutation(trpc.platform.reinstate.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  if (suspended)
    return (
      <Form form={reinstate} className="mt-3" onSubmit={() => reinstate.mutate({ workspaceId })}>
        <SubmitButton pending={reinstate.isPending}>Reinstate the workspace</SubmitButton>
      </Form>
    );
  return (
    <Form
      form={suspend}
      className="mt-3 max-w-xl space-y-4"
      onSubmit={() => suspend.mutate({ workspaceId, reason })}
    >
      <TextField
        label="Why suspend it"
        hint="Kept in the platform audit log."
        {...suspend.field('reason')}
        value={reason}
        onChange={setReason}
      />
      <Button type="submit" variant="warning" disabled={suspend.isPending}>
        Suspend the workspace
      </Button>
    </Form>
  );
}

export function InviteManagerForm({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const { values, bind, reset } = useFormValues({ email: '', name: '' });
  const [sent, setSent] = useState('');
  const form = useFormMutation(trpc.platform.inviteManager.mutationOptions(), {
    onSuccess: () => {
      setSent(`Invitation sent to ${values.email}.`);
      reset();
    },
  });
  return (
    <Form
      form={form}
      className="mt-3 max-w-xl space-y-4"
      onSubmit={() => {
        setSent('');
        form.mutate({ workspaceId, email: values.email, name: values.name || undefined });
      }}
    >
      <TextField label="Manager’s email address" type="email" {...form.field('email')} {...bind('email')} />
      <TextField label="Manager’s name (optional)" {...form.field('name')} {...bind('name')} />
      <div className="flex items-center gap-3">
        <SubmitButton pending={form.isPending}>Invite a manager</SubmitButton>
        <StatusMessage>{sent}</StatusMessage>
      </div>
    </Form>
  );
}
