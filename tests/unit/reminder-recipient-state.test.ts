import { describe, expect, it } from 'vitest';
import { reminderRecipientState } from '~/server/invoicing/send-overdue-reminders';

const today = '2026-12-05';
/** Issued, due 10 days ago, unpaid, no reminder sent: the 7-day reminder is owed. */
const owed = {
  status: 'issued',
  kind: 'invoice',
  dueOn: '2026-11-25',
  remindersSent: 0,
  outstandingPence: 12_000,
  reminderNoRecipientOn: null,
};
const days = [7, 30];

describe('what finance is told of an overdue reminder with no one to send it to', () => {
  it('says what the run found, with the day it tried, while there is still no one', () => {
    expect(
      reminderRecipientState({ ...owed, reminderNoRecipientOn: '2026-12-04' }, days, today, true),
    ).toEqual({
      state: 'not_sent',
      triedOn: '2026-12-04',
    });
  });

  it('before any run has tried, only that the next run will check', () => {
    expect(reminderRecipientState(owed, days, today, true)).toEqual({ state: 'unchecked' });
  });

  it('says nothing once someone can be emailed, or when no reminder is owed', () => {
    const tried = { ...owed, reminderNoRecipientOn: '2026-12-04' };
    expect(reminderRecipientState(tried, days, today, false)).toBeNull();
    expect(reminderRecipientState({ ...tried, status: 'paid' }, days, today, true)).toBeNull();
    expect(reminderRecipientState({ ...tried, outstandingPence: 0 }, days, today, true)).toBeNull();
    expect(reminderRecipientState({ ...tried, remindersSent: 1 }, days, today, true)).toBeNull();
    expect(reminderRecipientState({ ...tried, dueOn: '2026-12-01' }, days, today, true)).toBeNull();
    expect(reminderRecipientState({ ...tried, kind: 'journal' }, days, today, true)).toBeNull();
    expect(reminderRecipientState(tried, [], today, true)).toBeNull();
  });
});
