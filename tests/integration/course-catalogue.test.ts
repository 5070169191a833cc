import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { scopeTransaction } from '~/db/client';
import { moduleKeys } from '~/db/schema';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { catalogueBookingClosed } from '~/server/courses/booking-closed';
import { londonToUtc } from '~/server/courses/london-time';
import { makeWorkspaceWithEveryRole } from '../fixtures/factories';
import { ownCourse } from './course-fixtures';
import { catalogueFilterLimits, searchCatalogue } from '~/server/courses/search-catalogue';
import { anonymousCaller, callerFor, openTestDatabase, tenantBySlug, testAppUrl } from './harness';

describe('the public course catalogue', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('lists a workspace’s published upcoming courses to anyone, without drafts or joining links', async () => {
    const anyone = anonymousCaller(database.db);
    const all = await anyone.courseCatalogue.search({ tenant: 'hsip', filters: { page: 1 } });
    const titles = all.courses.map((c) => c.title);
    expect(titles).toContain('Primary English subject-leader network');
    expect(titles).not.toContain('Maths mastery in Key Stage 2');
    expect(JSON.stringify(all)).not.toContain('meet.example');
    expect(all.facets.subjects).toContain('English');

    const governors = await anyone.courseCatalogue.search({
      tenant: 'hsip',
      filters: { audience: 'governors', page: 1 },
    });
    expect(governors.courses.map((c) => c.title)).toEqual(['Induction for new governors']);
    const online = await anyone.courseCatalogue.search({
      tenant: 'hsip',
      filters: { format: 'online', page: 1 },
    });
    expect(online.courses.every((c) => c.format === 'online')).toBe(true);
    const searched = await anyone.courseCatalogue.search({
      tenant: 'hsip',
      filters: { q: 'reading phonics', page: 1 },
    });
    expect(searched.courses.map((c) => c.title)).toContain('Primary English subject-leader network');
    const primary = await anyone.courseCatalogue.search({
      tenant: 'hsip',
      filters: { phase: 'Primary', page: 1 },
    });
    expect(primary.courses.every((c) => c.phase === 'Primary' || c.phase === 'All phases')).toBe(true);
    const past = await anyone.courseCatalogue.search({
      tenant: 'hsip',
      filters: { to: '2000-01-01', page: 1 },
    });
    expect(past.total).toBe(0);
  });

  it('pages on the server, and a course page shows another workspace’s course to nobody', async () => {
    const manager = await callerFor(database.db, 'manager@bep.example', 'bep');
    for (let i = 0; i < 21; i++) {
      const made = await manager.courses.create({
        title: `Paged course ${String(i).padStart(2, '0')}`,
        audiences: ['teachers'],
        subject: 'Paging',
        format: 'online',
        joiningLink: 'https://meet.example/paged',
        capacity: 10,
        sessions: [{ on: '2031-06-02', startTime: '16:00', endTime: '17:00' }],
      } as never);
      await manager.courses.publish({ id: made.id });
    }
    const anyone = anonymousCaller(database.db);
    const page1 = await anyone.courseCatalogue.search({
      tenant: 'bep',
      filters: { subject: 'Paging', page: 1 },
    });
    const page2 = await anyone.courseCatalogue.search({
      tenant: 'bep',
      filters: { subject: 'Paging', page: 2 },
    });
    expect(page1.total).toBeGreaterThanOrEqual(21);
    expect(page1.courses).toHaveLength(20);
    expect(page2.courses.length).toBeGreaterThanOrEqual(1);
    expect(page2.courses[0]?.id).not.toBe(page1.courses[0]?.id);

    const bepCourse = page1.courses[0]?.id ?? '';
    expect((await anyone.courseCatalogue.course({ tenant: 'bep', id: bepCourse })).course.title).toMatch(
      /Paged/,
    );
    await expect(anyone.courseCatalogue.course({ tenant: 'hsip', id: bepCourse })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      anyone.courseCatalogue.search({ tenant: 'birmingham', filters: { page: 1 } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('counts only so far: past the cap the page says "more than" and still offers the next page', async () => {
    const bep = await tenantBySlug(database.db, 'bep');
    const search = (page: number, countCap: number) =>
      database.db.transaction(async (tx) => {
        await scopeTransaction(tx, { tenantId: bep.id });
        return searchCatalogue(tx, { page, today: '2026-01-01', countCap });
      });
    const exact = await search(1, 100_000);
    expect(exact.moreThan).toBe(false);
    expect(exact.total).toBeGreaterThan(21);
    const capped = await search(1, 21);
    expect(capped).toMatchObject({ moreThan: true, total: 21, pages: 2 });
    expect(capped.courses.map((c) => c.id)).toEqual(exact.courses.map((c) => c.id));
    // The cap runs from the current page: page 2 counts to 20 + 21 = 41 at most.
    const second = await search(2, 21);
    expect(second.total).toBe(Math.min(exact.total, 41));
    expect(second.courses[0]?.id).not.toBe(exact.courses[0]?.id);
  });

  it('says "Booking closed" in the list for a course whose first session began earlier today, as its page does', async () => {
    const ws = await makeWorkspaceWithEveryRole(database.db, moduleKeys);
    const anyone = anonymousCaller(database.db);
    const tag = Math.random().toString(36).slice(2, 8);
    const made = async (title: string) => {
      const course = await ws.caller.courses.create({
        ...ownCourse,
        title,
        sessions: [{ on: '2031-03-04', startTime: '09:00', endTime: '12:00' }],
      } as never);
      await ws.caller.courses.publish({ id: course.id });
      return course.id;
    };
    const begun = await made(`Begun today ${tag}`);
    const later = await made(`Later on ${tag}`);
    // The clock moves on: the first session is now today, from midnight (so it has begun whenever this runs).
    const today = todayInLondon();
    await database.db.execute(sql`update course_sessions set "on" = ${today}, start_time = '00:00',
      end_time = '23:59', starts_at = ${londonToUtc(today, '00:00').toISOString()},
      ends_at = ${londonToUtc(today, '23:59').toISOString()} where course_id = ${begun}`);
    await database.db.execute(
      sql`update courses set starts_on = ${today}, ends_on = ${today} where id = ${begun}`,
    );

    const listed = await anyone.courseCatalogue.search({
      tenant: ws.tenant.slug,
      filters: { q: tag, page: 1 },
    });
    const row = (id: string) => listed.courses.find((c) => c.id === id);
    expect(row(begun)).toMatchObject({ startsOn: today, firstStartTime: '00:00', placesLeft: 10 });
    // The list works it out when it is rendered, from the row it keeps: the course page's own rule and answer.
    expect(catalogueBookingClosed(row(begun)!, todayInLondon(), new Date())).toBe(true);
    const page = await anyone.courseCatalogue.course({ tenant: ws.tenant.slug, id: begun });
    expect(page.bookingClosed).toBe('This course has already started.');
    expect(catalogueBookingClosed(row(later)!, todayInLondon(), new Date())).toBe(false);
    expect(
      (await anyone.courseCatalogue.course({ tenant: ws.tenant.slug, id: later })).bookingClosed,
    ).toBeNull();
  });

  describe('for search engines', () => {
    it('lists every catalogue and its bookable courses in the sitemap, and no drafts', async () => {
      const anyone = anonymousCaller(database.db);
      const listed: string[] = [];
      for (let page = 1; ; page++) {
        const found = await anyone.courseCatalogue.search({ tenant: 'hsip', filters: { page } });
        listed.push(...found.courses.map((c) => c.id));
        if (found.courses.length < catalogueFilterLimits.pageSize) break;
      }
      expect(listed.length).toBeGreaterThan(0);
      const manager = await callerFor(database.db, 'manager@bep.example', 'bep');
      const draft = await manager.courses.create({
        title: 'Draft not for search engines',
        audiences: ['teachers'],
        subject: 'Drafts',
        format: 'online',
        joiningLink: 'https://meet.example/draft',
        capacity: 10,
        sessions: [{ on: '2031-06-03', startTime: '16:00', endTime: '17:00' }],
      } as never);

      const urls = (await anyone.courseCatalogue.sitemap()).map((entry) => entry.url);
      expect(urls).toContain(`${testAppUrl}/courses/hsip`);
      expect(urls).toContain(`${testAppUrl}/courses/bep`);
      for (const id of listed) expect(urls).toContain(`${testAppUrl}/courses/hsip/${id}`);
      expect(urls.some((url) => url.endsWith(draft.id))).toBe(false);
      // Birmingham's LA workspace has no courses module: no public catalogue to list.
      expect(urls.some((url) => url.startsWith(`${testAppUrl}/courses/birmingham`))).toBe(false);
    });

    it('hides a suspended workspace’s catalogue from everyone and from the sitemap until reinstated', async () => {
      const admin = await callerFor(database.db, 'platform@stride.example', null);
      const slug = `cat-${Date.now().toString(36)}`;
      const { workspaceId } = await admin.platform.createWorkspace({
        name: 'Catalogue Test Partnership',
        shortName: 'CTP',
        slug,
        kind: 'provider',
        modules: ['courses'],
        managerEmail: `manager-${slug}@ctp.example`,
      });
      const anyone = anonymousCaller(database.db);
      const catalogueUrl = `${testAppUrl}/courses/${slug}`;
      expect((await anyone.courseCatalogue.search({ tenant: slug, filters: { page: 1 } })).total).toBe(0);
      expect((await anyone.courseCatalogue.sitemap()).map((e) => e.url)).toContain(catalogueUrl);

      await admin.platform.suspend({ workspaceId, reason: 'Contract ended' });
      await expect(
        anyone.courseCatalogue.search({ tenant: slug, filters: { page: 1 } }),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect((await anyone.courseCatalogue.sitemap()).map((e) => e.url)).not.toContain(catalogueUrl);

      await admin.platform.reinstate({ workspaceId });
      expect((await anyone.courseCatalogue.sitemap()).map((e) => e.url)).toContain(catalogueUrl);
    });
  });
});
