import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { DataTable } from '~/app/_components/data-table';
import { FilterForm, FilterInput } from '~/app/_components/filter-form';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { subjectQuery } from './subject-query';
import { longDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'Personal data' };

const kindLabels = { ect: 'ECT', governor: 'Governor', delegate: 'Course delegate' } as const;

/** Subject access and erasure: find a person, open what is held about them; the retention periods; the log. */
export default async function PersonalDataPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ q?: string; erased?: string }>;
}) {
  const { tenant } = await params;
  const { q = '', erased } = await searchParams;
  const { api } = await loadWorkspace(tenant);
  const [found, erasures, retention] = await Promise.all([
    q.trim().length >= 2 ? guard(api.personalData.search({ query: q })) : Promise.resolve(null),
    guard(api.personalData.erasures()),
    guard(api.personalData.retention()),
  ]);
  return (
    <div>
      <h1 className="text-3xl font-bold">Personal data</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        ECTs, governors and course delegates can ask for everything this workspace holds about them, and ask
        for it to be erased. Find the person by name, email or TRN, then download their data (JSON or PDF) or
        erase it. Invoices, the audit log and records the law requires are kept; the person&apos;s page says
        which.
      </p>

      {erased && (
        <p role="status" className="mt-4 max-w-3xl rounded border-l-4 border-green-700 bg-green-50 p-4">
          {erased}
        </p>
      )}

      <FilterForm label="Find a person" search submit="Search" clearHref={`/${tenant}/personal-data`}>
        <FilterInput name="q" label="Name, email or TRN" defaultValue={q} />
      </FilterForm>

      {found && (
        <section aria-labelledby="found" className="mt-6">
          <h2 id="found" className="text-2xl font-semibold">
            People matching “{q}”
          </h2>
          <DataTable
            caption={`People matching ${q}`}
            hideCaption
            rows={found}
            rowKey={(p) => `${p.kind}-${p.id ?? p.email}`}
            columns={[
              {
                header: 'Name',
                rowHeader: true,
                cell: (p) => (
                  <Link
                    href={`/${tenant}/personal-data/person?${subjectQuery(p)}`}
                    className="font-semibold text-brand-dark underline"
                  >
                    {p.name || p.email}
                  </Link>
                ),
              },
              { header: 'Email', cell: (p) => p.email || 'None held' },
              { header: 'Held as', cell: (p) => kindLabels[p.kind] },
              { header: 'Where', cell: (p) => p.detail },
            ]}
            empty="Nobody you can act for matches. ECTs are found by the Appropriate Body’s officers, governors by governance officers, others by the manager."
          />
        </section>
      )}

      <section aria-labelledby="retention" className="mt-10">
        <h2 id="retention" className="text-2xl font-semibold">
          Retention periods
        </h2>
        <ul className="mt-2 list-disc pl-6">
          <li>Governors: {retention.governorYears} years after they step down</li>
          <li>ECT induction records: {retention.ectYears} years after the induction ends</li>
          <li>Course delegates: {retention.delegateYears} years after the course</li>
        </ul>
        <p className="mt-2">
          {retention.isDefault ? 'These are the defaults. ' : ''}
          Every night the retention job anonymises what has been kept longer.{' '}
          <Link
            href={`/${tenant}/personal-data/retention`}
            className="font-semibold text-brand-dark underline"
          >
            Retention settings
          </Link>
        </p>
      </section>

      <section aria-labelledby="log" className="mt-10">
        <h2 id="log" className="text-2xl font-semibold">
          Erasure log
        </h2>
        <DataTable
          caption="Erasure log"
          hideCaption
          rows={erasures}
          rowKey={(e) => e.id}
          columns={[
            { header: 'Date', cell: (e) => longDate(e.createdAt) },
            { header: 'Now shown as', rowHeader: true, cell: (e) => e.placeholder },
            { header: 'Held as', cell: (e) => kindLabels[e.subjectKind] },
            { header: 'Scope', cell: (e) => (e.scope === 'full' ? 'Everything' : 'Contact data only') },
            { header: 'Reason', cell: (e) => e.reason },
            {
              header: 'By',
              cell: (e) =>
                e.by ?? (e.byLabel === 'job:personal-data-retention' ? 'Retention job' : e.byLabel),
            },
          ]}
          empty="Nothing has been erased yet."
        />
      </section>
    </div>
  );
}
