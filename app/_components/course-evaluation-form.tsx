'use client';

import { useActionState } from 'react';
import { ErrorSummary, SubmitButton } from './form-kit';

export type EvaluationState = { errors: { fieldId?: string; message: string }[] };

const scale = [
  { value: 1, label: '1 Poor' },
  { value: 2, label: '2' },
  { value: 3, label: '3' },
  { value: 4, label: '4' },
  { value: 5, label: '5 Excellent' },
];

/**
 * The course evaluation: four 1–5 ratings and a comment. One form for both ways in: the emailed link (no
 * sign-in) and the signed-in delegate's list; `send` is the server action of each, already bound to the place.
 */
export function EvaluationForm({
  send,
  questions,
}: {
  send: (previous: EvaluationState, form: FormData) => Promise<EvaluationState>;
  questions: readonly { key: string; label: string }[];
}) {
  const [state, action, pending] = useActionState(send, { errors: [] });
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
