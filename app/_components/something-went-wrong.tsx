'use client';

import { Button } from './form-kit';
import { DocumentLanguage } from './document-language';
import { Link } from './link';

/** What Next gives an error boundary (`error.tsx`, `global-error.tsx`). */
export type ErrorBoundaryProps = {
  error: Error & { digest?: string };
  reset: () => void;
  /** Next 16: refreshes the server's part of the page, then resets: a server render that failed is tried again. */
  retry?: () => void;
};

/**
 * What a person sees when a page fails on the server or in the browser for a reason we did not foresee: said
 * plainly, with a way to try again and a reference (Next's digest of the error, which the server's log carries
 * too) to quote to support, never the error's own text.
 */
export function SomethingWentWrong({ error: { digest }, reset, retry }: ErrorBoundaryProps) {
  const onRetry = retry ?? reset;
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-12">
      <DocumentLanguage />
      <h1 className="text-3xl font-bold">Sorry, something went wrong</h1>
      <p className="mt-3 text-lg">
        This page could not be shown. Try again; if you were saving something, check whether it was saved
        before entering it again.
      </p>
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <Button variant="primary" onClick={onRetry}>
          Try again
        </Button>
        <Link href="/start" className="font-semibold text-brand-dark underline">
          Go to your workspaces
        </Link>
      </div>
      {digest && (
        <p className="mt-8 text-slate-700">
          If it keeps happening, tell your workspace&apos;s manager and give them this reference:{' '}
          <code className="rounded bg-slate-100 px-1 font-mono">{digest}</code>
        </p>
      )}
    </main>
  );
}
