import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { SiteHeader } from '../../_components/site-header';
import { serverApi } from '../../_lib/server-api';
import { WorkspaceTRPCProvider } from '../../_lib/trpc-client';
import { RequestAccessForm } from './request-access-form';
import { hasOwnName } from '~/server/format/person-name';

export const metadata: Metadata = { title: 'Ask to join a school' };
export const dynamic = 'force-dynamic';

/** Step two: which school, who you are. The school's headteacher or the manager answers by email. */
export default async function RequestAccessToWorkspace({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const api = await serverApi();
  const session = await api.auth.session();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(`/request-access/${tenant}`)}`);
  const workspace = (await api.workspaces.list()).find((w) => w.slug === tenant);
  if (!workspace) notFound();
  return (
    <>
      <SiteHeader user={session} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">Ask to join a school in {workspace.name}</h1>
        <p className="mt-4">
          You will see nothing of {workspace.name} until your school’s headteacher (or the workspace’s
          manager) approves. We will email {session.email} with the answer.
        </p>
        <WorkspaceTRPCProvider tenantSlug={tenant}>
          <RequestAccessForm defaultName={hasOwnName(session) ? session.name : ''} />
        </WorkspaceTRPCProvider>
      </main>
    </>
  );
}
