import Link from 'next/link';
import { AccountStatus } from './account-status';

/**
 * The site header for pages cached for every visitor (the public course catalogue): the same HTML for all, and
 * the visitor's own name filled in by the browser (AccountStatus), since a cached page cannot read the cookie.
 */
export function PublicSiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-brand-dark no-underline">
          Stride
        </Link>
        <AccountStatus />
      </div>
    </header>
  );
}
