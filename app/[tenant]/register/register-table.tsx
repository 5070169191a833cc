'use client';

import type { RegisterTableRow } from './register-rows';
import { DataTable } from '~/app/_components/data-table';
import { Link } from '~/app/_components/link';

/** One formatter for the table, not one per school. */
const wholeNumber = new Intl.NumberFormat('en-GB');

/**
 * The register's schools. A client component for the same reason as the visits planner's schedule
 * (app/[tenant]/visits/schedule-table.tsx): at 450 schools the rows travel once, as data, rather than as
 * elements again beside the HTML.
 */
export function RegisterTable({
  tenant,
  rows,
  linkAdviserTitle,
}: {
  tenant: string;
  rows: RegisterTableRow[];
  linkAdviserTitle: string;
}) {
  return (
    <DataTable
      className="mt-2"
      caption="Schools on the register"
      hideCaption
      rows={rows}
      rowKey={(r) => r.schoolId}
      alignTop
      rowTestId="register-row"
      empty="No schools match these filters."
      columns={[
        {
          header: 'School',
          cell: (r) => (
            <>
              <Link
                href={`/${tenant}/register/${r.schoolId}`}
                className="font-semibold text-brand-dark underline"
              >
                {r.name}
              </Link>
              <span className="block text-slate-700">URN {r.urn}</span>
            </>
          ),
        },
        {
          header: 'Type and phase',
          cell: (r) => (
            <>
              {r.type}
              <span className="block text-slate-700">
                {r.governance === 'academy' ? 'Academy' : 'Maintained'} · {r.phase}
                {r.hasSixthForm ? ' · sixth form' : ''}
              </span>
            </>
          ),
        },
        {
          header: 'Pupils',
          align: 'right',
          cell: (r) => (r.pupils === null ? '—' : wholeNumber.format(r.pupils)),
        },
        {
          header: 'LA category',
          cell: (r) => (
            <>
              {r.laCategoryLabel}
              {r.causingConcern && <span className="block font-semibold text-red-800">Causing concern</span>}
            </>
          ),
        },
        {
          header: 'Latest Ofsted',
          cell: (r) => (
            <>
              {r.ofsted}
              {r.ofstedLines.length > 0 && (
                <ul className="mt-1 text-xs text-slate-700">
                  {r.ofstedLines.map((line) => (
                    <li key={line.label}>
                      {line.label}: {line.value}
                    </li>
                  ))}
                </ul>
              )}
            </>
          ),
        },
        {
          header: linkAdviserTitle,
          cell: (r) => (
            <>
              {r.linkAdviserName ?? 'None'}
              {r.secondAdviserName && (
                <span className="block text-slate-700">with {r.secondAdviserName}</span>
              )}
            </>
          ),
        },
      ]}
    />
  );
}
