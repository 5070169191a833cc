'use client';

import { usePathname } from 'next/navigation';
import { createContext, useContext, type ReactNode } from 'react';
import { Link } from '~/app/_components/link';
import type { WorkspaceRefusals } from '~/server/workspaces/refusal';

const RefusalContext = createContext<WorkspaceRefusals | null>(null);

/** The workspace layout hands its 403 page the words for this viewer (a forbidden page is given no props). */
export function WorkspaceRefusalProvider({
  refusals,
  children,
}: {
  refusals: WorkspaceRefusals;
  children: ReactNode;
}) {
  return <RefusalContext.Provider value={refusals}>{children}</RefusalContext.Provider>;
}

/**
 * The 403 page inside a workspace: the address says which section was opened, so a section of a module the
 * workspace has not switched on says so (and who can switch it on); any other refusal says who to ask.
 */
export function WorkspaceRefusal() {
  const refusals = useContext(RefusalContext);
  const segment = usePathname().split('/')[2] ?? '';
  if (!refusals) return <h1 className="text-3xl font-bold">You do not have access to this page</h1>;
  const switchedOff = refusals.bySegment[segment];
  const refusal = (switchedOff && refusals.byModule[switchedOff]) || refusals.otherwise;
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">{refusal.heading}</h1>
      {refusal.paragraphs.map((p) => (
        <p key={p} className="mt-3 text-lg">
          {p}
        </p>
      ))}
      <p className="mt-6">
        <Link href={refusal.link.href} className="font-semibold text-brand-dark underline">
          {refusal.link.text}
        </Link>
      </p>
    </div>
  );
}
