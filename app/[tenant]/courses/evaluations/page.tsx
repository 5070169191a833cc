import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { DataTable } from '../../../_components/data-table';
import { guard, loadWorkspace } from '../../../_lib/server-api';

export const metadata: Metadata = { title: 'Evaluations by facilitator' };

const rating = (value: number | null) => (value === null ? '–' : value.toFixed(1));

/** Evaluations by facilitator, across every course each has led. */
export default async function FacilitatorEvaluationsPage({
  params,
}: {
  params: Promise<{ tenant: string }>;
}) {
  const { tenant } = await params;
  const { api } = await loadWorkspace(tenant);
  const { questions, facilitators } = await guard(api.courses.facilitatorEvaluations({}));
  return (
    <div>
      <p>
        <Link href={`/${tenant}/courses`} className="underline">
          All courses
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Evaluations by facilitator</h1>
      <p className="mt-2">
        Average ratings from 1 (poor) to 5 (excellent), over every evaluation of their courses.
      </p>
      <DataTable
        caption="Evaluations by facilitator"
        hideCaption
        rows={facilitators}
        rowKey={(f) => f.name}
        empty="No evaluations yet."
        columns={[
          { header: 'Facilitator', cell: (f) => f.name, rowHeader: true },
          { header: 'Courses', cell: (f) => f.courses, align: 'right' },
          { header: 'Responses', cell: (f) => f.responses, align: 'right' },
          ...questions.map((q) => ({
            header: q.label.replace(/^The /, '').replace(/^./, (c) => c.toUpperCase()),
            cell: (f: (typeof facilitators)[number]) => rating(f.averages[q.key]),
            align: 'right' as const,
          })),
        ]}
      />
    </div>
  );
}
