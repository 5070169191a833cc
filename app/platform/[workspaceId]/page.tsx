import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { notFound } from 'next/navigation';
import { tenantKindLabels } from '~/server/workspaces/kind-labels';
import { DataTable } from '~/app/_components/data-table';
import { shortDate, timestamp } from '~/server/format/dates';
import { invitationStateLabels } from '~/server/people/invitation-labels';
import { guard, serverApi } from '../../_lib/server-api';
import { InviteManagerForm, ModulesForm, SuspensionForm } from '../platform-forms';

export const metadata: Metadata = { title: 'Workspace – platform administration' };

export default async function PlatformWorkspacePage({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const api = await serverApi();
  const workspace = (await guard(api.platform.workspaces())).find((w) => w.id === workspaceId);
  if (!workspace) notFound();
  const people = await guard(api.platform.managers({ workspaceId }));
  return (
    <div>
      <p>
        <Link href="/platform" className="text-brand-dark underline">
          Platform administration
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{workspace.name}</h1>
      <p className="mt-2">
        {tenantKindLabels[workspace.kind]} · opens at /{workspace.slug}
        {workspace.laCodes.length > 0 ? ` · LA codes ${workspace.laCodes.join(', ')}` : ''}
      </p>
      {workspace.suspendedAt && (
        <p role="status" className="mt-4 rounded border-l-4 border-amber-700 bg-amber-50 p-4">
          Suspended: nobody can sign in to it. Reason: {workspace.suspendedReason}
        </p>
      )}
      <section aria-labelledby="modules" className="mt-6">
        <h2 id="modules" className="text-2xl font-semibold">
          Modules
        </h2>
        <ModulesForm workspaceId={workspace.id} kind={workspace.kind} modules={workspace.modules} />
      </section>
      <section aria-labelledby="managers" className="mt-8">
        <h2 id="managers" className="text-2xl font-semibold">
          Managers
        </h2>
        <DataTable
          className="mt-2"
          caption="The workspace’s managers"
          hideCaption
          rows={people.managers}
          rowKey={(m) => m.email}
          empty="Nobody manages it yet: the invitation below has not been accepted."
          columns={[
            { header: 'Name', rowHeader: true, cell: (m) => m.name },
            { header: 'Email', cell: (m) => m.email },
          ]}
        />
        {people.invitations.length > 0 && (
          <DataTable
            className="mt-4"
            caption="Manager invitations, newest first"
            rows={people.invitations}
            rowKey={(i) => i.id}
            columns={[
              { header: 'Sent to', rowHeader: true, cell: (i) => i.email },
              { header: 'Sent', cell: (i) => timestamp(i.createdAt) },
              { header: 'State', cell: (i) => invitationStateLabels[i.state] },
              { header: 'Expires', cell: (i) => (i.state === 'pending' ? shortDate(i.expiresAt) : '—') },
            ]}
          />
        )}
      </section>
      <section aria-labelledby="manager" className="mt-8">
        <h2 id="manager" className="text-2xl font-semibold">
          Invite a manager
        </h2>
        <InviteManagerForm workspaceId={workspace.id} />
      </section>
      <section aria-labelledby="suspension" className="mt-8">
        <h2 id="suspension" className="text-2xl font-semibold">
          {workspace.suspendedAt ? 'Reinstate' : 'Suspend'}
        </h2>
        <SuspensionForm workspaceId={workspace.id} suspended={workspace.suspendedAt !== null} />
      </section>
    </div>
  );
}
