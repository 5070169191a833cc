import { describe, expect, it } from 'vitest';
import {
  attendanceText,
  countAttendance,
  expectedAt,
  expectsKnown,
  meetingLabel,
  onBoardOn,
  onCommitteeOn,
  publishedAttendancePeriods,
} from '~/server/governance/meeting-attendance-rules';

const today = '2026-12-06';

describe('board meetings: who is marked, and the published attendance', () => {
  const { lastYear, thisYear } = publishedAttendancePeriods(today);

  it('publishes attendance over the last complete academic year, 1 September to 31 August, and this one so far', () => {
    expect(lastYear).toEqual({ label: '2025/26 academic year', from: '2025-09-01', to: '2026-08-31' });
    expect(thisYear).toEqual({ label: '2026/27 so far', from: '2026-09-01', to: today });
    // On the last day of a year that year is still the current one; the next day it is the last complete one.
    expect(publishedAttendancePeriods('2026-08-31').lastYear.label).toBe('2024/25 academic year');
    expect(publishedAttendancePeriods('2026-08-31').thisYear).toEqual({
      label: '2025/26 so far',
      from: '2025-09-01',
      to: '2026-08-31',
    });
    expect(publishedAttendancePeriods('2026-09-01').lastYear).toEqual({
      label: '2025/26 academic year',
      from: '2025-09-01',
      to: '2026-08-31',
    });
    expect(publishedAttendancePeriods('2026-09-01').thisYear).toEqual({
      label: '2026/27 so far',
      from: '2026-09-01',
      to: '2026-09-01',
    });
    expect(publishedAttendancePeriods('2000-01-15').lastYear.label).toBe('1998/99 academic year');
  });

  it('counts the meetings a governor was marked at in the period: present attended, apologies and absent not', () => {
    const marks = [
      // This academic year so far: not in the last complete one.
      { heldOn: '2026-11-20', status: 'present' as const },
      { heldOn: '2026-09-01', status: 'absent' as const },
      { heldOn: '2026-08-31', status: 'present' as const },
      { heldOn: '2026-07-01', status: 'apologies' as const },
      { heldOn: '2026-03-01', status: 'present' as const },
      { heldOn: '2026-01-10', status: 'absent' as const },
      { heldOn: '2025-09-01', status: 'present' as const },
      // The year before: outside both periods.
      { heldOn: '2025-08-31', status: 'absent' as const },
    ];
    const count = countAttendance(marks, lastYear);
    expect(count).toEqual({ attended: 3, expected: 5, apologies: 1, notRecorded: 0 });
    expect(attendanceText(count)).toBe('3 of 5 meetings (1 apology)');
    expect(attendanceText(countAttendance(marks, thisYear))).toBe('1 of 2 meetings');
  });

  it('says so when a governor was marked at no meeting, and writes one meeting without a plural', () => {
    expect(attendanceText(countAttendance([], lastYear))).toBe('None recorded');
    expect(attendanceText(countAttendance([{ heldOn: today, status: 'present' }], thisYear))).toBe(
      '1 of 1 meeting',
    );
    expect(attendanceText({ attended: 3, expected: 6, apologies: 2, notRecorded: 0 })).toBe(
      '3 of 6 meetings (2 apologies)',
    );
  });

  it('counts a meeting that expected them but where they were never marked apart, as not recorded: neither attended nor missed', () => {
    const marks = [
      { heldOn: '2026-08-20', status: 'present' as const },
      { heldOn: '2026-06-01', status: 'present' as const },
      { heldOn: '2026-02-01', status: 'present' as const },
      { heldOn: '2025-11-01', status: 'apologies' as const },
    ];
    const unmarked = [{ heldOn: '2026-07-01' }, { heldOn: '2025-06-01' }, { heldOn: '2026-10-01' }];
    const count = countAttendance(marks, lastYear, unmarked);
    // The unmarked meetings before September 2025 and since September 2026 are outside the period.
    expect(count).toEqual({ attended: 3, expected: 4, apologies: 1, notRecorded: 1 });
    expect(attendanceText(count)).toBe('3 of 4 meetings (1 apology); 1 more not recorded');
    expect(attendanceText(countAttendance(marks, thisYear, unmarked))).toBe('Not recorded at 1 meeting');
    expect(
      attendanceText(countAttendance([], lastYear, [{ heldOn: '2026-06-01' }, { heldOn: '2025-09-01' }])),
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
    expect(countAttendance([{ heldOn: '2026-12-07', status: 'present' }], thisYear).expected).toBe(0);
  });

  it('a committee member on a day: joined on or before it, not taken off before it (they sat on the day they left)', () => {
    const membership = { joinedOn: '2026-01-10', leftOn: '2026-05-01' };
    expect(onCommitteeOn(membership, '2026-01-09')).toBe(false);
    expect(onCommitteeOn(membership, '2026-01-10')).toBe(true);
    expect(onCommitteeOn(membership, '2026-05-01')).toBe(true);
    expect(onCommitteeOn(membership, '2026-05-02')).toBe(false);
    expect(onCommitteeOn({ ...membership, leftOn: null }, '2030-01-01')).toBe(true);
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
