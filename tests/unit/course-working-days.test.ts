import { describe, expect, it } from 'vitest';
import { easterSunday } from '~/server/calendar/easter';
import { cancellationOutcome, cancellationTermsSummary, shareOf } from '~/server/courses/cancellation-terms';
import { londonToUtc } from '~/server/courses/london-time';
import {
  addWorkingHours,
  bankHolidays,
  isWorkingDay,
  workingDaysBefore,
} from '~/server/courses/working-days';
import { dateAndTime } from '~/server/format/dates';

const terms = { freeUntilWorkingDays: 10, lateCancellationPercent: 50, noShowPercent: 100 };

describe('England and Wales bank holidays', () => {
  it('computes Easter and the eight usual holidays, moving weekend ones to the next free weekday', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect([...bankHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28', // Boxing Day is a Saturday
    ]);
    // 2027: Christmas Day Saturday, Boxing Day Sunday → Monday 27 and Tuesday 28.
    expect([...bankHolidays(2027)].filter((d) => d.startsWith('2027-12'))).toEqual([
      '2027-12-27',
      '2027-12-28',
    ]);
    // 2022: New Year's Day Saturday → Monday 3 January; the Jubilee and the Queen's funeral.
    expect(bankHolidays(2022).has('2022-01-03')).toBe(true);
    expect(bankHolidays(2022).has('2022-06-02')).toBe(true);
    expect(bankHolidays(2022).has('2022-05-30')).toBe(false);
    expect(bankHolidays(2022).has('2022-09-19')).toBe(true);
    expect(isWorkingDay('2026-12-24')).toBe(true);
    expect(isWorkingDay('2026-12-26')).toBe(false);
  });

  it('counts working days back over weekends and bank holidays', () => {
    // Thursday 26 Nov 2026, no holidays: 10 working days before is Thursday 12 Nov.
    expect(workingDaysBefore('2026-11-26', 10)).toBe('2026-11-12');
    // Over Easter 2026 (Good Friday 3 Apr, Easter Monday 6 Apr): 10 working days before Thu 16 Apr is Tue 31 Mar.
    expect(workingDaysBefore('2026-04-16', 10)).toBe('2026-03-31');
    // Over Christmas: 5 working days before Mon 4 Jan 2027 (31, 30, 29, 24, 23 Dec) skip 1 Jan, 28 and 25 Dec.
    expect(workingDaysBefore('2027-01-04', 5)).toBe('2026-12-23');
  });
});

describe('a waiting-list hold counts working hours', () => {
  const london = (on: string, time: string) => londonToUtc(on, time).toISOString();
  const held = (on: string, time: string, hours: number) =>
    addWorkingHours(londonToUtc(on, time), hours).toISOString();

  it('skips the weekend: 48 hours offered on Friday at 15:00 run until Tuesday at 15:00', () => {
    expect(held('2026-12-11', '15:00', 48)).toBe(london('2026-12-15', '15:00'));
    // Within the week it is plain hours, to the second.
    expect(held('2026-12-07', '09:30', 48)).toBe(london('2026-12-09', '09:30'));
    const offered = new Date(londonToUtc('2026-12-08', '10:15').getTime() + 42_500);
    expect(addWorkingHours(offered, 1).getTime() - offered.getTime()).toBe(3_600_000);
    // A short hold that reaches midnight on Friday goes on from Monday's midnight.
    expect(held('2026-12-11', '23:00', 2)).toBe(london('2026-12-14', '01:00'));
    // Offered at a weekend, the count begins on Monday.
    expect(held('2026-12-05', '10:00', 48)).toBe(london('2026-12-09', '00:00'));
    expect(held('2026-12-06', '23:59', 24)).toBe(london('2026-12-08', '00:00'));
    // Up to midnight exactly: the hold ends as Saturday begins, not on Monday.
    expect(held('2026-12-11', '00:00', 24)).toBe(london('2026-12-12', '00:00'));
  });

  it('skips bank holidays', () => {
    // Christmas 2026: Fri 25 Dec, the weekend, and Boxing Day's Monday 28 Dec do not count.
    expect(held('2026-12-24', '15:00', 48)).toBe(london('2026-12-30', '15:00'));
    // Easter 2026: Good Friday 3 Apr and Easter Monday 6 Apr.
    expect(held('2026-04-02', '15:00', 48)).toBe(london('2026-04-08', '15:00'));
    // The early May bank holiday, Monday 4 May 2026.
    expect(held('2026-05-01', '12:00', 24)).toBe(london('2026-05-05', '12:00'));
  });

  it('holds to the London clock across a change between GMT and BST', () => {
    // Clocks go forward on Sun 29 Mar 2026: 15:00 GMT Friday to 15:00 BST Tuesday is an hour less in real time.
    expect(held('2026-03-27', '15:00', 48)).toBe('2026-03-31T14:00:00.000Z');
    expect(london('2026-03-27', '15:00')).toBe('2026-03-27T15:00:00.000Z');
    // Clocks go back on Sun 25 Oct 2026: 15:00 BST Friday to 15:00 GMT Tuesday is an hour more.
    expect(held('2026-10-23', '15:00', 48)).toBe('2026-10-27T15:00:00.000Z');
    expect(london('2026-10-23', '15:00')).toBe('2026-10-23T14:00:00.000Z');
  });

  it('is written as the London clock reads it, with the year', () => {
    const ends = addWorkingHours(londonToUtc('2026-12-11', '15:00'), 48);
    expect(dateAndTime(ends)).toMatch(/^Tue,? 15 December 2026(,| at) 15:00$/);
    expect(dateAndTime(addWorkingHours(londonToUtc('2026-10-23', '15:00'), 48))).toMatch(
      /27 October 2026.*15:00$/,
    );
  });
});

describe('cancellation terms', () => {
  it('is free until 10 working days before the first session, 50% after', () => {
    expect(cancellationOutcome(terms, { cancelledOn: '2026-11-12', firstSessionOn: '2026-11-26' })).toEqual({
      kind: 'free',
      freeUntil: '2026-11-12',
    });
    expect(cancellationOutcome(terms, { cancelledOn: '2026-11-13', firstSessionOn: '2026-11-26' })).toEqual({
      kind: 'late',
      percent: 50,
      freeUntil: '2026-11-12',
    });
    expect(
      cancellationOutcome(
        { ...terms, lateCancellationPercent: 0 },
        { cancelledOn: '2026-11-25', firstSessionOn: '2026-11-26' },
      ),
    ).toMatchObject({ kind: 'free' });
    // The course pages (public and the manager's) state them in one sentence.
    expect(cancellationTermsSummary(terms)).toBe(
      'Free until 10 working days before the first session; 50% after that; 100% if a delegate does not attend.',
    );
    expect(shareOf(7_500, 50)).toBe(3_750);
    expect(shareOf(9_999, 50)).toBe(5_000);
  });
});
