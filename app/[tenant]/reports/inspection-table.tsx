import { DataTable } from '~/app/_components/data-table';
import { longDate } from '~/server/format/dates';

/** Results published in the month (results are recorded after publication, weeks after the inspection). */
export function InspectionTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { school: string; urn: number; inspectedOn: string; publishedOn: string; result: string }[];
}) {
  return (
    <DataTable
      caption={caption}
      hideCaption
      className="mt-2"
      rows={rows}
      rowKey={(i) => `${i.urn}-${i.inspectedOn}`}
      empty="No inspection reports published this month."
      columns={[
        { header: 'School', cell: (i) => i.school, rowHeader: true },
        { header: 'URN', cell: (i) => i.urn },
        { header: 'Inspected', cell: (i) => longDate(i.inspectedOn) },
        { header: 'Report published', cell: (i) => longDate(i.publishedOn) },
        { header: 'Outcome', cell: (i) => i.result },
      ]}
    />
  );
}

export function StandardsFacts({
  s,
}: {
  s: {
    maintainedSchools: number;
    goodOrBetter: number;
    goodOrBetterPct: number;
    pupils: number;
    pupilsInGoodOrBetter: number;
    pupilsPct: number;
    academies: number;
  };
}) {
  return (
    <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-2">
      <dt className="font-medium">Maintained schools</dt>
      <dd>{s.maintainedSchools}</dd>
      <dt className="font-medium">Good or better at latest inspection</dt>
      <dd>
        {s.goodOrBetter} ({s.goodOrBetterPct}%)
      </dd>
      <dt className="font-medium">Pupils in good or better maintained schools</dt>
      <dd>
        {s.pupilsInGoodOrBetter.toLocaleString('en-GB')} of {s.pupils.toLocaleString('en-GB')} ({s.pupilsPct}
        %)
      </dd>
      <dt className="font-medium">Academies and free schools</dt>
      <dd>{s.academies}</dd>
    </dl>
  );
}
