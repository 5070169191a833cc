import { describe, expect, it } from 'vitest';
import { quarterHourPeriod } from '~/server/jobs/job-periods';

describe('quarterHourPeriod (the hold-expiry job runs once per quarter hour)', () => {
  it('names the London quarter hour, in GMT and in BST', () => {
    expect(quarterHourPeriod(new Date('2026-12-03T22:14:59Z'))).toBe('2026-12-03T22:00');
    expect(quarterHourPeriod(new Date('2026-12-03T22:15:00Z'))).toBe('2026-12-03T22:15');
    // 23:50 UTC in summer is 00:50 the next day in London.
    expect(quarterHourPeriod(new Date('2026-07-01T23:50:00Z'))).toBe('2026-07-02T00:45');
  });
});
