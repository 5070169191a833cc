import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { forbidden } from 'next/navigation';
import { giasImportNotes } from '~/server/schools/import-gias/import-page-words';
import { loadWorkspace } from '../../../_lib/server-api';
import { GiasImportForm } from './gias-import-form';

export const metadata: Metadata = { title: 'Import schools from GIAS' };

export default async function SchoolImportPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { workspace } = await loadWorkspace(tenant);
  // The procedures refuse anyone else too; this spares them a form they cannot use.
  if (!workspace.roles.includes('tenant_admin')) forbidden();
  return (
    <div className="max-w-4xl">
      <p>
        <Link href={`/${tenant}/schools`} className="text-brand-dark underline">
          Back to schools
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Import schools from GIAS</h1>
      <p className="mt-3">
        Add and update schools from a Get Information about Schools (GIAS) download.{' '}
        {giasImportNotes(workspace.tenant).join(' ')}
      </p>
      <p className="mt-2">
        Nothing is saved until you have checked the file and chosen to import it. If any school in the file
        has a problem, nothing is imported.
      </p>
      <GiasImportForm tenant={tenant} laCodes={workspace.tenant.laCodes} />
    </div>
  );
}
