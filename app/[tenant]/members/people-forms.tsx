'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Button,
  CheckboxGroup,
  Form,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextField,
  useFormMutation,
  useFormValues,
  type Option,
} from '~/app/_components/form-kit';
import { schoolBoundRoles, type Role } from '~/server/workspaces/workspace-vocabulary';
import type { TSetOwnRolesInput } from '~/server/people/set-own-roles';
import { useTRPC } from '../../_lib/trpc-client';

type TOwnRole = TSetOwnRolesInput['roles'][number];

const isSchoolRole = (role: string) => (schoolBoundRoles as readonly string[]).includes(role);

type Bound = { value: string; onChange: (value: string) => void };

/** Who is invited: the email the invitation goes to, and a name for it (theirs to change as they accept). */
function InviteeFields({
  label,
  field,
  bind,
}: {
  label: string;
  field: (path: string) => { id: string; error?: string };
  bind: (key: 'email' | 'name') => Bound;
}) {
  return (
    <>
      <TextField label={label} type="email" autoComplete="off" {...field('email')} {...bind('email')} />
      <TextField
        label="Name (optional)"
        hint="Used in the email until they sign in."
        {...field('name')}
        {...bind('name')}
      />
    </>
  );
}

function SendInvitation({ pending, sent }: { pending: boolean; sent: string }) {
  return (
    <div className="flex items-center gap-3">
      <SubmitButton pending={pending} pendingLabel="Sending…">
        Send invitation
      </SubmitButton>
      <StatusMessage>{sent}</StatusMessage>
    </div>
  );
}

