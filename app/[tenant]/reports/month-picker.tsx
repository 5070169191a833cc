import { Link } from '~/app/_components/link';
import { FilterForm, FilterInput } from '~/app/_components/filter-form';

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
      <FilterForm
        submit="Show report"
        actions={
          <>
            <a href={download('pdf')} className="underline">
              Download PDF
            </a>
            <a href={download('csv')} className="underline">
              Download CSV
            </a>
          </>
        }
      >
        <FilterInput name="month" label="Month" type="month" defaultValue={month} required width="" />
      </FilterForm>
    </div>
  );
}
