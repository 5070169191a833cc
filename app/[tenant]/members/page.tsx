import type { Metadata } from 'next';
import { DataTable } from '~/app/_components/data-table';
import { roleLabels } from '~/server/workspaces/role-labels';
import { guard, loadWorkspace } from '../../_lib/server-api';

export const metadata: Metadata = { title: 'People and roles' };

export default async function MembersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api } = await loadWorkspace(tenant);
  const members = await guard(api.members.list());
  return (
    <div>
      <h1 className="text-3xl font-bold">People and roles</h1>
      <DataTable
        className="mt-4"
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
          { header: 'Role', cell: (m) => roleLabels[m.role] },
          { header: 'School', cell: (m) => m.schoolName ?? '–' },
        ]}
      />
    </div>
  );
}
