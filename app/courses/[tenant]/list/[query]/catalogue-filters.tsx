import { FilterForm, FilterInput, FilterSelect } from '../../../../_components/filter-form';
import { optionsOf } from '../../../../_components/options';
import { audienceLabels, formatLabels } from '../../../../_lib/course-format';

export type CatalogueFilterValues = {
  q: string;
  audience: string;
  phase: string;
  subject: string;
  format: string;
  from: string;
  to: string;
};

/**
 * The catalogue's filters: a plain GET form rendered on the server (no client component: nothing to hydrate,
 * nothing in the page's payload twice), so every search has its own address and works without script.
 */
export function CatalogueFilters({
  initial,
  phases,
  subjects,
}: {
  initial: CatalogueFilterValues;
  phases: string[];
  subjects: string[];
}) {
  const list = (items: string[]) => items.map((v) => ({ value: v, label: v }));
  return (
    <FilterForm
      search
      label="Filter courses"
      submit="Show courses"
      className="grid gap-4 rounded border border-slate-300 bg-white p-4 md:grid-cols-3"
    >
      <FilterInput
        name="q"
        label="Search"
        defaultValue={initial.q}
        width="w-full max-w-xl"
        className="md:col-span-3"
      />
      <FilterSelect
        name="audience"
        label="For"
        placeholder="Anyone"
        options={optionsOf(audienceLabels)}
        defaultValue={initial.audience}
      />
      <FilterSelect
        name="phase"
        label="Phase"
        placeholder="Any phase"
        options={list(phases)}
        defaultValue={initial.phase}
      />
      <FilterSelect
        name="subject"
        label="Subject"
        placeholder="Any subject"
        options={list(subjects)}
        defaultValue={initial.subject}
      />
      <FilterSelect
        name="format"
        label="Format"
        placeholder="Any format"
        options={optionsOf(formatLabels)}
        defaultValue={initial.format}
      />
      <FilterInput name="from" label="From" type="date" width="w-48" defaultValue={initial.from} />
      <FilterInput name="to" label="To" type="date" width="w-48" defaultValue={initial.to} />
    </FilterForm>
  );
}
