import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { guard, loadWorkspace } from '../../../../_lib/server-api';
import { BulletinForm, EmailPreview, SendBulletinForm } from '../bulletin-forms';
import { londonDate } from '~/server/governance/labels';

export const metadata: Metadata = { title: 'Governor bulletin' };

const linkClass = 'text-brand-dark underline';

/** One bulletin: the email as it will arrive, who it will reach now, send; a draft can still be edited. */
export default async function BulletinPage({
  params,
}: {
  params: Promise<{ tenant: string; bulletinId: string }>;
}) {
  const { tenant, bulletinId } = await params;
  const { api } = await loadWorkspace(tenant);
  const { bulletin, preview, audience, recipients, sentBy } = await guard(
    api.governance.bulletin({ id: bulletinId }),
  );
  return (
    <>
      <div className="space-y-8">
        <div>
          <p>
            <Link className={linkClass} href={`/${tenant}/governance/bulletins`}>
              Governor bulletins
            </Link>
          </p>
          <h1 className="mt-2 text-3xl font-bold">{bulletin.title}</h1>
          <p className="mt-2 text-slate-700" data-testid="bulletin-state">
            {bulletin.sentAt
              ? `Sent ${londonDate(bulletin.sentAt)}${sentBy ? ` by ${sentBy}` : ''} to ${recipients} ${recipients === 1 ? 'person' : 'people'}.`
              : 'Draft: not sent yet.'}{' '}
            {bulletin.audience === 'all_boards'
              ? 'Goes to every governor and clerk on the registers.'
              : `Goes to ${bulletin.includeAllGovernors ? 'every governor' : 'chairs and clerks'} of subscribed schools.`}
          </p>
        </div>

        <section aria-labelledby="send" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="send" className="text-2xl font-semibold">
            Send
          </h2>
          <p className="mt-1 text-slate-700">
            {audience.subscribersOnly
              ? 'It goes to the boards of schools with a governing-body package this year.'
              : bulletin.audience === 'all_boards'
                ? 'It goes to every governor and clerk of every board you keep, package or not.'
                : 'It goes to every board you keep.'}
          </p>
          <dl className="mt-3 grid max-w-xl grid-cols-[1fr_auto] gap-x-6 gap-y-1" data-testid="audience">
            <dt>{audience.subscribersOnly ? 'Boards of subscribed schools' : 'Boards'}</dt>
            <dd className="text-right">{audience.schools}</dd>
            <dt>Will receive it now</dt>
            <dd className="text-right">{audience.toSend}</dd>
            <dt>Already sent it</dt>
            <dd className="text-right">{audience.alreadySent}</dd>
            <dt>Skipped: unsubscribed</dt>
            <dd className="text-right">{audience.unsubscribed}</dd>
            <dt>Skipped: no email address in the register</dt>
            <dd className="text-right">{audience.noEmail}</dd>
          </dl>
          <div className="mt-4">
            <SendBulletinForm bulletinId={bulletin.id} toSend={audience.toSend} />
          </div>
        </section>

        <section aria-labelledby="preview">
          <h2 id="preview" className="text-2xl font-semibold">
            Preview
          </h2>
          <p className="mt-1 text-slate-700">Subject: {preview.subject}</p>
          <div className="mt-3 max-w-3xl">
            <h3 className="text-lg font-semibold">Plain-text version</h3>
            <pre
              className="mt-2 whitespace-pre-wrap break-words rounded bg-slate-100 p-3 text-sm"
              data-testid="bulletin-text"
            >
              {preview.text}
            </pre>
          </div>
          <EmailPreview html={preview.html} />
        </section>

        {!bulletin.sentAt && (
          <section aria-labelledby="edit" className="max-w-3xl">
            <h2 id="edit" className="text-2xl font-semibold">
              Edit the draft
            </h2>
            <div className="mt-4">
              <BulletinForm
                tenant={tenant}
                bulletinId={bulletin.id}
                initial={{
                  title: bulletin.title,
                  body: bulletin.body,
                  links: bulletin.links,
                  includeAllGovernors: bulletin.includeAllGovernors,
                  audience: bulletin.audience,
                }}
              />
            </div>
          </section>
        )}
      </div>
    </>
  );
}
