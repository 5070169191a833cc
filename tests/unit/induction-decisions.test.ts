import { describe, expect, it } from 'vitest';
import { decisionDeadlines } from '~/server/induction/induction-decisions';

describe('deadlines at the end of induction (working days, England and Wales bank holidays)', () => {
  it('counts 10 working days for the recommendation and representations, 20 for the decision', () => {
    // Induction ends Friday 17 July 2026: 10 working days on is Friday 31 July.
    expect(
      decisionDeadlines({ completesOn: '2026-07-17', recommendedOn: '2026-07-24', lastOutcome: null }),
    ).toEqual({
      recommendationDue: '2026-07-31',
      representationsDue: '2026-08-07',
      decisionDue: '2026-08-21',
      appealBy: null,
    });
  });

  it('skips the summer bank holiday (Monday 31 August) in the 20 days to decide', () => {
    expect(
      decisionDeadlines({ completesOn: '2026-08-14', recommendedOn: '2026-08-14', lastOutcome: null })
        .decisionDue,
    ).toBe('2026-09-14');
  });

  it('skips Christmas, Boxing Day (substitute) and New Year for an appeal against a December fail', () => {
    const { appealBy } = decisionDeadlines({
      completesOn: '2026-12-11',
      recommendedOn: null,
      lastOutcome: { outcome: 'fail', decidedOn: '2026-12-11' },
    });
    // 14–18, 21–24 December (9); 25th, Boxing Day's substitute on the 28th and 1 January are holidays;
    // 29–31 December (12); 4–8 January (17); 11–13 January (20).
    expect(appealBy).toBe('2027-01-13');
  });

  it('gives no appeal date after a pass, and no decision date before a recommendation', () => {
    expect(
      decisionDeadlines({
        completesOn: '2026-12-11',
        recommendedOn: null,
        lastOutcome: { outcome: 'pass', decidedOn: '2026-12-11' },
      }),
    ).toMatchObject({ representationsDue: null, decisionDue: null, appealBy: null });
  });
});
