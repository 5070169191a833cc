'use server';

import { revalidatePath } from 'next/cache';
import { setNeedsByLink } from '~/server/courses/set-needs-by-link';
import { getDatabase } from '~/server/database';
import { isDomainError } from '~/server/errors/domain-error';

export type NeedsState = { error: string | null; saved: boolean };

/** Saves the delegate's access or dietary needs from their place page. */
export async function saveNeeds(
  tenant: string,
  token: string,
  _state: NeedsState,
  form: FormData,
): Promise<NeedsState> {
  try {
    await setNeedsByLink((await getDatabase()).db, {
      slug: tenant,
      token,
      needs: String(form.get('needs') ?? ''),
    });
  } catch (error) {
    if (isDomainError(error)) return { error: error.message, saved: false };
    throw error;
  }
  revalidatePath(`/courses/${tenant}/place/${token}`);
  return { error: null, saved: true };
}
