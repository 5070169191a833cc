import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { DataTable } from '~/app/_components/data-table';
import { officeLabels } from '~/server/governance/labels';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { shortDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'Chairs and vice-chairs' };

export default async function ChairsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api } = await loadWorkspace(tenant);
  const chairs = await guard(api.governance.chairs());
  return (
    <div>
      <p>
        <Link className="text-brand-dark underline" href={`/${tenant}/governance`}>
          Governance
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Chairs and vice-chairs</h1>
      <p className="mt-2 text-slate-700">
        The contact details the local authority keeps for every board’s chair and vice-chair.{' '}
        <a className="text-brand-dark underline" href={`/${tenant}/governance/chairs/export`}>
          Download as CSV
        </a>
      </p>
      <DataTable
        className="mt-4"
        caption="Chairs and vice-chairs by school"
        hideCaption
        rows={chairs}
        rowKey={(c) => c.id}
        rowTestId="chair-row"
        columns={[
          { header: 'School', rowHeader: true, cell: (c) => c.schoolName },
          { header: 'Office', cell: (c) => officeLabels[c.office] },
          { header: 'Name', cell: (c) => c.name },
          {
            header: 'Email',
            cell: (c) =>
              c.email ? (
                <a className="text-brand-dark underline" href={`mailto:${c.email}`}>
                  {c.email}
                </a>
              ) : (
                '—'
              ),
          },
          { header: 'Phone', cell: (c) => c.phone || '—' },
          { header: 'Term ends', cell: (c) => shortDate(c.termEndsOn) },
        ]}
        empty="No chairs or vice-chairs are recorded yet."
      />
    </div>
  );
}
