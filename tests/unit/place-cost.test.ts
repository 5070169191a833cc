import { describe, expect, it } from 'vitest';
import { placeCost } from '~/app/_lib/course-format';

describe('what a place costs the school, in its list of places', () => {
  it('gives the charge of a charged place, net', () => {
    expect(placeCost({ status: 'confirmed', funding: 'charge', costPence: 7_000 })).toBe('£70.00');
  });

  it('says a place covered by the entitlement, or free, is so rather than £0.00', () => {
    expect(placeCost({ status: 'confirmed', funding: 'entitlement', costPence: 0 })).toBe('From entitlement');
    expect(placeCost({ status: 'confirmed', funding: 'free', costPence: 0 })).toBe('Free');
  });

  it('gives a cancellation charge, even on a place from the entitlement; a free cancellation is no charge', () => {
    expect(placeCost({ status: 'cancelled', funding: 'entitlement', costPence: 2_500 })).toBe('£25.00');
    expect(placeCost({ status: 'cancelled', funding: 'charge', costPence: 0 })).toBe('No charge');
  });

  it('a place awaiting approval is not charged yet, rather than free', () => {
    expect(placeCost({ status: 'pending_approval', funding: null, costPence: 0 })).toBe('Not yet charged');
  });
});
