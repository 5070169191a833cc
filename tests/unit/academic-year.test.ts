import { describe, expect, it } from 'vitest';
import {
  academicYearEnd,
  academicYearLabel,
  academicYearOf,
  academicYearStart,
  termOf,
  termsRemaining,
  todayInLondon,
} from '~/server/catalogue/academic-year';

describe('academicYearOf', () => {
  it('puts 31 August in the year that started the previous September', () => {
    expect(academicYearOf('2026-08-31')).toBe(2025);
  });

  it('starts a new academic year on 1 September', () => {
    expect(academicYearOf('2026-09-01')).toBe(2026);
  });

  it('puts January in the year that started the previous calendar year', () => {
    expect(academicYearOf('2027-01-01')).toBe(2026);
    expect(academicYearOf('2027-01-31')).toBe(2026);
  });

  it('puts 31 December in the year that started that September', () => {
    expect(academicYearOf('2026-12-31')).toBe(2026);
  });
});

describe('termOf', () => {
  it.each([
    ['2026-09-01', 'autumn'],
    ['2026-10-15', 'autumn'],
    ['2026-12-31', 'autumn'],
    ['2027-01-01', 'spring'],
    ['2027-02-28', 'spring'],
    ['2027-03-31', 'spring'],
    ['2027-04-01', 'summer'],
    ['2027-06-15', 'summer'],
    ['2027-08-31', 'summer'],
  ] as const)('%s is in the %s term', (date, term) => {
    expect(termOf(date)).toBe(term);
  });
});

describe('academicYearLabel', () => {
  it('names a year by its start and the next year’s last two digits', () => {
    expect(academicYearLabel(2026)).toBe('2026/27');
  });

  it('pads the second year to two digits across a century', () => {
    expect(academicYearLabel(2099)).toBe('2099/00');
    expect(academicYearLabel(2008)).toBe('2008/09');
  });
});

describe('academicYearStart / academicYearEnd', () => {
  it('runs from 1 September to 31 August the next calendar year', () => {
    expect(academicYearStart(2026)).toBe('2026-09-01');
    expect(academicYearEnd(2026)).toBe('2027-08-31');
  });
});

describe('termsRemaining', () => {
  it.each([
    ['2026-03-15', 3, 'well before the year starts'],
    ['2026-08-31', 3, 'the day before the year starts'],
    ['2026-09-01', 3, 'on the first day of the year'],
    ['2026-11-20', 3, 'in the autumn term'],
    ['2026-12-31', 3, 'on the last day of autumn'],
    ['2027-01-01', 2, 'on the first day of spring'],
    ['2027-03-31', 2, 'on the last day of spring'],
    ['2027-04-01', 1, 'on the first day of summer'],
    ['2027-08-31', 1, 'on the last day of the year'],
    ['2027-09-01', 0, 'the day after the year ends'],
    ['2028-01-10', 0, 'long after the year ends'],
  ] as const)('joining 2026/27 on %s leaves %i term(s) (%s)', (date, expected, _when) => {
    expect(termsRemaining(2026, date)).toBe(expected);
  });
});

describe('todayInLondon', () => {
  it('rolls over to the next day before midnight UTC in British Summer Time', () => {
    expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });

  it('keeps the UTC date in winter (GMT)', () => {
    expect(todayInLondon(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('follows the clock changes (BST starts 29 Mar 2026 01:00 UTC, ends 25 Oct 2026 01:00 UTC)', () => {
    expect(todayInLondon(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
    expect(todayInLondon(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
    expect(todayInLondon(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
    expect(todayInLondon(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25');
  });

  it('returns an ISO yyyy-mm-dd date by default', () => {
    expect(todayInLondon()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('invalid dates', () => {
  const malformed = [
    '',
    'not a date',
    '2026/09/01',
    '01-09-2026',
    '2026-9-1',
    '2026-09-01T00:00:00Z',
    ' 2026-09-01',
  ];

  it.each(malformed)('academicYearOf(%j) throws', (date) => {
    expect(() => academicYearOf(date)).toThrow(/not an ISO date/);
  });

  it.each(malformed)('termOf(%j) throws', (date) => {
    expect(() => termOf(date)).toThrow(/not an ISO date/);
  });

  it('termsRemaining throws for a malformed date inside the year', () => {
    expect(() => termsRemaining(2026, '2026-9-15')).toThrow(/not an ISO date/);
  });

  it('termsRemaining throws for a malformed date that sorts after the year end', () => {
    expect(() => termsRemaining(2026, 'not a date')).toThrow(/not an ISO date/);
  });

  it('termsRemaining throws for an empty date', () => {
    expect(() => termsRemaining(2026, '')).toThrow(/not an ISO date/);
  });

  it('rejects a month out of range', () => {
    expect(() => academicYearOf('2026-13-01')).toThrow(/not an ISO date/);
  });

  it('rejects month 00', () => {
    expect(() => termOf('2026-00-15')).toThrow(/not an ISO date/);
  });

  it('rejects a day out of range', () => {
    expect(() => termOf('2026-09-32')).toThrow(/not an ISO date/);
  });
});
