import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { courseBookings, moduleKeys } from '~/db/schema';
import { newPlaceToken } from '~/server/courses/place-token';
import { makeWorkspaceWithEveryRole } from '../fixtures/factories';
import { ownCourse, ranUntilYesterday } from './course-fixtures';
import { anonymousCaller, openTestDatabase } from './harness';

/**
 * What a new schools-led partnership's public course pages told schools on its first walk-through: a
 * catalogue promising ECT induction and governor training it does not run, a "Book places" button on a course
 * that could no longer be booked, and a delegate's place page with no word on how to cancel.
 */
describe('a partnership’s public course pages', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('the catalogue names only what the workspace runs', async () => {
    const cpdOnly = await makeWorkspaceWithEveryRole(database.db, ['traded', 'courses', 'invoices'], {
      kind: 'provider',
    });
    const everything = await makeWorkspaceWithEveryRole(database.db, moduleKeys);
    const anyone = anonymousCaller(database.db);
    const partnership = await anyone.courseCatalogue.search({
      tenant: cpdOnly.tenant.slug,
      filters: { page: 1 },
    });
    expect(partnership.tenant.offer.lead).toBe('CPD courses, subject networks and headteacher seminars.');
    const full = await anyone.courseCatalogue.search({
      tenant: everything.tenant.slug,
      filters: { page: 1 },
    });
    expect(full.tenant.offer.lead).toBe(
      'CPD courses, subject networks, headteacher seminars, ECT induction and governor training.',
    );
  });

  it('a course that has started or whose booking deadline passed says it can no longer be booked; the place page says who can cancel until it starts', async () => {
    const ws = await makeWorkspaceWithEveryRole(database.db, ['traded', 'courses', 'invoices'], {
      kind: 'provider',
    });
    const anyone = anonymousCaller(database.db);
    const made = await ws.caller.courses.create({ ...ownCourse, title: 'Leading phonics' } as never);
    await ws.caller.courses.publish({ id: made.id });
    const booked = await ws.caller.courses.book({
      courseId: made.id,
      schoolId: ws.school.id,
      delegates: [{ name: 'Pat Phonics', email: `pat.${made.id.slice(0, 8)}@school.example`, role: '' }],
    });
    const { token, tokenHash } = newPlaceToken();
    await database.db
      .update(courseBookings)
      .set({ accessTokenHash: tokenHash })
      .where(eq(courseBookings.id, booked.confirmed[0]!.bookingId));
    const coursePage = () => anyone.courseCatalogue.course({ tenant: ws.tenant.slug, id: made.id });
    const placePage = () => anyone.courseCatalogue.place({ tenant: ws.tenant.slug, token });

    expect((await coursePage()).bookingClosed).toBeNull();
    // 4 March 2031 is a Tuesday: ten working days before it is Tuesday 18 February.
    expect((await placePage()).cannotCome).toEqual({
      schoolName: ws.school.name,
      freeUntil: '2031-02-18',
      freePassed: false,
    });

    await ranUntilYesterday(database.db, made.id);
    expect((await coursePage()).bookingClosed).toBe('This course has already started.');
    expect((await placePage()).cannotCome).toBeNull();

    const later = await ws.caller.courses.create({ ...ownCourse, title: 'Deadline passed' } as never);
    await ws.caller.courses.publish({ id: later.id });
    await database.db.execute(
      sql`update courses set booking_deadline = current_date - 1 where id = ${later.id}`,
    );
    expect(
      (await anyone.courseCatalogue.course({ tenant: ws.tenant.slug, id: later.id })).bookingClosed,
    ).toBe('Booking for this course has closed.');
  });
});
