import type { Metadata } from 'next';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { SchoolNotesForm } from './school-notes-form';

export const metadata: Metadata = { title: 'School' };

export default async function SchoolPage({ params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant, id } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  const school = await guard(api.schools.byId({ id }));
  const mayEditNotes = workspace.roles.some(
    (r) => r === 'tenant_admin' || r === 'adviser' || r === 'la_officer',
  );
  return (
    <div>
      <h1 className="text-3xl font-bold">{school.name}</h1>
      <dl className="mt-4 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <dt className="font-semibold">URN</dt>
        <dd>{school.urn}</dd>
        <dt className="font-semibold">LAESTAB</dt>
        <dd>
          {school.laCode}/{school.establishmentNumber}
        </dd>
        <dt className="font-semibold">Local authority</dt>
        <dd>{school.laName}</dd>
        <dt className="font-semibold">Type</dt>
        <dd>
          {school.type} ({school.typeGroup})
        </dd>
        <dt className="font-semibold">Phase</dt>
        <dd>{school.phase}</dd>
        <dt className="font-semibold">Pupils</dt>
        <dd>{school.numberOfPupils?.toLocaleString('en-GB') ?? 'Not known'}</dd>
        <dt className="font-semibold">Headteacher</dt>
        <dd>{school.headteacherName ?? 'Not known'}</dd>
        <dt className="font-semibold">Address</dt>
        <dd>{[school.street, school.town, school.postcode].filter(Boolean).join(', ')}</dd>
        <dt className="font-semibold">Status</dt>
        <dd>{school.status === 'open' ? 'Open' : 'Closed'}</dd>
      </dl>
      {mayEditNotes ? (
        <SchoolNotesForm schoolId={school.id} initialNotes={school.notes ?? ''} />
      ) : (
        school.notes && <p className="mt-4 whitespace-pre-wrap">{school.notes}</p>
      )}
    </div>
  );
}
