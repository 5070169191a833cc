import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { RetentionForm } from './retention-form';

export const metadata: Metadata = { title: 'Retention periods' };

/** Settings: how long the workspace keeps people's records before the retention job anonymises them. */
export default async function RetentionPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  const retention = await guard(api.personalData.retention());
  const initial = {
    governorYears: String(retention.governorYears),
    ectYears: String(retention.ectYears),
    delegateYears: String(retention.delegateYears),
  };
  return (
    <div>
      <p>
        <Link href={`/${tenant}/personal-data`} className="text-brand-dark underline">
          Personal data
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Retention periods</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Every night the personal data retention job anonymises records kept longer than these periods, and
        logs each erasure. Invoices are never changed.
        {retention.isDefault ? ' These are the defaults until you save your own.' : ''}
      </p>
      {workspace.roles.includes('tenant_admin') ? (
        <RetentionForm initial={initial} />
      ) : (
        <p className="mt-4">Only the workspace’s manager can change them.</p>
      )}
    </div>
  );
}
