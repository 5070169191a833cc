import { describe, expect, it } from 'vitest';
import { inSentence, priceNameFor, priceNamesOf } from '~/server/catalogue/price-names';

describe('price names', () => {
  it('defaults to member and non-member, and takes a workspace’s own', () => {
    expect(priceNamesOf({})).toEqual({ member: 'Member', nonMember: 'Non-member' });
    const hsip = priceNamesOf({
      traded: { priceNames: { member: 'Partnership agreement', nonMember: 'Outside partnership' } },
    });
    expect(priceNameFor(hsip, true)).toBe('Partnership agreement');
    expect(priceNameFor(hsip, false)).toBe('Outside partnership');
  });

  it('lowers a name inside a sentence, keeping an acronym’s capitals', () => {
    expect(inSentence('Partnership agreement')).toBe('partnership agreement');
    expect(inSentence('Non-member')).toBe('non-member');
    expect(inSentence('BPSI member')).toBe('BPSI member');
  });
});
