import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { formatPence } from '~/server/catalogue/money';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { RegisterEctForm } from '../induction-forms';

export const metadata: Metadata = { title: 'Register an ECT' };

export default async function RegisterEctPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { tenant } = await params;
  const { from: fromId } = await searchParams;
  const { api, workspace } = await loadWorkspace(tenant);
  const isManager = workspace.roles.includes('tenant_admin');
  if (
    workspace.tenant.kind !== 'appropriate_body' ||
    (!isManager && !workspace.roles.includes('school_admin'))
  )
    forbidden();
  const { feePerEctPence, registrationsAwaitAcceptance } = await guard(api.induction.settings());
  // Correcting a registration awaiting the AB, or sending one it declined again (the school's own only).
  const from = fromId ? await guard(api.induction.registration({ registrationId: fromId })) : undefined;
  const correcting = from?.status === 'awaiting';
  const schools = isManager
    ? (await api.schools.list({ open: true })).map((s) => ({ id: s.id, name: s.name }))
    : workspace.mySchools.map((s) => ({ id: s.id, name: s.name }));
  return (
    <div>
      <h1 className="text-3xl font-bold">{correcting ? 'Correct a registration' : 'Register an ECT'}</h1>
      {from?.status === 'rejected' && (
        <div className="mt-4 max-w-3xl rounded border-l-4 border-amber-600 bg-amber-50 p-4">
          <h2 className="font-semibold">The Appropriate Body did not accept this registration</h2>
          <p className="mt-1">{from.rejectionReason}</p>
          <p className="mt-1">Correct the details below and send it again.</p>
        </div>
      )}
      {registrationsAwaitAcceptance && (
        <p className="mt-2 max-w-3xl text-slate-700">
          {workspace.tenant.name} checks each registration before it takes effect (the TRN and QTS, the start
          date, induction served elsewhere). The induction starts once it accepts the registration; you see
          here whether it has, or why not.
        </p>
      )}
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
        awaitsAcceptance={registrationsAwaitAcceptance}
        from={from}
      />
    </div>
  );
}
