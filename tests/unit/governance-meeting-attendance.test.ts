import { describe, expect, it } from 'vitest';
import {
  attendanceText,
  countAttendance,
  expectedAt,
  expectsKnown,
  meetingLabel,
  onBoardOn,
} from '~/server/governance/meeting-attendance-rules';

const today = '2026-12-06';

describe('board meetings: who is marked, and the published attendance', () => {
  it('counts the meetings a governor was marked at in the last 12 months: present attended, apologies and absent not', () => {
    const marks = [
      { heldOn: '2026-11-20', status: 'present' as const },
      { heldOn: '2026-10-01', status: 'present' as const },
      { heldOn: '2026-07-01', status: 'apologies' as const },
      { heldOn: '2026-03-01', status: 'present' as const },
      { heldOn: '2026-01-10', status: 'absent' as const },
      { heldOn: '2025-12-06', status: 'present' as const },
      // More than 12 months ago: outside the window of the published information.
      { heldOn: '2025-12-05', status: 'absent' as const },
    ];
    const count = countAttendance(marks, today);
    expect(count).toEqual({ attended: 4, expected: 6, apologies: 1, notRecorded: 0 });
    expect(attendanceText(count)).toBe('4 of 6 meetings (1 apology)');
  });

  it('says so when a governor was marked at no meeting, and writes one meeting without a plural', () => {
    expect(attendanceText(countAttendance([], today))).toBe('None recorded');
    expect(attendanceText(countAttendance([{ heldOn: today, status: 'present' }], today))).toBe(
      '1 of 1 meeting',
    );
    expect(attendanceText({ attended: 3, expected: 6, apologies: 2, notRecorded: 0 })).toBe(
      '3 of 6 meetings (2 apologies)',
    );
  });

  it('counts a meeting that expected them but where they were never marked apart, as not recorded: neither attended nor missed', () => {
    const marks = [
      { heldOn: '2026-11-20', status: 'present' as const },
      { heldOn: '2026-10-01', status: 'present' as const },
      { heldOn: '2026-07-01', status: 'present' as const },
      { heldOn: '2026-03-01', status: 'apologies' as const },
    ];
    const unmarked = [{ heldOn: '2026-06-01' }, { heldOn: '2025-11-01' }];
    const count = countAttendance(marks, today, unmarked);
    // The unmarked meeting more than 12 months ago is outside the window.
    expect(count).toEqual({ attended: 3, expected: 4, apologies: 1, notRecorded: 1 });
    expect(attendanceText(count)).toBe('3 of 4 meetings (1 apology); 1 more not recorded');
    expect(
      attendanceText(countAttendance([], today, [{ heldOn: '2026-06-01' }, { heldOn: '2026-09-01' }])),
    ).toBe('Not recorded at 2 meetings');
    expect(attendanceText({ attended: 1, expected: 1, apologies: 0, notRecorded: 2 })).toBe(
      '1 of 1 meeting; 2 more not recorded',
    );
  });

  it('flags unmarked members only where the meeting says who it expected', () => {
    expect(expectsKnown({ kind: 'full_board', membersListed: false })).toBe(true);
    expect(expectsKnown({ kind: 'committee', membersListed: true })).toBe(true);
    // A committee meeting recorded before committees were kept: anyone on the board may be marked there.
    expect(expectsKnown({ kind: 'committee', membersListed: false })).toBe(false);
  });

  it('a meeting still to come does not count', () => {
    expect(countAttendance([{ heldOn: '2026-12-07', status: 'present' }], today).expected).toBe(0);
  });

  it('marks only members on the board that day: appointed by then, not stepped down before, term not over; never the clerk', () => {
    const member = {
      category: 'parent' as const,
      appointedOn: '2025-09-01',
      steppedDownOn: null,
      termEndsOn: '2029-08-31',
    };
    expect(onBoardOn(member, '2025-09-01')).toBe(true);
    expect(onBoardOn(member, '2025-08-31')).toBe(false);
    // Stepped down on the day of the meeting: may have come to it.
    expect(onBoardOn({ ...member, steppedDownOn: '2026-03-01' }, '2026-03-01')).toBe(true);
    expect(onBoardOn({ ...member, steppedDownOn: '2026-03-01' }, '2026-03-02')).toBe(false);
    expect(onBoardOn({ ...member, termEndsOn: '2026-08-31' }, '2026-09-01')).toBe(false);
    expect(onBoardOn({ ...member, category: 'clerk', termEndsOn: null }, '2026-03-01')).toBe(false);
  });

  it('names a meeting by its kind or its committee', () => {
    expect(meetingLabel({ kind: 'full_board', committeeName: '' })).toBe('Full board meeting');
    expect(meetingLabel({ kind: 'committee', committeeName: 'Finance and resources' })).toBe(
      'Finance and resources committee',
    );
    expect(meetingLabel({ kind: 'committee', committeeName: 'Pay committee' })).toBe('Pay committee');
  });

  it('expects at a committee meeting only the members listed when it was recorded, and on the board that day', () => {
    const member = {
      id: 'g1',
      category: 'parent' as const,
      appointedOn: '2025-09-01',
      steppedDownOn: null,
      termEndsOn: null,
    };
    const committee = { heldOn: '2026-03-01', membersListed: true };
    expect(expectedAt(committee, member, new Set(['g1']))).toBe(true);
    expect(expectedAt(committee, member, new Set(['g2']))).toBe(false);
    // Listed, but moved to a day before they joined the board.
    expect(expectedAt({ ...committee, heldOn: '2025-06-01' }, member, new Set(['g1']))).toBe(false);
    // The full board, or a committee meeting recorded before committees were kept: everyone on the board.
    expect(expectedAt({ ...committee, membersListed: false }, member, new Set())).toBe(true);
    expect(
      expectedAt({ ...committee, membersListed: false }, { ...member, category: 'clerk' }, new Set()),
    ).toBe(false);
  });
});
