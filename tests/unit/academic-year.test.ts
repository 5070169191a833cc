import { describe, expect, it } from 'vitest';
import { defaultTermDates, termOn, termsNotStarted } from '~/server/calendar/term-dates';
import {
  academicYearEnd,
  academicYearLabel,
  academicYearOf,
  academicYearStart,
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

  // Compared as text, a malformed date would count the wrong terms: the term-date lookups refuse it.
  it.each(malformed)('termsNotStarted and termOn(%j) throw', (date) => {
    expect(() => termsNotStarted(defaultTermDates(2026), date)).toThrow(/not an ISO date/);
    expect(() => termOn(defaultTermDates(2026), date)).toThrow(/not an ISO date/);
  });

  it('rejects a month out of range', () => {
    expect(() => academicYearOf('2026-13-01')).toThrow(/not an ISO date/);
  });

  it('rejects month 00', () => {
    expect(() => academicYearOf('2026-00-15')).toThrow(/not an ISO date/);
  });

  it('rejects a day out of range', () => {
    expect(() => academicYearOf('2026-09-32')).toThrow(/not an ISO date/);
  });
});
