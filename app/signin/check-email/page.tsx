import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { devToolsEnabled } from '~/server/env';
import { SiteHeader } from '../../_components/site-header';

export const metadata: Metadata = { title: 'Check your email' };

export default function CheckEmailPage() {
  return (
    <>
      <SiteHeader user={null} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">Check your email</h1>
        <p className="mt-3 text-lg">
          If that address belongs to a Stride account, we have sent it a sign-in link. The link works once and
          expires in 24 hours.
        </p>
        {devToolsEnabled() && (
          <p className="mt-4">
            No email server is set up in development: open the{' '}
            <Link href="/dev/outbox" className="font-semibold text-brand-dark underline">
              development outbox
            </Link>
            .
          </p>
        )}
      </main>
    </>
  );
}
