import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { DesignateForm, EndDesignationButton } from './dcs-forms';

export const metadata: Metadata = { title: 'DCS and delegates' };

const roleLabels = { dcs: 'Director of Children’s Services', delegate: 'Delegate' } as const;

/** Who records the DCS's decisions in this workspace; the manager names them. */
export default async function DcsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  const view = await guard(api.casework.dcsDesignations());
  const isManager = workspace.roles.includes('tenant_admin');
  return (
    <div>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/${tenant}/concern`} className="text-brand-dark underline">
          Back to the register of concern
        </Link>
      </nav>
      <h1 className="mt-2 text-3xl font-bold">DCS and delegates</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Only the Director of Children’s Services, or a delegate they name, records the DCS’s decisions: formal
        warning notices, intervention powers and SCC budget approvals. Officers recommend.
      </p>
      <section aria-labelledby="named" className="mt-6">
        <h2 id="named" className="text-2xl font-semibold">
          Named now
        </h2>
        {view.designated.length === 0 ? (
          <p className="mt-2">
            Nobody is named yet: no DCS decision can be recorded until someone is.{' '}
            {isManager ? (
              <>
                Name the Director below (they need an account in this workspace first: invite them on{' '}
                <Link href={`/${tenant}/members`} className="font-semibold text-brand-dark underline">
                  People and roles
                </Link>
                ).
              </>
            ) : (
              'The workspace’s manager names the Director here.'
            )}
          </p>
        ) : (
          <ul className="mt-3 space-y-2" data-testid="dcs-designated">
            {view.designated.map((d) => (
              <li
                key={d.userId}
                className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-3"
              >
                <span>
                  <strong>{d.name}</strong>
                  {d.jobTitle ? `, ${d.jobTitle}` : ''} — {roleLabels[d.role]}
                </span>
                {isManager && <EndDesignationButton userId={d.userId} name={d.name} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      {view.preconditions.length > 0 && (
        <section aria-labelledby="preconditions" className="mt-6">
          <h2 id="preconditions" className="text-2xl font-semibold">
            Before recommending a formal warning notice
          </h2>
          <p className="mt-2">
            The officer confirms at least one of these (set in the workspace’s settings):
          </p>
          <ul className="mt-2 list-disc pl-6">
            {view.preconditions.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>
      )}
      {isManager && (
        <DesignateForm
          candidates={view.candidates.map((c) => ({ userId: c.userId, name: c.name }))}
          directorNamed={view.designated.some((d) => d.role === 'dcs')}
        />
      )}
    </div>
  );
}
