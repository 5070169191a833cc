import { asc, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { termDates as termDatesTable } from '~/db/schema';
import {
  academicYearEnd,
  assertIsoDate,
  academicYearStart,
  terms,
  type IsoDate,
  type Term,
} from '../catalogue/academic-year';
import { easterSunday } from './easter';

/**
 * Term dates: the one place pricing, CPD and induction ask "which terms are left?" and "is this in term?".
 *
 *   const dates = await loadTermDates(tx, 2026);      // the tenant's own, or the defaults below
 *   termsNotStarted(dates, '2027-04-06')              // 1: the Easter holiday pays for summer only
 *   termOn(dates, '2026-12-28')                       // null: a holiday
 *
 * A tenant sets its LA's published dates per academic year (Term dates page, tenant_admin); a year it has not
 * set uses `defaultTermDates`.
 */
export type TermSpan = { term: Term; startsOn: IsoDate; endsOn: IsoDate };
export type TermDates = {
  academicYear: number;
  /** 'tenant' when the workspace set them, 'default' when they are the estimate below. */
  source: 'tenant' | 'default';
  /** Autumn, spring, summer, in order. */
  terms: TermSpan[];
};

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
/** The first date on or after `d` falling on `weekday` (0 = Sunday … 6 = Saturday). */
const onOrAfter = (d: Date, weekday: number) => addDays(d, (weekday - d.getUTCDay() + 7) % 7);
/** The last date on or before `d` falling on `weekday`. */
const onOrBefore = (d: Date, weekday: number) => addDays(d, -((d.getUTCDay() - weekday + 7) % 7));

/**
 * An estimate of England's usual pattern, for a year the tenant has not set: autumn from the first weekday of
 * September to the Friday before 21 December; spring from the first Monday on or after 4 January to the
 * Thursday before Good Friday; summer from the second Monday after Easter Sunday to the weekday before
 * 23 July.
 */
export function defaultTermDates(academicYear: number): TermDates {
  const y = academicYear;
  const easter = new Date(`${easterSunday(y + 1)}T00:00:00Z`);
  const firstWeekday = (d: Date) =>
    d.getUTCDay() === 0 ? addDays(d, 1) : d.getUTCDay() === 6 ? addDays(d, 2) : d;
  const lastWeekday = (d: Date) =>
    d.getUTCDay() === 0 ? addDays(d, -2) : d.getUTCDay() === 6 ? addDays(d, -1) : d;
  return {
    academicYear,
    source: 'default',
    terms: [
      {
        term: 'autumn',
        startsOn: iso(firstWeekday(utc(y, 9, 1))),
        endsOn: iso(onOrBefore(utc(y, 12, 20), 5)),
      },
      { term: 'spring', startsOn: iso(onOrAfter(utc(y + 1, 1, 4), 1)), endsOn: iso(addDays(easter, -3)) },
      { term: 'summer', startsOn: iso(addDays(easter, 8)), endsOn: iso(lastWeekday(utc(y + 1, 7, 22))) },
    ],
  };
}

/** The tenant's term dates for a year, or the defaults when it has not set them. */
export async function loadTermDates(tx: Tx, academicYear: number): Promise<TermDates> {
  const rows = await tx
    .select({ term: termDatesTable.term, startsOn: termDatesTable.startsOn, endsOn: termDatesTable.endsOn })
    .from(termDatesTable)
    .where(eq(termDatesTable.academicYear, academicYear))
    .orderBy(asc(termDatesTable.startsOn));
  if (rows.length !== terms.length) return defaultTermDates(academicYear);
  return { academicYear, source: 'tenant', terms: rows };
}

/**
 * How many of the year's terms start on or after `on`: what a school joining that day pays for. Before the
 * year, 3; in a holiday, the terms after it (28 December → spring and summer); on a term's first day, that
 * term too; once the summer term has started, none.
 */
export function termsNotStarted(dates: TermDates, on: IsoDate): number {
  assertIsoDate(on);
  return dates.terms.filter((t) => t.startsOn >= on).length;
}

/** The term `on` falls in, or null in a holiday or outside the year. */
export function termOn(dates: TermDates, on: IsoDate): Term | null {
  assertIsoDate(on);
  return dates.terms.find((t) => t.startsOn <= on && on <= t.endsOn)?.term ?? null;
}

/**
 * "This term" as a planner means it on `on`: the term under way, or in a holiday the next term of the year
 * (in the Christmas holiday, spring). Null once the summer term has ended: nothing is left of the year.
 */
export function currentOrNextTerm(dates: TermDates, on: IsoDate): TermSpan | null {
  assertIsoDate(on);
  return dates.terms.find((t) => on <= t.endsOn) ?? null;
}

/** Problems with a set of term dates, by term and field; empty when they are usable. */
export function termDateProblems(academicYear: number, spans: readonly TermSpan[]) {
  const problems: { path: string; message: string }[] = [];
  const first = academicYearStart(academicYear);
  const last = academicYearEnd(academicYear);
  spans.forEach((span, i) => {
    const name = span.term[0]?.toUpperCase() + span.term.slice(1);
    if (span.startsOn < first || span.startsOn > last)
      problems.push({
        path: `terms.${i}.startsOn`,
        message: `${name} term must start within the academic year.`,
      });
    if (span.endsOn < first || span.endsOn > last)
      problems.push({
        path: `terms.${i}.endsOn`,
        message: `${name} term must end within the academic year.`,
      });
    if (span.endsOn < span.startsOn)
      problems.push({ path: `terms.${i}.endsOn`, message: `${name} term must end after it starts.` });
    const previous = spans[i - 1];
    if (previous && span.startsOn <= previous.endsOn)
      problems.push({
        path: `terms.${i}.startsOn`,
        message: `${name} term must start after the ${previous.term} term ends.`,
      });
  });
  return problems;
}
