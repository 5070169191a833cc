'use client';

import { usePathname } from 'next/navigation';
import { createContext, useContext, type ReactNode } from 'react';
import { RefusalNotice } from '~/app/_components/refusal-notice';
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
  return <RefusalNotice refusal={refusal} />;
}
