'use server';

import { revalidatePath } from 'next/cache';
import { refusalMessage } from '../../../../_lib/refusal-message';
import { serverApi } from '../../../../_lib/server-api';

export type NeedsState = { error: string | null; saved: boolean };

/** Saves the delegate's access or dietary needs from their place page. */
export async function saveNeeds(
  tenant: string,
  token: string,
  _state: NeedsState,
  form: FormData,
): Promise<NeedsState> {
  try {
    const api = await serverApi(tenant);
    await api.courseCatalogue.saveNeeds({ tenant, token, needs: String(form.get('needs') ?? '') });
  } catch (error) {
    return { error: refusalMessage(error), saved: false };
  }
  revalidatePath(`/courses/${tenant}/place/${token}`);
  return { error: null, saved: true };
}
