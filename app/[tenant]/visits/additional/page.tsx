import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { statutorySettingsOf } from '~/server/monitoring/statutory-settings';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { AdviseYourself } from '../../advise-yourself';
import { AdditionalVisitForm } from '../visit-forms';

export const metadata: Metadata = { title: 'Add an additional visit' };

export default async function AdditionalVisitPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  const options = await guard(api.visits.additionalVisitOptions());
  return (
    <div>
      <p>
        <Link href={`/${tenant}/visits`} className="text-brand-dark underline">
          Back to visits
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Add an additional visit</h1>
      <p className="mt-2 text-slate-700">
        A visit outside the school’s planned programme, for one of the reasons your authority records.
        Choosing the school fills in its link adviser.
      </p>
      {options.advisers.length === 0 ? (
        <p className="mt-4 rounded border-l-4 border-amber-700 bg-amber-50 p-3" data-testid="no-advisers">
          A visit is given to an adviser, and no one in this workspace has the adviser role yet: invite your
          advisers on{' '}
          <Link href={`/${tenant}/members`} className="font-semibold text-brand-dark underline">
            People and roles
          </Link>
          , then add the visit.
          {workspace.roles.includes('tenant_admin') && <AdviseYourself tenant={tenant} />}
        </p>
      ) : (
        <AdditionalVisitForm
          tenant={tenant}
          schools={options.schools}
          reasons={statutorySettingsOf(workspace.tenant.settings).additionalVisitReasons}
          advisers={options.advisers.map((a) => ({ userId: a.userId, name: a.name }))}
        />
      )}
    </div>
  );
}
