import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '~/db/client';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { longDate } from '~/server/format/dates';
import { addDays } from '~/server/governance/board-rules';
import {
  addMembership,
  callerAs,
  makeSchool,
  makeTenant,
  makeUser,
  type MadeTenant,
  type MadeUser,
} from '../fixtures/factories';
import { openTestDatabase } from './harness';

// A fixed day (only the clock's date is faked), so the meetings below fall in the 2026/27 academic year so far
// whenever the test runs: the published attendance counts that year apart from the last complete one.
vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-06T12:00:00Z') });
const today = todayInLondon();

/**
 * Board meetings and attendance through the tRPC caller: the clerk records meetings and who came, the published
 * list counts it over the last 12 months (the typed attendance until a meeting is recorded), and nobody marks
 * someone who was not on the board, nor another school's or workspace's meeting or governor.
 */
describe('governance: board meetings and attendance', () => {
  let database: Database;
  let tenant: MadeTenant;
  let other: MadeTenant;
  let schoolA: { id: string };
  let schoolB: { id: string };
  let clerk: MadeUser;
  let reader: MadeUser;
  let headB: MadeUser;
  let otherHead: MadeUser;
  const ids: Record<string, string> = {};
  let otherMeetingId = '';
  let otherGovernorId = '';

  const as = (u: MadeUser, slug = tenant.slug) => callerAs(database.db, u, slug);
  const governor = (name: string, category: string, extra: Record<string, unknown> = {}) => ({
    name,
    category,
    appointedOn: '2024-09-01',
    ...extra,
  });

  beforeAll(async () => {
    database = await openTestDatabase();
    tenant = await makeTenant(database.db, { modules: ['governance'] });
    other = await makeTenant(database.db, { modules: ['governance'] });
    schoolA = await makeSchool(database.db, tenant.id, { name: 'Alder Primary' });
    schoolB = await makeSchool(database.db, tenant.id, { name: 'Beech Primary' });
    const otherSchool = await makeSchool(database.db, other.id, { name: 'Elsewhere Primary' });
    const headA = await makeUser(database.db, { name: 'Hal Head' });
    clerk = await makeUser(database.db, { name: 'Clara Clerk' });
    reader = await makeUser(database.db, { name: 'Gina Governor' });
    headB = await makeUser(database.db, { name: 'Bea Head' });
    otherHead = await makeUser(database.db, { name: 'Otto Other' });
    await addMembership(database.db, tenant.id, headA.id, 'school_admin', schoolA.id);
    await addMembership(database.db, tenant.id, clerk.id, 'governor', schoolA.id);
    await addMembership(database.db, tenant.id, reader.id, 'governor', schoolA.id);
    await addMembership(database.db, tenant.id, headB.id, 'school_admin', schoolB.id);
    await addMembership(database.db, other.id, otherHead.id, 'school_admin', otherSchool.id);
    await as(headA).governance.addGovernor({
      schoolId: schoolA.id,
      ...governor('Clara Clerk', 'clerk', { email: clerk.email }),
    } as never);
    const board = [
      governor('Henry Head', 'headteacher'),
      governor('Gina Governor', 'parent', { email: reader.email, attendance: '5 of 6' }),
      governor('Pat Parent', 'parent', { attendance: '6 of 6' }),
      governor('Sue Staff', 'staff'),
      // Appointed ten days ago: not on the board at a meeting before then.
      governor('Nina New', 'co_opted', { appointedOn: addDays(today, -10) }),
    ];
    for (const g of board) {
      const made = await as(clerk).governance.addGovernor({ schoolId: schoolA.id, ...g } as never);
      ids[g.name] = made.id;
    }
    const madeB = await as(headB).governance.addGovernor({
      schoolId: schoolB.id,
      ...governor('Bob Beech', 'parent'),
    } as never);
    ids['Bob Beech'] = madeB.id;
    const clerkEntry = (await as(clerk).governance.board({ schoolId: schoolA.id })).current.find(
      (g) => g.category === 'clerk',
    );
    ids['Clara Clerk'] = clerkEntry?.id ?? '';
    // Another workspace's board, with a meeting of its own.
    const otherCaller = as(otherHead, other.slug);
    otherGovernorId = (
      await otherCaller.governance.addGovernor({
        schoolId: otherSchool.id,
        ...governor('Ella Elsewhere', 'parent'),
      } as never)
    ).id;
    otherMeetingId = (
      await otherCaller.governance.addMeeting({
        schoolId: otherSchool.id,
        meeting: { heldOn: addDays(today, -5), kind: 'full_board' },
      })
    ).id;
  });

  it('publishes the typed attendance until a meeting is recorded', async () => {
    const published = await as(reader).governance.published({ schoolId: schoolA.id });
    expect(published.attendanceSource).toBe('typed');
    expect(published.governors.find((g) => g.name === 'Gina Governor')?.attendance).toBe('5 of 6');
  });

  it('the clerk adds, corrects and deletes meetings; a committee meeting needs its committee', async () => {
    const c = as(clerk).governance;
    await expect(
      c.addMeeting({ schoolId: schoolA.id, meeting: { heldOn: addDays(today, -40), kind: 'committee' } }),
    ).rejects.toThrow('Choose the committee. A committee is added on the board’s committees page.');
    const finance = await c.addCommittee({
      schoolId: schoolA.id,
      committee: {
        name: 'Finance and resources',
        memberIds: [ids['Gina Governor'] ?? '', ids['Pat Parent'] ?? ''],
        joinedOn: addDays(today, -90),
      },
    });
    const full = await c.addMeeting({
      schoolId: schoolA.id,
      meeting: { heldOn: addDays(today, -60), kind: 'full_board', notes: 'Autumn budget' },
    });
    ids.full = full.id;
    const committee = await c.addMeeting({
      schoolId: schoolA.id,
      meeting: { heldOn: addDays(today, -40), kind: 'committee', committeeId: finance.id },
    });
    expect(committee.label).toBe('Finance and resources committee');
    ids.committee = committee.id;
    const spare = await c.addMeeting({
      schoolId: schoolA.id,
      meeting: { heldOn: addDays(today, -30), kind: 'full_board' },
    });
    await c.updateMeeting({
      meetingId: spare.id,
      meeting: { heldOn: addDays(today, -5), kind: 'full_board', notes: 'Moved' },
    });
    let list = await c.meetings({ schoolId: schoolA.id });
    expect(list.mayEdit).toBe(true);
    expect(list.meetings.map((m) => [m.heldOn, m.label, m.notes])).toEqual([
      [addDays(today, -5), 'Full board meeting', 'Moved'],
      [addDays(today, -40), 'Finance and resources committee', ''],
      [addDays(today, -60), 'Full board meeting', 'Autumn budget'],
    ]);
    ids.recent = spare.id;
    const deleted = await c.deleteMeeting({ meetingId: spare.id });
    expect(deleted.label).toBe(`Full board meeting on ${longDate(addDays(today, -5))}`);
    list = await c.meetings({ schoolId: schoolA.id });
    expect(list.meetings).toHaveLength(2);
  });

  it('marks attendance per member on the board that day, and the published list counts it', async () => {
    const c = as(clerk).governance;
    const meeting = await c.meeting({ meetingId: ids.full ?? '' });
    // On the board 60 days ago: not the clerk, not Nina (appointed ten days ago).
    expect(meeting.members.map((m) => m.name)).toEqual([
      'Gina Governor',
      'Henry Head',
      'Pat Parent',
      'Sue Staff',
    ]);
    const saved = await c.recordAttendance({
      meetingId: ids.full ?? '',
      marks: [
        { governorId: ids['Gina Governor'] ?? '', status: 'present' },
        { governorId: ids['Henry Head'] ?? '', status: 'present' },
        { governorId: ids['Pat Parent'] ?? '', status: 'apologies' },
        { governorId: ids['Sue Staff'] ?? '', status: 'absent' },
      ],
    });
    expect(saved).toMatchObject({ present: 2, apologies: 1, absent: 1 });
    // The committee: Gina and Pat sit on it, so only they are expected and marked.
    await c.recordAttendance({
      meetingId: ids.committee ?? '',
      marks: [
        { governorId: ids['Gina Governor'] ?? '', status: 'present' },
        { governorId: ids['Pat Parent'] ?? '', status: 'present' },
        { governorId: ids['Henry Head'] ?? '', status: null },
      ],
    });
    const published = await as(reader).governance.published({ schoolId: schoolA.id });
    expect(published.attendanceSource).toBe('meetings');
    expect(published.periods.thisYear).toMatchObject({ label: '2026/27 so far', held: 2 });
    expect(published.periods.lastYear).toMatchObject({ label: '2025/26 academic year', held: 0 });
    // None in the last complete academic year: nobody was expected at a meeting there.
    expect(new Set(published.governors.map((g) => g.attendance))).toEqual(new Set(['None recorded']));
    const attendance = Object.fromEntries(published.governors.map((g) => [g.name, g.attendanceThisYear]));
    expect(attendance).toMatchObject({
      'Gina Governor': '2 of 2 meetings',
      'Pat Parent': '1 of 2 meetings (1 apology)',
      'Sue Staff': '0 of 1 meeting',
      'Henry Head': '1 of 1 meeting',
      'Nina New': 'None recorded',
    });
    // Marked again: the new mark replaces the old; a mark cleared is no longer counted.
    await c.recordAttendance({
      meetingId: ids.full ?? '',
      marks: [
        { governorId: ids['Sue Staff'] ?? '', status: 'present' },
        { governorId: ids['Henry Head'] ?? '', status: null },
      ],
    });
    const after = await as(reader).governance.published({ schoolId: schoolA.id });
    const again = Object.fromEntries(after.governors.map((g) => [g.name, g.attendanceThisYear]));
    expect(again['Sue Staff']).toBe('1 of 1 meeting');
    // Henry was expected at the full board and is no longer marked: said as not recorded, not as missed.
    expect(again['Henry Head']).toBe('Not recorded at 1 meeting');
    const list = await c.meetings({ schoolId: schoolA.id });
    expect(list.meetings.find((m) => m.id === ids.full)).toMatchObject({
      present: 2,
      apologies: 1,
      absent: 0,
      notRecorded: 1,
      toRecord: 1,
    });
    // The clerk sees the meeting flagged, on the list and on the meeting itself.
    expect((await c.meeting({ meetingId: ids.full ?? '' })).toRecord).toBe(1);
    // Marked at another full board meeting, his count says both what he attended and what is not recorded.
    const second = await c.addMeeting({
      schoolId: schoolA.id,
      meeting: { heldOn: addDays(today, -5), kind: 'full_board' },
    });
    expect(
      (await c.meetings({ schoolId: schoolA.id })).meetings.find((m) => m.id === second.id),
    ).toMatchObject({
      toRecord: 5,
    });
    await c.recordAttendance({
      meetingId: second.id,
      marks: (await c.meeting({ meetingId: second.id })).members.map((m) => ({
        governorId: m.governorId,
        status: 'present' as const,
      })),
    });
    expect((await c.meeting({ meetingId: second.id })).toRecord).toBe(0);
    const third = await as(reader).governance.published({ schoolId: schoolA.id });
    const counted = Object.fromEntries(third.governors.map((g) => [g.name, g.attendanceThisYear]));
    expect(counted['Henry Head']).toBe('1 of 1 meeting; 1 more not recorded');
    expect(counted['Nina New']).toBe('1 of 1 meeting');
    await c.deleteMeeting({ meetingId: second.id });
  });

  it('refuses to mark someone who was not on the board that day, or the clerk, in words', async () => {
    const c = as(clerk).governance;
    await expect(
      c.recordAttendance({
        meetingId: ids.full ?? '',
        marks: [{ governorId: ids['Nina New'] ?? '', status: 'present' }],
      }),
    ).rejects.toThrow(
      `Nina New was not on the board on ${longDate(addDays(today, -60))}, so cannot be marked at this meeting.`,
    );
    await expect(
      c.recordAttendance({
        meetingId: ids.full ?? '',
        marks: [{ governorId: ids['Clara Clerk'] ?? '', status: 'present' }],
      }),
    ).rejects.toThrow('Clara Clerk is the clerk: the clerk’s attendance is not recorded.');
    // Moving a meeting to before a marked governor's appointment would lose the mark: refused.
    await expect(
      c.updateMeeting({
        meetingId: ids.full ?? '',
        meeting: { heldOn: '2024-08-01', kind: 'full_board' },
      }),
    ).rejects.toThrow(/were not on the board on 1 August 2024 but are marked at this meeting/);
    // A meeting still to come takes no attendance.
    const future = await c.addMeeting({
      schoolId: schoolA.id,
      meeting: { heldOn: addDays(today, 30), kind: 'full_board' },
    });
    await expect(
      c.recordAttendance({
        meetingId: future.id,
        marks: [{ governorId: ids['Gina Governor'] ?? '', status: 'present' }],
      }),
    ).rejects.toThrow('attendance can be recorded once it has been held.');
    await c.deleteMeeting({ meetingId: future.id });
  });

  it('refuses another school’s or workspace’s meeting or governor, whatever is sent', async () => {
    const c = as(clerk).governance;
    // A governor of another school on this school's meeting.
    await expect(
      c.recordAttendance({
        meetingId: ids.full ?? '',
        marks: [{ governorId: ids['Bob Beech'] ?? '', status: 'present' }],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Another workspace's governor and meeting.
    await expect(
      c.recordAttendance({
        meetingId: ids.full ?? '',
        marks: [{ governorId: otherGovernorId, status: 'present' }],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    for (const meetingId of [otherMeetingId]) {
      await expect(c.meeting({ meetingId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(c.deleteMeeting({ meetingId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        c.recordAttendance({ meetingId, marks: [{ governorId: otherGovernorId, status: 'present' }] }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    // Another school's head in the same workspace: this school's meeting is not found for them.
    const b = as(headB).governance;
    await expect(b.meeting({ meetingId: ids.full ?? '' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      b.updateMeeting({ meetingId: ids.full ?? '', meeting: { heldOn: today, kind: 'full_board' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(b.deleteMeeting({ meetingId: ids.full ?? '' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      b.addMeeting({ schoolId: schoolA.id, meeting: { heldOn: today, kind: 'full_board' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(b.meetings({ schoolId: schoolA.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The other workspace sees only its own meeting.
    const theirs = await as(otherHead, other.slug).governance.meeting({ meetingId: otherMeetingId });
    expect(theirs.members.map((m) => m.name)).toEqual(['Ella Elsewhere']);
  });

  it('a governor who may only read sees the meetings but cannot change them', async () => {
    const r = as(reader).governance;
    const list = await r.meetings({ schoolId: schoolA.id });
    expect(list.mayEdit).toBe(false);
    expect(list.meetings.length).toBeGreaterThan(0);
    expect((await r.meeting({ meetingId: ids.full ?? '' })).mayEdit).toBe(false);
    const refusal = 'Only the chair, the clerk or the headteacher can keep the board’s register.';
    await expect(
      r.addMeeting({ schoolId: schoolA.id, meeting: { heldOn: today, kind: 'full_board' } }),
    ).rejects.toThrow(refusal);
    await expect(
      r.updateMeeting({ meetingId: ids.full ?? '', meeting: { heldOn: today, kind: 'full_board' } }),
    ).rejects.toThrow(refusal);
    await expect(
      r.recordAttendance({
        meetingId: ids.full ?? '',
        marks: [{ governorId: ids['Gina Governor'] ?? '', status: 'absent' }],
      }),
    ).rejects.toThrow(refusal);
    await expect(r.deleteMeeting({ meetingId: ids.full ?? '' })).rejects.toThrow(refusal);
    expect((await r.meetings({ schoolId: schoolA.id })).meetings).toHaveLength(list.meetings.length);
  });
});
