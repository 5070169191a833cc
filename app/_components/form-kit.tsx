'use client';

import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import {
  useEffect,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type ComponentPropsWithRef,
  type FormHTMLAttributes,
  type InputHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { buttonClass, inputClass, secondaryButtonClass, warningButtonClass } from './form-styles';
import { OptionList, type Option } from './options';

/**
 * The one kit for Stride's forms: a hook over a tRPC mutation that turns the server's field errors into
 * messages by field and a GOV.UK error summary, and the fields, buttons and status line that show them.
 *
 *   const trpc = useTRPC();
 *   const form = useFormMutation(trpc.casework.addItem.mutationOptions(), { onSuccess: () => router.refresh() });
 *   <Form form={form} onSubmit={() => form.mutate({ planId, priority })}>
 *     <TextField label="Priority" {...form.field('priority')} value={priority} onChange={setPriority} />
 *     <SubmitButton pending={form.isPending}>Add action</SubmitButton>
 *   </Form>
 *
 * Field errors come from the server's error formatter (`error.data.fieldErrors`, keyed by the zod issue's
 * dotted path, `_form` for the form as a whole). A field's id is its path with dashes, so the summary can
 * link to it.
 */

export { optionsOf, type Option } from './options';
export { numberReader, parseNumber, parsePounds, poundsToPence } from './form-parse';

/** The server's field errors: dotted path → messages. */
export type FieldErrors = Record<string, string[]>;

export type SummaryError = {
  message: string;
  /** The id of the field the error is about, if any. */
  fieldId?: string;
};

/** The key of errors about the whole form. */
export const formErrorKey = '_form';

function serverFieldErrors(error: unknown): FieldErrors | null {
  const data = (error as { data?: { fieldErrors?: FieldErrors | null } | null } | null)?.data;
  return data?.fieldErrors ?? null;
}

export type FormMutationExtras<TData, TError, TVariables> = {
  onSuccess?: (data: TData, variables: TVariables) => void;
  /** Where an error with no field goes (a rule such as "already booked"): a field path, or the form. */
  messageField?: string | ((error: TError) => string | undefined);
  /** Prefix of the fields' ids; by default one of React's, so two copies of a form on a page do not clash. */
  idPrefix?: string;
  /** The message in the summary, when it needs more than the field's own words (e.g. which row). */
  summaryMessage?: (path: string, message: string) => string;
  /**
   * The form's field for a path in the server's errors, when what is sent is not shaped like the form (only
   * the ticked rows of a list, say, so `content.rows.1` is the form's `rows.3`).
   */
  pathOf?: (serverPath: string) => string;
};

/**
 * useMutation with the form's errors: `field(path)` gives a field its id and message, `summary` the list for
 * the error summary, `setClientErrors` adds the form's own (what could not be read as a number, say), which
 * win over the server's for the same field.
 */
export function useFormMutation<TData, TError, TVariables, TContext>(
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
  extras: FormMutationExtras<TData, TError, TVariables> = {},
) {
  const reactId = useId();
  const prefix = extras.idPrefix ?? reactId.replace(/[^\w-]/g, '');
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const { onSuccess } = extras;
  const mutation = useMutation<TData, TError, TVariables, TContext>({
    ...options,
    onSuccess: (...args) => {
      setClientErrors(null);
      const result = options.onSuccess?.(...args);
      onSuccess?.(args[0], args[1]);
      return result;
    },
  });

  const errors: Record<string, string> = {};
  if (mutation.error) {
    const byField = serverFieldErrors(mutation.error);
    if (byField) {
      for (const [path, messages] of Object.entries(byField))
        if (messages[0]) errors[extras.pathOf?.(path) ?? path] = messages[0];
    } else {
      const target =
        typeof extras.messageField === 'function' ? extras.messageField(mutation.error) : extras.messageField;
      errors[target ?? formErrorKey] =
        (mutation.error as { message?: string }).message ?? 'Something went wrong.';
    }
  }
  Object.assign(errors, clientErrors);

  const idFor = (path: string) => [prefix, path.replace(/\./g, '-')].filter(Boolean).join('-');
  const errorFor = (path: string): string | undefined => errors[path];
  const formError = errors[formErrorKey];
  const summary: SummaryError[] = Object.entries(errors).map(([path, message]) =>
    path === formErrorKey
      ? { message }
      : { message: extras.summaryMessage?.(path, message) ?? message, fieldId: idFor(path) },
  );
  // The form's own message first: it is usually why nothing else was checked.
  summary.sort((a, b) => Number(Boolean(a.fieldId)) - Number(Boolean(b.fieldId)));

  return {
    ...mutation,
    errors,
    errorFor,
    idFor,
    /** Props for a field component: its id and its error. */
    field: (path: string) => ({ id: idFor(path), error: errorFor(path) }),
    formError,
    summary,
    setClientErrors,
    /** Forget every error, the server's and the form's. */
    clearErrors: () => {
      setClientErrors(null);
      mutation.reset();
    },
  };
}

export type FormState = { summary: readonly SummaryError[] };

/**
 * The GOV.UK error summary: a list of what is wrong at the top of a form, each linking to its field.
 * It takes focus when it appears so keyboard and screen-reader users start from it.
 */
export function ErrorSummary({ errors }: { errors: readonly SummaryError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = `${useId()}-error-summary`;
  const signature = errors.map((e) => `${e.fieldId}:${e.message}`).join('|');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);

  if (errors.length === 0) return null;

  function goTo(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
    const field = document.getElementById(fieldId);
    event.preventDefault();
    if (!field) return;
    field.scrollIntoView({ block: 'center' });
    field.focus();
  }

  return (
    <div
      ref={ref}
      role="alert"
      aria-labelledby={titleId}
      tabIndex={-1}
      className="mb-6 rounded border-4 border-red-700 bg-white p-4"
    >
      <h2 id={titleId} className="text-xl font-bold">
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

/** A form with the summary of its errors at the top; it does not reload the page and leaves checks to us. */
export function Form({
  form,
  onSubmit,
  heading,
  children,
  className = 'space-y-4',
  ...rest
}: {
  form: FormState;
  onSubmit: () => void;
  /** Shown above the error summary, e.g. the form's h2. */
  heading?: ReactNode;
  children: ReactNode;
} & Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'>) {
  return (
    <form
      noValidate
      {...rest}
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {heading}
      <ErrorSummary errors={form.summary} />
      {children}
    </form>
  );
}

/** The message shown beside a field, read out with it (the field has aria-describedby={`${id}-error`}). */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="mt-1 font-semibold text-red-800">
      <span className="sr-only">Error: </span>
      {message}
    </p>
  );
}

export {
  buttonClass,
  inputClass,
  secondaryButtonClass,
  warningButtonClass,
  wideInputClass,
} from './form-styles';

type Aria = { 'aria-describedby'?: string; 'aria-invalid'?: true };

/** What every field takes: id (from `form.field(path)`), label, hint and error. */
export type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Classes of the field's wrapper. */
  className?: string;
};

