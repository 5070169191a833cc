import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { forbidden } from 'next/navigation';
import { academicYearLabel, academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { termDatesSource, termDatesUses } from '~/server/calendar/term-dates-words';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { TermDatesForm } from './term-dates-form';

export const metadata: Metadata = { title: 'Term dates' };

/** How many earlier years can be opened: an induction begun up to three years ago still counts its terms. */
const earlierYears = 3;

/**
 * The workspace's term dates for this year and next, which the manager sets from the LA's calendar, and an
 * earlier year on asking (`?year=2025`): an ECT registered late, or a part-time induction, counts terms served
 * in years before this one.
 */
export default async function TermDatesPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ year?: string }>;
}) {
  const { tenant } = await params;
  const { year } = await searchParams;
  const { api, workspace } = await loadWorkspace(tenant);
  if (!workspace.roles.includes('tenant_admin')) forbidden();
  const thisYear = academicYearOf(todayInLondon());
  const { kind, modules } = workspace.tenant;
  const uses = termDatesUses(kind, modules);
  const earlier = Array.from({ length: earlierYears }, (_, k) => thisYear - 1 - k);
  const asked = earlier.find((y) => String(y) === year);
  const years = await Promise.all(
    [...(asked ? [asked] : []), thisYear, thisYear + 1].map((academicYear) =>
      guard(api.calendar.termDates({ academicYear })),
    ),
  );
  return (
    <div>
      <h1 className="text-3xl font-bold">Term dates</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{termDatesSource(kind, workspace.tenant.laCodes)}</p>
      {uses.length > 0 ? (
        <>
          <p className="mt-2 max-w-3xl text-slate-700">What they decide in this workspace:</p>
          <ul className="mt-1 max-w-3xl list-disc space-y-1 pl-6 text-slate-700">
            {uses.map((use) => (
              <li key={use}>{use}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-2 max-w-3xl text-slate-700">
          None of this workspace’s modules counts in terms at present, so these dates change nothing yet.
        </p>
      )}
      <nav aria-label="Earlier years" className="mt-4 text-slate-700">
        Set an earlier year’s dates:{' '}
        {earlier.map((y, k) => (
          <span key={y}>
            {k > 0 ? ' · ' : ''}
            <Link
              href={`/${tenant}/term-dates?year=${y}`}
              aria-current={y === asked ? 'page' : undefined}
              className="text-brand-dark underline"
            >
              {academicYearLabel(y)}
            </Link>
          </span>
        ))}
      </nav>
      <div className="mt-6 space-y-10">
        {years.map((dates) => (
          <section key={dates.academicYear} aria-labelledby={`year-${dates.academicYear}`}>
            <h2 id={`year-${dates.academicYear}`} className="text-2xl font-semibold">
              {academicYearLabel(dates.academicYear)}
            </h2>
            <p className="mt-1" data-testid={`source-${dates.academicYear}`}>
              {dates.source === 'tenant'
                ? 'Set for this workspace.'
                : 'Not set yet: these are estimated from the usual pattern around Christmas and Easter.'}
            </p>
            <TermDatesForm
              academicYear={dates.academicYear}
              yearLabel={academicYearLabel(dates.academicYear)}
              terms={dates.terms}
            />
          </section>
        ))}
      </div>
    </div>
  );
}
