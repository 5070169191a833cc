import type { Metadata } from 'next';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { AccessRequests } from '../members/access-requests';
import { InviteColleagueForm } from '../members/people-forms';

export const metadata: Metadata = { title: 'Colleagues' };

/**
 * A headteacher answers staff asking to join their school, and invites colleagues themselves (the manager
 * does both on People and roles).
 */
export default async function JoinRequestsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  const requests = await guard(api.members.requests());
  const schools = workspace.mySchools
    .filter((s) => workspace.ledSchoolIds.includes(s.id))
    .map((s) => ({ value: s.id, label: s.name }));
  return (
    <div>
      <h1 className="text-3xl font-bold">Colleagues</h1>
      <p className="mt-2">
        Staff asking to join your school (approved people join as school staff), and colleagues you invite.
      </p>
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
