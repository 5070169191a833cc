import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { signInMethods } from '~/server/auth/options';
import { devToolsEnabled } from '~/server/env';
import { SiteHeader } from '../_components/site-header';
import { serverApi } from '../_lib/server-api';
import { DemoUserPicker, EmailSignInForm, ProviderButtons } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

const errorMessages: Record<string, string> = {
  Verification: 'That sign-in link has expired or has already been used. Ask for a new one below.',
  AccessDenied: 'That account is not registered with Stride. Ask your workspace manager to add you.',
  CredentialsSignin: 'That demo user was not found.',
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const api = await serverApi();
  const session = await api.auth.session();
  const target = callbackUrl?.startsWith('/') ? callbackUrl : '/start';
  if (session) redirect(target);
  const methods = signInMethods();
  const demo = devToolsEnabled() ? await api.dev.demoUsers() : [];
  return (
    <>
      <SiteHeader user={null} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">Sign in to Stride</h1>
        {error && (
          <div role="alert" className="mt-4 rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
            {errorMessages[error] ?? 'Sign-in did not work. Please try again.'}
          </div>
        )}
        <EmailSignInForm callbackUrl={target} />
        <ProviderButtons microsoft={methods.microsoft} google={methods.google} callbackUrl={target} />
        {methods.demo && <DemoUserPicker workspaces={demo} />}
      </main>
    </>
  );
}
