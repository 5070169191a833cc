'use client';

import { useActionState } from 'react';
import { ErrorSummary, SubmitButton } from '../../../../_components/form-kit';
import { claimPlace, type ClaimState } from './actions';

export function ClaimForm({ tenant, token }: { tenant: string; token: string }) {
  const [state, action, pending] = useActionState(
    (previous: ClaimState) => claimPlace(tenant, token, previous),
    { error: null },
  );
  return (
    <form action={action} className="mt-6">
      <ErrorSummary errors={state.error ? [{ message: state.error }] : []} />
      <SubmitButton pending={pending}>Claim the place</SubmitButton>
    </form>
  );
}
