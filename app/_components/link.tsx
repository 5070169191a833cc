'use client';

import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * The app's one link: `next/link` without prefetching. Every workspace page is rendered per request and none
 * has a loading boundary, so a prefetch fetches nothing a click can use (a ~0.4 KB route tree) yet costs the
 * server ~4 ms of CPU; with one link per row, one view of the SCC list made 41 prefetches on load and 53 after
 * scrolling, ten times the page's own cost. A click still navigates without reloading the page. A client
 * component itself, so server pages do not send `prefetch: false` with every link in their payload.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
