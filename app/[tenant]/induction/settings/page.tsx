import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { Link } from '~/app/_components/link';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { InductionSettingsForm } from './settings-form';

export const metadata: Metadata = { title: 'Induction settings' };

/** The Appropriate Body's fee per ECT and whether it checks schools' registrations, which its manager sets. */
export default async function InductionSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  if (!workspace.roles.includes('tenant_admin')) forbidden();
  const settings = await guard(api.induction.settings());
  return (
    <div>
      <p>
        <Link href={`/${tenant}/induction`} className="text-brand-dark underline">
          ECT induction
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Induction settings</h1>
      <InductionSettingsForm
        initialFeePence={settings.feePerEctPence}
        initialCheckRegistrations={settings.checkRegistrations}
      />
    </div>
  );
}
