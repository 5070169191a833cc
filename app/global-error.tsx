'use client';

import './globals.css';
import { documentLanguage } from './_components/document-language';
import { SomethingWentWrong } from './_components/something-went-wrong';

/** When even the root layout fails: Next replaces the whole document, so this brings its own `<html>`. */
export default function GlobalError({
  error,
  reset,
  retry,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  /** Next 16: refreshes the server's part of the page, then resets: a server render that failed is tried again. */
  retry?: () => void;
}) {
  return (
    <html lang={documentLanguage}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <SomethingWentWrong digest={error.digest} onRetry={retry ?? reset} />
      </body>
    </html>
  );
}
