import { TRPCError } from '@trpc/server';
import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { anonymiseBookings } from '~/server/privacy/anonymise';
import { newPlaceholder } from '~/server/privacy/privacy-subject';
import { auditLog, chargeableItems, courseBookings, moduleKeys, outboxEmails } from '~/db/schema';
import { newPlaceToken } from '~/server/courses/place-token';
import { makeWorkspaceWithEveryRole } from '../fixtures/factories';
import { ownCourse, ranUntilYesterday, schoolWithStaffAndHeads } from './course-fixtures';
import { anonymousCaller, openTestDatabase } from './harness';

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error('expected a refusal');
  return { code: error.code, message: error.message };
}

describe('messaging a course’s delegates', () => {
  let database: Database;
  let setup: Awaited<ReturnType<typeof schoolWithStaffAndHeads>>;

  beforeAll(async () => {
    database = await openTestDatabase();
    setup = await schoolWithStaffAndHeads(database.db);
  });

  /** A published course of one place: Ada holds it, Ben waits for the next. */
  async function fullCourse() {
    const { ws } = setup;
    const title = `Messaged ${Math.random().toString(36).slice(2, 8)}`;
    const made = await ws.caller.courses.create({ ...ownCourse, title, capacity: 1 } as never);
    await ws.caller.courses.publish({ id: made.id });
    const ada = `ada.${made.id.slice(0, 8)}@school.example`;
    const ben = `ben.${made.id.slice(0, 8)}@school.example`;
    await ws.caller.courses.book({
      courseId: made.id,
      schoolId: ws.school.id,
      delegates: [{ name: 'Ada Ahmed', email: ada, role: '' }],
    });
    await ws.caller.courses.book({
      courseId: made.id,
      schoolId: ws.school.id,
      delegates: [{ name: 'Ben Brown', email: ben, role: '' }],
      joinWaitingList: true,
    });
    return { id: made.id, title, ada, ben };
  }

  const emailsAbout = (title: string) =>
    database.db
      .select({ to: outboxEmails.to, subject: outboxEmails.subject, props: outboxEmails.props })
      .from(outboxEmails)
      .where(like(outboxEmails.subject, `%: ${title}`));

  it('emails the delegates with a place, or the waiting list too, and keeps a record of each message', async () => {
    const { ws } = setup;
    const course = await fullCourse();
    const sent = await ws.caller.courses.messageDelegates({
      courseId: course.id,
      subject: 'Parking',
      message: 'Park at the back of the building.\nThe front gate is locked.\n\nBring a laptop.',
    });
    expect(sent).toMatchObject({ sentTo: 1, summary: 'Sent to 1 person.' });
    const first = (await emailsAbout(course.title)).filter((e) => e.subject.startsWith('Parking'));
    expect(first.map((e) => e.to)).toEqual([course.ada]);
    expect(first[0]?.subject).toBe(`Parking: ${course.title}`);
    const paragraphs = (first[0]?.props as { paragraphs: string[] }).paragraphs;
    // A blank line starts a paragraph; a single line break stays inside one.
    expect(paragraphs).toContain('Park at the back of the building.\nThe front gate is locked.');
    expect(paragraphs).toContain('Bring a laptop.');

    await ws.caller.courses.messageDelegates({
      courseId: course.id,
      subject: 'Room change',
      message: 'We are in Room 4.',
      includeWaitingList: true,
    });
    const second = (await emailsAbout(course.title)).filter((e) => e.subject.startsWith('Room change'));
    expect(second.map((e) => e.to).sort()).toEqual([course.ada, course.ben].sort());

    const messages = await ws.caller.courses.messages({ courseId: course.id });
    expect(messages.map((m) => [m.subject, m.recipients, m.includesWaitingList])).toEqual([
      ['Room change', 2, true],
      ['Parking', 1, false],
    ]);
    expect(messages[0]?.sentBy).toBe(ws.user.name);
    const audited = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, ws.tenant.id), eq(auditLog.action, 'courses.messageDelegates')));
    expect(audited.length).toBeGreaterThanOrEqual(2);
  });

  it('says when there is no one to send to, and refuses a draft and a cancelled course', async () => {
    const { ws } = setup;
    const made = await ws.caller.courses.create({ ...ownCourse, title: 'Nobody yet' } as never);
    // A draft cannot be booked until it is published, so it has no one to message.
    expect(
      await refusal(
        ws.caller.courses.messageDelegates({
          courseId: made.id,
          subject: 'Hi',
          message: 'Hello',
          includeWaitingList: true,
        }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      message:
        'This course is a draft: no one can book it until it is published, so there is no one to message.',
    });
    await ws.caller.courses.publish({ id: made.id });
    expect(
      await refusal(
        ws.caller.courses.messageDelegates({ courseId: made.id, subject: 'Hi', message: 'Hello' }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      message: 'No one holds a confirmed place on this course yet: there is no one to send the message to.',
    });
    const course = await fullCourse();
    await ws.caller.courses.cancel({ id: course.id, reason: 'Trainer ill' });
    expect(
      (
        await refusal(
          ws.caller.courses.messageDelegates({ courseId: course.id, subject: 'Hi', message: 'x' }),
        )
      ).code,
    ).toBe('CONFLICT');
    expect(await ws.caller.courses.messages({ courseId: made.id })).toEqual([]);
  });

  it('checks its input, and lets only the course’s organisers in its own workspace send', async () => {
    const { ws, head } = setup;
    const course = await fullCourse();
    const empty = await refusal(
      ws.caller.courses.messageDelegates({ courseId: course.id, subject: '  ', message: 'x' }),
    );
    expect(empty).toMatchObject({ code: 'BAD_REQUEST' });
    expect(empty.message).toContain('Give the message a subject.');
    expect(
      (await refusal(head.courses.messageDelegates({ courseId: course.id, subject: 'Hi', message: 'x' })))
        .code,
    ).toBe('FORBIDDEN');
    // Another workspace's organiser, sending this course's id, finds no such course.
    const other = await makeWorkspaceWithEveryRole(database.db, moduleKeys);
    expect(
      (
        await refusal(
          other.caller.courses.messageDelegates({ courseId: course.id, subject: 'Hi', message: 'x' }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(await other.caller.courses.messages({ courseId: course.id })).toEqual([]);
    expect((await emailsAbout(course.title)).filter((e) => e.subject.startsWith('Hi'))).toEqual([]);
  });
});

describe('a course’s delegate list as CSV', () => {
  let database: Database;
  let setup: Awaited<ReturnType<typeof schoolWithStaffAndHeads>>;
  beforeAll(async () => {
    database = await openTestDatabase();
    setup = await schoolWithStaffAndHeads(database.db);
  });

  it('lists each place with its attendance, then the waiting list; only the organisers may have it', async () => {
    const { ws, head } = setup;
    const title = `Listed ${Math.random().toString(36).slice(2, 8)}`;
    const made = await ws.caller.courses.create({
      ...ownCourse,
      title,
      capacity: 1,
      memberPrice: 45,
      nonMemberPrice: 45,
      sessions: [
        { on: '2031-03-04', startTime: '09:00', endTime: '12:00' },
        { on: '2031-03-11', startTime: '09:00', endTime: '12:00' },
      ],
    } as never);
    await ws.caller.courses.publish({ id: made.id });
    const booked = await ws.caller.courses.book({
      courseId: made.id,
      schoolId: ws.school.id,
      delegates: [{ name: 'Ada Ahmed', email: `ada.${made.id.slice(0, 8)}@school.example`, role: 'Year 2' }],
    });
    await ws.caller.courses.book({
      courseId: made.id,
      schoolId: ws.school.id,
      delegates: [{ name: 'Ben Brown', email: `ben.${made.id.slice(0, 8)}@school.example`, role: '' }],
      joinWaitingList: true,
    });
    await ranUntilYesterday(database.db, made.id);
    const { sessions } = await ws.caller.courses.byId({ id: made.id });
    await ws.caller.courses.markAttendance({
      sessionId: sessions[0]!.id,
      bookingId: booked.confirmed[0]!.bookingId,
      status: 'late',
    });

    const { csv, filename } = await ws.caller.courses.delegatesCsv({ courseId: made.id });
    expect(filename).toBe(`delegates-${title}`);
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(
      /^Delegate,Email,Role,Access or dietary needs,School,Status,Funding,"Price \(£, net\)",Session 1 \(/,
    );
    // The sessions' dates (moved back to yesterday's run) as the school's bookings CSV writes them.
    expect(lines[0]).toMatch(
      /,Session 1 \(\d{1,2} [A-Z][a-z]{2,3} \d{4} 09:00\),Session 2 \(\d{1,2} [A-Z][a-z]{2,3} \d{4} 09:00\)$/,
    );
    expect(lines[1]).toContain('Ada Ahmed');
    expect(lines[1]).toMatch(/,Confirmed,Charged,45\.00,Late,$/);
    expect(lines[2]).toContain('Ben Brown');
    expect(lines[2]).toContain('Waiting list, number 1');
    expect(lines).toHaveLength(3);

    expect((await refusal(head.courses.delegatesCsv({ courseId: made.id }))).code).toBe('FORBIDDEN');
    const other = await makeWorkspaceWithEveryRole(database.db, moduleKeys);
    expect((await refusal(other.caller.courses.delegatesCsv({ courseId: made.id }))).code).toBe('NOT_FOUND');
  });
});

describe('raising a published course’s capacity', () => {
  let database: Database;
  let setup: Awaited<ReturnType<typeof schoolWithStaffAndHeads>>;
  beforeAll(async () => {
    database = await openTestDatabase();
    setup = await schoolWithStaffAndHeads(database.db);
  });

  it('with the tick, offers the added places to the people waiting, in turn, before anyone new can book them', async () => {
    const { ws } = setup;
    const title = `Raised ${Math.random().toString(36).slice(2, 8)}`;
    const input = { ...ownCourse, title, capacity: 1 };
    const made = await ws.caller.courses.create(input as never);
    await ws.caller.courses.publish({ id: made.id });
    const email = (name: string) => `${name}.${made.id.slice(0, 8)}@school.example`;
    const book = (name: string, joinWaitingList: boolean) =>
      ws.caller.courses.book({
        courseId: made.id,
        schoolId: ws.school.id,
        delegates: [{ name, email: email(name), role: '' }],
        joinWaitingList,
      });
    await book('ada', false);
    await book('ben', true);
    await book('cat', true);

    // Without the tick the added place is the manager's to offer or sell: nobody is offered it.
    const plain = await ws.caller.courses.update({ id: made.id, course: { ...input, capacity: 2 } as never });
    expect(plain.waitingListOffered).toBe(0);
    expect((await ws.caller.courses.byId({ id: made.id })).counts).toMatchObject({ onHold: 0, waiting: 2 });
    await ws.caller.courses.update({ id: made.id, course: { ...input, capacity: 1 } as never });

    const raised = await ws.caller.courses.update({
      id: made.id,
      course: { ...input, capacity: 2 } as never,
      offerAddedPlaces: true,
    });
    expect(raised.waitingListOffered).toBe(1);
    const afterOne = await ws.caller.courses.delegates({ courseId: made.id });
    expect(afterOne.waiting.map((w) => [w.delegateName, w.status])).toEqual([
      ['ben', 'offered'],
      ['cat', 'waiting'],
    ]);
    const offers = await database.db
      .select({ to: outboxEmails.to })
      .from(outboxEmails)
      .where(eq(outboxEmails.subject, `A place is free: ${title}`));
    expect(offers.map((o) => o.to)).toEqual([email('ben')]);
    // The added place is Ben's to claim: a newcomer finds the course full.
    expect((await book('dan', false)).offeredWaitingList).toHaveLength(1);

    // Three more places: Cat is offered one, two are open to anyone.
    const again = await ws.caller.courses.update({
      id: made.id,
      course: { ...input, capacity: 5 } as never,
      offerAddedPlaces: true,
    });
    expect(again.waitingListOffered).toBe(1);
    const { counts, placesLeft } = await ws.caller.courses.byId({ id: made.id });
    expect(counts).toMatchObject({ confirmed: 1, onHold: 2, waiting: 0 });
    expect(placesLeft).toBe(2);
  });
});

describe('a purchase order number given when booking', () => {
  let database: Database;
  let setup: Awaited<ReturnType<typeof schoolWithStaffAndHeads>>;
  beforeAll(async () => {
    database = await openTestDatabase();
    setup = await schoolWithStaffAndHeads(database.db);
  });

  it('goes on the charge and the school’s invoice for those places, apart from places booked without one', async () => {
    const { ws } = setup;
    const made = await ws.caller.courses.create({
      ...ownCourse,
      title: `Ordered ${Math.random().toString(36).slice(2, 8)}`,
      capacity: 5,
      memberPrice: 30,
      nonMemberPrice: 30,
    } as never);
    await ws.caller.courses.publish({ id: made.id });
    const delegate = (name: string) => ({
      name,
      email: `${name}.${made.id.slice(0, 8)}@school.example`,
      role: '',
    });
    // One statement (one delegate) and the general path (two) both carry it.
    await ws.caller.courses.book({
      courseId: made.id,
      schoolId: ws.school.id,
      delegates: [delegate('ada')],
      purchaseOrderNumber: ' PO-4471 ',
    });
    await ws.caller.courses.book({
      courseId: made.id,
      schoolId: ws.school.id,
      delegates: [delegate('ben'), delegate('cat')],
      purchaseOrderNumber: 'PO-4471',
    });
    await ws.caller.courses.book({ courseId: made.id, schoolId: ws.school.id, delegates: [delegate('dan')] });
    const charges = await database.db
      .select({ po: chargeableItems.purchaseOrderNumber, description: chargeableItems.description })
      .from(chargeableItems)
      .where(and(eq(chargeableItems.tenantId, ws.tenant.id), like(chargeableItems.description, 'Ordered%')));
    expect(charges.map((c) => c.po).sort()).toEqual(['PO-4471', 'PO-4471', 'PO-4471', null]);

    const run = await ws.caller.invoices.previewRun({ kind: 'charges', upTo: '2099-01-01' });
    const school = run.invoices.filter((i) => i.schoolId === ws.school.id);
    expect(school.map((i) => [i.purchaseOrderNumber, i.lineCount])).toEqual(
      expect.arrayContaining([
        ['PO-4471', 3],
        [null, 1],
      ]),
    );
    expect(school).toHaveLength(2);

    // The manager's course list as CSV: this course's fill and income (three charged at £30, one at £30).
    const { csv: list } = await ws.caller.courses.listCsv({ when: 'upcoming' });
    const row = list.split(/\r?\n/).find((r) => r.startsWith('Ordered'));
    expect(row).toMatch(/,Published,4 Mar 2031,4 Mar 2031,5,4,80,0,0,,120\.00$/);
    expect((await refusal(setup.head.courses.listCsv({ when: 'upcoming' }))).code).toBe('FORBIDDEN');

    const tooLong = await refusal(
      ws.caller.courses.book({
        courseId: made.id,
        schoolId: ws.school.id,
        delegates: [delegate('eve')],
        purchaseOrderNumber: 'x'.repeat(41),
      }),
    );
    expect(tooLong).toMatchObject({ code: 'BAD_REQUEST' });
    expect(tooLong.message).toContain('Keep the purchase order number to 40 characters.');
  });
});

describe('access or dietary needs given when booking', () => {
  let database: Database;
  let setup: Awaited<ReturnType<typeof schoolWithStaffAndHeads>>;
  beforeAll(async () => {
    database = await openTestDatabase();
    setup = await schoolWithStaffAndHeads(database.db);
  });

  it('reach the organisers (course page, delegate list, register) and are erased with the delegate', async () => {
    const { ws, staff, staffEmail } = setup;
    const made = await ws.caller.courses.create({
      ...ownCourse,
      title: `Needs ${Math.random().toString(36).slice(2, 8)}`,
    } as never);
    await ws.caller.courses.publish({ id: made.id });
    const email = (name: string) => `${name}.${made.id.slice(0, 8)}@school.example`;
    // Named by the head (the general path, two delegates) and by a member of staff for themselves.
    await ws.caller.courses.book({
      courseId: made.id,
      schoolId: ws.school.id,
      delegates: [
        { name: 'Ada Ahmed', email: email('ada'), role: '', needs: 'Step-free access, please' },
        { name: 'Ben Brown', email: email('ben'), role: '' },
      ],
    });
    await staff.courses.book({ courseId: made.id, schoolId: ws.school.id, delegates: [], needs: ' Vegan ' });

    const { bookings } = await ws.caller.courses.delegates({ courseId: made.id });
    const needsOf = (match: (b: (typeof bookings)[number]) => boolean) => bookings.find(match)?.delegateNeeds;
    expect(needsOf((b) => b.delegateName === 'Ada Ahmed')).toBe('Step-free access, please');
    expect(needsOf((b) => b.delegateName === 'Ben Brown')).toBe('');
    expect(needsOf((b) => b.delegateEmail === staffEmail)).toBe('Vegan');
    const { csv } = await ws.caller.courses.delegatesCsv({ courseId: made.id });
    expect(csv.split(/\r?\n/)[0]).toContain(',Access or dietary needs,');
    expect(csv).toContain('"Step-free access, please"');
    const register = await ws.caller.courses.register({ courseId: made.id });
    expect(register.delegates.find((d) => d.delegateName === 'Ada Ahmed')?.delegateNeeds).toBe(
      'Step-free access, please',
    );

    const tooLong = await refusal(
      ws.caller.courses.book({
        courseId: made.id,
        schoolId: ws.school.id,
        delegates: [{ name: 'Cat Clarke', email: email('cat'), role: '', needs: 'x'.repeat(301) }],
      }),
    );
    expect(tooLong.message).toContain('Keep access or dietary needs to 300 characters.');

    // Erased with the delegate's other details.
    const placeholder = newPlaceholder();
    const ada = bookings.find((b) => b.delegateName === 'Ada Ahmed');
    await withTenant(database.db, ws.tenant.id, (tx) => anonymiseBookings(tx, [ada!.id], placeholder));
    const after = await ws.caller.courses.delegates({ courseId: made.id });
    expect(after.bookings.find((b) => b.id === ada!.id)).toMatchObject({
      delegateName: placeholder.name,
      delegateNeeds: '',
    });
  });
});

describe('a delegate’s own needs, from their place link', () => {
  let database: Database;
  let setup: Awaited<ReturnType<typeof schoolWithStaffAndHeads>>;
  beforeAll(async () => {
    database = await openTestDatabase();
    setup = await schoolWithStaffAndHeads(database.db);
  });

  it('are saved, changed or cleared while the place is booked, and refused once it is cancelled', async () => {
    const { ws } = setup;
    const title = `Own needs ${Math.random().toString(36).slice(2, 8)}`;
    const made = await ws.caller.courses.create({
      ...ownCourse,
      title,
      format: 'hybrid',
      joiningLink: 'https://meet.example/own-needs',
    } as never);
    await ws.caller.courses.publish({ id: made.id });
    const booked = await ws.caller.courses.book({
      courseId: made.id,
      schoolId: ws.school.id,
      delegates: [{ name: 'Dee Dale', email: `dee.${made.id.slice(0, 8)}@school.example`, role: '' }],
    });
    const bookingId = booked.confirmed[0]!.bookingId;
    // The link emailed to the delegate: only its hash is kept, so the test gives the place a link of its own.
    const { token, tokenHash } = newPlaceToken();
    await database.db
      .update(courseBookings)
      .set({ accessTokenHash: tokenHash })
      .where(eq(courseBookings.id, bookingId));
    const needsNow = async () =>
      (await ws.caller.courses.delegates({ courseId: made.id })).bookings.find((b) => b.id === bookingId)
        ?.delegateNeeds;

    // Through the place link's procedures, signed out: the link is the credential.
    const visitor = anonymousCaller(database.db);
    const setNeeds = (needs: string, tenant = ws.tenant.slug) =>
      visitor.courseCatalogue.saveNeeds({ tenant, token, needs });
    await setNeeds(' Gluten-free lunch ');
    expect(await needsNow()).toBe('Gluten-free lunch');
    // The delegate's page behind the link: their place and needs, and nothing a link holder need not see.
    const placePage = () =>
      anonymousCaller(database.db).courseCatalogue.place({ tenant: ws.tenant.slug, token });
    const page = await placePage();
    expect(page).toMatchObject({
      booking: { delegateName: 'Dee Dale', status: 'confirmed', delegateNeeds: 'Gluten-free lunch' },
      course: { title },
      where: { venue: 'Somewhere', joiningLink: 'https://meet.example/own-needs' },
      certificate: false,
      charge: null,
    });
    expect(Object.keys(page.booking).sort()).toEqual(['delegateName', 'delegateNeeds', 'status']);
    expect(page.sessions.length).toBeGreaterThan(0);
    await setNeeds('');
    expect(await needsNow()).toBe('');
    await expect(setNeeds('x'.repeat(301))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { issues: [{ message: 'Keep access or dietary needs to 300 characters.' }] },
    });
    // Another workspace's address with this link finds nothing; a made-up link neither.
    const other = await makeWorkspaceWithEveryRole(database.db, moduleKeys);
    await expect(setNeeds('x', other.tenant.slug)).rejects.toThrow('This link is not valid.');
    await expect(
      anonymousCaller(database.db).courseCatalogue.place({ tenant: other.tenant.slug, token }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await ws.caller.courses.cancelBooking({ bookingId });
    await expect(setNeeds('x')).rejects.toThrow('This place is no longer booked');
    // Cancelled: the page says so, and gives no joining link any more.
    expect(await placePage()).toMatchObject({ booking: { status: 'cancelled' }, where: { joiningLink: '' } });
  });
});
