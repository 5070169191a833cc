import { describe, expect, it } from 'vitest';
import { longDate, monthAndYear, shortDate, untilMoment } from '~/server/format/dates';

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

  it('writes every calendar date of four decades exactly as Intl does, September as "Sept" included', () => {
    const long = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const short = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    let checked = 0;
    for (let day = Date.UTC(1995, 0, 1); day <= Date.UTC(2035, 11, 31); day += 86_400_000) {
      const at = new Date(day);
      const iso = at.toISOString().slice(0, 10);
      expect(longDate(iso)).toBe(long.format(at));
      expect(shortDate(iso)).toBe(short.format(at));
      checked++;
    }
    expect(checked).toBeGreaterThan(14_000);
    expect(shortDate('2026-09-07')).toBe('7 Sept 2026');
  });

  it('writes a date that is not a calendar date, or not a real one, as Intl reads it', () => {
    expect(longDate('2026-02-30')).toBe('2 March 2026');
    expect(shortDate('2026-11-23T10:00:00Z')).toBe('23 Nov 2026');
  });

  it('writes a dash, or what the caller asks for, when there is no date', () => {
    expect(longDate(null)).toBe('—');
    expect(shortDate(undefined)).toBe('—');
    expect(shortDate('', '')).toBe('');
  });

  it('ends a hold on the stroke of midnight as the end of the day before, not "Wed at 00:00"', () => {
    // Midnight in London, in winter (GMT) and summer (BST).
    expect(untilMoment('2026-12-09T00:00:00Z')).toMatch(/^the end of Tue,? 8 December 2026$/);
    expect(untilMoment('2027-06-08T23:00:00Z')).toMatch(/^the end of Tue,? 8 June 2027$/);
    expect(untilMoment('2026-12-08T15:00:00Z')).toMatch(/^Tue,? 8 December 2026(,| at) 15:00$/);
  });
});
