import { longDate } from '~/server/format/dates';

/** Words and badges shared by the commissioning pages (server components only). */

export const statusLabels: Record<string, string> = {
  active: 'Active',
  ended: 'Ended',
  revoked: 'Revoked',
};

export const days = (hundredths: number) =>
  (hundredths / 100).toLocaleString('en-GB', { maximumFractionDigits: 2 });

export const period = (startsOn: string, endsOn: string) => `${longDate(startsOn)} to ${longDate(endsOn)}`;

const ragStyles: Record<string, string> = {
  red: 'bg-red-100 text-red-900 border-red-700',
  amber: 'bg-amber-100 text-amber-900 border-amber-700',
  green: 'bg-green-100 text-green-900 border-green-700',
};

/** A RAG rating as a word in a coloured badge (never colour alone). */
export function RagBadge({ rag }: { rag: string | null }) {
  if (!rag) return <span>Not yet rated</span>;
  return (
    <span className={`rounded border px-2 py-0.5 text-sm font-semibold ${ragStyles[rag] ?? ''}`}>
      {rag.charAt(0).toUpperCase() + rag.slice(1)}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className="rounded bg-slate-100 px-2 py-0.5 text-sm font-semibold">
      {statusLabels[status] ?? status}
    </span>
  );
}
