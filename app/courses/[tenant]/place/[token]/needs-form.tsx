'use client';

import { useActionState, useState } from 'react';
import { ErrorSummary, StatusMessage, SubmitButton, TextField } from '../../../../_components/form-kit';
import { saveNeeds, type NeedsState } from './actions';

/** The delegate's own access or dietary needs, for the organisers (it may be left empty). */
export function NeedsForm({ tenant, token, initial }: { tenant: string; token: string; initial: string }) {
  const [state, action, pending] = useActionState(
    (previous: NeedsState, form: FormData) => saveNeeds(tenant, token, previous, form),
    { error: null, saved: false },
  );
  const [needs, setNeeds] = useState(initial);
  return (
    <form action={action} className="mt-6 space-y-3" aria-labelledby="needs-heading">
      <h2 id="needs-heading" className="text-xl font-semibold">
        Access or dietary needs
      </h2>
      <ErrorSummary errors={state.error ? [{ message: state.error }] : []} />
      <TextField
        id="needs"
        name="needs"
        label="Anything the organisers should arrange for you (optional)"
        hint="Step-free access, a hearing loop, a diet. Only the course’s organisers see it."
        value={needs}
        onChange={setNeeds}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save
      </SubmitButton>
      <StatusMessage>{state.saved ? 'Saved: the organisers can see it.' : ''}</StatusMessage>
    </form>
  );
}
