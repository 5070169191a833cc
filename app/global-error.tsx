'use client';

import './globals.css';
import { documentLanguage } from './_components/document-language';
import { SomethingWentWrong, type ErrorBoundaryProps } from './_components/something-went-wrong';

/** When even the root layout fails: Next replaces the whole document, so this brings its own `<html>`. */
export default function GlobalError(props: ErrorBoundaryProps) {
  return (
    <html lang={documentLanguage}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <SomethingWentWrong {...props} />
      </body>
    </html>
  );
}
