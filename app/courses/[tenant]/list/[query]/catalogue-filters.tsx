'use client';

import {
  DateField,
  SelectField,
  SubmitButton,
  TextField,
  optionsOf,
  useFormValues,
} from '../../../../_components/form-kit';
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

/** The catalogue's filters: a plain GET form, so every search has its own address and works without script. */
export function CatalogueFilters({
  initial,
  phases,
  subjects,
}: {
  initial: CatalogueFilterValues;
  phases: string[];
  subjects: string[];
}) {
  const { values, set } = useFormValues(initial);
  const list = (items: string[]) => items.map((v) => ({ value: v, label: v }));
  return (
    <form
      method="get"
      role="search"
      aria-label="Filter courses"
      className="grid gap-4 rounded border border-slate-300 bg-white p-4 md:grid-cols-3"
    >
      <TextField
        id="q"
        name="q"
        label="Search"
        value={values.q}
        onChange={set('q')}
        className="md:col-span-3"
      />
      <SelectField
        id="audience"
        name="audience"
        label="For"
        placeholder="Anyone"
        options={optionsOf(audienceLabels)}
        value={values.audience}
        onChange={set('audience')}
      />
      <SelectField
        id="phase"
        name="phase"
        label="Phase"
        placeholder="Any phase"
        options={list(phases)}
        value={values.phase}
        onChange={set('phase')}
      />
      <SelectField
        id="subject"
        name="subject"
        label="Subject"
        placeholder="Any subject"
        options={list(subjects)}
        value={values.subject}
        onChange={set('subject')}
      />
      <SelectField
        id="format"
        name="format"
        label="Format"
        placeholder="Any format"
        options={optionsOf(formatLabels)}
        value={values.format}
        onChange={set('format')}
      />
      <DateField id="from" name="from" label="From" value={values.from} onChange={set('from')} />
      <DateField id="to" name="to" label="To" value={values.to} onChange={set('to')} />
      <div className="md:col-span-3">
        <SubmitButton pending={false}>Show courses</SubmitButton>
      </div>
    </form>
  );
}
