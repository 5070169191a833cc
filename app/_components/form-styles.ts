/** The kit's looks, in a file of its own so server components (filter forms) share them with client forms. */

export const inputClass =
  'mt-1 block rounded border-2 border-slate-600 bg-white px-3 py-2 disabled:bg-slate-100';
/** A text box as wide as the form, up to a readable width. */
export const wideInputClass = `${inputClass} w-full max-w-xl`;
export const labelClass = 'block font-semibold';
export const buttonClass =
  'rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60';
export const secondaryButtonClass =
  'rounded border-2 border-brand bg-white px-3 py-1.5 font-semibold text-brand-dark hover:bg-slate-50 disabled:opacity-60';
export const warningButtonClass =
  'rounded border-2 border-red-800 bg-white px-3 py-1.5 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60';
