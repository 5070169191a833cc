import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { notFound } from 'next/navigation';
import { guard, loadWorkspace } from '../../../../../_lib/server-api';
import { RagBadge } from '../../../commissioning-format';
import { DataTable } from '~/app/_components/data-table';
import { longDate } from '~/server/format/dates';

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export const metadata: Metadata = { title: 'School causing concern' };

const caseStatusLabels: Record<string, string> = {
  candidate: 'Being considered',
  designated: 'Designated as causing concern',
  removed: 'Removed from the list',
  not_designated: 'Not designated',
};
const ownerLabels: Record<string, string> = {
  school: 'School',
  la: 'Local authority',
  provider: 'Provider',
  broker: 'Broker',
};

/** A covered school's SCC case and action plan, read-only, for the provider's manager or assigned partner. */
export default async function CommissionedSchoolPage({
  params,
}: {
  params: Promise<{ tenant: string; contractId: string; schoolId: string }>;
}) {
  const { tenant, contractId, schoolId } = await params;
  if (!isUuid(contractId) || !isUuid(schoolId)) notFound();
  const { api } = await loadWorkspace(tenant);
  const summary = await guard(api.commissioning.sccSummary({ contractId, schoolId }));
  const scc = summary.case;
  return (
    <div>
      <p>
        <Link href={`/${tenant}/commissioning/${contractId}`} className="text-brand-dark underline">
          Back to {summary.contractTitle}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{summary.schoolName}</h1>
      <p className="mt-2 text-slate-700">
        URN {summary.urn}. Shared read-only by {summary.laName} under the contract while it covers this
        school.
      </p>

      <section aria-labelledby="case" className="mt-8">
        <h2 id="case" className="text-2xl font-semibold">
          Cause for concern
        </h2>
        {!scc ? (
          <p className="mt-2">{summary.laName} has no case open for this school.</p>
        ) : (
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1" data-testid="scc-case">
            <dt className="font-semibold">Status</dt>
            <dd>{caseStatusLabels[scc.status] ?? scc.status}</dd>
            <dt className="font-semibold">Identified</dt>
            <dd>{longDate(scc.identifiedOn)}</dd>
            {scc.designatedOn && (
              <>
                <dt className="font-semibold">Designated</dt>
                <dd>{longDate(scc.designatedOn)}</dd>
              </>
            )}
            <dt className="font-semibold">Concerns</dt>
            <dd>{scc.concerns || 'None recorded'}</dd>
            {scc.nextReviewOn && (
              <>
                <dt className="font-semibold">Next review</dt>
                <dd>{longDate(scc.nextReviewOn)}</dd>
              </>
            )}
          </dl>
        )}
      </section>

      {summary.plans.map((plan) => (
        <section key={plan.id} aria-labelledby={`plan-${plan.id}`} className="mt-8">
          <h2 id={`plan-${plan.id}`} className="text-2xl font-semibold">
            {plan.title}
          </h2>
          <DataTable
            className="mt-3"
            caption={`Actions in ${plan.title}`}
            hideCaption
            rows={plan.items}
            rowKey={(item) => item.id}
            rowTestId="plan-item"
            empty="No actions yet."
            emptyClassName="mt-2"
            columns={[
              { header: 'Priority', cell: (item) => item.priority },
              { header: 'Action', cell: (item) => item.action },
              {
                header: 'Owner',
                cell: (item) =>
                  `${ownerLabels[item.ownerKind] ?? item.ownerKind}${item.ownerName ? `: ${item.ownerName}` : ''}`,
              },
              { header: 'Milestone', cell: (item) => item.milestone },
              {
                header: 'Due',
                className: 'whitespace-nowrap',
                cell: (item) =>
                  `${longDate(item.dueOn)}${item.completedOn ? ` (done ${longDate(item.completedOn)})` : ''}`,
              },
              { header: 'RAG', cell: (item) => <RagBadge rag={item.rag} /> },
            ]}
          />
        </section>
      ))}
    </div>
  );
}
