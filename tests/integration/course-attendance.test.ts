import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { renderPdf } from '~/server/pdf/render-pdf';
import { callerFor, openTestDatabase } from './harness';
import { ownCourse, ranUntilYesterday } from './course-fixtures';

const nextYear = new Date().getUTCFullYear() + 1;

describe('the register and the certificate of attendance', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  async function bookedCourse() {
    const manager = await callerFor(database.db, 'manager@hsip.example', 'hsip');
    const made = await manager.courses.create({
      ...ownCourse,
      title: `Register course ${Math.random().toString(36).slice(2, 8)}`,
      facilitators: [{ name: 'Maureen Achebe' }],
      sessions: [
        { on: `${nextYear}-03-03`, startTime: '09:30', endTime: '12:30' },
        { on: `${nextYear}-03-10`, startTime: '13:00', endTime: '15:30' },
      ],
    } as never);
    await manager.courses.publish({ id: made.id });
    const head = await callerFor(database.db, 'head@grange.sch.example', 'hsip');
    const school = (await head.workspaces.current()).mySchools[0];
    if (!school) throw new Error('no school');
    const tag = made.id.slice(0, 8);
    const booked = await head.courses.book({
      courseId: made.id,
      schoolId: school.id,
      delegates: [
        { name: 'Ada Present', email: `ada.${tag}@grange.sch.example`, role: 'Teacher' },
        { name: 'Ben Missing', email: `ben.${tag}@grange.sch.example`, role: 'Teacher' },
      ],
    });
    const [ada, ben] = booked.confirmed.map((c) => c.bookingId);
    if (!ada || !ben) throw new Error('not booked');
    return { courseId: made.id, head, ada, ben };
  }

  it('the facilitator marks each delegate; present at every session earns a certificate, absent at one does not', async () => {
    const { courseId, head, ada, ben } = await bookedCourse();
    const adviser = await callerFor(database.db, 'maureen.achebe@hsip.example', 'hsip');
    const first = await adviser.courses.register({ courseId });
    expect(first.delegates.map((d) => [d.delegateName, d.status])).toEqual([
      ['Ada Present', null],
      ['Ben Missing', null],
    ]);
    const [one, two] = first.sessions;
    if (!one || !two) throw new Error('no sessions');
    // The course is next year: its register shows who is coming, and cannot be marked before the day.
    expect(first.mayMark).toBe(false);
    await expect(
      adviser.courses.markAttendance({ sessionId: one.id, bookingId: ada, status: 'attended' }),
    ).rejects.toThrow(/can be marked from that day/);
    await expect(head.courses.certificate({ bookingId: ada })).rejects.toThrow(/once the course has run/);
    await ranUntilYesterday(database.db, courseId);
    expect((await adviser.courses.register({ courseId })).mayMark).toBe(true);

    await adviser.courses.markAttendance({ sessionId: one.id, bookingId: ada, status: 'attended' });
    await adviser.courses.markAttendance({ sessionId: one.id, bookingId: ben, status: 'attended' });
    await adviser.courses.markAttendance({ sessionId: two.id, bookingId: ada, status: 'absent' });
    // Marking again replaces the mark: Ada came in late after all.
    await adviser.courses.markAttendance({ sessionId: two.id, bookingId: ada, status: 'late' });
    await adviser.courses.markAttendance({ sessionId: two.id, bookingId: ben, status: 'absent' });

    const second = await adviser.courses.register({ courseId, sessionId: two.id });
    expect(second.delegates.map((d) => [d.delegateName, d.status])).toEqual([
      ['Ada Present', 'late'],
      ['Ben Missing', 'absent'],
    ]);

    const places = await head.courses.schoolBookings({});
    const mine = places.filter((p) => p.courseId === courseId);
    expect(Object.fromEntries(mine.map((p) => [p.delegateName, p.certificate]))).toEqual({
      'Ada Present': true,
      'Ben Missing': false,
    });

    const certificate = await head.courses.certificate({ bookingId: ada });
    expect(certificate.document.title).toBe('Certificate of attendance');
    expect(JSON.stringify(certificate.document.blocks)).toContain('Ada Present');
    expect(JSON.stringify(certificate.document.blocks)).toContain('5.5');
    const bytes = await renderPdf(certificate.document);
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');

    await expect(head.courses.certificate({ bookingId: ben })).rejects.toThrow(/every session/);
  });

  it('a school cannot have another school’s certificate, a school cannot mark the register, and a cancelled place cannot be marked', async () => {
    const { courseId, head, ada, ben } = await bookedCourse();
    // Ben's place is cancelled while the course is still to come.
    await head.courses.cancelBooking({ bookingId: ben, reason: 'Illness' });
    await ranUntilYesterday(database.db, courseId);
    const adviser = await callerFor(database.db, 'adviser@hsip.example', 'hsip');
    const { sessions } = await adviser.courses.register({ courseId });
    for (const s of sessions)
      await adviser.courses.markAttendance({ sessionId: s.id, bookingId: ada, status: 'attended' });

    const otherHead = await callerFor(database.db, 'head@priestmead.sch.example', 'hsip');
    await expect(otherHead.courses.certificate({ bookingId: ada })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      head.courses.markAttendance({ sessionId: sessions[0]!.id, bookingId: ada, status: 'absent' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await expect(
      adviser.courses.markAttendance({ sessionId: sessions[0]!.id, bookingId: ben, status: 'absent' }),
    ).rejects.toThrow(/confirmed place/);
  });

  it('a draft course has no register to mark, even on its day', async () => {
    const manager = await callerFor(database.db, 'manager@hsip.example', 'hsip');
    const draft = await manager.courses.create({
      ...ownCourse,
      title: `Draft register ${Math.random().toString(36).slice(2, 8)}`,
    } as never);
    await ranUntilYesterday(database.db, draft.id);
    // The register itself is refused with the reason, rather than shown empty.
    await expect(manager.courses.register({ courseId: draft.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This course is a draft: it has no register until it is published and delegates have booked.',
    });
    const { sessions } = await manager.courses.byId({ id: draft.id });
    await expect(
      manager.courses.markAttendance({
        sessionId: sessions[0]!.id,
        bookingId: crypto.randomUUID(),
        status: 'attended',
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This course is a draft: it has no register until it is published and delegates have booked.',
    });
  });

  it('a cancelled course has no register: its places were cancelled with it', async () => {
    const { courseId } = await bookedCourse();
    const manager = await callerFor(database.db, 'manager@hsip.example', 'hsip');
    expect((await manager.courses.register({ courseId })).delegates).toHaveLength(2);
    await manager.courses.cancel({ id: courseId, reason: 'The facilitator is ill.' });
    await expect(manager.courses.register({ courseId })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(
        /^This course was cancelled on \d{1,2} \w+ \d{4}, and every place with it: it has no register\.$/,
      ),
    });
  });
});
