import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { Link } from '~/app/_components/link';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { TradedSettingsForm } from './settings-form';

export const metadata: Metadata = { title: 'Traded services settings' };

/** The workspace's own names for its two prices, and its rule for a use its entitlement covers only in part. */
export default async function TradedSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  if (!workspace.roles.includes('tenant_admin')) forbidden();
  const settings = await guard(api.catalogue.settings());
  return (
    <div>
      <p>
        <Link href={`/${tenant}/catalogue`} className="text-brand-dark underline">
          Packages and services
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Traded services settings</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        The words your price list uses, which packages, courses, quotes and statements then show.
      </p>
      <TradedSettingsForm initial={settings} />
    </div>
  );
}
