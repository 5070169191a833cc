import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { redirect } from 'next/navigation';
import { tenantKindLabels } from '~/server/workspaces/kind-labels';
import { SiteHeader } from '../_components/site-header';
import { serverApi } from '../_lib/server-api';

export const metadata: Metadata = { title: 'Ask to join a school' };
export const dynamic = 'force-dynamic';

/** Step one of asking to join: which workspace your school belongs to (the public directory). */
export default async function RequestAccessPage() {
  const api = await serverApi();
  const session = await api.auth.session();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent('/request-access')}`);
  const workspaces = await api.workspaces.list();
  return (
    <>
      <SiteHeader user={session} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">Ask to join a school</h1>
        <p className="mt-4">
          Choose the local authority, school improvement partnership or appropriate body your school works
          with.
        </p>
        <ul className="mt-6 space-y-3">
          {workspaces.map((w) => (
            <li key={w.slug}>
              <Link
                href={`/request-access/${w.slug}`}
                className="block rounded-lg border border-slate-200 bg-white p-4 font-semibold text-brand-dark underline"
              >
                {w.name}
              </Link>
              <span className="ml-4 text-sm text-slate-700">{tenantKindLabels[w.kind]}</span>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
