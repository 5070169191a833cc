import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { devToolsEnabled } from '~/server/env';
import { SiteHeader } from '../../_components/site-header';
import { serverApi } from '../../_lib/server-api';

export const metadata: Metadata = { title: 'Development outbox' };
export const dynamic = 'force-dynamic';

const linkPattern = /(https?:\/\/[^\s)]+)/g;

export default async function OutboxPage() {
  if (!devToolsEnabled()) notFound();
  const api = await serverApi();
  const [emails, session] = await Promise.all([api.dev.outbox(), api.auth.session()]);
  return (
    <>
      <SiteHeader user={session} />
      <main id="main" className="mx-auto max-w-4xl px-4 py-8">
        <h1 className="text-3xl font-bold">Development outbox</h1>
        <p className="mt-2 text-slate-700">
          With no SMTP server configured, emails are kept here (newest first) and printed to the console.
        </p>
        {emails.length === 0 ? (
          <p className="mt-6">No emails yet.</p>
        ) : (
          <ol className="mt-6 space-y-4">
            {emails.map((email) => (
              <li
                key={email.id}
                className="rounded-lg border border-slate-200 bg-white p-4"
                data-testid="outbox-email"
              >
                <h2 className="text-lg font-semibold">{email.subject}</h2>
                <p className="text-sm text-slate-700">
                  To <span data-testid="outbox-to">{email.to}</span> ·{' '}
                  {email.createdAt.toLocaleString('en-GB', { timeZone: 'Europe/London' })}
                </p>
                <div className="mt-2 whitespace-pre-wrap break-words text-sm">
                  {email.text.split(linkPattern).map((part, i) =>
                    linkPattern.test(part) ? (
                      <a key={i} href={part} className="text-brand-dark underline">
                        {part}
                      </a>
                    ) : (
                      <span key={i}>{part}</span>
                    ),
                  )}
                </div>
                {email.attachments.length > 0 ? (
                  <ul className="mt-2 text-sm" aria-label="Attachments">
                    {email.attachments.map((a, i) => (
                      <li key={i}>
                        Attachment:{' '}
                        <a
                          className="text-brand-dark underline"
                          href={`/dev/outbox/${email.id}/attachments/${i}`}
                          download={a.filename}
                        >
                          {a.filename}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </main>
    </>
  );
}
