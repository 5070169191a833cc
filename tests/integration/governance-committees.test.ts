import { beforeAll, describe, expect, it, vi } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { governorMeetings } from '~/db/schema';
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

// A fixed day (only the clock's date is faked), so the meetings below fall in the 2026/27 academic year so far.
vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-06T12:00:00Z') });
const today = todayInLondon();

/**
 * Board committees through the tRPC caller: the register's keepers keep them (name, members from the current
 * register), a committee meeting expects the committee's members as they were when it was recorded, only they
 * are marked and counted, and changing, renaming or deleting the committee leaves past meetings as they were.
 */
describe('governance: board committees', () => {
  let database: Database;
  let tenant: MadeTenant;
  let other: MadeTenant;
  let school: { id: string };
  let schoolB: { id: string };
  let clerk: MadeUser;
  let reader: MadeUser;
  let headB: MadeUser;
  let otherHead: MadeUser;
  const ids: Record<string, string> = {};
  let otherGovernorId = '';
  let otherCommitteeId = '';

  const as = (u: MadeUser, slug = tenant.slug) => callerAs(database.db, u, slug);
  const add = async (u: MadeUser, schoolId: string, name: string, category: string, extra = {}) => {
    const made = await as(u).governance.addGovernor({
      schoolId,
      name,
      category,
      appointedOn: '2024-09-01',
      ...extra,
    } as never);
    ids[name] = made.id;
    return made.id;
  };
  const id = (name: string) => ids[name] ?? '';

  beforeAll(async () => {
    database = await openTestDatabase();
    tenant = await makeTenant(database.db, { modules: ['governance'] });
    other = await makeTenant(database.db, { modules: ['governance'] });
    school = await makeSchool(database.db, tenant.id, { name: 'Rowan Primary' });
    schoolB = await makeSchool(database.db, tenant.id, { name: 'Willow Primary' });
    const otherSchool = await makeSchool(database.db, other.id, { name: 'Faraway Primary' });
    const head = await makeUser(database.db, { name: 'Rhys Head' });
    clerk = await makeUser(database.db, { name: 'Cora Clerk' });
    reader = await makeUser(database.db, { name: 'Greta Governor' });
    headB = await makeUser(database.db, { name: 'Wyn Head' });
    otherHead = await makeUser(database.db, { name: 'Fay Far' });
    await addMembership(database.db, tenant.id, head.id, 'school_admin', school.id);
    await addMembership(database.db, tenant.id, clerk.id, 'governor', school.id);
    await addMembership(database.db, tenant.id, reader.id, 'governor', school.id);
    await addMembership(database.db, tenant.id, headB.id, 'school_admin', schoolB.id);
    await addMembership(database.db, other.id, otherHead.id, 'school_admin', otherSchool.id);
    await add(head, school.id, 'Cora Clerk', 'clerk', { email: clerk.email });
    await add(clerk, school.id, 'Greta Governor', 'parent', { email: reader.email });
    await add(clerk, school.id, 'Fred Finance', 'co_opted');
    await add(clerk, school.id, 'Petra Parent', 'parent');
    await add(clerk, school.id, 'Sam Staff', 'staff');
    await add(clerk, school.id, 'Lenny Left', 'la', { appointedOn: '2023-09-01' });
    await as(clerk).governance.stepDown({
      id: id('Lenny Left'),
      steppedDownOn: addDays(today, -100),
    } as never);
    await add(headB, schoolB.id, 'Bill Willow', 'parent');
    const theirs = callerAs(database.db, otherHead, other.slug).governance;
    otherGovernorId = (
      await theirs.addGovernor({
        schoolId: otherSchool.id,
        name: 'Fern Faraway',
        category: 'parent',
        appointedOn: '2024-09-01',
      } as never)
    ).id;
    otherCommitteeId = (
      await theirs.addCommittee({
        schoolId: otherSchool.id,
        committee: { name: 'Finance and resources', memberIds: [otherGovernorId] },
      })
    ).id;
  });

  it('the clerk adds a committee from the current register, refusing in words what cannot be', async () => {
    const c = as(clerk).governance;
    await expect(
      c.addCommittee({ schoolId: school.id, committee: { name: 'F', memberIds: [] } }),
    ).rejects.toThrow('Enter the committee’s name, such as “Finance and resources”.');
    await expect(
      c.addCommittee({
        schoolId: school.id,
        committee: { name: 'Finance and resources', memberIds: [id('Cora Clerk')] },
      }),
    ).rejects.toThrow('Cora Clerk is the clerk: the clerk serves committees but is not a member of them.');
    await expect(
      c.addCommittee({
        schoolId: school.id,
        committee: { name: 'Finance and resources', memberIds: [id('Lenny Left')] },
      }),
    ).rejects.toThrow('Lenny Left is not on the board now, so cannot join a committee.');
    for (const stranger of [id('Bill Willow'), otherGovernorId])
      await expect(
        c.addCommittee({
          schoolId: school.id,
          committee: { name: 'Finance and resources', memberIds: [stranger] },
        }),
      ).rejects.toThrow('One of the members chosen is not on this school’s board.');
    const finance = await c.addCommittee({
      schoolId: school.id,
      committee: {
        name: 'Finance and resources',
        memberIds: [id('Fred Finance'), id('Greta Governor')],
        joinedOn: addDays(today, -60),
      },
    });
    expect(finance).toMatchObject({ label: 'Finance and resources committee', members: 2 });
    ids.finance = finance.id;
    await expect(
      c.addCommittee({ schoolId: school.id, committee: { name: 'finance AND resources', memberIds: [] } }),
    ).rejects.toThrow('The board already has a committee called “finance AND resources”.');
    const list = await as(reader).governance.committees({ schoolId: school.id });
    expect(list.mayEdit).toBe(false);
    expect(list.committees).toEqual([
      expect.objectContaining({
        name: 'Finance and resources',
        members: [
          { governorId: id('Fred Finance'), name: 'Fred Finance', joinedOn: addDays(today, -60) },
          { governorId: id('Greta Governor'), name: 'Greta Governor', joinedOn: addDays(today, -60) },
        ],
      }),
    ]);
    // The choices: the current register, not the clerk nor anyone who has left.
    expect(list.choosable.map((g) => g.name)).toEqual([
      'Fred Finance',
      'Greta Governor',
      'Petra Parent',
      'Sam Staff',
    ]);
    // The register shows each governor's committees.
    const board = await c.board({ schoolId: school.id });
    const committeesOf = Object.fromEntries(board.current.map((g) => [g.name, g.committees]));
    expect(committeesOf).toMatchObject({ 'Fred Finance': ['Finance and resources'], 'Sam Staff': [] });
  });

  it('a committee meeting lists and counts only the committee’s members on its day', async () => {
    const c = as(clerk).governance;
    const meeting = await c.addMeeting({
      schoolId: school.id,
      meeting: { heldOn: addDays(today, -30), kind: 'committee', committeeId: ids.finance ?? null },
    });
    expect(meeting.label).toBe('Finance and resources committee');
    ids.first = meeting.id;
    const read = await c.meeting({ meetingId: meeting.id });
    expect(read.meeting.membersListed).toBe(true);
    expect(read.members.map((m) => m.name)).toEqual(['Fred Finance', 'Greta Governor']);
    await expect(
      c.recordAttendance({
        meetingId: meeting.id,
        marks: [{ governorId: id('Sam Staff'), status: 'present' }],
      }),
    ).rejects.toThrow(
      `Sam Staff was not a member of the Finance and resources committee on ${longDate(addDays(today, -30))}, so cannot be marked at it.`,
    );
    await c.recordAttendance({
      meetingId: meeting.id,
      marks: [
        { governorId: id('Fred Finance'), status: 'present' },
        { governorId: id('Greta Governor'), status: 'apologies' },
      ],
    });
    const full = await c.addMeeting({
      schoolId: school.id,
      meeting: { heldOn: addDays(today, -20), kind: 'full_board' },
    });
    const fullRead = await c.meeting({ meetingId: full.id });
    expect(fullRead.members.map((m) => m.name)).toEqual([
      'Fred Finance',
      'Greta Governor',
      'Petra Parent',
      'Sam Staff',
    ]);
    await c.recordAttendance({
      meetingId: full.id,
      marks: fullRead.members.map((m) => ({ governorId: m.governorId, status: 'present' as const })),
    });
    const list = await c.meetings({ schoolId: school.id });
    expect(list.meetings.find((m) => m.id === meeting.id)).toMatchObject({
      present: 1,
      apologies: 1,
      notRecorded: 0,
    });

    // Sam joined and Greta left the committee 15 days ago: the meeting before keeps Greta; a new one after
    // expects the committee as it was on its day.
    await c.updateCommittee({
      committeeId: ids.finance ?? '',
      committee: {
        name: 'Finance and resources',
        memberIds: [id('Fred Finance'), id('Sam Staff')],
        joinedOn: addDays(today, -15),
        leftOn: addDays(today, -15),
      },
    });
    expect((await c.meeting({ meetingId: meeting.id })).members.map((m) => m.name)).toEqual([
      'Fred Finance',
      'Greta Governor',
    ]);
    const second = await c.addMeeting({
      schoolId: school.id,
      meeting: { heldOn: addDays(today, -10), kind: 'committee', committeeId: ids.finance ?? null },
    });
    ids.second = second.id;
    expect((await c.meeting({ meetingId: second.id })).members.map((m) => m.name)).toEqual([
      'Fred Finance',
      'Sam Staff',
    ]);
    await c.recordAttendance({
      meetingId: second.id,
      marks: [
        { governorId: id('Fred Finance'), status: 'present' },
        { governorId: id('Sam Staff'), status: 'absent' },
      ],
    });
    const published = await as(reader).governance.published({ schoolId: school.id });
    const attendance = Object.fromEntries(published.governors.map((g) => [g.name, g.attendanceThisYear]));
    expect(attendance).toMatchObject({
      'Fred Finance': '3 of 3 meetings',
      'Greta Governor': '1 of 2 meetings (1 apology)',
      'Sam Staff': '1 of 2 meetings',
      'Petra Parent': '1 of 1 meeting',
    });

    // Moving the first meeting to the full board keeps its marks (all on the board that day).
    await c.updateMeeting({
      meetingId: meeting.id,
      meeting: { heldOn: addDays(today, -30), kind: 'full_board', notes: '' },
    });
    expect((await c.meeting({ meetingId: meeting.id })).meeting.membersListed).toBe(false);
    // And back to the committee on a day after Greta left it: it would expect Fred and Sam, and Greta is marked.
    await expect(
      c.updateMeeting({
        meetingId: meeting.id,
        meeting: { heldOn: addDays(today, -12), kind: 'committee', committeeId: ids.finance ?? null },
      }),
    ).rejects.toThrow(
      `Greta Governor is marked at this meeting but was not a member of the Finance and resources committee on ${longDate(addDays(today, -12))}: clear their attendance first.`,
    );
  });

  it('renaming a committee renames its meetings; deleting it keeps them with their attendance', async () => {
    const c = as(clerk).governance;
    await c.updateCommittee({
      committeeId: ids.finance ?? '',
      committee: { name: 'Resources', memberIds: [id('Fred Finance'), id('Sam Staff')] },
    });
    expect((await c.meeting({ meetingId: ids.second ?? '' })).meeting.label).toBe('Resources committee');
    const deleted = await c.deleteCommittee({ committeeId: ids.finance ?? '' });
    expect(deleted.message).toBe(
      'Deleted the Resources committee. Its 1 meeting and their attendance are kept.',
    );
    expect((await c.committees({ schoolId: school.id })).committees).toEqual([]);
    const kept = await c.meeting({ meetingId: ids.second ?? '' });
    expect(kept.meeting).toMatchObject({
      label: 'Resources committee',
      committeeId: null,
      membersListed: true,
    });
    expect(kept.members.map((m) => [m.name, m.status])).toEqual([
      ['Fred Finance', 'present'],
      ['Sam Staff', 'absent'],
    ]);
    // Corrected without a committee to choose, it keeps its name and who it expected.
    await c.updateMeeting({
      meetingId: ids.second ?? '',
      meeting: { heldOn: addDays(today, -10), kind: 'committee', committeeId: null, notes: 'Budget' },
    });
    expect((await c.meeting({ meetingId: ids.second ?? '' })).members.map((m) => m.name)).toEqual([
      'Fred Finance',
      'Sam Staff',
    ]);
    // A new committee meeting must name a committee.
    await expect(
      c.addMeeting({
        schoolId: school.id,
        meeting: { heldOn: addDays(today, -5), kind: 'committee', committeeId: null },
      }),
    ).rejects.toThrow('Choose the committee. A committee is added on the board’s committees page.');
  });

  it('a committee meeting recorded before committees were kept lists the board that day, as before', async () => {
    const c = as(clerk).governance;
    const [old] = await withTenant(database.db, tenant.id, (tx) =>
      tx
        .insert(governorMeetings)
        .values({
          tenantId: tenant.id,
          schoolId: school.id,
          heldOn: addDays(today, -200),
          kind: 'committee',
          committeeName: 'Admissions',
        })
        .returning({ id: governorMeetings.id }),
    );
    const read = await c.meeting({ meetingId: old?.id ?? '' });
    expect(read.meeting).toMatchObject({ label: 'Admissions committee', membersListed: false });
    expect(read.members.map((m) => m.name)).toContain('Lenny Left');
    // Who sat on it is not known, so those left unmarked are not flagged as attendance still to record.
    expect(read.toRecord).toBe(0);
    await c.recordAttendance({
      meetingId: old?.id ?? '',
      marks: [{ governorId: id('Lenny Left'), status: 'present' }],
    });
    await c.updateMeeting({
      meetingId: old?.id ?? '',
      meeting: { heldOn: addDays(today, -200), kind: 'committee', committeeId: null, notes: 'Kept' },
    });
    expect((await c.meeting({ meetingId: old?.id ?? '' })).meeting.label).toBe('Admissions committee');
  });

  it('only the register’s keepers change committees; another school or workspace finds nothing', async () => {
    const r = as(reader).governance;
    const refusal = 'Only the chair, the clerk or the headteacher can keep the board’s register.';
    await expect(
      r.addCommittee({ schoolId: school.id, committee: { name: 'Pupil discipline', memberIds: [] } }),
    ).rejects.toThrow(refusal);
    const c = as(clerk).governance;
    const discipline = await c.addCommittee({
      schoolId: school.id,
      committee: { name: 'Pupil discipline', memberIds: [id('Petra Parent')] },
    });
    await expect(
      r.updateCommittee({ committeeId: discipline.id, committee: { name: 'Discipline', memberIds: [] } }),
    ).rejects.toThrow(refusal);
    await expect(r.deleteCommittee({ committeeId: discipline.id })).rejects.toThrow(refusal);
    const b = as(headB).governance;
    await expect(b.committees({ schoolId: school.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(b.deleteCommittee({ committeeId: discipline.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // Another workspace's committee: not found, to change, to delete or to hold a meeting of.
    await expect(c.deleteCommittee({ committeeId: otherCommitteeId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      c.updateCommittee({ committeeId: otherCommitteeId, committee: { name: 'Mine', memberIds: [] } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      c.addMeeting({
        schoolId: school.id,
        meeting: { heldOn: addDays(today, -3), kind: 'committee', committeeId: otherCommitteeId },
      }),
    ).rejects.toThrow('That committee is not one of this board’s committees.');
    // Willow's head cannot hold a meeting of Rowan's committee at Willow.
    await expect(
      b.addMeeting({
        schoolId: schoolB.id,
        meeting: { heldOn: addDays(today, -3), kind: 'committee', committeeId: discipline.id },
      }),
    ).rejects.toThrow('That committee is not one of this board’s committees.');
  });
  it('keeps who left a committee or the board as former members, with dates; a governor’s record lists their committees', async () => {
    const c = as(clerk).governance;
    const pay = await c.addCommittee({
      schoolId: school.id,
      committee: {
        name: 'Pay',
        memberIds: [id('Greta Governor'), id('Petra Parent'), id('Sam Staff')],
        // They joined last year: the clerk gives the day.
        joinedOn: '2025-01-15',
      },
    });
    // Greta taken off by a slip and put back the same day: her membership carries on, nobody former.
    await c.updateCommittee({
      committeeId: pay.id,
      committee: { name: 'Pay', memberIds: [id('Petra Parent'), id('Sam Staff')] },
    });
    await c.updateCommittee({
      committeeId: pay.id,
      committee: { name: 'Pay', memberIds: [id('Greta Governor'), id('Petra Parent'), id('Sam Staff')] },
    });
    expect(
      (await c.committees({ schoolId: school.id })).committees.find((x) => x.id === pay.id)?.formerMembers,
    ).toEqual([]);
    // Petra is taken off the committee (she left a month ago); Sam leaves the board; then Petra rejoins.
    const petraLeft = addDays(today, -30);
    await c.updateCommittee({
      committeeId: pay.id,
      committee: { name: 'Pay', memberIds: [id('Greta Governor'), id('Sam Staff')], leftOn: petraLeft },
    });
    const samLeft = addDays(today, -1);
    await c.stepDown({ id: id('Sam Staff'), steppedDownOn: samLeft } as never);
    await c.updateCommittee({
      committeeId: pay.id,
      committee: { name: 'Pay', memberIds: [id('Greta Governor'), id('Petra Parent')] },
    });
    const read = (await as(reader).governance.committees({ schoolId: school.id })).committees.find(
      (x) => x.id === pay.id,
    );
    expect(read?.members.map((m) => m.name)).toEqual(['Greta Governor', 'Petra Parent']);
    expect(read?.formerMembers).toEqual([
      { governorId: id('Sam Staff'), name: 'Sam Staff', joinedOn: '2025-01-15', leftOn: samLeft },
      { governorId: id('Petra Parent'), name: 'Petra Parent', joinedOn: '2025-01-15', leftOn: petraLeft },
    ]);
    // A new Pay meeting expects only the current members, not Sam nor Petra's ended membership twice.
    const meeting = await c.addMeeting({
      schoolId: school.id,
      meeting: { heldOn: today, kind: 'committee', committeeId: pay.id },
    });
    expect((await c.meeting({ meetingId: meeting.id })).members.map((m) => m.name)).toEqual([
      'Greta Governor',
      'Petra Parent',
    ]);

    // Petra's record (read by the clerk): her current membership first, then the one that ended.
    const petra = await c.training({ governorId: id('Petra Parent') });
    expect(petra.committees.map((x) => [x.label, x.joinedOn, x.leftOn, x.current])).toEqual([
      ['Pay committee', today, null, true],
      ['Pupil discipline committee', today, null, true],
      ['Pay committee', '2025-01-15', petraLeft, false],
    ]);
    // Greta reads her own record; Sam's shows the committee he sat on until he stepped down.
    const own = await as(reader).governance.training({ governorId: id('Greta Governor') });
    expect(own.isOwn).toBe(true);
    expect(own.committees).toEqual([
      expect.objectContaining({
        label: 'Pay committee',
        joinedOn: '2025-01-15',
        leftOn: null,
        current: true,
      }),
    ]);
    const sam = await c.training({ governorId: id('Sam Staff') });
    expect(sam.committees).toEqual([
      expect.objectContaining({ label: 'Pay committee', leftOn: samLeft, current: false }),
    ]);
  });
});
