import type { Metadata } from 'next';
import { isOpenSchool } from '~/server/schools/school-status';
import { invitationStateLabels } from '~/server/people/invitation-labels';
import { Link } from '~/app/_components/link';
import { DataTable } from '~/app/_components/data-table';
import { invitableRoles, roleLabelsFor } from '~/server/workspaces/role-labels';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { redirect } from 'next/navigation';
import { AccessRequests } from './access-requests';
import { InvitationActions, InviteForm, MembershipActions, OwnRolesForm } from './people-forms';
import { shortDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'People and roles' };

export default async function MembersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  const requests = await guard(api.members.requests());
  const isManager = workspace.roles.includes('tenant_admin');
  const requestsSection = <AccessRequests requests={requests} />;
  if (!isManager) redirect(`/${tenant}/join-requests`);
  const [members, invitations, schools, own] = await Promise.all([
    guard(api.members.list()),
    guard(api.members.invitations()),
    guard(api.schools.list({})),
    guard(api.members.ownRoles()),
  ]);
  // The roles in this kind of workspace's own words (an appropriate body has induction officers, not LA officers).
  const labels = roleLabelsFor(workspace.tenant.kind);
  // Only roles this workspace has a use for (no governors without governance, say).
  const roleOptions = invitableRoles(workspace.tenant.kind, workspace.tenant.modules).map((value) => ({
    value,
    label: labels[value] ?? value,
  }));
  // People are invited to open schools only, those proposed to close included (a closed one stays in the list
  // for its history).
  const schoolOptions = schools
    .filter((s) => isOpenSchool(s.status))
    .map((s) => ({ value: s.id, label: `${s.name} (${s.urn})` }));
  return (
    <div>
      <h1 className="text-3xl font-bold">People and roles</h1>
      <p className="mt-2">
        <Link href={`/${tenant}/members/school-leaders`} className="font-semibold text-brand-dark underline">
          Invite headteachers and business managers from school contacts
        </Link>
      </p>
      {requestsSection}
      <section aria-labelledby="your-roles" className="mt-8">
        <h2 id="your-roles" className="text-2xl font-semibold">
          Your own roles
        </h2>
        <p className="mt-1 max-w-3xl text-slate-700">
          If you also advise schools or keep the accounts yourself, take on that role here: it is added to
          your own access at once, with no invitation, and the change is recorded in the audit log. As manager
          you already run courses.
        </p>
        <OwnRolesForm held={own.held} choices={own.choices} />
      </section>
      <section aria-labelledby="invite" className="mt-8">
        <h2 id="invite" className="text-2xl font-semibold">
          Invite someone
        </h2>
        <InviteForm schools={schoolOptions} roles={roleOptions} />
      </section>
      <section aria-labelledby="people" className="mt-8">
        <h2 id="people" className="text-2xl font-semibold">
          People with access
        </h2>
        <DataTable
          className="mt-3"
          caption="People with access to this workspace"
          hideCaption
          rows={members}
          rowKey={(m) => m.membershipId}
          columns={[
            {
              header: 'Name',
              rowHeader: true,
              cell: (m) => (
                <>
                  {m.userName}
                  {m.jobTitle && <span className="block text-slate-700">{m.jobTitle}</span>}
                </>
              ),
            },
            { header: 'Email', cell: (m) => m.email },
            { header: 'Role', cell: (m) => labels[m.role] ?? m.role },
            { header: 'School', cell: (m) => m.schoolName ?? '–' },
            {
              header: 'Change',
              cell: (m) => (
                <MembershipActions
                  membershipId={m.membershipId}
                  name={m.userName}
                  role={m.role}
                  schoolId={m.schoolId}
                  schools={schoolOptions}
                  roles={roleOptions}
                />
              ),
            },
          ]}
        />
      </section>
      <section aria-labelledby="invitations" className="mt-8">
        <h2 id="invitations" className="text-2xl font-semibold">
          Invitations
        </h2>
        <DataTable
          className="mt-3"
          caption="Invitations sent from this workspace"
          hideCaption
          rows={invitations}
          rowKey={(i) => i.id}
          empty="No invitations yet."
          columns={[
            { header: 'Email', rowHeader: true, cell: (i) => i.email },
            { header: 'Role', cell: (i) => labels[i.role] ?? i.role },
            { header: 'School', cell: (i) => i.schoolName ?? '–' },
            { header: 'Sent', cell: (i) => shortDate(i.createdAt) },
            {
              header: 'Status',
              cell: (i) =>
                i.state === 'pending'
                  ? `Waiting until ${shortDate(i.expiresAt)}`
                  : invitationStateLabels[i.state],
            },
            {
              header: 'Actions',
              cell: (i) =>
                i.state === 'accepted' ? '–' : <InvitationActions invitationId={i.id} email={i.email} />,
            },
          ]}
        />
      </section>
    </div>
  );
}
