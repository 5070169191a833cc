import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { SiteHeader } from '../_components/site-header';
import { serverApi } from '../_lib/server-api';
import { WorkspaceTRPCProvider } from '../_lib/trpc-client';

export const dynamic = 'force-dynamic';

/** Platform administration: separate from every workspace (no workspace header is sent). */
export default async function PlatformLayout({ children }: { children: ReactNode }) {
  const api = await serverApi();
  const session = await api.auth.session();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent('/platform')}`);
  return (
    <>
      <SiteHeader user={session} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        <WorkspaceTRPCProvider tenantSlug="">{children}</WorkspaceTRPCProvider>
      </main>
    </>
  );
}
