import Link from 'next/link';

/** A plain GET form, so the chosen month is in the address and the report can be bookmarked or shared. */
export function ReportHeader({
  tenant,
  report,
  month,
  title,
}: {
  tenant: string;
  report: 'dcs' | 'commissioner';
  month: string;
  title: string;
}) {
  const download = (format: 'pdf' | 'csv') =>
    `/${tenant}/reports/export?report=${report}&month=${month}&format=${format}`;
  return (
    <div>
      <p>
        <Link href={`/${tenant}/reports`} className="underline">
          Reports
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{title}</h1>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="month" className="block font-medium">
            Month
          </label>
          <input
            id="month"
            name="month"
            type="month"
            defaultValue={month}
            required
            className="mt-1 rounded border border-slate-500 px-2 py-1"
          />
        </div>
        <button type="submit" className="rounded bg-slate-800 px-4 py-2 text-white">
          Show report
        </button>
        <a href={download('pdf')} className="underline">
          Download PDF
        </a>
        <a href={download('csv')} className="underline">
          Download CSV
        </a>
      </form>
    </div>
  );
}

export const ukDate = (iso: string | null) =>
  iso
    ? new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      })
    : '–';
