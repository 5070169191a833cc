import { describe, expect, it } from 'vitest';
import {
  assertCommissioner,
  assertProvider,
  commissioningSideOf,
} from '~/server/commissioning/commissioning-side';

const la = { id: 'la-id', kind: 'la' as const, modules: ['statutory' as const, 'commissioning' as const] };
const provider = {
  id: 'p-id',
  kind: 'provider' as const,
  modules: ['traded' as const, 'commissioning' as const],
};

describe('commissioningSideOf', () => {
  it('puts LA managers, officers and finance on the commissioning side', () => {
    for (const role of ['tenant_admin', 'la_officer', 'finance'] as const)
      expect(commissioningSideOf(la, [role], 'u')).toEqual({ side: 'la', tenantId: 'la-id' });
  });

  it('refuses the LA’s own advisers and a provider’s finance staff', () => {
    expect(() => commissioningSideOf(la, ['adviser'], 'u')).toThrow(/role/);
    expect(() => commissioningSideOf(provider, ['finance'], 'u')).toThrow(/role/);
  });

  it('limits a provider adviser to their own schools, not the manager', () => {
    expect(commissioningSideOf(provider, ['adviser'], 'u')).toMatchObject({
      side: 'provider',
      partnerOnly: true,
    });
    expect(commissioningSideOf(provider, ['tenant_admin', 'adviser'], 'u')).toMatchObject({
      partnerOnly: false,
    });
  });

  it('refuses a workspace without the commissioning module', () => {
    expect(() => commissioningSideOf({ ...la, modules: ['statutory'] }, ['tenant_admin'], 'u')).toThrow(
      /not switched on/,
    );
  });
});

describe('which side may act', () => {
  it('lets only an LA change contracts and only a provider log delivery', () => {
    expect(() => assertCommissioner(la)).not.toThrow();
    expect(() => assertCommissioner(provider)).toThrow(/commissioning local authority/);
    expect(() => assertProvider(provider)).not.toThrow();
    expect(() => assertProvider(la)).toThrow(/provider/);
  });
});
