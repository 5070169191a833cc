import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { roleLabelIn } from '~/server/workspaces/role-labels';
import { SiteHeader } from '../../../_components/site-header';
import { guard, serverApi } from '../../../_lib/server-api';
import { WorkspaceTRPCProvider } from '../../../_lib/trpc-client';
import { AcceptInvitationForm } from './accept-invitation-form';
import { longDate } from '~/server/format/dates';
import { hasOwnName } from '~/server/format/person-name';

export const metadata: Metadata = { title: 'Your invitation' };
export const dynamic = 'force-dynamic';

/** The link in an invitation email: sign in with the invited address, then accept. */
export default async function InvitationPage({
  params,
}: {
  params: Promise<{ tenant: string; token: string }>;
}) {
  const { tenant, token } = await params;
  const here = `/invite/${encodeURIComponent(tenant)}/${encodeURIComponent(token)}`;
  const api = await serverApi(tenant);
  const session = await api.auth.session();
  if (!session) {
    return (
      <>
        <SiteHeader user={null} returnTo={here} />
        <main id="main" className="mx-auto max-w-3xl px-4 py-8">
          <h1 className="text-3xl font-bold">You have been invited to Stride</h1>
          <p className="mt-4 text-lg">
            Sign in with the email address the invitation was sent to. You will come back here to accept it.
          </p>
          <p className="mt-6">
            <Link
              href={`/signin?callbackUrl=${encodeURIComponent(here)}`}
              className="inline-block rounded bg-brand px-4 py-3 font-semibold text-white"
            >
              Sign in to accept
            </Link>
          </p>
        </main>
      </>
    );
  }
  const invitation = await guard(api.joining.invitation({ token }));
  const what = `${roleLabelIn(invitation.workspaceKind, invitation.role)}${invitation.schoolName ? ` for ${invitation.schoolName}` : ''}`;
  return (
    <>
      <SiteHeader user={session} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">Join {invitation.workspaceName}</h1>
        <p className="mt-4 text-lg">
          You are invited as {what}. The invitation was sent to {invitation.email}.
        </p>
        {invitation.state === 'accepted' ? (
          <p className="mt-4">
            This invitation has already been used.{' '}
            <Link href={`/${invitation.slug}`} className="font-semibold text-brand-dark underline">
              Open {invitation.workspaceName}
            </Link>
          </p>
        ) : invitation.state === 'expired' ? (
          <p className="mt-4">
            This invitation expired on {longDate(invitation.expiresAt)}. Ask for a new one.
          </p>
        ) : invitation.state === 'withdrawn' ? (
          <p className="mt-4">
            This invitation was withdrawn or replaced by a newer one. Use the newest email.
          </p>
        ) : !invitation.forSignedInUser ? (
          <p className="mt-4">
            You are signed in as {session.email}. Sign out, then sign in as {invitation.email} to accept.
          </p>
        ) : (
          <WorkspaceTRPCProvider tenantSlug={tenant}>
            <AcceptInvitationForm
              token={token}
              workspaceName={invitation.workspaceName}
              defaultName={hasOwnName(session) ? session.name : ''}
            />
          </WorkspaceTRPCProvider>
        )}
      </main>
    </>
  );
}
