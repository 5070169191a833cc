import type { TenantKind } from '~/db/schema';

/** What each kind of workspace is called on screen. */
export const tenantKindLabels: Record<TenantKind, string> = {
  la: 'Local authority',
  provider: 'School improvement partnership',
  appropriate_body: 'Appropriate body',
};
