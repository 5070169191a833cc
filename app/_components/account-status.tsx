'use client';

import { Link } from '~/app/_components/link';
import { useEffect, useState } from 'react';
import { shownName } from '~/server/format/person-name';
import { SignOutButton } from './sign-out-button';

/** "Sign in", or who is signed in, asked of the session endpoint once the page has loaded. */
export function AccountStatus() {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/api/auth/session')
      .then((r) =>
        r.ok ? (r.json() as Promise<{ user?: { name?: string | null; email?: string | null } }>) : {},
      )
      .then((session: { user?: { name?: string | null; email?: string | null } }) => {
        const user = session.user;
        if (!live || !user) return;
        setName(user.email ? shownName({ name: user.name, email: user.email }) : user.name || 'you');
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!name)
    return (
      <Link href="/signin" className="rounded bg-brand px-3 py-2 text-sm font-semibold text-white">
        Sign in
      </Link>
    );
  return (
    <div className="flex items-center gap-3 text-sm">
      <span>
        Signed in as{' '}
        <Link href="/account" className="font-semibold text-brand-dark underline">
          {name}
          <span className="sr-only"> (your account)</span>
        </Link>
      </span>
      <SignOutButton />
    </div>
  );
}
