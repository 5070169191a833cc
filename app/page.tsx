import { Link } from '~/app/_components/link';
import { tenantKindLabels } from '~/server/workspaces/kind-labels';
import { SiteHeader } from './_components/site-header';
import { serverApi } from './_lib/server-api';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const api = await serverApi();
  const [workspaces, session] = await Promise.all([api.workspaces.list(), api.auth.session()]);
  const mine = session ? await api.workspaces.mine() : [];
  const mySlugs = new Set(mine.map((w) => w.slug));
  return (
    <>
      <SiteHeader user={session} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        <h1 className="text-3xl font-bold">School improvement, traded and statutory, in one place</h1>
        <p className="mt-3 max-w-3xl text-lg text-slate-700">
          Stride runs local authority and partnership workspaces: subscription packages and CPD for schools,
          and the statutory monitoring of schools causing concern.
        </p>
        <h2 className="mt-8 text-2xl font-semibold">Workspaces</h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {workspaces.map((w) => (
            <li key={w.slug} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <Link href={`/${w.slug}`} className="text-lg font-semibold text-brand-dark underline">
                {w.name}
              </Link>
              <p className="mt-1 text-sm text-slate-700">
                {tenantKindLabels[w.kind]}
                {mySlugs.has(w.slug) ? ' · you are a member' : ''}
              </p>
            </li>
          ))}
        </ul>
        {!session && (
          <p className="mt-8">
            <Link href="/signin" className="font-semibold text-brand-dark underline">
              Sign in
            </Link>{' '}
            to open your workspace.
          </p>
        )}
      </main>
    </>
  );
}
