import { getDatabase } from '~/server/database';
import { setBulletinSubscriptionByLink } from '~/server/governance/bulletin-unsubscribe';

export const dynamic = 'force-dynamic';

/**
 * RFC 8058 one-click unsubscribe, the URL of a bulletin's List-Unsubscribe header: the mail client POSTs
 * `List-Unsubscribe=One-Click` (no cookies, no sign-in) and the signed token names the address and workspace.
 * Answers 200 once unsubscribed (again on a repeat), 404 for a token that is not ours. A GET (a person who
 * opened the URL) goes to the unsubscribe page, which says what happened and offers to subscribe again.
 */
export async function POST(
  _request: Request,
  { params }: { params: Promise<{ tenant: string; token: string }> },
): Promise<Response> {
  const { tenant, token } = await params;
  const result = await setBulletinSubscriptionByLink((await getDatabase()).db, { slug: tenant, token });
  if (!result) return new Response('Not found', { status: 404 });
  return new Response(`${result.email} is unsubscribed from ${result.workspaceName}'s governor bulletins.`, {
    status: 200,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}

export async function GET(
  request: Request,
  { params }: { params: Promise<{ tenant: string; token: string }> },
): Promise<Response> {
  const { tenant, token } = await params;
  return Response.redirect(new URL(`/unsubscribe/${tenant}/${token}`, request.url), 303);
}
