import { DataTable } from '~/app/_components/data-table';
import { RequestDecision } from './people-forms';
import { shortDate } from '~/server/format/dates';

type Request = {
  id: string;
  name: string;
  email: string;
  jobTitle: string;
  message: string;
  schoolName: string;
  createdAt: Date;
};

/** Requests to join a school waiting for an answer, each with Approve and Decline. */
export function AccessRequests({ requests }: { requests: Request[] }) {
  return (
    <section aria-labelledby="requests" className="mt-8">
      <h2 id="requests" className="text-2xl font-semibold">
        Requests to join
      </h2>
      <DataTable
        className="mt-3"
        caption="Requests to join a school, waiting for an answer"
        hideCaption
        rows={requests}
        rowKey={(r) => r.id}
        empty="No requests are waiting."
        columns={[
          {
            header: 'Name',
            rowHeader: true,
            cell: (r) => (
              <>
                {r.name}
                <span className="block text-slate-700">{r.email}</span>
              </>
            ),
          },
          { header: 'Job title', cell: (r) => r.jobTitle },
          { header: 'School', cell: (r) => r.schoolName },
          { header: 'Message', cell: (r) => r.message || '–' },
          { header: 'Asked', cell: (r) => shortDate(r.createdAt) },
          { header: 'Answer', cell: (r) => <RequestDecision requestId={r.id} name={r.name} /> },
        ]}
      />
    </section>
  );
}
