import { revalidateTag } from 'next/cache';
// The store Next's own revalidateTag looks for: shared by every bundle (".external"), so asking it is cheap.
import { workAsyncStorage } from 'next/dist/server/app-render/work-async-storage.external';
import type { Tx } from '~/db/client';
import { onCommit } from '../unit-of-work/on-commit';
import { forgetCatalogueFacets } from './search-catalogue';

/**
 * The public catalogue pages are cached (app/courses/[tenant]/list/[query]: rendered once per workspace and
 * query, kept until this tag is revalidated or catalogueRevalidateSeconds pass). Every change a manager or booker
 * makes to a workspace's courses revalidates the workspace's tag, so a published course shows at once.
 */
export const catalogueTag = (slug: string) => `course-catalogue:${slug}`;

/**
 * The safety net for changes made outside a request (jobs: a hold expiring, a waiting-list offer claimed by
 * the job): a cached page is re-rendered in the background when a visitor asks for it after this long, so
 * places-left figures lag by at most about twice this (the page and its cached search each keep a
 * stale copy for one window). Booking always checks the live capacity.
 */
export const catalogueRevalidateSeconds = 30;

/**
 * Marks a workspace's cached catalogue pages expired (the next visitor gets a fresh render, not a stale one),
 * and forgets its facet lists. Outside a Next request (jobs, scripts, tests) there is no page cache to tell and
 * Next refuses; the revalidate window covers those changes.
 */
export function revalidateCatalogue(tenant: { slug: string; tenantId: string }): void {
  forgetCatalogueFacets(tenant.tenantId);
  // Asked first because Next's refusal is an exception, whose stack trace cost a booking race ~2.5% of its CPU.
  if (!workAsyncStorage.getStore()) return;
  try {
    revalidateTag(catalogueTag(tenant.slug), { expire: 0 });
  } catch {
    // Not in a request: nothing cached here to expire.
  }
}

/** Revalidates the workspace's catalogue once `tx` commits (never if it rolls back). */
export function revalidateCatalogueOnCommit(tx: Tx, tenant: { slug: string; tenantId: string }): void {
  onCommit(tx, async () => revalidateCatalogue(tenant));
}
