import { describe, expect, it } from 'vitest';
import type { Role } from '~/db/schema';
import {
  assertCommissioner,
  assertProvider,
  commissioningSideOf,
} from '~/server/commissioning/commissioning-side';

const la = (roles: Role[]) => ({ tenantId: 'la-id', kind: 'la' as const, roles, userId: 'u' });
const provider = (roles: Role[]) => ({ tenantId: 'p-id', kind: 'provider' as const, roles, userId: 'u' });

describe('commissioningSideOf', () => {
  it('puts LA managers, officers and finance on the commissioning side', () => {
    for (const role of ['tenant_admin', 'la_officer', 'finance'] as const)
      expect(commissioningSideOf(la([role]))).toEqual({ side: 'la', tenantId: 'la-id' });
  });

  it('refuses the LA’s own advisers and a provider’s finance staff', () => {
    expect(() => commissioningSideOf(la(['adviser']))).toThrow(/role/);
    expect(() => commissioningSideOf(provider(['finance']))).toThrow(/role/);
  });

  it('limits a provider adviser to their own schools, not the manager', () => {
    expect(commissioningSideOf(provider(['adviser']))).toMatchObject({ side: 'provider', partnerOnly: true });
    expect(commissioningSideOf(provider(['tenant_admin', 'adviser']))).toMatchObject({ partnerOnly: false });
  });
});

describe('which side may act', () => {
  it('lets only an LA change contracts and only a provider log delivery', () => {
    expect(() => assertCommissioner(la([]))).not.toThrow();
    expect(() => assertCommissioner(provider([]))).toThrow(/commissioning local authority/);
    expect(() => assertProvider(provider([]))).not.toThrow();
    expect(() => assertProvider(la([]))).toThrow(/provider/);
  });
});
