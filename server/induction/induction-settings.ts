import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { tenants, type TenantSettings } from '~/db/schema';
import type { Actor } from '../access/actor';
import {
  assertAppropriateBody,
  awaitsAcceptance,
  checksRegistrations,
  feePerEctPence,
} from './appropriate-body';

/**
 * The Appropriate Body's own settings: the fee a school is charged for each ECT it registers, and whether a
 * school's registration waits for the AB's acceptance ("Check school registrations before they take effect";
 * left out, it stays as it is).
 */
export const ZInductionSettingsInput = z.object({
  feePerEctPence: z
    .number({ message: 'Enter the fee in pounds, like 450 or 450.00.' })
    .int('Enter the fee in pounds and pence.')
    .min(0, 'The fee cannot be negative (enter 0 for no fee).')
    .max(1_000_000, 'The fee is at most £10,000.'),
  checkRegistrations: z.boolean().optional(),
});

export const inductionSettingsView = (actor: Pick<Actor, 'settings' | 'roles'>) => ({
  feePerEctPence: feePerEctPence(actor),
  checkRegistrations: checksRegistrations(actor),
  /** Whether a registration this reader makes waits for the AB's acceptance (a school's, with the check on). */
  registrationsAwaitAcceptance: awaitsAcceptance(actor),
});

/**
 * Saves the AB's fee and its registration check into its workspace's settings (what the page does not edit is
 * kept). A new fee applies to ECTs registered from now on: fees already raised stay as they were charged.
 * Turning the check off leaves registrations already awaiting the AB waiting for its decision.
 */
export async function updateInductionSettings(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'settings' | 'kind' | 'name' | 'roles'>,
  input: z.output<typeof ZInductionSettingsInput>,
) {
  assertAppropriateBody(actor);
  const settings: TenantSettings = {
    ...actor.settings,
    induction: {
      ...actor.settings.induction,
      feePerEctPence: input.feePerEctPence,
      ...(input.checkRegistrations === undefined ? {} : { checkRegistrations: input.checkRegistrations }),
    },
  };
  // The tenants table is the platform's: the row is this workspace's own, named by the actor, never the input.
  await tx.update(tenants).set({ settings }).where(eq(tenants.id, actor.tenantId));
  return inductionSettingsView({ settings, roles: actor.roles });
}
