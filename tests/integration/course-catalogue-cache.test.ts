import { revalidateTag } from 'next/cache';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '~/db/client';
import { catalogueTag } from '~/server/courses/catalogue-cache';
import { ownCourse } from './course-fixtures';
import { anonymousCaller, callerFor, failureOf, openTestDatabase } from './harness';

// Next's cache lives in the server; here only the call that expires a workspace's cached catalogue is watched.
vi.mock('next/cache', () => ({ revalidateTag: vi.fn() }));
// As inside a Next request (outside one, there is no page cache and the app does not ask Next to expire it).
vi.mock('next/dist/server/app-render/work-async-storage.external', () => ({
  workAsyncStorage: { getStore: () => ({ route: '/api/trpc/[trpc]' }) },
}));
const revalidated = vi.mocked(revalidateTag);

describe('the cached public catalogue is expired by the changes that alter it', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  beforeEach(() => revalidated.mockClear());

  it('publishing, booking, cancelling: each commit expires that workspace’s catalogue, and only then', async () => {
    const manager = await callerFor(database.db, 'head.si@barnet.example', 'barnet');
    const made = await manager.courses.create({
      ...ownCourse,
      title: `Cached catalogue course ${Math.random().toString(36).slice(2, 8)}`,
      capacity: 1,
    } as never);
    // A draft is not in the catalogue, but the tag is cheap to expire: every courses mutation does.
    expect(revalidated).toHaveBeenCalledWith(catalogueTag('barnet'), { expire: 0 });
    revalidated.mockClear();

    await manager.courses.publish({ id: made.id });
    expect(revalidated).toHaveBeenCalledTimes(1);
    expect(revalidated).toHaveBeenCalledWith('course-catalogue:barnet', { expire: 0 });
    const listed = await anonymousCaller(database.db).courseCatalogue.search({
      tenant: 'barnet',
      filters: { q: 'Cached catalogue course', page: 1 },
    });
    expect(listed.courses.map((c) => c.id)).toContain(made.id);

    // A booking changes the places left.
    revalidated.mockClear();
    const head = await callerFor(database.db, 'head@coppettswood.sch.example', 'barnet');
    const school = (await head.workspaces.current()).mySchools[0];
    if (!school) throw new Error('no school');
    await head.courses.book({
      courseId: made.id,
      schoolId: school.id,
      delegates: [
        { name: 'Cache Delegate', email: 'cache.delegate@coppettswood.sch.example', role: 'Teacher' },
      ],
    });
    expect(revalidated).toHaveBeenCalledWith('course-catalogue:barnet', { expire: 0 });

    // A mutation that fails (rolled back) expires nothing; reads expire nothing.
    revalidated.mockClear();
    expect(
      await failureOf(manager.courses.publish({ id: '00000000-0000-4000-8000-000000000000' })),
    ).toBeTruthy();
    await manager.courses.list({});
    expect(revalidated).not.toHaveBeenCalled();

    await manager.courses.cancel({ id: made.id, reason: 'Testing the cache' });
    expect(revalidated).toHaveBeenCalledWith('course-catalogue:barnet', { expire: 0 });
  });
});
