import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { DataTable } from '../../../../_components/data-table';
import { guard, loadWorkspace } from '../../../../_lib/server-api';

export const metadata: Metadata = { title: 'Course evaluations' };

const dateTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium' });
const rating = (value: number | null) => (value === null ? '–' : value.toFixed(1));

/** The manager's view of one course's evaluations: averages, response rate and comments. */
export default async function CourseEvaluationsPage({
  params,
}: {
  params: Promise<{ tenant: string; courseId: string }>;
}) {
  const { tenant, courseId } = await params;
  const { api } = await loadWorkspace(tenant);
  const results = await guard(api.courses.evaluations({ courseId }));
  const { course, questions, averages } = results;
  return (
    <div className="max-w-3xl">
      <p>
        <Link href={`/${tenant}/courses/${course.id}`} className="underline">
          Back to {course.title}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Evaluations: {course.title}</h1>
      <p className="mt-2">
        {results.responses} of {results.requested} delegates asked have answered
        {results.responseRatePercent === null ? '' : ` (${results.responseRatePercent}%)`}.
      </p>
      <DataTable
        caption="Average ratings, 1 (poor) to 5 (excellent)"
        rows={[...questions]}
        rowKey={(q) => q.key}
        columns={[
          { header: 'Question', cell: (q) => q.label, rowHeader: true },
          { header: 'Average', cell: (q) => rating(averages[q.key]), align: 'right' },
        ]}
      />
      <h2 className="mt-8 text-xl font-semibold">Comments ({results.comments.length})</h2>
      {results.comments.length === 0 ? (
        <p className="mt-2">No comments yet.</p>
      ) : (
        <ul className="mt-2 space-y-3">
          {results.comments.map((c, i) => (
            <li key={i} className="rounded border border-slate-300 p-3">
              <p className="whitespace-pre-line">{c.text}</p>
              <p className="mt-1 text-sm text-slate-700">{dateTime.format(c.submittedAt)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
