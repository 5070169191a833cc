import { TRPCError } from '@trpc/server';
import type { Tenant } from '../workspaces/find-tenant';
import { statutorySettingsOf, type ResolvedStatutorySettings } from './statutory-settings';

/** The statutory module's settings, or a refusal when the workspace does not have the module. */
export function statutoryOf(tenant: Tenant): ResolvedStatutorySettings {
  if (!tenant.modules.includes('statutory')) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'This workspace does not monitor schools.' });
  }
  return statutorySettingsOf(tenant.settings);
}

export const linkAdviserTitleOf = (tenant: Tenant) => tenant.settings.linkAdviserTitle ?? 'Link adviser';
