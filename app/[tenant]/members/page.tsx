import type { Metadata } from 'next';
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
      <div className="mt-4 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">People with access to this workspace</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="p-2">
                Name
              </th>
              <th scope="col" className="p-2">
                Email
              </th>
              <th scope="col" className="p-2">
                Role
              </th>
              <th scope="col" className="p-2">
                School
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.membershipId} className="border-b border-slate-200">
                <td className="p-2">
                  {m.userName}
                  {m.jobTitle && <span className="block text-slate-700">{m.jobTitle}</span>}
                </td>
                <td className="p-2">{m.email}</td>
                <td className="p-2">{roleLabels[m.role]}</td>
                <td className="p-2">{m.schoolName ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
