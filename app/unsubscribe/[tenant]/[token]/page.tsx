import type { Metadata } from 'next';
import { buttonClass } from '~/app/_components/form-styles';
import { guard, serverApi } from '../../../_lib/server-api';
import { SiteHeader } from '../../../_components/site-header';
import { subscribeAgain, unsubscribe } from './actions';

export const metadata: Metadata = { title: 'Unsubscribe from governor bulletins', robots: { index: false } };
export const dynamic = 'force-dynamic';

/**
 * The link at the foot of every governor bulletin, with no sign-in (the link is signed for that address and
 * workspace). Opening it changes nothing, since mail scanners open every link in an email: the person presses
 * Unsubscribe (a mail client's own Unsubscribe button POSTs to the one-click route instead), and can take it
 * back with Subscribe again.
 */
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string; token: string }>;
  searchParams: Promise<{ subscribed?: string }>;
}) {
  const { tenant, token } = await params;
  const { subscribed: again } = await searchParams;
  const link = await guard((await serverApi(tenant)).bulletinLinks.status({ tenant, token }));
  const heading = !link.subscribed
    ? 'You have unsubscribed'
    : again
      ? 'You are subscribed again'
      : 'Unsubscribe from governor bulletins';
  return (
    <>
      <SiteHeader user={null} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">{heading}</h1>
        {link.subscribed && !again ? (
          <form action={unsubscribe.bind(null, tenant, token)} className="mt-6">
            <p>
              {link.email} receives {link.workspaceName}’s governor bulletins. Unsubscribing stops them for
              this address; other emails from {link.workspaceName} (training bookings, for example) still
              come.
            </p>
            <button type="submit" className={`${buttonClass} mt-4`}>
              Unsubscribe
            </button>
          </form>
        ) : (
          <p role="status" className="mt-6 rounded border-l-4 border-green-700 bg-green-50 p-4">
            {link.subscribed
              ? `${link.email} will receive ${link.workspaceName}’s governor bulletins again.`
              : `${link.email} will receive no more governor bulletins from ${link.workspaceName}.`}
          </p>
        )}
        {!link.subscribed && (
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
