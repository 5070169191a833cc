import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Link } from '~/app/_components/link';
import { dateAndTime } from '~/server/format/dates';
import { roleLabelIn } from '~/server/workspaces/role-labels';
import { SiteHeader } from '../_components/site-header';
import { serverApi } from '../_lib/server-api';
import { WorkspaceTRPCProvider } from '../_lib/trpc-client';
import { AccountForm } from './account-form';
import { SignInAddressForm } from './sign-in-address-form';

export const metadata: Metadata = { title: 'Your account' };
export const dynamic = 'force-dynamic';

/**
 * The signed-in person's own account: their name (as every workspace shows it), the address they sign in with
 * (and a change of it waiting for its link) and their workspaces.
 */
export default async function AccountPage() {
  const api = await serverApi();
  const session = await api.auth.session();
  if (!session) redirect('/signin?callbackUrl=%2Faccount');
  const account = await api.account.mine();
  return (
    <>
      <SiteHeader user={session} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">Your account</h1>
        {!account.namedYet && (
          <p className="mt-4 rounded border border-amber-300 bg-amber-50 p-3">
            Please give your name: workspaces show it on registers, bookings and emails instead of your email
            address.
          </p>
        )}
        <section aria-labelledby="details" className="mt-6">
          <h2 id="details" className="text-2xl font-semibold">
            Your details
          </h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">Email address</dt>
            <dd>{account.email}</dd>
          </dl>
          <p className="mt-1 text-sm text-slate-700">You sign in with this address.</p>
          {/* No workspace: the account is the person's own, whichever workspaces they belong to. */}
          <WorkspaceTRPCProvider tenantSlug="">
            <AccountForm name={account.name} jobTitle={account.jobTitle ?? ''} />
          </WorkspaceTRPCProvider>
        </section>
        <section aria-labelledby="sign-in-address" className="mt-8">
          <h2 id="sign-in-address" className="text-2xl font-semibold">
            Change your sign-in address
          </h2>
          <p className="mt-3">
            Moving to a new email address (your school changed its domain, say)? Give the new one: we email it
            a link, and once it is opened you sign in with it instead of {account.email}.
          </p>
          <WorkspaceTRPCProvider tenantSlug="">
            <SignInAddressForm
              pending={
                account.pendingSignInAddress && {
                  newEmail: account.pendingSignInAddress.newEmail,
                  expiresAt: dateAndTime(account.pendingSignInAddress.expiresAt),
                }
              }
            />
          </WorkspaceTRPCProvider>
        </section>
        <section aria-labelledby="workspaces" className="mt-8">
          <h2 id="workspaces" className="text-2xl font-semibold">
            Your workspaces
          </h2>
          {account.workspaces.length === 0 ? (
            <p className="mt-3">
              You do not belong to a workspace yet. Open the link in your invitation email, or{' '}
              <Link href="/request-access" className="font-semibold text-brand-dark underline">
                ask to join a school
              </Link>
              .
            </p>
          ) : (
            <ul className="mt-3 space-y-3">
              {account.workspaces.map((w) => (
                <li key={w.slug} className="rounded-lg border border-slate-200 bg-white p-4">
                  {w.suspended ? (
                    <span className="font-semibold">{w.name} (suspended)</span>
                  ) : (
                    <Link href={`/${w.slug}`} className="font-semibold text-brand-dark underline">
                      {w.name}
                    </Link>
                  )}
                  <p className="mt-1 text-sm text-slate-700">
                    Your roles: {w.roles.map((r) => roleLabelIn(w.kind, r)).join('; ')}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </>
  );
}
