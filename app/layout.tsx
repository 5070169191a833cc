import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { documentLanguage } from './_components/document-language';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Stride', template: '%s · Stride' },
  description: 'School improvement services, subscriptions and statutory monitoring',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={documentLanguage}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2"
        >
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}