function aria(id: string, hint: ReactNode, error: string | undefined): Aria {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-describedby': describedBy || undefined, 'aria-invalid': error ? true : undefined };
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <p id={`${id}-hint`} className="text-sm text-slate-700">
      {hint}
    </p>
  );
}

/** Label, hint, error and the control, which gets the aria attributes that point at them. */
export function FieldShell({
  id,
  label,
  hint,
  error,
  className,
  children,
}: FieldProps & { children: (aria: Aria) => ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <FieldError id={id} message={error} />
      {children(aria(id, hint, error))}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'className'>;
/** What every text-like control takes besides its own attributes: a string value and where it goes. */
type ValueProps = FieldProps & {
  value: string;
  onChange: (value: string) => void;
  /** Width classes of the control (each field has its own default). */
  width?: string;
};
type TextInputProps = ValueProps & InputProps;

/**
 * Splits a text-like field's props into the shell's (label, hint, error), the control's (id, value, change)
 * and the rest (the control's own attributes), so each field below only says which control it draws.
 */
function splitField<P extends ValueProps>({
  id,
  label,
  hint,
  error,
  className,
  width,
  value,
  onChange,
  ...rest
}: P) {
  return {
    shell: { id, label, hint, error, className },
    control: {
      id,
      value,
      onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    },
    width,
    rest,
  };
}

export function TextField(props: TextInputProps) {
  const { shell, control, width, rest } = splitField(props);
  return (
    <FieldShell {...shell}>
      {(a) => (
        <input {...control} className={`${inputClass} ${width ?? 'w-full max-w-xl'}`} {...a} {...rest} />
      )}
    </FieldShell>
  );
}

/** A number as typed (spaces and commas allowed); `whole` for counts. Read it with parseNumber. */
export function NumberField({ whole, width = 'w-28', ...props }: TextInputProps & { whole?: boolean }) {
  return <TextField inputMode={whole ? 'numeric' : 'decimal'} width={width} {...props} />;
}

export function DateField({ width = 'w-48', ...props }: TextInputProps) {
  return <TextField type="date" width={width} {...props} />;
}

/** Pounds as typed, with a £ before the box; read it with parsePounds (or poundsToPence). */
export function MoneyField(props: TextInputProps) {
  const { shell, control, width, rest } = splitField(props);
  return (
    <FieldShell {...shell}>
      {(a) => (
        <div className="mt-1 flex items-center">
          <span
            aria-hidden="true"
            className="rounded-l border-2 border-r-0 border-slate-600 bg-slate-100 px-3 py-2"
          >
            £
          </span>
          <input
            inputMode="decimal"
            {...control}
            className={`block rounded-r border-2 border-slate-600 bg-white px-3 py-2 ${width ?? 'w-36'}`}
            {...a}
            {...rest}
          />
        </div>
      )}
    </FieldShell>
  );
}

export function TextArea({
  rows = 3,
  ...props
}: ValueProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange' | 'className'>) {
  const { shell, control, width, rest } = splitField(props);
  return (
    <FieldShell {...shell}>
      {(a) => (
        <textarea
          rows={rows}
          {...control}
          className={`${inputClass} ${width ?? 'w-full max-w-xl'}`}
          {...a}
          {...rest}
        />
      )}
    </FieldShell>
  );
}

export function SelectField({
  options,
  placeholder,
  ...props
}: ValueProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange' | 'className'> & {
    options: readonly Option[];
    /** The first, empty choice ("Choose"), if the field may be left unset. */
    placeholder?: string;
  }) {
  const { shell, control, width, rest } = splitField(props);
  return (
    <FieldShell {...shell}>
      {(a) => (
        <select {...control} className={`${inputClass} ${width ?? 'max-w-xl'}`} {...a} {...rest}>
          <OptionList options={options} placeholder={placeholder} />
        </select>
      )}
    </FieldShell>
  );
}

/** One checkbox with its label beside it. */
export function Checkbox({
  id,
  label,
  hint,
  error,
  className,
  checked,
  onChange,
  ...input
}: FieldProps &
  Omit<InputProps, 'checked' | 'type'> & {
    checked: boolean;
    onChange: (checked: boolean) => void;
  }) {
  return (
    <div className={className}>
      <FieldError id={id} message={error} />
      <div className="flex items-start gap-2">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          className="mt-1 h-5 w-5 shrink-0"
          {...aria(id, hint, error)}
          {...input}
        />
        <div>
          <label htmlFor={id} className={hint ? 'font-semibold' : undefined}>
            {label}
          </label>
          <Hint id={id} hint={hint} />
        </div>
      </div>
    </div>
  );
}

type Choice = Option & { hint?: ReactNode };

/** Boxes or buttons in a fieldset; the first takes the field's id, so the summary's link lands on it. */
function ChoiceGroup({
  type,
  id,
  label,
  hint,
  error,
  className,
  options,
  isChecked,
  onToggle,
  name,
  inline,
}: FieldProps & {
  type: 'checkbox' | 'radio';
  options: readonly Choice[];
  isChecked: (value: string) => boolean;
  onToggle: (value: string, checked: boolean) => void;
  name?: string;
  inline?: boolean;
}) {
  const describedBy = aria(id, hint, error)['aria-describedby'];
  return (
    <fieldset className={className} aria-describedby={describedBy}>
      <legend className="font-semibold">{label}</legend>
      <Hint id={id} hint={hint} />
      <FieldError id={id} message={error} />
      <div className={inline ? 'mt-2 flex flex-wrap gap-x-6 gap-y-2' : 'mt-2 space-y-2'}>
        {options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${o.value.replace(/[^\w-]/g, '-')}`;
          return (
            <div key={o.value} className="flex items-start gap-2">
              <input
                type={type}
                id={optionId}
                name={name ?? id}
                value={o.value}
                checked={isChecked(o.value)}
                onChange={(e) => onToggle(o.value, e.target.checked)}
                aria-describedby={o.hint ? `${optionId}-hint` : undefined}
                className="mt-1 h-5 w-5 shrink-0"
              />
              <div>
                <label htmlFor={optionId}>{o.label}</label>
                {o.hint && (
                  <p id={`${optionId}-hint`} className="text-sm text-slate-700">
                    {o.hint}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function CheckboxGroup({
  value,
  onChange,
  ...props
}: FieldProps & {
  options: readonly Choice[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  inline?: boolean;
}) {
  return (
    <ChoiceGroup
      type="checkbox"
      {...props}
      isChecked={(v) => value.includes(v)}
      onToggle={(v, checked) => onChange(checked ? [...value, v] : value.filter((x) => x !== v))}
    />
  );
}

export function RadioGroup<T extends string>({
  value,
  onChange,
  ...props
}: FieldProps & {
  options: readonly (Choice & { value: T })[];
  value: T;
  onChange: (value: T) => void;
  name?: string;
  inline?: boolean;
}) {
  return (
    <ChoiceGroup
      type="radio"
      {...props}
      isChecked={(v) => v === value}
      onToggle={(v, checked) => {
        if (checked) onChange(v as T);
      }}
    />
  );
}

/** The form's main button; while it waits, it is disabled and may say so (`pendingLabel`). */
export function SubmitButton({
  pending,
  pendingLabel,
  children,
  className,
  disabled,
  ...button
}: { pending?: boolean; pendingLabel?: ReactNode } & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="submit" disabled={pending || disabled} className={className ?? buttonClass} {...button}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

/** A button that is not the form's main one (a ref reaches the button: focus returned to it, say). */
export function Button({
  variant = 'secondary',
  className,
  type = 'button',
  ...button
}: { variant?: 'primary' | 'secondary' | 'warning' } & ComponentPropsWithRef<'button'>) {
  const look = { primary: buttonClass, secondary: secondaryButtonClass, warning: warningButtonClass }[
    variant
  ];
  return <button type={type} className={className ? `${look} ${className}` : look} {...button} />;
}

/** A polite live region for "Saved." and the like; keep it on the page so screen readers hear it change. */
export function StatusMessage({ children, className }: { children?: ReactNode; className?: string }) {
  return (
    <p role="status" className={className ?? 'text-green-800'}>
      {children}
    </p>
  );
}

/** Values of a form kept in one state object: `bind(key)` gives a field its value and onChange. */
export function useFormValues<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const set =
    <K extends keyof T>(key: K) =>
    (value: T[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  return {
    values,
    setValues,
    set,
    bind: <K extends keyof T>(key: K) => ({ value: values[key], onChange: set(key) }),
    reset: () => setValues(initial),
  };
}

/** A boxed group of fields under a legend, such as one row of a list the user adds to ("Line 1"). */
export function FieldGroup({
  legend,
  children,
  className = 'space-y-4',
}: {
  legend: ReactNode;
  children: ReactNode;
  /** Classes of the group's inside (spacing). */
  className?: string;
}) {
  return (
    <fieldset className={`${className} rounded-lg border border-slate-300 bg-white p-4`}>
      <legend className="px-1 text-lg font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}
