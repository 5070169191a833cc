import type { Metadata } from 'next';
import { timestamp } from '~/server/format/dates';
import { actionLabel } from '~/server/format/action-label';
import { Link } from '~/app/_components/link';
import { DataTable } from '~/app/_components/data-table';
import { tenantKindLabels } from '~/server/workspaces/kind-labels';
import { moduleTitles } from '~/server/workspaces/module-titles';
import { guard, serverApi } from '../_lib/server-api';
import { CreateWorkspaceForm } from './platform-forms';

export const metadata: Metadata = { title: 'Platform administration' };

export default async function PlatformPage() {
  const api = await serverApi();
  const [workspaces, audit] = await Promise.all([
    guard(api.platform.workspaces()),
    guard(api.platform.audit()),
  ]);
  return (
    <div>
      <h1 className="text-3xl font-bold">Platform administration</h1>
      <section aria-labelledby="workspaces" className="mt-6">
        <h2 id="workspaces" className="text-2xl font-semibold">
          Workspaces
        </h2>
        <DataTable
          className="mt-3"
          caption="Workspaces on this platform"
          hideCaption
          rows={workspaces}
          rowKey={(w) => w.id}
          empty="No workspaces yet: create the first below."
          columns={[
            {
              header: 'Workspace',
              rowHeader: true,
              cell: (w) => (
                <Link href={`/platform/${w.id}`} className="font-semibold text-brand-dark underline">
                  {w.name}
                </Link>
              ),
            },
            { header: 'Address', cell: (w) => `/${w.slug}` },
            { header: 'Kind', cell: (w) => tenantKindLabels[w.kind] },
            { header: 'Modules', cell: (w) => w.modules.map((m) => moduleTitles[m]).join(', ') || '–' },
            {
              header: 'Status',
              cell: (w) => (w.suspendedAt ? `Suspended ${timestamp(w.suspendedAt)}` : 'Active'),
            },
          ]}
        />
      </section>
      <section aria-labelledby="create" className="mt-8">
        <h2 id="create" className="text-2xl font-semibold">
          Create a workspace
        </h2>
        <CreateWorkspaceForm />
      </section>
      <section aria-labelledby="audit" className="mt-8">
        <h2 id="audit" className="text-2xl font-semibold">
          Platform audit log
        </h2>
        <DataTable
          className="mt-3"
          caption="What platform administrators did, newest first"
          hideCaption
          rows={audit.slice(0, 50)}
          rowKey={(a) => a.id}
          empty="Nothing yet."
          columns={[
            { header: 'When', rowHeader: true, cell: (a) => timestamp(a.createdAt) },
            { header: 'Who', cell: (a) => a.actor ?? '–' },
            { header: 'What', cell: (a) => actionLabel(a.action) },
            { header: 'Workspace', cell: (a) => a.workspace ?? '–' },
          ]}
        />
      </section>
    </div>
  );
}
