import { Link } from '~/app/_components/link';
import type { ReactNode } from 'react';
import { shownName } from '~/server/format/person-name';
import type { SessionUser } from '~/server/trpc';
import { SignOutButton } from './sign-out-button';
import { YourWorkspaceLink } from './your-workspace-link';

/** The header's frame: the site's name on the left, the account on the right. */
export function HeaderShell({ children }: { children: ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-brand-dark no-underline">
          Stride
        </Link>
        {children}
      </div>
    </header>
  );
}

/**
 * `returnTo`: the page signing in comes back to (an invitation, say), instead of the start page. `workspace`:
 * on a workspace's public page, the signed-in person's way into it when they belong to it.
 */
export function SiteHeader({
  user,
  returnTo,
  workspace,
}: {
  user: SessionUser | null;
  returnTo?: string;
  workspace?: string;
}) {
  return (
    <HeaderShell>
      {user ? (
        <div className="flex items-center gap-3 text-sm">
          {workspace && <YourWorkspaceLink slug={workspace} />}
          {user.isSuperadmin && (
            <Link href="/platform" className="font-semibold text-brand-dark underline">
              Platform
            </Link>
          )}
          <span>
            Signed in as{' '}
            <Link href="/account" className="font-semibold text-brand-dark underline">
              {shownName(user)}
              <span className="sr-only"> (your account)</span>
            </Link>
          </span>
          <SignOutButton />
        </div>
      ) : (
        <Link
          href={returnTo ? `/signin?callbackUrl=${encodeURIComponent(returnTo)}` : '/signin'}
          className="rounded bg-brand px-3 py-2 text-sm font-semibold text-white"
        >
          Sign in
        </Link>
      )}
    </HeaderShell>
  );
}
