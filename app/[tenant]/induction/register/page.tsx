import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { formatPence } from '~/server/catalogue/money';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { RegisterEctForm } from '../induction-forms';

export const metadata: Metadata = { title: 'Register an ECT' };

export default async function RegisterEctPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  const isManager = workspace.roles.includes('tenant_admin');
  if (
    workspace.tenant.kind !== 'appropriate_body' ||
    (!isManager && !workspace.roles.includes('school_admin'))
  )
    forbidden();
  const { feePerEctPence } = await guard(api.induction.settings());
  const schools = isManager
    ? (await api.schools.list({ open: true })).map((s) => ({ id: s.id, name: s.name }))
    : workspace.mySchools.map((s) => ({ id: s.id, name: s.name }));
  return (
    <div>
      <h1 className="text-3xl font-bold">Register an ECT</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Register an early career teacher with {workspace.tenant.name} as your Appropriate Body. We work out
        when each progress review and assessment is due from the start date, FTE and term dates.{' '}
        {feePerEctPence > 0
          ? `The Appropriate Body fee of ${formatPence(feePerEctPence)} is added to your school’s next invoice (not again if the ECT is continuing an induction started at another of our schools).`
          : 'There is no Appropriate Body fee.'}{' '}
        The induction tutor, mentor and ECT you name are invited to sign in if they cannot already.
      </p>
      <RegisterEctForm
        tenant={tenant}
        schools={schools}
        registeredOnFor={isManager ? { today: todayInLondon() } : undefined}
      />
    </div>
  );
}
