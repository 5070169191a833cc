'use client';

import { useEffect, useRef, type MouseEvent } from 'react';

export type SummaryError = {
  message: string;
  /** The id of the field the error is about, if any. */ fieldId?: string;
};

/**
 * The GOV.UK error summary: a list of what is wrong at the top of a form, each linking to its field.
 * It takes focus when it appears so keyboard and screen-reader users start from it.
 */
export function ErrorSummary({ errors }: { errors: readonly SummaryError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => `${e.fieldId}:${e.message}`).join('|');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);

  if (errors.length === 0) return null;

  function goTo(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: 'center' });
    field.focus();
  }

  return (
    <div
      ref={ref}
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      className="mb-6 rounded border-4 border-red-700 bg-white p-4"
    >
      <h2 id="error-summary-title" className="text-xl font-bold">
        There is a problem
      </h2>
      <ul className="mt-2 list-none space-y-1">
        {errors.map((e) => (
          <li key={`${e.fieldId}:${e.message}`}>
            {e.fieldId ? (
              <a
                href={`#${e.fieldId}`}
                onClick={(event) => goTo(event, e.fieldId ?? '')}
                className="font-semibold text-red-800 underline"
              >
                {e.message}
              </a>
            ) : (
              <span className="font-semibold text-red-800">{e.message}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The message shown beside a field, read out with it (give the field aria-describedby={`${id}-error`}). */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="mt-1 font-semibold text-red-800">
      <span className="sr-only">Error: </span>
      {message}
    </p>
  );
}
