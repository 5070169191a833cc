'use server';

import { redirect } from 'next/navigation';
import { serverApi } from '../../../_lib/server-api';

/** "Unsubscribe" on the bulletin link's page. */
export async function unsubscribe(tenant: string, token: string): Promise<void> {
  await (await serverApi(tenant)).bulletinLinks.unsubscribe({ tenant, token });
  redirect(`/unsubscribe/${tenant}/${token}`);
}

/** "Subscribe again" on the same page: the same signed link takes the unsubscribe back. */
export async function subscribeAgain(tenant: string, token: string): Promise<void> {
  await (await serverApi(tenant)).bulletinLinks.subscribe({ tenant, token });
  redirect(`/unsubscribe/${tenant}/${token}?subscribed=1`);
}
