'use client';

import { useActionState } from 'react';
import { ErrorSummary, SubmitButton } from '../../../../_components/form-kit';
import { sendEvaluation, type EvaluationState } from './actions';

const scale = [
  { value: 1, label: '1 Poor' },
  { value: 2, label: '2' },
  { value: 3, label: '3' },
  { value: 4, label: '4' },
  { value: 5, label: '5 Excellent' },
];

export function EvaluationForm({
  tenant,
  token,
  questions,
}: {
  tenant: string;
  token: string;
  questions: readonly { key: string; label: string }[];
}) {
  const [state, action, pending] = useActionState(
    (previous: EvaluationState, form: FormData) => sendEvaluation(tenant, token, previous, form),
    { errors: [] },
  );
  return (
    <form action={action} className="mt-6 space-y-6" noValidate>
      <ErrorSummary errors={state.errors} />
      {questions.map((q) => (
        <fieldset key={q.key}>
          <legend className="text-lg font-semibold">{q.label}</legend>
          <div className="mt-2 flex flex-wrap gap-3">
            {scale.map((s) => (
              <label
                key={s.value}
                className="inline-flex min-h-11 items-center gap-2 rounded border-2 border-slate-400 px-3"
              >
                <input
                  type="radio"
                  id={`rating-${q.key}-${s.value}`}
                  name={q.key}
                  value={s.value}
                  className="h-5 w-5"
                />
                {s.label}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div>
        <label htmlFor="comments" className="block text-lg font-semibold">
          Anything else you would like to tell us (optional)
        </label>
        <textarea
          id="comments"
          name="comments"
          rows={5}
          maxLength={3000}
          className="mt-2 block w-full rounded border-2 border-slate-600 p-2"
        />
      </div>
      <SubmitButton pending={pending}>Send your evaluation</SubmitButton>
    </form>
  );
}
