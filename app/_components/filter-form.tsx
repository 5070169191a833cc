import { Link } from '~/app/_components/link';
import type { InputHTMLAttributes, ReactNode } from 'react';
import { buttonClass, inputClass, labelClass } from './form-styles';
import { OptionList, type Option } from './options';

/**
 * The kit's filter form: a plain GET form rendered on the server, so what is chosen is in the address and the
 * page can be bookmarked or shared. Its fields are uncontrolled (`defaultValue`), named for the query string.
 *
 *   <FilterForm label="Filter visits" submit="Show" clearHref={`/${tenant}/visits`}>
 *     <FilterSelect name="status" label="Status" defaultValue={status ?? ''} placeholder="Any" options={…} />
 *   </FilterForm>
 */
export function FilterForm({
  label,
  search,
  submit,
  clearHref,
  clearText = 'Clear',
  actions,
  action,
  className = 'mt-4 flex flex-wrap items-end gap-3',
  children,
}: {
  /** The form's accessible name, e.g. "Filter the register". */
  label?: string;
  /** A search landmark (role="search") rather than a plain form. */
  search?: boolean;
  /** The button's words. */
  submit: ReactNode;
  /** Where "Clear" goes, if the form offers it. */
  clearHref?: string;
  /** The clear link's words ("Clear filters" where "Clear" alone could mean a search box). */
  clearText?: ReactNode;
  /** What follows the button, e.g. download links for what is shown. */
  actions?: ReactNode;
  /** Where the form goes (a download route); this page by default. */
  action?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form
      method="get"
      action={action}
      className={className}
      role={search ? 'search' : undefined}
      aria-label={label}
    >
      {children}
      <div className="flex items-end gap-3">
        <button type="submit" className={buttonClass}>
          {submit}
        </button>
        {clearHref && (
          <Link href={clearHref} className="font-semibold text-brand-dark underline">
            {clearText}
          </Link>
        )}
        {actions}
      </div>
    </form>
  );
}

type FilterFieldProps = {
  name: string;
  label: ReactNode;
  /** The control's id; the name by default. */
  id?: string;
  defaultValue?: string;
  /** Width classes of the control. */
  width?: string;
  /** Classes of the field's wrapper (e.g. a grid span). */
  className?: string;
};

export function FilterSelect({
  name,
  label,
  id = name,
  defaultValue,
  width = 'max-w-full',
  className,
  options,
  placeholder,
}: FilterFieldProps & {
  options: readonly Option[];
  /** The first, empty choice ("Any", "Everyone"). */
  placeholder?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} className={`${inputClass} ${width}`}>
        <OptionList options={options} placeholder={placeholder} />
      </select>
    </div>
  );
}

export function FilterInput({
  name,
  label,
  id = name,
  defaultValue,
  width = 'w-72 max-w-full',
  className,
  ...input
}: FilterFieldProps & Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'required' | 'min' | 'max'>) {
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={defaultValue}
        className={`${inputClass} ${width}`}
        {...input}
      />
    </div>
  );
}
