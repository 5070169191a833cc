import { describe, expect, it } from 'vitest';
import {
  addMonths,
  addYears,
  defaultRetention,
  delegateRetentionFrom,
  ectErasure,
  ectRetentionFrom,
  governorErasure,
  governorRetentionFrom,
  isPastRetention,
  retentionCutoff,
  retentionEndsOn,
} from '~/server/privacy/retention-rules';

describe('retention dates', () => {
  it('adds years, 29 February falling back to 28 February', () => {
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
    expect(addYears('2026-08-31', 6)).toBe('2032-08-31');
    expect(addYears('2026-03-01', -6)).toBe('2020-03-01');
  });

  it('adds months, clamped to the end of a shorter month', () => {
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2025-12-15', 12)).toBe('2026-12-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('is past retention on the anniversary, not the day before', () => {
    expect(retentionEndsOn('2020-07-20', 6)).toBe('2026-07-20');
    expect(isPastRetention('2026-07-19', '2020-07-20', 6)).toBe(false);
    expect(isPastRetention('2026-07-20', '2020-07-20', 6)).toBe(true);
  });

  it('never runs a clock that has not started', () => {
    expect(retentionEndsOn(null, 1)).toBeNull();
    expect(isPastRetention('2099-01-01', null, 1)).toBe(false);
  });

  it('gives the cutoff that matches isPastRetention', () => {
    const today = '2026-12-04';
    const cutoff = retentionCutoff(today, 3);
    expect(cutoff).toBe('2023-12-04');
    expect(isPastRetention(today, cutoff, 3)).toBe(true);
    expect(isPastRetention(today, '2023-12-05', 3)).toBe(false);
  });

  it('has defaults of at least a year', () => {
    expect(defaultRetention).toEqual({ governorYears: 6, ectYears: 6, delegateYears: 3 });
  });
});

describe('when each clock starts', () => {
  it('a governor: the day they stepped down, not a future date, never while serving', () => {
    expect(governorRetentionFrom({ steppedDownOn: null }, '2026-12-04')).toBeNull();
    expect(governorRetentionFrom({ steppedDownOn: '2027-01-31' }, '2026-12-04')).toBeNull();
    expect(governorRetentionFrom({ steppedDownOn: '2026-07-31' }, '2026-12-04')).toBe('2026-07-31');
  });

  it('an ECT: the final outcome (pass or fail), not an extension', () => {
    expect(ectRetentionFrom([])).toBeNull();
    expect(ectRetentionFrom([{ outcome: 'extension', decidedOn: '2025-07-18' }])).toBeNull();
    expect(
      ectRetentionFrom([
        { outcome: 'extension', decidedOn: '2025-07-18' },
        { outcome: 'pass', decidedOn: '2026-04-01' },
      ]),
    ).toBe('2026-04-01');
  });

  it('a delegate: the course’s last session, else its first', () => {
    expect(delegateRetentionFrom({ startsOn: '2026-01-10', endsOn: '2026-03-10' })).toBe('2026-03-10');
    expect(delegateRetentionFrom({ startsOn: '2026-01-10', endsOn: null })).toBe('2026-01-10');
  });
});

describe('erasure on request', () => {
  it('refuses a serving governor, and one the school must still publish (12 months)', () => {
    expect(governorErasure({ steppedDownOn: null }, '2026-12-04')).toMatchObject({ allowed: false });
    const recent = governorErasure({ steppedDownOn: '2026-03-31' }, '2026-12-04');
    expect(recent).toMatchObject({ allowed: false });
    expect(recent.allowed ? '' : recent.reason).toContain('31 March 2027');
    expect(governorErasure({ steppedDownOn: '2025-12-04' }, '2026-12-04')).toMatchObject({
      allowed: true,
      scope: 'full',
    });
    expect(governorErasure({ steppedDownOn: '2025-12-05' }, '2026-12-04')).toMatchObject({ allowed: false });
  });

  it('refuses an ECT in induction; a completed one keeps the induction record (contact data only)', () => {
    expect(ectErasure({ status: 'in_progress' })).toMatchObject({ allowed: false });
    const completed = ectErasure({ status: 'completed' });
    expect(completed).toMatchObject({ allowed: true, scope: 'contact' });
    expect(completed.allowed ? completed.keeps.join(' ') : '').toContain('Teaching Regulation Agency');
  });
});
