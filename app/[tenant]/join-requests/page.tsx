import type { Metadata } from 'next';
import { DataTable } from '~/app/_components/data-table';
import { shortDate } from '~/server/format/dates';
import { invitationStateLabels } from '~/server/people/invitation-labels';
import { roleLabelsFor } from '~/server/workspaces/role-labels';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { AccessRequests } from '../members/access-requests';
import { InviteColleagueForm, WithdrawColleagueInvitation } from '../members/people-forms';

export const metadata: Metadata = { title: 'Colleagues' };

/**
 * A headteacher answers staff asking to join their school, and invites colleagues themselves (the manager
 * does both on People and roles).
 */
export default async function JoinRequestsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  const requests = await guard(api.members.requests());
  const leads = workspace.ledSchoolIds.length > 0;
  const colleagues = leads ? await guard(api.members.colleagues()) : { people: [], invitations: [] };
  const labels = roleLabelsFor(workspace.tenant.kind);
  // The school is named only when the head leads more than one.
  const several = workspace.ledSchoolIds.length > 1;
  const schools = workspace.mySchools
    .filter((s) => workspace.ledSchoolIds.includes(s.id))
    .map((s) => ({ value: s.id, label: s.name }));
  return (
    <div>
      <h1 className="text-3xl font-bold">Colleagues</h1>
      <p className="mt-2">
        Staff asking to join your school (approved people join as school staff), and colleagues you invite.
      </p>
      {leads && (
        <section aria-labelledby="people" className="mt-8">
          <h2 id="people" className="text-2xl font-semibold">
            Who has access
          </h2>
          <DataTable
            className="mt-3"
            caption="People with access to your school"
            hideCaption
            rows={colleagues.people}
            rowKey={(m) => m.membershipId}
            empty="Nobody yet."
            columns={[
              { header: 'Name', rowHeader: true, cell: (m) => m.userName },
              { header: 'Email', cell: (m) => m.email },
              { header: 'Role', cell: (m) => labels[m.role] ?? m.role },
              ...(several
                ? [{ header: 'School', cell: (m: { schoolName: string | null }) => m.schoolName ?? '–' }]
                : []),
            ]}
          />
          <h3 className="mt-6 text-xl font-semibold">Invitations not yet accepted</h3>
          <DataTable
            className="mt-3"
            caption="Invitations to your school not yet accepted"
            hideCaption
            rows={colleagues.invitations}
            rowKey={(i) => i.id}
            empty="None: everyone invited has joined."
            columns={[
              { header: 'Email', rowHeader: true, cell: (i) => i.email },
              { header: 'Role', cell: (i) => labels[i.role] ?? i.role },
              ...(several
                ? [{ header: 'School', cell: (i: { schoolName: string | null }) => i.schoolName ?? '–' }]
                : []),
              { header: 'Sent', cell: (i) => shortDate(i.createdAt) },
              {
                header: 'Status',
                cell: (i) =>
                  i.state === 'pending'
                    ? `Waiting until ${shortDate(i.expiresAt)}`
                    : `${invitationStateLabels[i.state]}: invite them again below`,
              },
              {
                header: 'Actions',
                cell: (i) =>
                  i.state === 'pending' ? (
                    <WithdrawColleagueInvitation invitationId={i.id} email={i.email} />
                  ) : (
                    '–'
                  ),
              },
            ]}
          />
        </section>
      )}
      <AccessRequests requests={requests} />
      {schools.length > 0 && (
        <section aria-labelledby="invite" className="mt-10">
          <h2 id="invite" className="text-2xl font-semibold">
            Invite a colleague
          </h2>
          <p className="mt-2 max-w-3xl text-slate-700">
            Send a colleague an invitation by email: they open the link, sign in with that address and join
            your school. An ECT’s induction tutor and mentor are invited when you register the ECT.
          </p>
          <InviteColleagueForm schools={schools} />
        </section>
      )}
    </div>
  );
}
