import { ukDate } from './month-picker';

export function InspectionTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { school: string; urn: number; inspectedOn: string; result: string }[];
}) {
  if (rows.length === 0) return <p className="mt-2">No inspections this month.</p>;
  return (
    <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="p-2">
            School
          </th>
          <th scope="col" className="p-2">
            URN
          </th>
          <th scope="col" className="p-2">
            Inspected
          </th>
          <th scope="col" className="p-2">
            Outcome
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((i) => (
          <tr key={`${i.urn}-${i.inspectedOn}`} className="border-t">
            <th scope="row" className="p-2 font-normal">
              {i.school}
            </th>
            <td className="p-2">{i.urn}</td>
            <td className="p-2">{ukDate(i.inspectedOn)}</td>
            <td className="p-2">{i.result}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
