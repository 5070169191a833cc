import { refusalResponse } from '../../../../_lib/pdf-response';
import { anonymousServerApi } from '../../../../_lib/server-api';

export const dynamic = 'force-dynamic';

/**
 * RFC 8058 one-click unsubscribe, the URL of a bulletin's List-Unsubscribe header: the mail client POSTs
 * `List-Unsubscribe=One-Click` (no cookies, no sign-in) and the signed token names the address and workspace.
 * Answers 200 once unsubscribed (again on a repeat), 404 for a token that is not ours. A GET (a person who
 * opened the URL) goes to the unsubscribe page, which asks them to press Unsubscribe.
 */
export async function POST(
  _request: Request,
  { params }: { params: Promise<{ tenant: string; token: string }> },
): Promise<Response> {
  const { tenant, token } = await params;
  let result;
  try {
    result = await (await anonymousServerApi()).bulletinLinks.unsubscribe({ tenant, token });
  } catch (error) {
    return refusalResponse(error);
  }
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
