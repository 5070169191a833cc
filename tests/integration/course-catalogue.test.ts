import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { anonymousCaller, callerFor, openTestDatabase } from './harness';

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
});
