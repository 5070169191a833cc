import { NextResponse, type NextRequest } from 'next/server';
import { requestedAddressHeader } from './app/_lib/sign-in-address';

/** The catalogue's filters, in the one order the cache key uses. */
const catalogueKeys = ['q', 'audience', 'phase', 'subject', 'format', 'from', 'to', 'page'] as const;

/**
 * The public course catalogue (`/courses/<workspace>?filters`) is the same for every visitor who asks for the
 * same filters, so it is rendered once per workspace and query and cached (ISR). Next caches by path, not
 * query, so the address is rewritten (the visitor's URL stays) to `/courses/<workspace>/list/<key>`, where the
 * key is the filters in a fixed order without empty ones (base64url, so no escaping to get wrong), or `all`:
 * `?subject=Maths&q=` and `?q=&subject=Maths` share one cached page.
 *
 * Any other page visited without a session cookie is passed on with the address asked for, so a workspace that
 * sends the visitor to sign in can bring them back to it (a layout cannot see its page's address).
 */
export function proxy(request: NextRequest) {
  if (!request.nextUrl.pathname.startsWith('/courses/')) {
    const headers = new Headers(request.headers);
    headers.set(requestedAddressHeader, `${request.nextUrl.pathname}${request.nextUrl.search}`);
    return NextResponse.next({ request: { headers } });
  }
  const tenant = request.nextUrl.pathname.split('/')[2] ?? '';
  const key = new URLSearchParams();
  for (const name of catalogueKeys) {
    const value = request.nextUrl.searchParams.get(name)?.trim().replace(/\s+/g, ' ').slice(0, 200);
    if (value && !(name === 'page' && value === '1')) key.set(name, value);
  }
  const url = request.nextUrl.clone();
  const query = key.toString();
  url.pathname = `/courses/${tenant}/list/${query ? Buffer.from(query).toString('base64url') : 'all'}`;
  url.search = '';
  return NextResponse.rewrite(url);
}

/**
 * Only a catalogue address with a filter comes here (a proxy call costs ~1.7 ms of CPU, a third of serving a
 * cached page); the bare `/courses/<ws>`, the commonest visit, is rewritten to `…/list/all` by next.config.js.
 * Pages other than the catalogue come here only when signed out (no session cookie), so a signed-in visit pays
 * nothing. Literal, as Next reads this at build time.
 */
export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/|courses/|signin|favicon\\.ico).*)',
      missing: [
        { type: 'cookie', key: 'next-auth.session-token' },
        { type: 'cookie', key: '__Secure-next-auth.session-token' },
      ],
    },
    { source: '/courses/:tenant', has: [{ type: 'query', key: 'q' }] },
    { source: '/courses/:tenant', has: [{ type: 'query', key: 'audience' }] },
    { source: '/courses/:tenant', has: [{ type: 'query', key: 'phase' }] },
    { source: '/courses/:tenant', has: [{ type: 'query', key: 'subject' }] },
    { source: '/courses/:tenant', has: [{ type: 'query', key: 'format' }] },
    { source: '/courses/:tenant', has: [{ type: 'query', key: 'from' }] },
    { source: '/courses/:tenant', has: [{ type: 'query', key: 'to' }] },
    { source: '/courses/:tenant', has: [{ type: 'query', key: 'page' }] },
  ],
};
