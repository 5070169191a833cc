import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { notFound } from 'next/navigation';
import { contentForForm } from '~/server/notes-of-visit/content';
import { chairWording, statusLabel, versionEventLabels } from '~/server/notes-of-visit/labels';
import { guard, loadWorkspace } from '../../../../_lib/server-api';
import { NoteContentView } from '../note-content';
import { NoteForm } from '../note-form';
import { WorkflowActions } from '../workflow-actions';
import { longDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'Note of visit' };

export default async function NoteOfVisitPage({
  params,
}: {
  params: Promise<{ tenant: string; id: string }>;
}) {
  const { tenant, id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const { api, workspace } = await loadWorkspace(tenant);
  const note = await guard(api.notesOfVisit.byId({ id }));
  const locked = note.status === 'agreed' || note.status === 'shared';
  const adviserTitle = workspace.tenant.settings?.linkAdviserTitle;
  return (
    <div>
      <p>
        <Link href={`/${tenant}/visits/notes`} className="text-brand-dark underline">
          Back to notes of visit
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Note of visit: {note.schoolName}</h1>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">School</dt>
        <dd>
          {note.schoolName} (URN {note.urn})
        </dd>
        <dt className="font-semibold">Date of visit</dt>
        <dd>{longDate(note.visitedOn)}</dd>
        <dt className="font-semibold">Adviser</dt>
        <dd>
          {note.adviserName}
          {adviserTitle ? `, ${adviserTitle}` : ''}
        </dd>
        <dt className="font-semibold">Status</dt>
        <dd data-testid="note-status">
          {statusLabel(note.status, note.typeGroup)}
          {note.version > 0 ? ` (version ${note.version})` : ''}
        </dd>
      </dl>

      {locked && note.agreedAt && (
        <div className="mt-4 rounded border-l-4 border-green-700 bg-green-50 p-4" data-testid="note-locked">
          <p className="font-semibold">
            Agreed by {note.agreedByName ?? 'the headteacher'} on {longDate(note.agreedAt)} (version{' '}
            {note.version}).
          </p>
          <p>This note is locked and can no longer be changed.</p>
          {note.sharedAt && (
            <p>
              Shared with {chairWording(note.typeGroup)} on {longDate(note.sharedAt)}.
            </p>
          )}
        </div>
      )}
      {note.status === 'commented' && note.headteacherComment && (
        <div className="mt-4 rounded border-l-4 border-amber-600 bg-amber-50 p-4">
          <p className="font-semibold">The headteacher’s comments</p>
          <p className="whitespace-pre-line">{note.headteacherComment}</p>
        </div>
      )}

      <p className="mt-4">
        <a href={`/${tenant}/visits/notes/${note.id}/pdf`} className="text-brand-dark underline">
          Download the note as a PDF
        </a>
      </p>

      <WorkflowActions
        noteId={note.id}
        can={note.can}
        shareLabel={`Share with ${chairWording(note.typeGroup)}`}
      />

      <section aria-labelledby="note-heading" className="mt-8">
        <h2 id="note-heading" className="text-2xl font-semibold">
          The note
        </h2>
        <div className="mt-3">
          <NoteContentView content={note.content} idPrefix="current" />
        </div>
      </section>

      {note.can.edit && (
        <section aria-labelledby="edit-heading" className="mt-10 border-t border-slate-300 pt-6">
          <h2 id="edit-heading" className="text-2xl font-semibold">
            {note.status === 'commented' ? 'Revise the note' : 'Edit the note'}
          </h2>
          <NoteForm
            tenant={tenant}
            judgementScale={note.judgementScale}
            sevFocusAreas={note.sevFocusAreas}
            note={{ id: note.id, visitedOn: note.visitedOn, content: contentForForm(note.content) }}
          />
        </section>
      )}

      <section aria-labelledby="history-heading" className="mt-10 border-t border-slate-300 pt-6">
        <h2 id="history-heading" className="text-2xl font-semibold">
          Version history
        </h2>
        {note.versions.length === 0 ? (
          <p className="mt-2">Not sent to the headteacher yet.</p>
        ) : (
          <ol className="mt-3 space-y-3">
            {note.versions.map((v) => (
              <li key={`${v.version}-${v.event}`} className="rounded border border-slate-200 bg-white p-3">
                <p>
                  <strong>
                    Version {v.version}: {versionEventLabels[v.event] ?? v.event}
                  </strong>
                  {v.byName ? ` by ${v.byName}` : ''} on {longDate(v.createdAt)}
                </p>
                {v.headteacherComment && (
                  <p className="mt-1 whitespace-pre-line">
                    <span className="font-semibold">Comments:</span> {v.headteacherComment}
                  </p>
                )}
                {v.event === 'sent' && (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-brand-dark underline">
                      What was sent in version {v.version}
                    </summary>
                    <div className="mt-2">
                      <NoteContentView content={v.content} idPrefix={`v${v.version}`} />
                    </div>
                  </details>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
