import { and, desc, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { outboxEmails, type EmailAttachmentRef } from '~/db/schema';
import { claimOffer } from '~/server/courses/claim-offer';
import { sendCourseReminders } from '~/server/courses/course-jobs';
import { expireHolds } from '~/server/courses/expire-holds';
import { addDays } from '~/server/courses/london-time';
import { renderAttachments } from '~/server/email/attachments';
import { outboxAttachment, withMailroom } from '~/server/email/outbox';
import { deliverOutboxEmail } from '~/server/email/send-email';
import { ownCourse } from './course-fixtures';
import { fakeSmtp } from '../fixtures/fake-smtp';
import { withTenant } from '~/db/client';
import { runInTenant } from '~/server/unit-of-work/run-in-tenant';
import { callerFor, openTestDatabase, tenantBySlug, testAppUrl, userByEmail } from './harness';

const nextYear = new Date().getUTCFullYear() + 1;
const uids = (ics: string) =>
  [...ics.replace(/\r\n[ \t]/g, '').matchAll(/^UID:(.+)$/gm)].map((m) => m[1]?.trim());
const sequenceOf = (ics: string) => Number(/^SEQUENCE:(\d+)/m.exec(ics)?.[1] ?? NaN);

describe('course emails carry the calendar invite', () => {
  let database: Database;
  let smtp: Awaited<ReturnType<typeof fakeSmtp>>;

  beforeAll(async () => {
    database = await openTestDatabase();
    smtp = await fakeSmtp();
  });
  afterAll(() => smtp.close());

  /** The newest email to one address with the subject given, read as delivery reads it. */
  async function latestEmail(to: string, subjectStart: string) {
    const rows = await withMailroom(database.db, (tx) =>
      tx
        .select()
        .from(outboxEmails)
        .where(and(eq(outboxEmails.to, to)))
        .orderBy(desc(outboxEmails.createdAt)),
    );
    const email = rows.find((r) => r.subject.startsWith(subjectStart));
    if (!email) throw new Error(`no "${subjectStart}" email to ${to}`);
    return email;
  }

  async function inviteOf(email: { tenantId: string | null; attachments: EmailAttachmentRef[] }) {
    const [file] = await renderAttachments(database.db, email.tenantId, email.attachments);
    if (!file) throw new Error('no attachment');
    return { ...file, text: file.content.toString('utf8') };
  }

  it('confirmation, date change and cancellations: same UIDs, rising SEQUENCE, London times across the clock change', async () => {
    const barnet = await tenantBySlug(database.db, 'barnet');
    const manager = await callerFor(database.db, 'head.si@barnet.example', 'barnet');
    const course = {
      ...ownCourse,
      title: `Invite course ${Math.random().toString(36).slice(2, 8)}`,
      capacity: 10,
      // 1 October is in BST (UTC+1), 16 November in GMT.
      sessions: [
        { on: `${nextYear}-10-01`, startTime: '09:30', endTime: '12:00' },
        { on: `${nextYear}-11-16`, startTime: '09:30', endTime: '12:00' },
      ],
    };
    const made = await manager.courses.create(course as never);
    await manager.courses.publish({ id: made.id });
    const head = await callerFor(database.db, 'head@coppettswood.sch.example', 'barnet');
    const school = (await head.workspaces.current()).mySchools[0];
    if (!school) throw new Error('no school');
    const priya = 'priya.invite@coppettswood.sch.example';
    const tom = 'tom.invite@coppettswood.sch.example';
    const booked = await head.courses.book({
      courseId: made.id,
      schoolId: school.id,
      delegates: [
        { name: 'Priya Patel', email: priya, role: 'Science lead' },
        { name: 'Tom Briggs', email: tom, role: 'Year 5 teacher' },
      ],
    });
    const priyaBooking = booked.confirmed.find((c) => c.delegateEmail === priya)?.bookingId ?? '';
    expect(priyaBooking).not.toBe('');

    // The confirmation names the place by reference; delivery renders a REQUEST with one event per session.
    const confirmation = await latestEmail(priya, 'Place confirmed');
    expect(confirmation.tenantId).toBe(barnet.id);
    expect(confirmation.attachments).toEqual([
      { kind: 'course-ics', bookingId: priyaBooking, method: 'REQUEST', filename: 'course.ics' },
    ]);
    const first = await inviteOf(confirmation);
    expect(first.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(first.text).toContain('METHOD:REQUEST');
    expect(first.text).toContain(`DTSTART:${nextYear}1001T083000Z`);
    expect(first.text).toContain(`DTSTART:${nextYear}1116T093000Z`);
    expect(first.text.replace(/\r\n[ \t]/g, '')).toContain(`mailto:${priya}`);
    expect(uids(first.text)).toHaveLength(2);
    // The development outbox downloads the same file.
    expect((await outboxAttachment(database.db, confirmation.id, 0))?.contentType).toContain('text/calendar');

    // Over SMTP the message carries it as a text/calendar part (the test outbox kept it: queue it again).
    await withMailroom(database.db, (tx) =>
      tx.update(outboxEmails).set({ status: 'queued' }).where(eq(outboxEmails.id, confirmation.id)),
    );
    const outcome = await deliverOutboxEmail(database.db, confirmation.id, {
      mailer: { smtpUrl: smtp.url },
      lastAttempt: true,
    });
    expect(outcome).toBe('sent');
    const raw = smtp.messages.find((m) => m.includes(priya) && m.includes('course.ics')) ?? '';
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST; name=.?course\.ics/);
    expect(raw).toContain('Content-Disposition: attachment');

    // Moving a session sends an update: the same UIDs with a higher SEQUENCE and the new time. No pause between
    // changes: the SEQUENCE counts changes, not seconds.
    await manager.courses.update({
      id: made.id,
      course: {
        ...course,
        sessions: [
          { on: `${nextYear}-10-01`, startTime: '09:30', endTime: '12:00' },
          { on: `${nextYear}-11-17`, startTime: '13:00', endTime: '15:00' },
        ],
      } as never,
    });
    const changedEmail = await latestEmail(priya, 'Dates changed');
    // The email says which session moved, and from when to when.
    expect(JSON.stringify(changedEmail.props)).toMatch(
      new RegExp(
        `Session 2 has moved from \\w{3}, 16 November ${nextYear}, 09:30–12:00 to \\w{3}, 17 November ${nextYear}, 13:00–15:00\\.`,
      ),
    );
    expect(JSON.stringify(changedEmail.props)).not.toContain('Session 1 has moved');
    const changed = await inviteOf(changedEmail);
    expect(changed.text).toContain('METHOD:REQUEST');
    expect(changed.text).toContain(`DTSTART:${nextYear}1117T130000Z`);
    expect(uids(changed.text)).toEqual(uids(first.text));
    expect(sequenceOf(changed.text)).toBeGreaterThan(sequenceOf(first.text));
    // A second move within the same second outranks the first.
    const movedAgain = {
      ...course,
      sessions: [
        { on: `${nextYear}-10-01`, startTime: '09:30', endTime: '12:00' },
        { on: `${nextYear}-11-17`, startTime: '13:30', endTime: '15:30' },
      ],
    };
    await manager.courses.update({ id: made.id, course: movedAgain as never });
    const changedAgain = await inviteOf(await latestEmail(priya, 'Dates changed'));
    expect(changedAgain.text).toContain(`DTSTART:${nextYear}1117T133000Z`);
    expect(sequenceOf(changedAgain.text)).toBeGreaterThan(sequenceOf(changed.text));
    const [firstUid, secondUid] = uids(changed.text);
    expect(firstUid).not.toBe(secondUid);
    expect(firstUid).toContain(priyaBooking);

    // Cancelling the place removes the events: METHOD:CANCEL, same UIDs, SEQUENCE not lower.
    await head.courses.cancelBooking({ bookingId: priyaBooking, reason: 'Illness' });
    const cancelEmail = await latestEmail(priya, 'Booking cancelled');
    expect(cancelEmail.attachments).toMatchObject([{ method: 'CANCEL', bookingId: priyaBooking }]);
    const cancel = await inviteOf(cancelEmail);
    expect(cancel.contentType).toContain('method=CANCEL');
    expect(cancel.text).toContain('METHOD:CANCEL');
    expect(cancel.text.match(/STATUS:CANCELLED/g)).toHaveLength(2);
    expect(uids(cancel.text)).toEqual(uids(first.text));
    expect(sequenceOf(cancel.text)).toBeGreaterThan(sequenceOf(changedAgain.text));
    // Her confirmation, were it delivered only now, would not put the events back.
    expect((await inviteOf(confirmation)).text).toContain('METHOD:CANCEL');

    // Cancelling the whole course cancels the other delegate's events too.
    await manager.courses.cancel({ id: made.id, reason: 'Too few bookings' });
    const tomCancel = await inviteOf(await latestEmail(tom, 'Course cancelled'));
    expect(tomCancel.text).toContain('METHOD:CANCEL');
    expect(tomCancel.text.match(/STATUS:CANCELLED/g)).toHaveLength(2);
    const tomConfirmation = await inviteOf(await latestEmail(tom, 'Place confirmed'));
    expect(uids(tomCancel.text)).toEqual(uids(tomConfirmation.text));
  });

  it('a substitution sends the new delegate a REQUEST and the one replaced a CANCEL for the same events', async () => {
    const manager = await callerFor(database.db, 'head.si@barnet.example', 'barnet');
    const made = await manager.courses.create({
      ...ownCourse,
      title: `Swap course ${Math.random().toString(36).slice(2, 8)}`,
      sessions: [{ on: `${nextYear}-06-10`, startTime: '09:30', endTime: '15:30' }],
    } as never);
    await manager.courses.publish({ id: made.id });
    const head = await callerFor(database.db, 'head@coppettswood.sch.example', 'barnet');
    const school = (await head.workspaces.current()).mySchools[0];
    if (!school) throw new Error('no school');
    const booked = await head.courses.book({
      courseId: made.id,
      schoolId: school.id,
      delegates: [{ name: 'Ann Old', email: 'ann.swap@coppettswood.sch.example', role: 'Teacher' }],
    });
    const bookingId = booked.confirmed[0]?.bookingId ?? '';
    await head.courses.substitute({
      bookingId,
      delegate: { name: 'Ben New', email: 'ben.swap@coppettswood.sch.example', role: 'Teacher' },
    });
    const ben = await inviteOf(await latestEmail('ben.swap@coppettswood.sch.example', 'Place confirmed'));
    const ann = await inviteOf(await latestEmail('ann.swap@coppettswood.sch.example', 'Place passed on'));
    expect(ben.text).toContain('METHOD:REQUEST');
    expect(ann.text).toContain('METHOD:CANCEL');
    expect(uids(ann.text)).toEqual(uids(ben.text));
  });

  it('reminders carry the place’s invite; an offer pencils in tentative events that the claim confirms or the hold’s end cancels', async () => {
    const barnet = await tenantBySlug(database.db, 'barnet');
    const links = { appUrl: testAppUrl, slug: 'barnet', providerName: 'Barnet' };
    const manager = await callerFor(database.db, 'head.si@barnet.example', 'barnet');
    const on = `${nextYear}-07-08`;
    const made = await manager.courses.create({
      ...ownCourse,
      title: `Offer course ${Math.random().toString(36).slice(2, 8)}`,
      capacity: 1,
      sessions: [{ on, startTime: '09:30', endTime: '15:30' }],
    } as never);
    await manager.courses.publish({ id: made.id });
    const head = await callerFor(database.db, 'head@coppettswood.sch.example', 'barnet');
    const school = (await head.workspaces.current()).mySchools[0];
    if (!school) throw new Error('no school');
    const stamp = Math.random().toString(36).slice(2, 8);
    const who = (n: string) => ({
      name: `${n} Offer`,
      email: `${n}.offer.${stamp}@coppettswood.sch.example`,
      role: 'Teacher',
    });
    const [ann, bob, cat] = [who('ann'), who('bob'), who('cat')];
    const booked = await head.courses.book({
      courseId: made.id,
      schoolId: school.id,
      delegates: [ann, bob, cat],
      joinWaitingList: true,
    });
    const annBooking = booked.confirmed[0]?.bookingId ?? '';
    expect(booked.confirmed).toHaveLength(1);

    // The reminder, two working days before, carries the place's invite (REQUEST, the same UIDs).
    const system = await userByEmail(database.db, 'head.si@barnet.example');
    await runInTenant(
      database.db,
      { tenantId: barnet.id, action: 'courses.reminders', actor: { userId: system.id } },
      (tx) => sendCourseReminders(tx, { ...links, today: addDays(on, -1), now: new Date() }),
    );
    const reminder = await latestEmail(ann.email, 'Reminder:');
    expect(reminder.attachments).toEqual([
      { kind: 'course-ics', bookingId: annBooking, method: 'REQUEST', filename: 'course.ics' },
    ]);
    const reminderInvite = await inviteOf(reminder);
    expect(reminderInvite.text).toContain('METHOD:REQUEST');
    expect(uids(reminderInvite.text)).toEqual(
      uids((await inviteOf(await latestEmail(ann.email, 'Place confirmed'))).text),
    );

    // Ann cancels: Bob is offered the place. His offer carries a REQUEST with TENTATIVE events, over SMTP too.
    await head.courses.cancelBooking({ bookingId: annBooking, reason: 'Clash' });
    const bobOffer = await latestEmail(bob.email, 'A place is free');
    expect(bobOffer.attachments).toMatchObject([{ kind: 'course-offer-ics', method: 'REQUEST' }]);
    const bobInvite = await inviteOf(bobOffer);
    expect(bobInvite.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(bobInvite.text).toContain('STATUS:TENTATIVE');
    expect(bobInvite.text.replace(/\r\n[ \t]/g, '')).toContain(`mailto:${bob.email}`);
    await withMailroom(database.db, (tx) =>
      tx.update(outboxEmails).set({ status: 'queued' }).where(eq(outboxEmails.id, bobOffer.id)),
    );
    expect(
      await deliverOutboxEmail(database.db, bobOffer.id, {
        mailer: { smtpUrl: smtp.url },
        lastAttempt: true,
      }),
    ).toBe('sent');
    const raw = smtp.messages.find((m) => m.includes(bob.email) && m.includes('course.ics')) ?? '';
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST; name=.?course\.ics/);

    // Bob lets the hold run out: he is told, and the same events are cancelled at a higher SEQUENCE.
    const bobHoldEnds = (await manager.courses.delegates({ courseId: made.id })).waiting[0]?.holdExpiresAt;
    if (!bobHoldEnds) throw new Error('no hold for Bob');
    const afterHold = new Date(bobHoldEnds.getTime() + 60_000);
    await runInTenant(
      database.db,
      { tenantId: barnet.id, action: 'courses.expireHolds', actor: { userId: system.id } },
      (tx) => expireHolds(tx, { ...links, now: afterHold }),
    );
    const bobEnded = await latestEmail(bob.email, 'Held place passed on');
    expect(bobEnded.attachments).toMatchObject([{ kind: 'course-offer-ics', method: 'CANCEL' }]);
    const bobCancel = await inviteOf(bobEnded);
    expect(bobCancel.text).toContain('METHOD:CANCEL');
    expect(bobCancel.text).toContain('STATUS:CANCELLED');
    expect(uids(bobCancel.text)).toEqual(uids(bobInvite.text));
    expect(sequenceOf(bobCancel.text)).toBeGreaterThan(sequenceOf(bobInvite.text));
    // His offer, were it delivered only now, would not put the events back.
    expect((await inviteOf(bobOffer)).text).toContain('METHOD:CANCEL');

    // Cat is offered it next and claims: the confirmation confirms the offer's events (same UIDs, higher SEQUENCE).
    const catOffer = await latestEmail(cat.email, 'A place is free');
    const catTentative = await inviteOf(catOffer);
    expect(catTentative.text).toContain('STATUS:TENTATIVE');
    const token = /\/claim\/([\w-]+)/.exec(catOffer.text ?? '')?.[1] ?? '';
    const claimed = await withTenant(database.db, barnet.id, (tx) =>
      claimOffer(tx, { ...links, token, now: afterHold, tenantId: barnet.id, laCodes: barnet.laCodes }),
    );
    const catConfirmed = await inviteOf(await latestEmail(cat.email, 'Place confirmed'));
    expect(catConfirmed.text).toContain('METHOD:REQUEST');
    expect(catConfirmed.text).toContain('STATUS:CONFIRMED');
    expect(uids(catConfirmed.text)).toEqual(uids(catTentative.text));
    expect(uids(catConfirmed.text)[0]).toContain(claimed.bookingId);
    expect(sequenceOf(catConfirmed.text)).toBeGreaterThan(sequenceOf(catTentative.text));
    // Her offer, delivered late, is now the place's own confirmed invite.
    expect((await inviteOf(catOffer)).text).toContain('STATUS:CONFIRMED');
  });

  it('an invite is rendered only inside its own workspace', async () => {
    const hsip = await tenantBySlug(database.db, 'hsip');
    // Another workspace's invite (the test databases hold every workspace's emails).
    const [anyBooking] = await withMailroom(database.db, (tx) =>
      tx
        .select({ attachments: outboxEmails.attachments })
        .from(outboxEmails)
        .where(ne(outboxEmails.tenantId, hsip.id)),
    ).then((rows) => rows.flatMap((r) => r.attachments).filter((a) => a.kind === 'course-ics'));
    expect(anyBooking).toBeDefined();
    await expect(
      renderAttachments(database.db, hsip.id, anyBooking ? [anyBooking] : []),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
