import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { governorMeetingAttendance, governorMeetings } from '~/db/schema';
import { meetingsNote } from '~/server/privacy/governor-meeting-records';
import { eq } from 'drizzle-orm';
import {
  addMembership,
  callerAs,
  makeSchool,
  makeTenant,
  makeUser,
  uniqueTag,
  type MadeTenant,
  type MadeUser,
} from '../fixtures/factories';
import { openTestDatabase } from './harness';

/**
 * A governor's meeting attendance and committee places in their personal data, through the tRPC caller: the
 * subject-access export and the person's page list them; an erasure keeps them with the anonymised register
 * entry (they hold no name) and takes the name out of the boards' meeting notes.
 */
describe('personal data: a governor’s meetings and committees', () => {
  let database: Database;
  let tenant: MadeTenant;
  let manager: MadeUser;
  let head: MadeUser;
  let school: { id: string };
  const ids: Record<string, string> = {};
  const tag = uniqueTag();
  const gusEmail = `gus.${tag}@example.com`;

  const as = (u: MadeUser) => callerAs(database.db, u, tenant.slug);
  const subject = () => ({ subject: { kind: 'governor' as const, id: ids.gus ?? '' } });

  beforeAll(async () => {
    database = await openTestDatabase();
    tenant = await makeTenant(database.db, { modules: ['governance'] });
    school = await makeSchool(database.db, tenant.id, { name: 'Larch Primary' });
    manager = await makeUser(database.db, { name: 'Mo Manager' });
    head = await makeUser(database.db, { name: 'Hana Head' });
    await addMembership(database.db, tenant.id, manager.id, 'tenant_admin');
    await addMembership(database.db, tenant.id, head.id, 'school_admin', school.id);
    const g = as(head).governance;
    const add = async (name: string, extra = {}) =>
      (
        await g.addGovernor({
          schoolId: school.id,
          name,
          category: 'parent',
          appointedOn: '2023-09-01',
          ...extra,
        } as never)
      ).id;
    ids.gus = await add('Gus Governor', { email: gusEmail });
    ids.sam = await add('Sam Serving');
    const finance = await g.addCommittee({
      schoolId: school.id,
      committee: { name: 'Finance and resources', memberIds: [ids.gus, ids.sam], joinedOn: '2023-09-01' },
    });
    const committee = await g.addMeeting({
      schoolId: school.id,
      meeting: { heldOn: '2024-03-01', kind: 'committee', committeeId: finance.id },
    });
    const full = await g.addMeeting({
      schoolId: school.id,
      meeting: { heldOn: '2024-05-01', kind: 'full_board', notes: 'Apologies from Gus Governor.' },
    });
    ids.full = full.id;
    await g.recordAttendance({
      meetingId: committee.id,
      marks: [
        { governorId: ids.gus, status: 'present' },
        { governorId: ids.sam, status: 'present' },
      ],
    });
    await g.recordAttendance({
      meetingId: full.id,
      marks: [
        { governorId: ids.gus, status: 'apologies' },
        { governorId: ids.sam, status: 'present' },
      ],
    });
    // A committee meeting expecting Gus, whose attendance was never marked.
    await g.addMeeting({
      schoolId: school.id,
      meeting: { heldOn: '2024-06-01', kind: 'committee', committeeId: finance.id },
    });
    await g.stepDown({ id: ids.gus, steppedDownOn: '2024-07-31' } as never);
  });

  it('exports each meeting (date, board or committee, attendance) and committee, and the page sums them up', async () => {
    const data = await as(manager).personalData.exportJson(subject());
    const [board] = data.governance;
    expect(board?.meetings).toEqual([
      {
        heldOn: '2024-03-01',
        meeting: 'Finance and resources committee',
        of: 'committee',
        attendance: 'Present',
      },
      {
        heldOn: '2024-05-01',
        meeting: 'Full board meeting',
        of: 'full board',
        attendance: 'Apologies accepted',
      },
      {
        heldOn: '2024-06-01',
        meeting: 'Finance and resources committee',
        of: 'committee',
        attendance: 'Not recorded',
      },
    ]);
    expect(board?.committees).toEqual([
      { name: 'Finance and resources', memberSince: '2023-09-01', leftOn: null },
    ]);
    const pdf = await as(manager).personalData.exportPdf(subject());
    expect(pdf.subjectId).toBe(ids.gus);

    const person = await as(manager).personalData.person(subject());
    expect(person.boardRecords).toEqual({ meetings: 3, committees: ['Finance and resources'] });
    expect(person.verdict).toMatchObject({ allowed: true, keeps: [meetingsNote] });
  });

  it('erases: attendance and committee places stay nameless with the entry, the name leaves the notes', async () => {
    const result = await as(manager).personalData.erase({
      ...subject(),
      reason: 'Erasure request received by email',
      confirmed: true,
    });
    expect(result.counts).toMatchObject({ governorAppointments: 1, meetingNotes: 1 });
    expect(result.keeps).toContain(meetingsNote);

    const meeting = await as(head).governance.meeting({ meetingId: ids.full ?? '' });
    expect(meeting.meeting.notes).toBe(`Apologies from ${result.placeholder}.`);
    expect(meeting.members.map((m) => [m.name, m.status])).toEqual([
      [result.placeholder, 'apologies'],
      ['Sam Serving', 'present'],
    ]);
    const marks = await withTenant(database.db, tenant.id, (tx) =>
      tx
        .select()
        .from(governorMeetingAttendance)
        .where(eq(governorMeetingAttendance.governorId, ids.gus ?? '')),
    );
    expect(marks).toHaveLength(2);
    // Sam's counted attendance is as it was; nothing about the meetings names Gus any more.
    const notes = await withTenant(database.db, tenant.id, (tx) =>
      tx.select({ notes: governorMeetings.notes }).from(governorMeetings),
    );
    expect(JSON.stringify(notes)).not.toContain('Gus');
    const again = await as(manager).personalData.exportJson(subject());
    expect(again.governance[0]?.meetings).toHaveLength(3);
    expect(JSON.stringify(again)).not.toMatch(/Gus|gus\./);
  });
});
