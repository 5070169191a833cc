import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { formatPence } from '~/server/catalogue/money';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { CreateContractForm } from './commissioning-forms';
import { period, StatusBadge } from './commissioning-format';

export const metadata: Metadata = { title: 'Commissioning' };

export default async function CommissioningPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  const isLa = workspace.tenant.kind === 'la';
  const mayCommission = isLa && workspace.roles.some((r) => r === 'tenant_admin' || r === 'la_officer');
  const [contracts, providers] = await Promise.all([
    guard(api.commissioning.list()),
    mayCommission ? api.commissioning.providers() : [],
  ]);
  return (
    <div>
      <h1 className="text-3xl font-bold">Commissioning</h1>
      <p className="mt-2 text-slate-700">
        {isLa
          ? 'Contracts with providers for support to schools causing concern, and what they have delivered against them.'
          : 'Contracts from local authorities commissioning us to support their schools. Log each delivery against the contract.'}
      </p>

      <section aria-labelledby="contracts" className="mt-8">
        <h2 id="contracts" className="text-2xl font-semibold">
          {isLa ? 'Contracts' : 'Contracts commissioning us'}
        </h2>
        {contracts.length === 0 ? (
          <p className="mt-2">No contracts yet.</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {contracts.map((c) => (
              <li
                key={c.id}
                className="rounded-lg border border-slate-200 bg-white p-4"
                data-testid="contract"
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="text-lg font-semibold">
                    <Link href={`/${tenant}/commissioning/${c.id}`} className="text-brand-dark underline">
                      {c.title}
                    </Link>
                  </h3>
                  <StatusBadge status={c.status} />
                </div>
                <p className="mt-1 text-sm">
                  {isLa ? 'Provider' : 'Commissioned by'}: <strong>{c.counterpartName}</strong> ·{' '}
                  {formatPence(c.annualValuePence)} a year · {period(c.startsOn, c.endsOn)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {mayCommission && providers.length === 0 && (
        <p className="mt-8 rounded border-l-4 border-slate-600 bg-white p-4" data-testid="no-providers">
          No provider can be commissioned yet: a provider needs its own workspace on Stride with commissioning
          switched on. Ask the platform administrator to set one up for the provider you want to commission.
        </p>
      )}
      {mayCommission && providers.length > 0 && (
        <CreateContractForm tenantSlug={tenant} providers={providers} />
      )}
    </div>
  );
}
