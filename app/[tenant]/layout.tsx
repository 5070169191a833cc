import { Link } from '~/app/_components/link';
import type { ReactNode } from 'react';
import { shortRoleLabels } from '~/server/workspaces/role-labels';
import { SiteHeader } from '../_components/site-header';
import { loadWorkspace } from '../_lib/server-api';
import { tenantKindLabels } from '~/server/workspaces/kind-labels';
import { WorkspaceTRPCProvider } from '../_lib/trpc-client';
import { refusalsFor } from '~/server/workspaces/refusal';
import { WorkspaceMenu } from './workspace-menu';
import { WorkspaceRefusalProvider } from './workspace-refusal';

export const dynamic = 'force-dynamic';

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ tenant: string }>;
}) {
  const { tenant } = await params;
  const { session, workspace, mine } = await loadWorkspace(tenant);
  const others = mine.filter((w) => w.slug !== tenant);
  return (
    <>
      <SiteHeader user={session} />
      <div className="border-b border-slate-200 bg-brand-dark text-white">
        <div className="mx-auto max-w-6xl px-4 py-3">
          <p className="text-lg font-semibold">{workspace.tenant.name}</p>
          <p className="text-sm">
            {tenantKindLabels[workspace.tenant.kind]} · Your role
            {workspace.roles.length > 1 ? 's' : ''}:{' '}
            {workspace.roles.map((r) => shortRoleLabels[r]).join(', ')}
          </p>
        </div>
      </div>
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6 md:flex-row">
        <WorkspaceMenu>
          <nav aria-label="Workspace">
            <ul className="space-y-1">
              <li>
                <Link
                  href={`/${tenant}`}
                  className="block rounded px-3 py-2 text-brand-dark underline hover:bg-white"
                >
                  Dashboard
                </Link>
              </li>
              {workspace.sections.map((s) => (
                <li key={s.slug}>
                  <Link
                    href={`/${tenant}/${s.slug}`}
                    className="block rounded px-3 py-2 text-brand-dark underline hover:bg-white"
                  >
                    {s.title}
                    {!s.built && <span className="ml-1 text-xs text-slate-700">(coming soon)</span>}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {others.length > 0 && (
            <nav aria-label="Your other workspaces" className="mt-6 border-t border-slate-300 pt-4">
              <h2 className="px-3 text-sm font-semibold text-slate-700">Switch workspace</h2>
              <ul className="mt-1 space-y-1">
                {others.map((w) => (
                  <li key={w.slug}>
                    <Link
                      href={`/${w.slug}`}
                      className="block rounded px-3 py-2 text-brand-dark underline hover:bg-white"
                    >
                      {w.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </WorkspaceMenu>
        <main id="main" className="min-w-0 flex-1">
          <WorkspaceTRPCProvider tenantSlug={tenant}>
            <WorkspaceRefusalProvider
              refusals={refusalsFor(workspace.tenant, {
                roles: workspace.roles,
                isSuperadmin: session.isSuperadmin,
              })}
            >
              {children}
            </WorkspaceRefusalProvider>
          </WorkspaceTRPCProvider>
        </main>
      </div>
    </>
  );
}
