/** Choices of a select or a group of boxes: in a file of its own so server pages (filter forms) use it too. */
export type Option = { value: string; label: string };

/** Label → value pairs as options, e.g. from a labels record. */
export const optionsOf = (labels: Record<string, string>): Option[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** A select's options, after the empty choice (`placeholder`) if the field may be left unset. */
export function OptionList({ options, placeholder }: { options: readonly Option[]; placeholder?: string }) {
  return (
    <>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}
