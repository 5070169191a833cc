import { describe, expect, it } from 'vitest';
import { cancellationOutcome, shareOf } from '~/server/courses/cancellation-terms';
import { bankHolidays, easterSunday, isWorkingDay, workingDaysBefore } from '~/server/courses/working-days';

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
    expect(shareOf(7_500, 50)).toBe(3_750);
    expect(shareOf(9_999, 50)).toBe(5_000);
  });
});
