'use server';

import { redirect } from 'next/navigation';
import { refusalMessage } from '../../../../_lib/refusal-message';
import { serverApi } from '../../../../_lib/server-api';

export type ClaimState = { error: string | null };

/** Claims the held place from the offer email's link; on success shows the delegate's own place page. */
export async function claimPlace(tenant: string, token: string, _state: ClaimState): Promise<ClaimState> {
  try {
    await (await serverApi(tenant)).courseCatalogue.claimOffer({ tenant, token });
  } catch (error) {
    return { error: refusalMessage(error) };
  }
  redirect(`/courses/${tenant}/claim/${token}?claimed=1`);
}
