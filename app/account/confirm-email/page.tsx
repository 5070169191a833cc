import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { dateAndTime } from '~/server/format/dates';
import { SiteHeader } from '../../_components/site-header';
import { serverApi } from '../../_lib/server-api';
import { WorkspaceTRPCProvider } from '../../_lib/trpc-client';
import { ConfirmSignInAddressForm } from './confirm-sign-in-address-form';

export const metadata: Metadata = { title: 'Confirm your new sign-in address' };
export const dynamic = 'force-dynamic';

/**
 * The link emailed to a new sign-in address. Opening it changes nothing (mail scanners open links too): the
 * person presses the button, signed in or not, since the link alone proves the address is theirs.
 */
export default async function ConfirmSignInAddressPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const api = await serverApi();
  const session = await api.auth.session();
  const link =
    typeof token === 'string'
      ? await api.account.signInAddressLink({ token }).catch((error: unknown) => {
          if (error instanceof TRPCError && error.code === 'NOT_FOUND') return null;
          throw error;
        })
      : null;
  return (
    <>
      <SiteHeader user={session} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">Confirm your new sign-in address</h1>
        {!link || typeof token !== 'string' ? (
          <p className="mt-4 text-lg">
            This link is not valid: it may have been used already, or replaced by a newer one. Your sign-in
            address has not changed. Sign in and look at{' '}
            <Link href="/account" className="font-semibold text-brand-dark underline">
              Your account
            </Link>
            .
          </p>
        ) : link.expired ? (
          <p className="mt-4 text-lg">
            This link expired on {dateAndTime(link.expiresAt)}, so your sign-in address has not changed. Sign
            in with your current address and ask for a new link on{' '}
            <Link href="/account" className="font-semibold text-brand-dark underline">
              Your account
            </Link>
            .
          </p>
        ) : (
          <WorkspaceTRPCProvider tenantSlug="">
            <ConfirmSignInAddressForm token={token} newEmail={link.newEmail} signedIn={session !== null} />
          </WorkspaceTRPCProvider>
        )}
      </main>
    </>
  );
}
