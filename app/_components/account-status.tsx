'use client';

import { createTRPCClient, httpLink } from '@trpc/client';
import { Link } from '~/app/_components/link';
import { useEffect, useState } from 'react';
import superjson from 'superjson';
import { shownName } from '~/server/format/person-name';
import type { AppRouter } from '~/server/routers';
import { SignOutButton } from './sign-out-button';
import { belongsTo, YourWorkspaceLink } from './your-workspace-link';

/** The signed-in person's workspaces, asked of the same procedure the workspace switcher reads. */
const workspacesOfViewer = () =>
  createTRPCClient<AppRouter>({
    links: [httpLink({ url: '/api/trpc', transformer: superjson })],
  }).workspaces.mine.query();

/**
 * "Sign in", or who is signed in, asked of the session endpoint once the page has loaded; on a workspace's
 * public page (`workspace`), a member signed in is also given the way into it. An anonymous visitor's page
 * asks nothing more.
 */
export function AccountStatus({ workspace }: { workspace?: string }) {
  const [name, setName] = useState<string | null>(null);
  const [member, setMember] = useState(false);
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
        if (workspace)
          return workspacesOfViewer().then((mine) => {
            if (live) setMember(belongsTo(mine, workspace));
          });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [workspace]);
  if (!name)
    return (
      <Link href="/signin" className="rounded bg-brand px-3 py-2 text-sm font-semibold text-white">
        Sign in
      </Link>
    );
  return (
    <div className="flex items-center gap-3 text-sm">
      {member && workspace && <YourWorkspaceLink slug={workspace} />}
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
