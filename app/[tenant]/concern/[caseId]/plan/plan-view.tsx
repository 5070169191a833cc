import type { ReactNode } from 'react';
import { ownerKindLabels, ragClasses, ragLabels } from '~/server/casework/labels';
import type { PlanSummary } from '~/server/casework/rules';
import { longDate } from '~/server/format/dates';

export type PlanItemView = {
  id: string;
  priority: string;
  action: string;
  ownerKind: keyof typeof ownerKindLabels;
  ownerName: string;
  milestone: string;
  dueOn: string;
  rag: keyof typeof ragLabels;
  evidence: string;
  reviewOn: string | null;
  completedOn: string | null;
};

/** Counts by RAG and overdue items, as a short list (the school and the LA see the same summary). */
export function PlanSummaryList({ summary }: { summary: PlanSummary }) {
  return (
    <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="plan-summary">
      {(
        [
          ['Red', summary.byRag.red],
          ['Amber', summary.byRag.amber],
          ['Green', summary.byRag.green],
          ['Completed', summary.completed],
          ['Overdue', summary.overdue],
        ] as const
      ).map(([label, n]) => (
        <div key={label} className="rounded border border-slate-300 bg-white p-3">
          <dt className="text-sm font-semibold">{label}</dt>
          <dd className="text-2xl font-bold">{n}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One action of the plan; `actions` holds the officer's forms (none for the school's read-only view). */
export function PlanItemCard({
  item,
  today,
  actions,
}: {
  item: PlanItemView;
  today: string;
  actions?: ReactNode;
}) {
  const overdue = item.completedOn === null && item.dueOn < today;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="plan-item">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-lg font-semibold">
          {item.priority}: {item.action}
        </h3>
        <span className={`rounded border px-2 py-0.5 text-sm font-semibold ${ragClasses[item.rag]}`}>
          <span className="sr-only">RAG rating: </span>
          {item.completedOn ? 'Completed' : ragLabels[item.rag]}
        </span>
      </div>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-semibold">Owner</dt>
        <dd>
          {ownerKindLabels[item.ownerKind]}
          {item.ownerName ? ` — ${item.ownerName}` : ''}
        </dd>
        {item.milestone && (
          <>
            <dt className="font-semibold">Milestone</dt>
            <dd>{item.milestone}</dd>
          </>
        )}
        <dt className="font-semibold">Due</dt>
        <dd>
          {longDate(item.dueOn)}
          {overdue && <strong className="ml-2 text-red-800">Overdue</strong>}
        </dd>
        {item.reviewOn && (
          <>
            <dt className="font-semibold">Review</dt>
            <dd>{longDate(item.reviewOn)}</dd>
          </>
        )}
        {item.completedOn && (
          <>
            <dt className="font-semibold">Completed</dt>
            <dd>{longDate(item.completedOn)}</dd>
          </>
        )}
        <dt className="font-semibold">Evidence</dt>
        <dd>{item.evidence || 'None recorded yet'}</dd>
      </dl>
      {actions}
    </li>
  );
}
