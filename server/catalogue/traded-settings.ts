import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { tenants, type TenantSettings } from '~/db/schema';
import type { Actor } from '../access/actor';
import { priceNamesOf } from './price-names';

const priceName = (what: string) =>
  z.string().trim().min(1, `Enter ${what}.`).max(40, `Keep ${what} to 40 characters.`);

/**
 * A workspace's traded settings: its own names for its two prices, and what happens when a use is only
 * partly covered by the school's entitlement ('split': what is left is drawn and the rest charged;
 * 'refuse': the person logging it splits it themselves).
 */
export const ZTradedSettingsInput = z
  .object({
    memberPriceName: priceName('the name of the price schools with your agreement pay'),
    nonMemberPriceName: priceName('the name of the price other schools pay'),
    partialCover: z.enum(['split', 'refuse'], { message: 'Choose what happens to a use partly covered.' }),
  })
  .refine((s) => s.memberPriceName.toLowerCase() !== s.nonMemberPriceName.toLowerCase(), {
    message: 'Give the two prices different names.',
    path: ['nonMemberPriceName'],
  });

export function tradedSettingsView(settings: TenantSettings) {
  const names = priceNamesOf(settings);
  return {
    memberPriceName: names.member,
    nonMemberPriceName: names.nonMember,
    partialCover: settings.traded?.partialCover ?? 'split',
  };
}

/** Saves the traded settings into the workspace's settings; what the page does not edit is kept. */
export async function updateTradedSettings(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'settings'>,
  input: z.output<typeof ZTradedSettingsInput>,
) {
  const settings: TenantSettings = {
    ...actor.settings,
    traded: {
      ...actor.settings.traded,
      partialCover: input.partialCover,
      priceNames: { member: input.memberPriceName, nonMember: input.nonMemberPriceName },
    },
  };
  // The tenants table is the platform's: the row is this workspace's own, named by the actor, never the input.
  await tx.update(tenants).set({ settings }).where(eq(tenants.id, actor.tenantId));
  return tradedSettingsView(settings);
}
