import { getDatabase } from '~/server/database';
import { outboxAttachment } from '~/server/email/outbox';
import { devToolsEnabled } from '~/server/env';

/** An outbox email's attachment (e.g. the invoice PDF), rendered as it was sent. Development only. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ emailId: string; index: string }> },
) {
  if (!devToolsEnabled()) return new Response('Not found.', { status: 404 });
  const { emailId, index } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(emailId) || !/^\d{1,2}$/.test(index))
    return new Response('Not found.', { status: 404 });
  const attachment = await outboxAttachment((await getDatabase()).db, emailId, Number(index));
  if (!attachment) return new Response('Not found.', { status: 404 });
  return new Response(new Uint8Array(attachment.content), {
    headers: {
      'content-type': attachment.contentType,
      'content-disposition': `inline; filename="${attachment.filename.replace(/[^\w.-]+/g, '-')}"`,
      'cache-control': 'no-store',
    },
  });
}