/** Invite a person by email with a role (and their school, for a school role). */
export function InviteForm({ schools, roles }: { schools: Option[]; roles: Option[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, reset } = useFormValues({ email: '', name: '', role: 'adviser', schoolId: '' });
  const [sent, setSent] = useState('');
  const form = useFormMutation(trpc.members.invite.mutationOptions(), {
    onSuccess: (data) => {
      setSent(`Invitation sent to ${data.email}.`);
      reset();
      router.refresh();
    },
  });
  return (
    <Form
      form={form}
      className="mt-4 max-w-xl space-y-4"
      onSubmit={() => {
        setSent('');
        form.mutate({
          email: values.email,
          name: values.name || undefined,
          role: values.role as Role,
          schoolId: isSchoolRole(values.role) ? values.schoolId : undefined,
        });
      }}
    >
      <InviteeFields label="Email address" field={form.field} bind={bind} />
      <SelectField label="Role" options={roles} {...form.field('role')} {...bind('role')} />
      {isSchoolRole(values.role) && (
        <SelectField
          label="School"
          placeholder="Choose a school"
          options={schools}
          {...form.field('schoolId')}
          {...bind('schoolId')}
        />
      )}
      <SendInvitation pending={form.isPending} sent={sent} />
    </Form>
  );
}

/** A headteacher invites a colleague to a school they lead: as school staff, or another head / SBM. */
export function InviteColleagueForm({ schools }: { schools: Option[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const only = schools.length === 1 ? (schools[0]?.value ?? '') : '';
  const { values, bind, reset } = useFormValues({
    email: '',
    name: '',
    role: 'school_staff',
    schoolId: only,
  });
  const [sent, setSent] = useState('');
  const form = useFormMutation(trpc.members.inviteColleague.mutationOptions(), {
    onSuccess: (data) => {
      setSent(`Invitation sent to ${data.email}.`);
      reset();
      router.refresh();
    },
  });
  return (
    <Form
      form={form}
      className="mt-4 max-w-xl space-y-4"
      onSubmit={() => {
        setSent('');
        form.mutate({
          email: values.email,
          name: values.name || undefined,
          role: values.role as 'school_staff' | 'school_admin',
          schoolId: values.schoolId,
        });
      }}
    >
      <InviteeFields label="Colleague’s email address" field={form.field} bind={bind} />
      <SelectField
        label="Role"
        options={[
          { value: 'school_staff', label: 'School staff (books courses, tutors or mentors an ECT)' },
          { value: 'school_admin', label: 'Headteacher or business manager (like you)' },
        ]}
        {...form.field('role')}
        {...bind('role')}
      />
      {schools.length > 1 && (
        <SelectField
          label="School"
          placeholder="Choose a school"
          options={schools}
          {...form.field('schoolId')}
          {...bind('schoolId')}
        />
      )}
      <SendInvitation pending={form.isPending} sent={sent} />
    </Form>
  );
}

/**
 * The manager's own staff roles: they take on another (advise schools, run courses) or give one up, without
 * inviting their own address. The server refuses the last manager giving up managing.
 */
export function OwnRolesForm({ held, choices }: { held: string[]; choices: Option[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [roles, setRoles] = useState<string[]>(held);
  const [saved, setSaved] = useState('');
  const form = useFormMutation(trpc.members.setOwnRoles.mutationOptions(), {
    idPrefix: 'own-roles',
    onSuccess: (result) => {
      const changes = [
        ...result.added.map((r) => `added ${choices.find((c) => c.value === r)?.label ?? r}`),
        ...result.removed.map((r) => `gave up ${choices.find((c) => c.value === r)?.label ?? r}`),
      ];
      setSaved(changes.length > 0 ? `Saved: ${changes.join('; ')}.` : 'No change: these are your roles.');
      router.refresh();
    },
  });
  return (
    <Form
      form={form}
      className="mt-4 max-w-xl space-y-4"
      onSubmit={() => {
        setSaved('');
        form.mutate({ roles: roles as TOwnRole[] });
      }}
    >
      <CheckboxGroup
        label="Your roles"
        hint="Tick each role you hold yourself. A school’s roles are given by invitation."
        options={choices}
        value={roles}
        onChange={setRoles}
        {...form.field('roles')}
      />
      <div className="flex items-center gap-3">
        <SubmitButton pending={form.isPending} pendingLabel="Saving…">
          Save your roles
        </SubmitButton>
        <StatusMessage>{saved}</StatusMessage>
      </div>
    </Form>
  );
}

/** Change one person's role (and school), or remove them from the workspace. */
export function MembershipActions({
  membershipId,
  name,
  role,
  schoolId,
  schools,
  roles,
}: {
  membershipId: string;
  name: string;
  role: Role;
  schoolId: string | null;
  schools: Option[];
  roles: Option[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind } = useFormValues({ role: role as string, schoolId: schoolId ?? '' });
  const change = useFormMutation(trpc.members.changeRole.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  const remove = useFormMutation(trpc.members.remove.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <details>
      <summary className="cursor-pointer font-semibold text-brand-dark underline">
        Change<span className="sr-only"> {name}</span>
      </summary>
      <Form
        form={change}
        className="mt-2 space-y-3"
        onSubmit={() =>
          change.mutate({
            membershipId,
            role: values.role as Role,
            schoolId: isSchoolRole(values.role) ? values.schoolId : undefined,
          })
        }
      >
        <SelectField label="Role" options={roles} {...change.field('role')} {...bind('role')} />
        {isSchoolRole(values.role) && (
          <SelectField
            label="School"
            placeholder="Choose a school"
            options={schools}
            {...change.field('schoolId')}
            {...bind('schoolId')}
          />
        )}
        <SubmitButton pending={change.isPending}>Save role</SubmitButton>
      </Form>
      <Form form={remove} className="mt-3" onSubmit={() => remove.mutate({ membershipId })}>
        <Button type="submit" variant="warning" disabled={remove.isPending}>
          Remove {name} from this role
        </Button>
      </Form>
    </details>
  );
}

export function InvitationActions({ invitationId, email }: { invitationId: string; email: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [done, setDone] = useState('');
  const resend = useFormMutation(trpc.members.resendInvitation.mutationOptions(), {
    onSuccess: () => {
      setDone('A new link was sent.');
      router.refresh();
    },
  });
  const withdraw = useFormMutation(trpc.members.withdrawInvitation.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Form form={resend} onSubmit={() => resend.mutate({ invitationId })}>
        <Button type="submit" disabled={resend.isPending}>
          Resend<span className="sr-only"> to {email}</span>
        </Button>
      </Form>
      <Form form={withdraw} onSubmit={() => withdraw.mutate({ invitationId })}>
        <Button type="submit" variant="warning" disabled={withdraw.isPending}>
          Withdraw<span className="sr-only"> the invitation to {email}</span>
        </Button>
      </Form>
      <StatusMessage>{done}</StatusMessage>
    </div>
  );
}

/**
 * A headteacher withdraws a waiting invitation to their school, after saying yes to a question in the page
 * (its link stops working; they can invite the person again).
 */
export function WithdrawColleagueInvitation({
  invitationId,
  email,
}: {
  invitationId: string;
  email: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useFormMutation(trpc.members.withdrawColleagueInvitation.mutationOptions(), {
    onSuccess: () => {
      setConfirming(false);
      router.refresh();
    },
  });
  if (!confirming)
    return (
      <Button variant="warning" onClick={() => setConfirming(true)}>
        Withdraw<span className="sr-only"> the invitation to {email}</span>
      </Button>
    );
  return (
    <Form form={withdraw} onSubmit={() => withdraw.mutate({ invitationId })}>
      <p className="font-semibold">Withdraw the invitation to {email}? Its link will stop working.</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button type="submit" variant="warning" disabled={withdraw.isPending} autoFocus>
          Yes, withdraw it
        </Button>
        <Button onClick={() => setConfirming(false)}>
          Cancel<span className="sr-only">: keep the invitation to {email}</span>
        </Button>
      </div>
    </Form>
  );
}

/** Approve or decline a request to join a school. */
export function RequestDecision({ requestId, name }: { requestId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const decide = useFormMutation(trpc.members.decideRequest.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <Form form={decide} className="flex flex-wrap gap-2" onSubmit={() => undefined}>
      <Button
        variant="primary"
        disabled={decide.isPending}
        onClick={() => decide.mutate({ requestId, decision: 'approve' })}
      >
        Approve<span className="sr-only"> {name}</span>
      </Button>
      <Button
        variant="warning"
        disabled={decide.isPending}
        onClick={() => decide.mutate({ requestId, decision: 'decline' })}
      >
        Decline<span className="sr-only"> {name}</span>
      </Button>
    </Form>
  );
}

/** Invite the headteachers / business managers of chosen schools from their contacts. */
export function InviteLeadersForm({ schools }: { schools: Option[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [schoolIds, setSchoolIds] = useState<string[]>([]);
  const [contactRoles, setContactRoles] = useState<string[]>(['headteacher']);
  const [done, setDone] = useState('');
  const form = useFormMutation(trpc.members.inviteLeaders.mutationOptions(), {
    onSuccess: (r) => {
      setDone(
        `${r.invited} invitation${r.invited === 1 ? '' : 's'} sent; ${r.skipped} already had access or no address${r.schoolsWithoutContact ? `; ${r.schoolsWithoutContact} school${r.schoolsWithoutContact === 1 ? ' has' : 's have'} no such contact` : ''}.`,
      );
      setSchoolIds([]);
      router.refresh();
    },
  });
  return (
    <Form
      form={form}
      className="mt-4 space-y-4"
      onSubmit={() => {
        setDone('');
        form.mutate({ schoolIds, contactRoles: contactRoles as ('headteacher' | 'business_manager')[] });
      }}
    >
      <CheckboxGroup
        label="Who to invite"
        inline
        options={[
          { value: 'headteacher', label: 'Headteachers' },
          { value: 'business_manager', label: 'School business managers' },
        ]}
        value={contactRoles}
        onChange={setContactRoles}
        {...form.field('contactRoles')}
      />
      <CheckboxGroup
        label="Schools"
        hint="Each is invited as headteacher / school business manager of their own school."
        options={schools}
        value={schoolIds}
        onChange={setSchoolIds}
        {...form.field('schoolIds')}
      />
      <div className="flex items-center gap-3">
        <SubmitButton pending={form.isPending} pendingLabel="Sending…">
          Invite the chosen schools
        </SubmitButton>
        <StatusMessage>{done}</StatusMessage>
      </div>
    </Form>
  );
}
