import { describe, expect, it } from 'vitest';
import { demoTermDates } from '~/seed/term-dates-data';
import { easterSunday } from '~/server/calendar/easter';
import { termDatesSource, termDatesUses } from '~/server/calendar/term-dates-words';
import {
  currentOrNextTerm,
  defaultTermDates,
  termDateProblems,
  termOn,
  termsNotStarted,
  type TermDates,
} from '~/server/calendar/term-dates';

/** Harrow's 2026/27 term dates as seeded (db/seed/term-dates-data.ts, `london[2026]`). */
const harrow: TermDates = { academicYear: 2026, source: 'tenant', terms: demoTermDates.hsip?.[2026] ?? [] };

describe('termsNotStarted (what a joiner pays for)', () => {
  it.each([
    ['2026-08-20', 3, 'before the year'],
    ['2026-09-03', 3, 'on the first day of the autumn term'],
    ['2026-10-15', 2, 'during the autumn term'],
    ['2026-12-28', 2, 'in the Christmas holiday (fixed months charged the whole year)'],
    ['2027-01-04', 2, 'on the first day of spring'],
    ['2027-02-10', 1, 'during the spring term'],
    ['2027-04-06', 1, 'in the Easter holiday (fixed months charged spring too)'],
    ['2027-04-12', 1, 'on the first day of summer'],
    ['2027-05-10', 0, 'during the summer term'],
    ['2027-08-31', 0, 'at the end of the year'],
  ] as const)('%s: %i terms (%s)', (date, n, _why) => {
    expect(termsNotStarted(harrow, date)).toBe(n);
  });
});

describe('termOn', () => {
  it('names the term a date falls in and null in a holiday', () => {
    expect(termOn(harrow, '2026-09-03')).toBe('autumn');
    expect(termOn(harrow, '2026-12-18')).toBe('autumn');
    expect(termOn(harrow, '2026-12-28')).toBeNull();
    expect(termOn(harrow, '2027-03-25')).toBe('spring');
    expect(termOn(harrow, '2027-04-06')).toBeNull();
    expect(termOn(harrow, '2027-07-21')).toBe('summer');
    expect(termOn(harrow, '2027-08-01')).toBeNull();
  });
});

describe('currentOrNextTerm (a planner’s “this term”)', () => {
  it.each([
    ['2026-08-20', 'autumn', 'before the year: the autumn term to come'],
    ['2026-10-15', 'autumn', 'during the autumn term'],
    ['2026-12-18', 'autumn', 'on its last day'],
    ['2026-12-28', 'spring', 'in the Christmas holiday: spring'],
    ['2027-04-06', 'summer', 'in the Easter holiday: summer'],
    ['2027-07-21', 'summer', 'on the last day of the year’s terms'],
  ] as const)('%s: %s (%s)', (date, term, _why) => {
    expect(currentOrNextTerm(harrow, date)?.term).toBe(term);
  });

  it('gives none once the summer term has ended', () => {
    expect(currentOrNextTerm(harrow, '2027-07-22')).toBeNull();
  });
});

describe('defaultTermDates', () => {
  it('finds Easter Sunday', () => {
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2028)).toBe('2028-04-16');
    expect(easterSunday(2026)).toBe('2026-04-05');
  });

  it('estimates England’s usual pattern around Christmas and Easter', () => {
    expect(defaultTermDates(2026)).toEqual({
      academicYear: 2026,
      source: 'default',
      terms: [
        { term: 'autumn', startsOn: '2026-09-01', endsOn: '2026-12-18' },
        { term: 'spring', startsOn: '2027-01-04', endsOn: '2027-03-25' },
        { term: 'summer', startsOn: '2027-04-05', endsOn: '2027-07-22' },
      ],
    });
  });

  it('gives usable dates for every year', () => {
    for (let year = 2020; year <= 2040; year++) {
      expect(termDateProblems(year, defaultTermDates(year).terms)).toEqual([]);
    }
  });
});

describe('termDateProblems', () => {
  it('refuses terms out of order, backwards or outside the year', () => {
    const [autumn, spring, summer] = harrow.terms;
    if (!autumn || !spring || !summer) throw new Error('seeded dates missing');
    expect(termDateProblems(2026, harrow.terms)).toEqual([]);
    expect(termDateProblems(2026, [autumn, { ...spring, startsOn: '2026-12-01' }, summer])).toEqual([
      { path: 'terms.1.startsOn', message: 'Spring term must start after the autumn term ends.' },
    ]);
    expect(termDateProblems(2026, [autumn, spring, { ...summer, endsOn: '2027-04-01' }])).toEqual([
      { path: 'terms.2.endsOn', message: 'Summer term must end after it starts.' },
    ]);
    expect(termDateProblems(2026, [{ ...autumn, startsOn: '2026-08-28' }, spring, summer])).toEqual([
      { path: 'terms.0.startsOn', message: 'Autumn term must start within the academic year.' },
    ]);
  });
});

describe('what the term dates page says they are for, by kind of workspace', () => {
  it('tells an LA they come from its own calendar and date the visits due this term, not a partnership’s pro rata', () => {
    expect(termDatesSource('la', ['330'])).toBe(
      'The first and last day of each term, from your published school calendar.',
    );
    const uses = termDatesUses('la', ['statutory', 'commissioning']).join(' ');
    expect(uses).toContain('visits due by the end of this term');
    expect(uses).not.toMatch(/joining part-way|partnership/);
  });

  it('tells a partnership selling packages about pro rata, and an Appropriate Body about induction terms', () => {
    expect(termDatesUses('provider', ['traded', 'courses', 'induction']).join(' ')).toContain(
      'pays for the terms that have not started',
    );
    const ab = termDatesUses('appropriate_body', ['induction', 'courses']).join(' ');
    expect(ab).toContain('induction terms');
    expect(ab).not.toContain('pays for the terms');
    expect(termDatesSource('appropriate_body', ['302', '310'])).toContain(
      'the local authorities your schools are in',
    );
    // A new Appropriate Body has no LA codes: its schools are in several local authorities, not one.
    expect(termDatesSource('appropriate_body', [])).toContain('the local authorities your schools are in');
  });

  it('finds no use where nothing counts in terms (courses, or ECT training sold by a partnership)', () => {
    expect(termDatesUses('provider', ['courses', 'induction', 'governance'])).toEqual([]);
  });
});
