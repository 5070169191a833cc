import type { Metadata } from 'next';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { AccessRequests } from '../members/access-requests';

export const metadata: Metadata = { title: 'Requests to join' };

/** A headteacher answers staff asking to join their school (the manager does so on People and roles). */
export default async function JoinRequestsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api } = await loadWorkspace(tenant);
  const requests = await guard(api.members.requests());
  return (
    <div>
      <h1 className="text-3xl font-bold">Requests to join</h1>
      <p className="mt-2">Staff asking to join your school. Approved people join as school staff.</p>
      <AccessRequests requests={requests} />
    </div>
  );
}
