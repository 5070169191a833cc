import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { MonitoringSettingsForm } from './settings-form';

export const metadata: Metadata = { title: 'Monitoring settings' };

/** The LA's own words and cadence for monitoring, which its manager sets from the LA's policy. */
export default async function MonitoringSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  if (!workspace.roles.includes('tenant_admin')) forbidden();
  const settings = await guard(api.register.settings());
  return (
    <div>
      <h1 className="text-3xl font-bold">Monitoring settings</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        The words your monitoring, challenge and support policy uses, and how often you visit: pages, letters
        and emails use them. Until you save, Stride uses a common pattern (Barnet’s 2021 policy).
      </p>
      <MonitoringSettingsForm initial={settings} />
    </div>
  );
}
