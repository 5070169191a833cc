'use client';

import type { ReactNode } from 'react';

/** Small pieces shared by the workspace forms: classes, an error line under a field and a form-level alert. */
export type FieldErrors = Record<string, string[]> | null | undefined;

export const inputClass = 'mt-1 block w-full max-w-xl rounded border-2 border-slate-600 bg-white px-3 py-2';
export const buttonClass =
  'rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60';
export const secondaryButtonClass =
  'rounded border-2 border-brand px-3 py-1.5 font-semibold text-brand-dark hover:bg-slate-50 disabled:opacity-60';

export function FieldError({ id, errors, field }: { id: string; errors: FieldErrors; field: string }) {
  const message = errors?.[field]?.[0];
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-red-800">
      <span className="sr-only">Error: </span>
      {message}
    </p>
  );
}

/** The server's message when it is not about one field (a rule, not a typo). */
export function FormError({
  error,
}: {
  error: { message: string; data?: { fieldErrors?: FieldErrors } | null } | null;
}) {
  if (!error) return null;
  const fields = error.data?.fieldErrors;
  const message = fields ? (Object.values(fields)[0]?.[0] ?? error.message) : error.message;
  return (
    <p role="alert" className="mt-2 font-semibold text-red-800">
      {message}
    </p>
  );
}

export function Field({
  id,
  label,
  errors,
  field,
  children,
  hint,
}: {
  id: string;
  label: string;
  errors: FieldErrors;
  field: string;
  children: ReactNode;
  hint?: string;
}) {
  return (
    <div className="mt-3">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} errors={errors} field={field} />
      {children}
    </div>
  );
}

/** aria attributes for an input whose field may have an error. */
export const describedBy = (id: string, errors: FieldErrors, field: string) => ({
  'aria-invalid': errors?.[field] ? true : undefined,
  'aria-describedby': errors?.[field] ? `${id}-error` : undefined,
});
