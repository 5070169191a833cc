import { revalidateTag } from 'next/cache';
import { workAsyncStorage } from 'next/dist/server/app-render/work-async-storage.external';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogueTag, revalidateCatalogue } from '~/server/courses/catalogue-cache';

vi.mock('next/cache', () => ({ revalidateTag: vi.fn() }));
// As the Next server provides it before its stores are made (plain Node gives Next a stand-in that cannot run).
// Awaited: the imports below wait for it, so Next's store module never sees the global missing (without the
// await it raced them, and the test failed when the import won).
await vi.hoisted(async () => {
  const { AsyncLocalStorage } = await import('node:async_hooks');
  Object.assign(globalThis, { AsyncLocalStorage });
});
const revalidated = vi.mocked(revalidateTag);
const tenant = { slug: 'barnet', tenantId: '00000000-0000-4000-8000-000000000001' };

describe('expiring a workspace’s cached catalogue', () => {
  afterEach(() => revalidated.mockClear());

  it('asks Next to expire the tag inside a request', () => {
    // What a route handler runs in: Next's work store (only its presence matters here).
    const store = { route: '/api/trpc/[trpc]' } as unknown as NonNullable<
      ReturnType<typeof workAsyncStorage.getStore>
    >;
    workAsyncStorage.run(store, () => revalidateCatalogue(tenant));
    expect(revalidated).toHaveBeenCalledWith(catalogueTag('barnet'), { expire: 0 });
  });

  it('does not ask outside one (a job, a script), where Next would refuse with an exception', () => {
    revalidateCatalogue(tenant);
    expect(revalidated).not.toHaveBeenCalled();
  });
});
