import { describe, expect, it } from 'vitest';
import {
  appealReminderDue,
  deadlineReminderDue,
  type AppealCandidate,
  type DeadlineCandidate,
} from '~/server/induction/remind-deadlines';

// Induction ends Friday 17 July 2026: the recommendation is due Friday 31 July (10 working days).
const ending: DeadlineCandidate = {
  status: 'in_progress',
  atSchool: true,
  completesOn: '2026-07-17',
  stage: 0,
  pending: null,
  sent: [],
};
// Recommended Friday 24 July 2026: the decision is due Friday 21 August (20 working days).
const recommended: DeadlineCandidate = { ...ending, pending: { recommendedOn: '2026-07-24' } };

describe('reminders of the deadlines at the end of induction', () => {
  it('reminds the school of the recommendation from 3 working days before it is due', () => {
    expect(deadlineReminderDue(ending, '2026-07-27')).toBeNull();
    expect(deadlineReminderDue(ending, '2026-07-28')).toEqual({
      kind: 'recommendation',
      stage: 0,
      dueOn: '2026-07-31',
      overdue: false,
    });
    expect(deadlineReminderDue(ending, '2026-07-31')).toMatchObject({ overdue: false });
  });

  it('reminds of an overdue recommendation that was never reminded of', () => {
    expect(deadlineReminderDue(ending, '2026-09-07')).toEqual({
      kind: 'recommendation',
      stage: 0,
      dueOn: '2026-07-31',
      overdue: true,
    });
  });

  it('reminds the AB of its decision from 5 working days before it is due, and once overdue', () => {
    expect(deadlineReminderDue(recommended, '2026-08-13')).toBeNull();
    expect(deadlineReminderDue(recommended, '2026-08-14')).toEqual({
      kind: 'decision',
      stage: 0,
      dueOn: '2026-08-21',
      overdue: false,
    });
    expect(deadlineReminderDue(recommended, '2026-08-24')).toMatchObject({ kind: 'decision', overdue: true });
  });

  it('does not remind again once sent for that deadline and stage', () => {
    expect(
      deadlineReminderDue({ ...ending, sent: [{ kind: 'recommendation', stage: 0 }] }, '2026-08-03'),
    ).toBeNull();
    // The decision is a different deadline: sent once of its own.
    expect(
      deadlineReminderDue({ ...recommended, sent: [{ kind: 'recommendation', stage: 0 }] }, '2026-08-24'),
    ).toMatchObject({ kind: 'decision' });
    expect(
      deadlineReminderDue({ ...recommended, sent: [{ kind: 'decision', stage: 0 }] }, '2026-08-24'),
    ).toBeNull();
  });

  it('an extension starts a new stage: its own end is reminded of again', () => {
    // Ends Friday 18 December 2026: due Wednesday 6 January 2027 (Christmas, Boxing Day and New Year skipped).
    const extended: DeadlineCandidate = {
      ...ending,
      completesOn: '2026-12-18',
      stage: 1,
      sent: [
        { kind: 'recommendation', stage: 0 },
        { kind: 'decision', stage: 0 },
      ],
    };
    expect(deadlineReminderDue(extended, '2027-01-04')).toMatchObject({
      kind: 'recommendation',
      stage: 1,
      dueOn: '2027-01-06',
      overdue: false,
    });
  });

  it('never reminds of a completed induction or an ECT who has left their school', () => {
    expect(deadlineReminderDue({ ...ending, status: 'completed' }, '2026-07-31')).toBeNull();
    expect(deadlineReminderDue({ ...recommended, status: 'completed' }, '2026-08-24')).toBeNull();
    expect(deadlineReminderDue({ ...ending, atSchool: false }, '2026-07-31')).toBeNull();
    expect(deadlineReminderDue({ ...ending, completesOn: null }, '2026-07-31')).toBeNull();
  });

  // Failed on Friday 11 September 2026: the ECT may appeal until Friday 9 October (20 working days).
  const failed: AppealCandidate = { fail: { decidedOn: '2026-09-11' }, stage: 1, sent: [] };

  it('reminds an ECT who failed of the deadline to appeal from 5 working days before it, until it', () => {
    expect(appealReminderDue(failed, '2026-10-01')).toBeNull();
    expect(appealReminderDue(failed, '2026-10-02')).toEqual({
      kind: 'appeal',
      stage: 1,
      dueOn: '2026-10-09',
      overdue: false,
    });
    expect(appealReminderDue(failed, '2026-10-09')).toMatchObject({ kind: 'appeal' });
    // Once the deadline has passed it can no longer be met: no reminder.
    expect(appealReminderDue(failed, '2026-10-12')).toBeNull();
  });

  it('reminds of the appeal once per fail, and not without one (no fail, or one already appealed)', () => {
    expect(appealReminderDue({ ...failed, sent: [{ kind: 'appeal', stage: 1 }] }, '2026-10-05')).toBeNull();
    // Another deadline's reminder, or the appeal of an earlier stage, does not count.
    expect(
      appealReminderDue(
        {
          ...failed,
          sent: [
            { kind: 'recommendation', stage: 1 },
            { kind: 'appeal', stage: 0 },
          ],
        },
        '2026-10-05',
      ),
    ).toMatchObject({ kind: 'appeal', stage: 1 });
    expect(appealReminderDue({ ...failed, fail: null }, '2026-10-05')).toBeNull();
  });
});
