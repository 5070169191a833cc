import { describe, expect, it } from 'vitest';
import { daysBefore, endedAcademicYear, isoWeekPeriod, reminderDue } from '~/server/jobs/job-periods';
import { scheduledJobs } from '~/server/jobs/scheduled-jobs';

describe('job periods: what makes a second run of a job change nothing', () => {
  it('names the ISO week, Monday to Sunday, across year ends', () => {
    expect(isoWeekPeriod('2026-11-30')).toBe('2026-W49'); // Monday
    expect(isoWeekPeriod('2026-12-06')).toBe('2026-W49'); // Sunday, same week
    expect(isoWeekPeriod('2026-12-07')).toBe('2026-W50');
    expect(isoWeekPeriod('2027-01-01')).toBe('2026-W53'); // a Friday still in 2026's last week
    expect(isoWeekPeriod('2024-12-30')).toBe('2025-W01'); // a Monday in 2025's first week
  });

  it('expires the academic year that has ended, the same one all year', () => {
    expect(endedAcademicYear('2026-09-01')).toBe(2025);
    expect(endedAcademicYear('2027-08-31')).toBe(2025);
    expect(endedAcademicYear('2027-09-01')).toBe(2026);
  });

  it('every job’s period is the same for two runs on the same day', () => {
    for (const job of scheduledJobs) expect(job.periodKey('2026-11-30')).toBe(job.periodKey('2026-11-30'));
    const expiry = scheduledJobs.find((j) => j.key === 'entitlement-expiry');
    expect(expiry?.periodKey('2026-11-30')).toBe(expiry?.periodKey('2027-03-01'));
  });

  it('counts days back across month and leap-year ends', () => {
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
    expect(daysBefore('2028-03-01', 1)).toBe('2028-02-29');
    expect(daysBefore('2026-01-03', 7)).toBe('2025-12-27');
  });
});

describe('renewal reminders are due', () => {
  const base = { today: '2026-11-30', closesOn: '2026-12-31', intervalDays: 7 };

  it('once the interval has passed since the invitation or last reminder', () => {
    expect(reminderDue({ ...base, lastContactOn: '2026-11-23' })).toBe(true);
    expect(reminderDue({ ...base, lastContactOn: '2026-11-24' })).toBe(false);
    expect(reminderDue({ ...base, lastContactOn: '2026-11-30' })).toBe(false); // reminded today: not again
  });

  it('never after the round closes, nor for a round without an interval', () => {
    expect(reminderDue({ ...base, today: '2027-01-01', lastContactOn: '2026-11-01' })).toBe(false);
    expect(reminderDue({ ...base, intervalDays: null, lastContactOn: '2026-11-01' })).toBe(false);
    expect(reminderDue({ ...base, intervalDays: 0, lastContactOn: '2026-11-01' })).toBe(false);
  });
});
