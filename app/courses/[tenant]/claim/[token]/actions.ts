'use server';

import { redirect } from 'next/navigation';
import { claimByLink } from '~/server/courses/claim-by-link';
import { createContext } from '~/server/context';
import { isDomainError } from '~/server/errors/domain-error';

export type ClaimState = { error: string | null };

/** Claims the held place from the offer email's link; on success shows the delegate's own place page. */
export async function claimPlace(tenant: string, token: string, _state: ClaimState): Promise<ClaimState> {
  const ctx = await createContext(tenant);
  try {
    await claimByLink(ctx.db, { slug: tenant, token, appUrl: ctx.appUrl });
  } catch (error) {
    if (isDomainError(error)) return { error: error.message };
    throw error;
  }
  redirect(`/courses/${tenant}/claim/${token}?claimed=1`);
}
