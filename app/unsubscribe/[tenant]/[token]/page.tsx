import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { buttonClass } from '~/app/_components/form-styles';
import { getDatabase } from '~/server/database';
import { setBulletinSubscriptionByLink } from '~/server/governance/bulletin-unsubscribe';
import { SiteHeader } from '../../../_components/site-header';
import { subscribeAgain } from './actions';

export const metadata: Metadata = { title: 'Unsubscribe from governor bulletins', robots: { index: false } };
export const dynamic = 'force-dynamic';

/**
 * The link at the foot of every governor bulletin: one click unsubscribes the address from the workspace's
 * bulletins, with no sign-in (the link is signed for that address and workspace). A mistaken click can be
 * taken back with the button.
 */
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string; token: string }>;
  searchParams: Promise<{ subscribed?: string }>;
}) {
  const { tenant, token } = await params;
  const { subscribed } = await searchParams;
  const db = (await getDatabase()).db;
  const result = subscribed
    ? await setBulletinSubscriptionByLink(db, { slug: tenant, token, subscribe: true })
    : await setBulletinSubscriptionByLink(db, { slug: tenant, token });
  if (!result) notFound();
  return (
    <>
      <SiteHeader user={null} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">
          {result.subscribed ? 'You are subscribed again' : 'You have unsubscribed'}
        </h1>
        <p role="status" className="mt-6 rounded border-l-4 border-green-700 bg-green-50 p-4">
          {result.subscribed
            ? `${result.email} will receive ${result.workspaceName}’s governor bulletins again.`
            : `${result.email} will receive no more governor bulletins from ${result.workspaceName}.`}
        </p>
        {!result.subscribed && (
          <form action={subscribeAgain.bind(null, tenant, token)} className="mt-6">
            <p>Unsubscribed by mistake?</p>
            <button type="submit" className={`${buttonClass} mt-2`}>
              Subscribe again
            </button>
          </form>
        )}
      </main>
    </>
  );
}
