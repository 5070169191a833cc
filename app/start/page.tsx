import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { redirect } from 'next/navigation';
import { shortRoleLabels } from '~/server/workspaces/role-labels';
import { SiteHeader } from '../_components/site-header';
import { serverApi } from '../_lib/server-api';

export const metadata: Metadata = { title: 'Choose a workspace' };
export const dynamic = 'force-dynamic';

/** Where sign-in lands: straight into the only workspace, a choice when there are several, else how to join. */
export default async function StartPage() {
  const api = await serverApi();
  const session = await api.auth.session();
  if (!session) redirect('/signin');
  const all = await api.workspaces.mine();
  const mine = all.filter((w) => !w.suspended);
  if (mine.length === 0 && all.length > 0) redirect('/suspended');
  if (mine.length === 1 && mine[0]) redirect(`/${mine[0].slug}`);
  if (mine.length === 0 && session.isSuperadmin) redirect('/platform');
  return (
    <>
      <SiteHeader user={session} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">
          {mine.length === 0 ? 'You have no workspace yet' : 'Choose a workspace'}
        </h1>
        {mine.length === 0 ? (
          <>
            <p className="mt-4">
              If you were invited, open the link in your invitation email. If you work at a school, you can
              ask to join it: its headteacher or the workspace’s manager will answer.
            </p>
            <p className="mt-4">
              <Link
                href="/request-access"
                className="inline-block rounded bg-brand px-4 py-3 font-semibold text-white"
              >
                Ask to join a school
              </Link>
            </p>
          </>
        ) : (
          <ul className="mt-6 space-y-3">
            {mine.map((w) => (
              <li key={w.slug}>
                <Link
                  href={`/${w.slug}`}
                  className="block rounded-lg border border-slate-200 bg-white p-4 font-semibold text-brand-dark underline"
                >
                  {w.name}
                </Link>
                <span className="sr-only">Your roles: </span>
                <span className="ml-4 text-sm text-slate-700">
                  {w.roles.map((r) => shortRoleLabels[r]).join(', ')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
