import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { SiteHeader } from '../_components/site-header';
import { serverApi } from '../_lib/server-api';

export const metadata: Metadata = { title: 'Workspace suspended' };
export const dynamic = 'force-dynamic';

/** Where a suspended workspace sends its people (at sign-in, or opening any of its pages). */
export default async function SuspendedPage() {
  const api = await serverApi();
  const session = await api.auth.session();
  const mine = session ? (await api.workspaces.mine()).filter((w) => !w.suspended) : [];
  return (
    <>
      <SiteHeader user={session} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">This workspace is suspended</h1>
        <p className="mt-4 text-lg">
          Nobody can sign in to it at present. Its data is kept, and everything will be as it was if it is
          reinstated.
        </p>
        <p className="mt-4">
          If you think this is a mistake, contact the person who manages your organisation’s Stride contract.
        </p>
        {mine.length > 0 && (
          <p className="mt-4">
            <Link href="/start" className="font-semibold text-brand-dark underline">
              Go to your other workspaces
            </Link>
          </p>
        )}
      </main>
    </>
  );
}
