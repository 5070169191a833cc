'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '../../../_lib/trpc-client';

export function SchoolNotesForm({ schoolId, initialNotes }: { schoolId: string; initialNotes: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [notes, setNotes] = useState(initialNotes);
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.schools.updateNotes.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        router.refresh();
      },
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate({ id: schoolId, notes });
  }

  const error = save.error?.data?.fieldErrors?.notes?.[0] ?? save.error?.message;
  return (
    <form onSubmit={onSubmit} className="mt-6 max-w-2xl">
      <label htmlFor="notes" className="block text-lg font-semibold">
        Workspace notes
      </label>
      <p id="notes-hint" className="text-sm text-slate-700">
        Only people in this workspace see these notes. They are kept when school details are re-imported.
      </p>
      {error && (
        <p id="notes-error" className="mt-1 text-red-800">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
      <textarea
        id="notes"
        rows={5}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        aria-describedby={error ? 'notes-hint notes-error' : 'notes-hint'}
        aria-invalid={error ? true : undefined}
        className="mt-1 block w-full rounded border-2 border-slate-600 p-2"
      />
      <div className="mt-3 flex items-center gap-3">
        <button
          type="submit"
          disabled={save.isPending}
          className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60"
        >
          {save.isPending ? 'Saving…' : 'Save notes'}
        </button>
        <p role="status" className="text-green-800">
          {saved ? 'Notes saved.' : ''}
        </p>
      </div>
    </form>
  );
}
