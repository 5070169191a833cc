import { countOf } from '~/server/format/plural';
import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { notFound } from 'next/navigation';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { subjectFromQuery, subjectQuery } from '../subject-query';
import { EraseForm } from './erase-form';

export const metadata: Metadata = { title: 'Personal data: person' };

/** One person: what is held (downloads), and erasure with what the law keeps said up front. */
export default async function PersonPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tenant } = await params;
  const subject = subjectFromQuery(await searchParams);
  if (!subject) notFound();
  const { api } = await loadWorkspace(tenant);
  const person = await guard(api.personalData.person({ subject }));
  const query = subjectQuery(person);
  const { verdict } = person;
  return (
    <div>
      <p>
        <Link href={`/${tenant}/personal-data`} className="text-brand-dark underline">
          Personal data
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{person.name}</h1>
      <dl className="mt-4 grid max-w-xl grid-cols-[10rem_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">Held as</dt>
        <dd>{person.kindLabel}</dd>
        <dt className="font-semibold">Email</dt>
        <dd>{person.email || 'None held'}</dd>
        {person.boardRecords && (
          <>
            <dt className="font-semibold">Board meetings</dt>
            <dd>
              {person.boardRecords.meetings === 0
                ? 'None recorded'
                : `Marked or expected at ${countOf(person.boardRecords.meetings, 'meeting')}`}
            </dd>
            <dt className="font-semibold">Committees</dt>
            <dd>{person.boardRecords.committees.join(', ') || 'None'}</dd>
          </>
        )}
        {person.trn && (
          <>
            <dt className="font-semibold">TRN</dt>
            <dd>{person.trn}</dd>
          </>
        )}
        {person.registrations > 0 && (
          <>
            <dt className="font-semibold">ECT registrations</dt>
            <dd>
              {countOf(person.registrations, 'registration')} sent by a school for checking (an erasure
              removes them, withdrawing one still awaiting the Appropriate Body)
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="export" className="mt-8">
        <h2 id="export" className="text-2xl font-semibold">
          Everything held (subject access)
        </h2>
        <p className="mt-2 max-w-3xl">
          Their records across the workspace: induction periods, reviews, assessments, support plans and
          outcomes; governor appointments, business interests, training, committees and attendance at board
          meetings; course places, attendance and evaluations; schools’ ECT registrations sent for checking;
          emails sent to them; and charges and invoice lines that name them. Each download is recorded in the
          audit log.
        </p>
        <ul className="mt-3 flex flex-wrap gap-6">
          <li>
            <a
              href={`/${tenant}/personal-data/export?${query}&format=json`}
              className="font-semibold text-brand-dark underline"
            >
              Download as JSON
            </a>
          </li>
          <li>
            <a
              href={`/${tenant}/personal-data/export?${query}&format=pdf`}
              className="font-semibold text-brand-dark underline"
            >
              Download as PDF
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="erase" className="mt-10">
        <h2 id="erase" className="text-2xl font-semibold">
          Erase on request
        </h2>
        {person.erased ? (
          <p className="mt-2">This person’s personal data has already been erased.</p>
        ) : verdict.allowed ? (
          <>
            <p className="mt-2 max-w-3xl">
              {verdict.scope === 'full'
                ? 'Their name, contact details, interests and what they wrote are replaced with a placeholder such as “Erased person 1a2b”. Rows other records depend on stay, anonymised.'
                : 'Only their contact data is anonymised: email, date of birth, previous-induction notes, absence reasons, course places, evaluations and emails.'}
            </p>
            <ul className="mt-2 max-w-3xl list-disc space-y-1 pl-6">
              {[...verdict.keeps, ...person.notes].map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
            <EraseForm tenant={tenant} subject={subject} name={person.name} />
          </>
        ) : (
          <div className="mt-2 max-w-3xl rounded border-l-4 border-amber-600 bg-amber-50 p-4" role="note">
            <p className="font-semibold">This person cannot be erased now.</p>
            <p className="mt-1">
              {person.name} {verdict.reason}
            </p>
          </div>
        )}
      </section>
    </div>
  );
}
