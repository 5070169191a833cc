import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { DataTable } from '~/app/_components/data-table';
import { londonDate } from '~/server/governance/labels';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { BulletinForm } from './bulletin-forms';

export const metadata: Metadata = { title: 'Governor bulletins' };

const linkClass = 'text-brand-dark underline';

/** The termly bulletins: those sent (when, to how many) and drafts, and the form to write the next one. */
export default async function BulletinsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api } = await loadWorkspace(tenant);
  const bulletins = await guard(api.governance.bulletins());
  return (
    <div className="space-y-10">
      <div>
        <p>
          <Link className={linkClass} href={`/${tenant}/governance`}>
            Governance
          </Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">Governor bulletins</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          Write the termly bulletin once; it goes by email to the chairs and clerks (or every governor) of the
          schools that subscribe to governor services this year. Every email has a one-click unsubscribe link,
          and unsubscribed addresses are skipped.
        </p>
      </div>
      <section aria-labelledby="sent">
        <h2 id="sent" className="text-2xl font-semibold">
          Bulletins
        </h2>
        <DataTable
          className="mt-3"
          caption="Governor bulletins, newest first"
          hideCaption
          rows={bulletins}
          rowKey={(b) => b.id}
          rowTestId="bulletin-row"
          columns={[
            {
              header: 'Title',
              rowHeader: true,
              cell: (b) => (
                <Link className={linkClass} href={`/${tenant}/governance/bulletins/${b.id}`}>
                  {b.title}
                </Link>
              ),
            },
            { header: 'Sent', cell: (b) => (b.sentAt ? londonDate(b.sentAt) : 'Draft, not sent') },
            { header: 'Recipients', align: 'right', cell: (b) => b.recipients },
            {
              header: 'Skipped',
              cell: (b) =>
                b.sentAt ? `${b.skippedUnsubscribed} unsubscribed, ${b.skippedNoEmail} no email` : '—',
            },
          ]}
          empty="No bulletins yet. Write the first one below."
        />
      </section>
      <section aria-labelledby="compose" className="max-w-3xl">
        <h2 id="compose" className="text-2xl font-semibold">
          Write a bulletin
        </h2>
        <p className="mt-1 text-slate-700">It is saved as a draft so you can preview it before sending.</p>
        <div className="mt-4">
          <>
            <BulletinForm tenant={tenant} />
          </>
        </div>
      </section>
    </div>
  );
}
