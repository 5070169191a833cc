import type { TSetTermDatesInput } from '~/server/calendar/set-term-dates';

type Year = Pick<TSetTermDatesInput, 'terms'>['terms'];
const year = (dates: [string, string, string, string, string, string]): Year => [
  { term: 'autumn', startsOn: dates[0], endsOn: dates[1] },
  { term: 'spring', startsOn: dates[2], endsOn: dates[3] },
  { term: 'summer', startsOn: dates[4], endsOn: dates[5] },
];

/**
 * Each LA's pattern of term dates for community schools (first and last day of each term), by academic year.
 * Seeded as the demo's starting point: the workspace's manager corrects them on the Term dates page when the
 * LA publishes its calendar. Providers take their LA's (HSIP Harrow's, BEP Birmingham's).
 */
const london: Record<number, Year> = {
  2025: year(['2025-09-03', '2025-12-19', '2026-01-05', '2026-03-27', '2026-04-13', '2026-07-21']),
  2026: year(['2026-09-03', '2026-12-18', '2027-01-04', '2027-03-25', '2027-04-12', '2027-07-21']),
  2027: year(['2027-09-02', '2027-12-17', '2028-01-04', '2028-03-31', '2028-04-18', '2028-07-21']),
};
const birmingham: Record<number, Year> = {
  2025: year(['2025-09-02', '2025-12-19', '2026-01-05', '2026-03-27', '2026-04-13', '2026-07-22']),
  2026: year(['2026-09-02', '2026-12-18', '2027-01-04', '2027-03-26', '2027-04-12', '2027-07-22']),
  2027: year(['2027-09-02', '2027-12-17', '2028-01-04', '2028-03-31', '2028-04-18', '2028-07-21']),
};

export const demoTermDates: Record<string, Record<number, Year>> = {
  barnet: london,
  harrow: london,
  hsip: london,
  nwlhub: london,
  birmingham,
  bep: birmingham,
};
