import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { withPlatform, type Database } from '~/db/client';
import { tenants } from '~/db/schema';
import { cancellationTermsSummary, freeCancellationUntil } from '~/server/courses/cancellation-terms';
import { courseWhere } from '~/server/courses/course-labels';
import { makeWorkspaceWithEveryRole } from '../fixtures/factories';
import { callerFor, openTestDatabase } from './harness';
import { ownCourse } from './course-fixtures';

describe('courses: create, edit, publish, duplicate', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('seeds HSIP’s 34-session induction programme and a published programme per workspace', async () => {
    const manager = await callerFor(database.db, 'manager@hsip.example', 'hsip');
    const list = await manager.courses.list({});
    const induction = list.find((c) => c.programme === 'ect_induction');
    expect(induction).toBeDefined();
    const full = await manager.courses.byId({ id: induction?.id ?? '' });
    expect(full.sessions).toHaveLength(34);
    const kinds = full.sessions.map((s) => s.kind);
    expect(kinds.filter((k) => k === 'full_day')).toHaveLength(8);
    expect(kinds.filter((k) => k === 'half_day')).toHaveLength(22);
    expect(kinds.filter((k) => k === 'twilight')).toHaveLength(4);
    for (const slug of ['barnet', 'bep']) {
      const email = slug === 'barnet' ? 'head.si@barnet.example' : 'manager@bep.example';
      const other = await callerFor(database.db, email, slug);
      expect((await other.courses.list({ status: 'published' })).length).toBeGreaterThan(0);
    }
  });

  it('an adviser creates a draft, edits it, publishes it and runs it again later', async () => {
    const adviser = await callerFor(database.db, 'adviser@hsip.example', 'hsip');
    const made = await adviser.courses.create({
      ...ownCourse,
      title: 'Phonics for teaching assistants',
      audiences: ['support_staff'],
      capacity: 12,
      sessions: [
        { on: '2031-10-27', startTime: '09:30', endTime: '12:00' },
        { on: '2031-10-20', startTime: '13:00', endTime: '15:30', kind: 'half_day' },
      ],
    } as never);
    const draft = await adviser.courses.byId({ id: made.id });
    expect(draft.course.status).toBe('draft');
    expect(draft.course.startsOn).toBe('2031-10-20');
    expect(draft.sessions.map((s) => s.sequence)).toEqual([1, 2]);
    // 20 Oct 2031 is BST (UTC+1); 27 Oct, after the clocks go back, is GMT.
    expect(draft.sessions[0]?.startsAt.toISOString()).toBe('2031-10-20T12:00:00.000Z');
    expect(draft.sessions[1]?.startsAt.toISOString()).toBe('2031-10-27T09:30:00.000Z');

    await adviser.courses.update({
      id: made.id,
      course: { ...ownCourse, title: 'Phonics for TAs', capacity: 15, holdHours: 96 } as never,
    });
    const edited = await adviser.courses.byId({ id: made.id });
    // A freed place is held longer for this course (over a weekend, say).
    expect(edited.course).toMatchObject({ title: 'Phonics for TAs', capacity: 15, holdHours: 96 });
    await expect(
      adviser.courses.update({ id: made.id, course: { ...ownCourse, holdHours: 0 } as never }),
    ).rejects.toThrow('Hold a freed place for at least 1 hour.');
    expect(edited.sessions).toHaveLength(1);

    await adviser.courses.publish({ id: made.id });
    await expect(adviser.courses.publish({ id: made.id })).rejects.toMatchObject({ code: 'CONFLICT' });

    const copy = await adviser.courses.duplicate({ id: made.id, startsOn: '2032-03-09' });
    const again = await adviser.courses.byId({ id: copy.id });
    expect(again.course).toMatchObject({ status: 'draft', placesTaken: 0, startsOn: '2032-03-09' });
    expect(again.sessions[0]?.on).toBe('2032-03-09');
  });

  it('the manager’s course page has where it runs, the booking deadline, minimum numbers, go/no-go and the terms', async () => {
    const adviser = await callerFor(database.db, 'adviser@hsip.example', 'hsip');
    const made = await adviser.courses.create({
      ...ownCourse,
      title: 'Hybrid maths leads network',
      format: 'hybrid',
      venue: 'Harrow Teachers’ Centre',
      joiningLink: 'https://meet.example/maths-leads',
      capacity: 20,
      bookingDeadline: '2031-11-14',
      minimumNumbers: 8,
      goNoGoOn: '2031-11-07',
      cancellationTerms: { freeUntilWorkingDays: 5, lateCancellationPercent: 25, noShowPercent: 100 },
      sessions: [{ on: '2031-11-25', startTime: '13:30', endTime: '16:00' }],
    } as never);
    // What the page (app/[tenant]/courses/[courseId]) reads and how it words it.
    const { course } = await adviser.courses.byId({ id: made.id });
    expect(course).toMatchObject({
      bookingDeadline: '2031-11-14',
      minimumNumbers: 8,
      goNoGoOn: '2031-11-07',
      startsOn: '2031-11-25',
    });
    expect(courseWhere(course)).toEqual({
      venue: 'Harrow Teachers’ Centre',
      joiningLink: 'https://meet.example/maths-leads',
    });
    expect(cancellationTermsSummary(course.cancellationTerms)).toBe(
      'Free until 5 working days before the first session; 25% after that; 100% if a delegate does not attend.',
    );
    // Five working days before Tuesday 25 November 2031.
    expect(freeCancellationUntil(course.cancellationTerms, course.startsOn ?? '')).toBe('2031-11-18');
  });

  it('offers induction and governor programmes only where their modules are on; a course keeps its own after', async () => {
    const { tenant, caller } = await makeWorkspaceWithEveryRole(database.db, ['courses', 'induction'], {
      kind: 'provider',
    });
    await expect(
      caller.courses.create({ ...ownCourse, programme: 'governor_training' } as never),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: `Governor training courses need Governor services, which is not switched on for ${tenant.name}. Run it as CPD.`,
    });
    await expect(
      caller.courses.create({ ...ownCourse, statutoryFreeForGovernors: true } as never),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: `Free statutory training for governors needs Governor services, which is not switched on for ${tenant.name}.`,
    });
    const induction = await caller.courses.create({ ...ownCourse, programme: 'ect_induction' } as never);

    // The partnership stops selling ECT training: its course stays an induction course and can still be edited,
    // but no course becomes one any more.
    await withPlatform(database.db, (tx) =>
      tx
        .update(tenants)
        .set({ modules: ['courses'] })
        .where(eq(tenants.id, tenant.id)),
    );
    await caller.courses.update({
      id: induction.id,
      course: { ...ownCourse, programme: 'ect_induction', title: 'ECT training, renamed' } as never,
    });
    expect((await caller.courses.byId({ id: induction.id })).course).toMatchObject({
      programme: 'ect_induction',
      title: 'ECT training, renamed',
    });
    const cpd = await caller.courses.create(ownCourse as never);
    await expect(
      caller.courses.update({ id: cpd.id, course: { ...ownCourse, programme: 'ect_induction' } as never }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: `ECT induction courses need ECT induction, which is not switched on for ${tenant.name}. Run it as CPD.`,
    });
  });

  it('refuses a course without sessions, and school users cannot manage courses', async () => {
    const manager = await callerFor(database.db, 'manager@hsip.example', 'hsip');
    await expect(manager.courses.create({ ...ownCourse, sessions: [] } as never)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const head = await callerFor(database.db, 'head@grange.sch.example', 'hsip');
    await expect(head.courses.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
