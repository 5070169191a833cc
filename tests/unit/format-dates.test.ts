import { describe, expect, it } from 'vitest';
import { longDate, monthAndYear, shortDate } from '~/server/format/dates';

describe('dates as people in England read them', () => {
  it('writes a calendar date as it is, long or short, in winter and summer', () => {
    expect(longDate('2026-11-23')).toBe('23 November 2026');
    expect(shortDate('2026-11-23')).toBe('23 Nov 2026');
    expect(longDate('2026-06-01')).toBe('1 June 2026');
    expect(monthAndYear('2027-02-01')).toBe('February 2027');
  });

  it('shows a moment as the date it was in London', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST); in January London is on UTC.
    expect(longDate(new Date('2026-06-30T23:30:00Z'))).toBe('1 July 2026');
    expect(shortDate('2026-06-30T23:30:00Z')).toBe('1 Jul 2026');
    expect(longDate(new Date('2026-01-31T23:30:00Z'))).toBe('31 January 2026');
  });

  it('writes a dash, or what the caller asks for, when there is no date', () => {
    expect(longDate(null)).toBe('—');
    expect(shortDate(undefined)).toBe('—');
    expect(shortDate('', '')).toBe('');
  });
});
