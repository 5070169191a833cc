import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '~/db/client';
import { todayInLondon } from '~/server/catalogue/academic-year';
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

// A fixed day (only the clock's date is faked): 6 December 2026, so the last complete academic year is 2025/26.
vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-06T12:00:00Z') });
const today = todayInLondon();

/**
 * Committee memberships with the days they began and ended, as the clerk gives them (backdated, never in the
 * future, not before the governor's appointment nor before they joined), the committee's meetings expecting
 * those who were members on their day, and the published attendance over the last complete academic year and
 * this one so far, through the tRPC caller.
 */
describe('governance: backdated committee memberships and the published attendance periods', () => {
  let database: Database;
  let tenant: MadeTenant;
  let school: { id: string };
  let head: MadeUser;
  const ids: Record<string, string> = {};
  const id = (key: string) => ids[key] ?? '';
  const as = (u: MadeUser) => callerAs(database.db, u, tenant.slug);
  const members = async (meetingId: string) =>
    (await as(head).governance.meeting({ meetingId })).members.map((m) => m.name);

  beforeAll(async () => {
    database = await openTestDatabase();
    tenant = await makeTenant(database.db, { modules: ['governance'] });
    school = await makeSchool(database.db, tenant.id, { name: 'Aspen Primary' });
    head = await makeUser(database.db, { name: 'Hetty Head' });
    await addMembership(database.db, tenant.id, head.id, 'school_admin', school.id);
    const board = [
      { name: 'Ada Able', category: 'parent', appointedOn: '2024-09-01' },
      { name: 'Ben New', category: 'co_opted', appointedOn: '2026-10-01' },
      { name: 'Cat Chair', category: 'parent', appointedOn: '2024-09-01' },
    ];
    for (const g of board)
      ids[g.name] = (await as(head).governance.addGovernor({ schoolId: school.id, ...g } as never)).id;
  });

  it('adds members from the day given, refusing a day in the future, before their appointment, or not a date', async () => {
    const c = as(head).governance;
    const committee = (memberIds: string[], joinedOn?: string) => ({
      schoolId: school.id,
      committee: { name: 'Finance and resources', memberIds, joinedOn },
    });
    await expect(c.addCommittee(committee([id('Ada Able')], '2026-12-07'))).rejects.toThrow(
      'The date they joined cannot be in the future.',
    );
    await expect(c.addCommittee(committee([id('Ben New')], '2026-09-15'))).rejects.toThrow(
      'Ben New was appointed to the board on 1 October 2026, so cannot have joined the committee before then.',
    );
    await expect(c.addCommittee(committee([id('Ada Able')], 'last week'))).rejects.toThrow(
      'Enter the date they joined as a date, such as 01/09/2026.',
    );
    const finance = await c.addCommittee(committee([id('Ada Able'), id('Cat Chair')], '2025-10-01'));
    ids.finance = finance.id;
    const read = (await c.committees({ schoolId: school.id })).committees[0];
    expect(read?.members).toEqual([
      { governorId: id('Ada Able'), name: 'Ada Able', joinedOn: '2025-10-01' },
      { governorId: id('Cat Chair'), name: 'Cat Chair', joinedOn: '2025-10-01' },
    ]);
    // Without a day, a member joins today.
    expect((await c.committees({ schoolId: school.id })).today).toBe(today);
  });

  it('a committee meeting expects those who were members on its day; a backdated join adds them to the meetings since', async () => {
    const c = as(head).governance;
    await expect(
      c.addMeeting({
        schoolId: school.id,
        meeting: { heldOn: '2025-09-20', kind: 'committee', committeeId: id('finance') },
      }),
    ).rejects.toThrow(
      'The Finance and resources committee had no members on the board on 20 September 2025: choose its members, with the day each joined, on the committees page first.',
    );
    ids.autumn = (
      await c.addMeeting({
        schoolId: school.id,
        meeting: { heldOn: '2025-11-10', kind: 'committee', committeeId: id('finance') },
      })
    ).id;
    ids.november = (
      await c.addMeeting({
        schoolId: school.id,
        meeting: { heldOn: '2026-11-01', kind: 'committee', committeeId: id('finance') },
      })
    ).id;
    expect(await members(id('november'))).toEqual(['Ada Able', 'Cat Chair']);
    // Ben joined on his appointment, before the November meeting was recorded: it expects him too.
    await c.updateCommittee({
      committeeId: id('finance'),
      committee: {
        name: 'Finance and resources',
        memberIds: [id('Ada Able'), id('Ben New'), id('Cat Chair')],
        joinedOn: '2026-10-01',
      },
    });
    expect(await members(id('november'))).toEqual(['Ada Able', 'Ben New', 'Cat Chair']);
    expect(await members(id('autumn'))).toEqual(['Ada Able', 'Cat Chair']);
  });

  it('takes a member off from the day given, refusing a day in the future, before they joined, or before a meeting they are marked at', async () => {
    const c = as(head).governance;
    const withoutCat = (leftOn: string) => ({
      committeeId: id('finance'),
      committee: { name: 'Finance and resources', memberIds: [id('Ada Able'), id('Ben New')], leftOn },
    });
    await expect(c.updateCommittee(withoutCat('2026-12-07'))).rejects.toThrow(
      'The date they left cannot be in the future.',
    );
    await expect(c.updateCommittee(withoutCat('2025-09-30'))).rejects.toThrow(
      'Cat Chair joined the committee on 1 October 2025, so cannot have left it before then.',
    );
    await c.recordAttendance({
      meetingId: id('november'),
      marks: [
        { governorId: id('Ada Able'), status: 'present' },
        { governorId: id('Ben New'), status: 'apologies' },
        { governorId: id('Cat Chair'), status: 'present' },
      ],
    });
    await expect(c.updateCommittee(withoutCat('2026-10-15'))).rejects.toThrow(
      'Cat Chair is marked at the committee’s meeting on 1 November 2026, after 15 October 2026: give a later date they left, or clear that attendance first.',
    );
    await c.recordAttendance({
      meetingId: id('november'),
      marks: [{ governorId: id('Cat Chair'), status: null }],
    });
    await c.updateCommittee(withoutCat('2026-10-15'));
    // The meeting after she left no longer expects her; the one before still does.
    expect(await members(id('november'))).toEqual(['Ada Able', 'Ben New']);
    expect(await members(id('autumn'))).toEqual(['Ada Able', 'Cat Chair']);
    const read = (await c.committees({ schoolId: school.id })).committees[0];
    expect(read?.formerMembers).toEqual([
      { governorId: id('Cat Chair'), name: 'Cat Chair', joinedOn: '2025-10-01', leftOn: '2026-10-15' },
    ]);
    // Rejoining may not overlap the membership that ended.
    await expect(
      c.updateCommittee({
        committeeId: id('finance'),
        committee: {
          name: 'Finance and resources',
          memberIds: [id('Ada Able'), id('Ben New'), id('Cat Chair')],
          joinedOn: '2026-10-01',
        },
      }),
    ).rejects.toThrow('Cat Chair was on the committee until 15 October 2026: they can rejoin from that day.');
    await expect(
      c.updateCommittee({
        committeeId: id('finance'),
        committee: { name: 'Finance and resources', memberIds: [id('Ada Able')], leftOn: 'soon' },
      }),
    ).rejects.toThrow('Enter the date they left as a date, such as 31/08/2026.');
  });

  it('publishes attendance over the 2025/26 academic year, and 2026/27 so far, each said in words', async () => {
    const c = as(head).governance;
    const full = async (heldOn: string) =>
      (await c.addMeeting({ schoolId: school.id, meeting: { heldOn, kind: 'full_board' } })).id;
    // The day before 2025/26 began: in neither period.
    await c.recordAttendance({
      meetingId: await full('2025-08-31'),
      marks: [{ governorId: id('Ada Able'), status: 'present' }],
    });
    await c.recordAttendance({
      meetingId: await full('2025-09-01'),
      marks: [
        { governorId: id('Ada Able'), status: 'present' },
        { governorId: id('Cat Chair'), status: 'absent' },
      ],
    });
    await c.recordAttendance({
      meetingId: id('autumn'),
      marks: [
        { governorId: id('Ada Able'), status: 'present' },
        { governorId: id('Cat Chair'), status: 'present' },
      ],
    });
    await c.recordAttendance({
      meetingId: await full('2026-08-31'),
      marks: [
        { governorId: id('Ada Able'), status: 'present' },
        { governorId: id('Cat Chair'), status: 'present' },
      ],
    });
    // This year: Cat is left unmarked at the full board (not recorded, not missed).
    await c.recordAttendance({
      meetingId: await full('2026-09-01'),
      marks: [{ governorId: id('Ada Able'), status: 'present' }],
    });
    const published = await c.published({ schoolId: school.id });
    expect(published.attendanceSource).toBe('meetings');
    expect(published.periods).toEqual({
      lastYear: { label: '2025/26 academic year', from: '2025-09-01', to: '2026-08-31', held: 3 },
      thisYear: { label: '2026/27 so far', from: '2026-09-01', to: today, held: 2 },
    });
    const byName = Object.fromEntries(
      published.governors.map((g) => [g.name, [g.attendance, g.attendanceThisYear]]),
    );
    expect(byName).toEqual({
      'Ada Able': ['3 of 3 meetings', '2 of 2 meetings'],
      // Appointed in October 2026: nothing in the last complete year.
      'Ben New': ['None recorded', '0 of 1 meeting (1 apology)'],
      // Off the committee before its November meeting, which does not count for her.
      'Cat Chair': ['2 of 3 meetings', 'Not recorded at 1 meeting'],
    });
    // The clerk's meetings list says the same periods.
    const list = await c.meetings({ schoolId: school.id });
    expect(list.published).toEqual(published.periods);
  });
});
