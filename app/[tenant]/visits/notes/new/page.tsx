import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { guard, loadWorkspace } from '../../../../_lib/server-api';
import { NoteForm } from '../note-form';

export const metadata: Metadata = { title: 'Write a note of visit' };

export default async function NewNoteOfVisitPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ visit?: string }>;
}) {
  const { tenant } = await params;
  const { visit } = await searchParams;
  const { api } = await loadWorkspace(tenant);
  const plannedVisitId = visit && /^[0-9a-f-]{36}$/.test(visit) ? visit : undefined;
  const options = await guard(api.notesOfVisit.formOptions({ plannedVisitId }));
  return (
    <div>
      <p>
        <Link href={`/${tenant}/visits/notes`} className="text-brand-dark underline">
          Back to notes of visit
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Write a note of visit</h1>
      <p className="mt-2 text-slate-700">
        Save it as a draft, then send it to the headteacher to agree from the note’s page.
      </p>
      <NoteForm
        tenant={tenant}
        schools={options.schools}
        plannedVisit={options.plannedVisit}
        judgementScale={options.judgementScale}
        sevFocusAreas={options.sevFocusAreas}
      />
    </div>
  );
}
