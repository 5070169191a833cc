'use server';

import { redirect } from 'next/navigation';
import { getDatabase } from '~/server/database';
import { setBulletinSubscriptionByLink } from '~/server/governance/bulletin-unsubscribe';

/** "Subscribe again" on the unsubscribe page: the same signed link takes the unsubscribe back. */
export async function subscribeAgain(tenant: string, token: string): Promise<void> {
  await setBulletinSubscriptionByLink((await getDatabase()).db, { slug: tenant, token, subscribe: true });
  redirect(`/unsubscribe/${tenant}/${token}?subscribed=1`);
}
