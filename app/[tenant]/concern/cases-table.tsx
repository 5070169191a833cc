'use client';

import type { CaseRow } from './case-rows';
import { DataTable } from '~/app/_components/data-table';
import { Link } from '~/app/_components/link';
import { longDate } from '~/server/format/dates';
import { statusLabels } from './labels';
import { concernRegisterName } from '~/server/concern/register-name';

/**
 * The schools on the SCC register. A client component for the same reason as the visits planner's schedule
 * (app/[tenant]/visits/schedule-table.tsx): the rows travel once, as data, rather than as elements again
 * beside the HTML.
 */
export function CasesTable({
  tenant,
  cases,
  caption,
  leadOfficerTitle,
}: {
  tenant: string;
  cases: CaseRow[];
  caption: string;
  leadOfficerTitle: string;
}) {
  return (
    <DataTable
      className="mt-3"
      caption={caption}
      hideCaption
      rows={cases}
      rowKey={(c) => c.caseId}
      alignTop
      rowTestId="concern-case"
      empty={`No schools are on the ${concernRegisterName(caption)}.`}
      emptyClassName="mt-2"
      columns={[
        {
          header: 'School',
          cell: (c) => (
            <>
              <Link href={`/${tenant}/concern/${c.caseId}`} className="text-brand-dark underline">
                {c.schoolName}
              </Link>
              <span className="block text-slate-700">
                {`URN ${c.urn}${c.academy ? ' · academy (monitoring only)' : ''}`}
              </span>
            </>
          ),
        },
        { header: 'Status', cell: (c) => statusLabels[c.status] },
        {
          header: 'Triggers met',
          cell: (c) =>
            c.triggers.length === 0 ? (
              'None recorded'
            ) : (
              <ul className="list-disc pl-4">
                {c.triggers.map((t) => (
                  <li key={t.key}>
                    <span className="font-semibold">{t.label}</span>: {t.evidence.join(' ')}
                  </li>
                ))}
              </ul>
            ),
        },
        { header: 'LA category', cell: (c) => c.laCategory ?? '—' },
        { header: leadOfficerTitle, cell: (c) => c.leadOfficerName ?? 'Not appointed' },
        { header: 'Days on register', align: 'right', cell: (c) => c.daysOnRegister },
        { header: 'Next review', cell: (c) => (c.nextReviewOn ? longDate(c.nextReviewOn) : '—') },
      ]}
    />
  );
}
