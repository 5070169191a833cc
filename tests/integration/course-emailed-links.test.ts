import { and, desc, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { moduleKeys, outboxEmails } from '~/db/schema';
import { withMailroom } from '~/server/email/outbox';
import { renderPdf } from '~/server/pdf/render-pdf';
import { makeWorkspaceWithEveryRole } from '../fixtures/factories';
import { ownCourse, ranUntilYesterday, schoolWithStaffAndHeads } from './course-fixtures';
import { anonymousCaller, openTestDatabase } from './harness';

const nextYear = new Date().getUTCFullYear() + 1;

/**
 * The links a delegate is emailed (their place's calendar file and certificate, a waiting-list offer's claim),
 * through their procedures with no one signed in: the link is the credential, and only in its own workspace.
 */
describe('a delegate’s emailed links', () => {
  let database: Database;
  let setup: Awaited<ReturnType<typeof schoolWithStaffAndHeads>>;
  beforeAll(async () => {
    database = await openTestDatabase();
    setup = await schoolWithStaffAndHeads(database.db);
  });

  async function linkSentTo(email: string, pattern: RegExp) {
    const sent = await withMailroom(database.db, (tx) =>
      tx
        .select({ text: outboxEmails.text })
        .from(outboxEmails)
        .where(and(eq(outboxEmails.to, email), like(outboxEmails.text, '%/courses/%')))
        .orderBy(desc(outboxEmails.createdAt)),
    );
    for (const { text } of sent) {
      const token = text?.match(pattern)?.[1];
      if (token) return token;
    }
    throw new Error(`no link like ${pattern} sent to ${email}`);
  }

  it('give the calendar file, claim a held place and give the certificate once earned', async () => {
    const { ws } = setup;
    const visitor = anonymousCaller(database.db);
    const other = await makeWorkspaceWithEveryRole(database.db, moduleKeys);
    const title = `Linked course ${Math.random().toString(36).slice(2, 8)}`;
    const made = await ws.caller.courses.create({
      ...ownCourse,
      title,
      capacity: 1,
      sessions: [
        { on: `${nextYear}-03-03`, startTime: '09:30', endTime: '12:30' },
        { on: `${nextYear}-03-10`, startTime: '13:00', endTime: '15:30' },
      ],
    } as never);
    await ws.caller.courses.publish({ id: made.id });
    const tag = made.id.slice(0, 8);
    const ada = { name: 'Ada Linked', email: `ada.${tag}@school.example`, role: '' };
    const ben = { name: 'Ben Waiting', email: `ben.${tag}@school.example`, role: '' };
    const booked = await ws.caller.courses.book({
      courseId: made.id,
      schoolId: ws.school.id,
      delegates: [ada],
    });
    await ws.caller.courses.book({
      courseId: made.id,
      schoolId: ws.school.id,
      delegates: [ben],
      joinWaitingList: true,
    });
    const adaPlace = await linkSentTo(ada.email, /\/place\/([\w-]+)\/calendar/);

    // The calendar file: an event per session, under the workspace's name; nowhere else, nothing for a bad link.
    const { ics } = await visitor.courseCatalogue.placeCalendar({ tenant: ws.tenant.slug, token: adaPlace });
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain(title);
    await expect(
      visitor.courseCatalogue.placeCalendar({ tenant: other.tenant.slug, token: adaPlace }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      visitor.courseCatalogue.placeCalendar({ tenant: ws.tenant.slug, token: 'x'.repeat(201) }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // No certificate before the course has run.
    await expect(
      visitor.courseCatalogue.placeCertificate({ tenant: ws.tenant.slug, token: adaPlace }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/once the course has run/),
    });

    // Ada's place is cancelled; Ben is offered it and claims it from his email's link, once, in this workspace only.
    await ws.caller.courses.cancelBooking({ bookingId: booked.confirmed[0]!.bookingId });
    const benClaim = await linkSentTo(ben.email, /\/claim\/([\w-]+)/);
    await expect(
      visitor.courseCatalogue.claimOffer({ tenant: other.tenant.slug, token: benClaim }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const claimed = await visitor.courseCatalogue.claimOffer({ tenant: ws.tenant.slug, token: benClaim });
    expect(claimed.courseId).toBe(made.id);
    await expect(
      visitor.courseCatalogue.claimOffer({ tenant: ws.tenant.slug, token: benClaim }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const delegates = await ws.caller.courses.delegates({ courseId: made.id });
    expect(delegates.bookings.filter((b) => b.status === 'confirmed').map((b) => b.delegateName)).toEqual([
      ben.name,
    ]);

    // Ben attends both sessions: his certificate, by his place link.
    const benPlace = await linkSentTo(ben.email, /\/place\/([\w-]+)\/calendar/);
    await ranUntilYesterday(database.db, made.id);
    const register = await ws.caller.courses.register({ courseId: made.id });
    for (const session of register.sessions)
      await ws.caller.courses.markAttendance({
        sessionId: session.id,
        bookingId: claimed.bookingId,
        status: 'attended',
      });
    const certificate = await visitor.courseCatalogue.placeCertificate({
      tenant: ws.tenant.slug,
      token: benPlace,
    });
    expect(certificate.document.title).toBe('Certificate of attendance');
    expect(certificate.document.issuer).toBe(ws.tenant.name);
    expect(JSON.stringify(certificate.document.blocks)).toContain(ben.name);
    expect(Buffer.from((await renderPdf(certificate.document)).slice(0, 5)).toString()).toBe('%PDF-');
    await expect(
      visitor.courseCatalogue.placeCertificate({ tenant: other.tenant.slug, token: benPlace }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('give feedback from the place page once the course has run, to those who came, once', async () => {
    const { ws } = setup;
    const visitor = anonymousCaller(database.db);
    const other = await makeWorkspaceWithEveryRole(database.db, moduleKeys);
    const made = await ws.caller.courses.create({
      ...ownCourse,
      title: `Feedback course ${Math.random().toString(36).slice(2, 8)}`,
      capacity: 3,
      sessions: [
        { on: `${nextYear}-04-13`, startTime: '09:30', endTime: '12:30' },
        { on: `${nextYear}-04-20`, startTime: '09:30', endTime: '12:30' },
      ],
    } as never);
    await ws.caller.courses.publish({ id: made.id });
    const tag = made.id.slice(0, 8);
    const came = { name: 'Cam Came', email: `cam.${tag}@school.example`, role: '' };
    const absent = { name: 'Abe Absent', email: `abe.${tag}@school.example`, role: '' };
    const booked = await ws.caller.courses.book({
      courseId: made.id,
      schoolId: ws.school.id,
      delegates: [came, absent],
    });
    const camLink = {
      tenant: ws.tenant.slug,
      token: await linkSentTo(came.email, /\/place\/([\w-]+)\/calendar/),
    };
    const abeLink = {
      tenant: ws.tenant.slug,
      token: await linkSentTo(absent.email, /\/place\/([\w-]+)\/calendar/),
    };
    const answers = { content: 5, facilitation: 4, impact: 4, overall: 5, comments: 'Useful' };

    // Before the course: nothing said of feedback, and none taken.
    expect((await visitor.courseCatalogue.place(camLink)).feedback).toBeNull();
    await expect(visitor.courseCatalogue.sendPlaceEvaluation({ ...camLink, answers })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/has not finished/),
    });

    // The course runs: Cam comes to both sessions, Abe to neither.
    await ranUntilYesterday(database.db, made.id);
    const register = await ws.caller.courses.register({ courseId: made.id });
    const [camPlace, abePlace] = booked.confirmed.map((c) => c.bookingId);
    for (const session of register.sessions) {
      await ws.caller.courses.markAttendance({
        sessionId: session.id,
        bookingId: camPlace!,
        status: 'attended',
      });
      await ws.caller.courses.markAttendance({
        sessionId: session.id,
        bookingId: abePlace!,
        status: 'absent',
      });
    }

    // Cam's page offers feedback; it carries no evaluation link of its own (the place's link is the authority).
    const camPage = await visitor.courseCatalogue.place(camLink);
    expect(camPage.feedback).toEqual({ givenAt: null });
    expect(JSON.stringify(camPage)).not.toMatch(/evaluat|tokenHash/i);
    // Abe's says nothing of it, and his link cannot give it.
    expect((await visitor.courseCatalogue.place(abeLink)).feedback).toBeNull();
    await expect(visitor.courseCatalogue.sendPlaceEvaluation({ ...abeLink, answers })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    // Only in its own workspace; then once.
    await expect(
      visitor.courseCatalogue.sendPlaceEvaluation({
        tenant: other.tenant.slug,
        token: camLink.token,
        answers,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await visitor.courseCatalogue.sendPlaceEvaluation({ ...camLink, answers });
    const given = (await visitor.courseCatalogue.place(camLink)).feedback;
    expect(given?.givenAt).toBeInstanceOf(Date);
    await expect(visitor.courseCatalogue.sendPlaceEvaluation({ ...camLink, answers })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/already given/),
    });
    // The organisers read it with the rest.
    const results = await ws.caller.courses.evaluations({ courseId: made.id });
    expect(results.responses).toBe(1);
    // Answered before the evaluation email went: it counts as asked, so the rate stays within 100%.
    expect(results).toMatchObject({ requested: 1, responseRatePercent: 100 });
    expect(results.comments.map((c) => c.text)).toEqual(['Useful']);
  });
});
