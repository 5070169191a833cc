'use client';

import {
  ErrorSummary,
  FieldError,
  type SummaryError,
  buttonClass,
  secondaryButtonClass,
} from '~/app/_components/form-kit';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { deepDiveAreas, type TNoteContentInput } from '~/server/notes-of-visit/content';
import { useTRPC } from '../../../_lib/trpc-client';

type Row = {
  area: string;
  included: boolean;
  judgement: string;
  schoolGrade: string;
  disagrees: boolean;
  disagreement: string;
  commentary: string;
};
type Action = { action: string; owner: string; dueBy: string };

const inputClass = 'mt-1 block w-full max-w-2xl rounded border-2 border-slate-600 px-3 py-2';

const emptyRow = (area: string, included: boolean): Row => ({
  area,
  included,
  judgement: '',
  schoolGrade: '',
  disagrees: false,
  disagreement: '',
  commentary: '',
});

function rowsFrom(
  areas: readonly string[],
  saved: TNoteContentInput['focusAreas'] | undefined,
  fixed: boolean,
): Row[] {
  const byArea = new Map((saved ?? []).map((a) => [a.area, a]));
  const rows = areas.map((area, i) => {
    const s = fixed ? saved?.[i] : byArea.get(area);
    return s
      ? {
          area,
          included: true,
          judgement: s.judgement,
          schoolGrade: s.schoolGrade ?? '',
          disagrees: Boolean(s.disagrees),
          disagreement: s.disagreement ?? '',
          commentary: s.commentary,
        }
      : emptyRow(area, fixed);
  });
  if (!fixed)
    for (const s of saved ?? [])
      if (!areas.includes(s.area))
        rows.push({
          ...emptyRow(s.area, true),
          ...s,
          schoolGrade: s.schoolGrade ?? '',
          disagrees: Boolean(s.disagrees),
          disagreement: s.disagreement ?? '',
        });
  return rows;
}

export type NoteFormProps = {
  tenant: string;
  judgementScale: string[];
  sevFocusAreas: string[];
  /** Writing a new note: the schools to choose from, or the planned visit it is for. */
  schools?: { id: string; name: string; urn: number; mine: boolean }[];
  plannedVisit?: { id: string; schoolName: string } | null;
  /** Revising: the note and what it says now. */
  note?: { id: string; visitedOn: string; content: TNoteContentInput };
};

export function NoteForm(p: NoteFormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const saved = p.note?.content;
  const [schoolId, setSchoolId] = useState('');
  const [visitedOn, setVisitedOn] = useState(p.note?.visitedOn ?? '');
  const [focusKind, setFocusKind] = useState<'sev_focus' | 'deep_dive'>(saved?.focusKind ?? 'sev_focus');
  const [subject, setSubject] = useState(saved?.deepDiveSubject ?? '');
  const [sevRows, setSevRows] = useState<Row[]>(() =>
    rowsFrom(p.sevFocusAreas, saved?.focusKind === 'sev_focus' ? saved.focusAreas : undefined, false),
  );
  const [deepRows, setDeepRows] = useState<Row[]>(() =>
    rowsFrom(
      deepDiveAreas(saved?.deepDiveSubject ?? ''),
      saved?.focusKind === 'deep_dive' ? saved.focusAreas : undefined,
      true,
    ),
  );
  const [strengths, setStrengths] = useState(saved?.strengths ?? '');
  const [areasForDevelopment, setAreasForDevelopment] = useState(saved?.areasForDevelopment ?? '');
  const [actions, setActions] = useState<Action[]>(
    saved?.agreedActions?.length ? saved.agreedActions : [{ action: '', owner: '', dueBy: '' }],
  );
  const [savedMessage, setSavedMessage] = useState('');

  const deepLabels = deepDiveAreas(subject);
  const rows = focusKind === 'sev_focus' ? sevRows : deepRows;
  const setRows = focusKind === 'sev_focus' ? setSevRows : setDeepRows;
  const labelOf = (row: Row, i: number) =>
    focusKind === 'deep_dive' ? (deepLabels[i] ?? row.area) : row.area;
  // The rows sent, by their position in the form: errors come back by the position sent.
  const sentRowIndexes = rows.flatMap((r, i) => (r.included ? [i] : []));
  const sentActions = actions.filter((a) => a.action || a.owner || a.dueBy);

  const onSuccess = (result: { id: string }) => {
    if (p.note) {
      setSavedMessage('Changes saved.');
      router.refresh();
    } else router.push(`/${p.tenant}/visits/notes/${result.id}`);
  };
  const write = useMutation(trpc.notesOfVisit.write.mutationOptions({ onSuccess }));
  const revise = useMutation(trpc.notesOfVisit.revise.mutationOptions({ onSuccess }));
  const mutation = p.note ? revise : write;
  const fieldErrors = mutation.error?.data?.fieldErrors ?? null;

  /** The form field an error path names, e.g. content.focusAreas.1.judgement → fa-3-judgement. */
  function fieldIdOf(path: string): string | undefined {
    const parts = path.split('.');
    if (parts[0] !== 'content')
      return path === 'schoolId' ? 'school' : path === 'visitedOn' ? 'visited-on' : undefined;
    if (parts[1] === 'focusAreas') {
      const row = parts[2] === undefined ? undefined : sentRowIndexes[Number(parts[2])];
      return row === undefined ? 'focus-areas' : `fa-${row}-${parts[3] ?? 'judgement'}`;
    }
    if (parts[1] === 'agreedActions') {
      const index = parts[2] === undefined ? 0 : Number(parts[2]);
      const action = sentActions[index];
      return `action-${action ? actions.indexOf(action) : 0}-${parts[3] ?? 'action'}`;
    }
    return {
      deepDiveSubject: 'subject',
      strengths: 'strengths',
      areasForDevelopment: 'areas-for-development',
    }[parts[1] ?? ''];
  }
  const summary: SummaryError[] = fieldErrors
    ? Object.entries(fieldErrors).flatMap(([path, messages]) =>
        messages.map((message) => ({ message, fieldId: fieldIdOf(path) })),
      )
    : mutation.error
      ? [{ message: mutation.error.message }]
      : [];
  const errorById = new Map(summary.flatMap((e) => (e.fieldId ? [[e.fieldId, e.message] as const] : [])));
  const described = (id: string) =>
    errorById.has(id) ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSavedMessage('');
    const content: TNoteContentInput = {
      focusKind,
      deepDiveSubject: focusKind === 'deep_dive' ? subject : undefined,
      focusAreas: sentRowIndexes.map((i) => {
        const r = rows[i] ?? emptyRow('', true);
        return {
          area: labelOf(r, i),
          judgement: r.judgement,
          schoolGrade: r.schoolGrade || undefined,
          disagrees: r.disagrees,
          disagreement: r.disagrees ? r.disagreement : undefined,
          commentary: r.commentary,
        };
      }),
      strengths,
      areasForDevelopment,
      agreedActions: sentActions,
    };
    if (p.note) revise.mutate({ id: p.note.id, visitedOn, content });
    else
      write.mutate({
        schoolId: p.plannedVisit ? undefined : schoolId || undefined,
        plannedVisitId: p.plannedVisit?.id,
        visitedOn,
        content,
      });
  }

  const update = (i: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const updateAction = (i: number, patch: Partial<Action>) =>
    setActions((all) => all.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-6">
      <ErrorSummary errors={summary} />
      {!p.note &&
        (p.plannedVisit ? (
          <p>
            For the planned visit to <strong>{p.plannedVisit.schoolName}</strong>. Writing the note marks the
            visit done.
          </p>
        ) : (
          <div>
            <label htmlFor="school" className="block font-semibold">
              School
            </label>
            <FieldError id="school" message={errorById.get('school')} />
            <select
              id="school"
              value={schoolId}
              onChange={(e) => setSchoolId(e.target.value)}
              className={inputClass}
              {...described('school')}
            >
              <option value="">Choose a school</option>
              {p.schools?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.urn}){s.mine ? ' – your school' : ''}
                </option>
              ))}
            </select>
          </div>
        ))}
      <div>
        <label htmlFor="visited-on" className="block font-semibold">
          Date of visit
        </label>
        <FieldError id="visited-on" message={errorById.get('visited-on')} />
        <input
          id="visited-on"
          type="date"
          value={visitedOn}
          onChange={(e) => setVisitedOn(e.target.value)}
          className={inputClass}
          {...described('visited-on')}
        />
      </div>

      <fieldset>
        <legend className="font-semibold">Focus of the visit</legend>
        <div className="mt-2 flex flex-wrap gap-6">
          {(
            [
              ['sev_focus', 'School effectiveness visit focus areas'],
              ['deep_dive', 'Subject deep dive'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name="focus-kind"
                value={value}
                checked={focusKind === value}
                onChange={() => setFocusKind(value)}
                className="h-5 w-5"
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>

      {focusKind === 'deep_dive' && (
        <div>
          <label htmlFor="subject" className="block font-semibold">
            Subject
          </label>
          <FieldError id="subject" message={errorById.get('subject')} />
          <input
            id="subject"
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            className={inputClass}
            {...described('subject')}
          />
        </div>
      )}

      <section aria-labelledby="focus-areas-heading">
        <h2 id="focus-areas-heading" className="text-xl font-semibold">
          Focus areas
        </h2>
        <p id="focus-areas" tabIndex={-1} className="mt-1 text-slate-700">
          {focusKind === 'sev_focus'
            ? 'Tick each area that was in focus on this visit, then give your judgement.'
            : 'Intent, implementation and impact of the subject, with provision for disadvantaged pupils and SEND.'}
        </p>
        <FieldError id="focus-areas" message={errorById.get('focus-areas')} />
        {rows.map((row, i) => {
          const label = labelOf(row, i);
          const id = `fa-${i}`;
          return (
            <fieldset key={`${focusKind}-${i}`} className="mt-4 rounded border border-slate-300 bg-white p-4">
              <legend className="px-1 font-semibold">{label}</legend>
              {focusKind === 'sev_focus' && (
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={row.included}
                    onChange={(e) => update(i, { included: e.target.checked })}
                    className="h-5 w-5"
                  />
                  In focus on this visit
                </label>
              )}
              {row.included && (
                <div className="mt-3 grid gap-3">
                  <div>
                    <label htmlFor={`${id}-judgement`} className="block font-semibold">
                      Judgement
                    </label>
                    <FieldError id={`${id}-judgement`} message={errorById.get(`${id}-judgement`)} />
                    <select
                      id={`${id}-judgement`}
                      value={row.judgement}
                      onChange={(e) => update(i, { judgement: e.target.value })}
                      className={inputClass}
                      {...described(`${id}-judgement`)}
                    >
                      <option value="">Choose a judgement</option>
                      {p.judgementScale.map((j) => (
                        <option key={j}>{j}</option>
                      ))}
                    </select>
                  </div>
                  <div>
                    <label htmlFor={`${id}-schoolGrade`} className="block font-semibold">
                      School’s self-evaluation (optional)
                    </label>
                    <select
                      id={`${id}-schoolGrade`}
                      value={row.schoolGrade}
                      onChange={(e) => update(i, { schoolGrade: e.target.value })}
                      className={inputClass}
                    >
                      <option value="">Not given</option>
                      {p.judgementScale.map((j) => (
                        <option key={j}>{j}</option>
                      ))}
                    </select>
                  </div>
                  <label className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      checked={row.disagrees}
                      onChange={(e) => update(i, { disagrees: e.target.checked })}
                      className="h-5 w-5"
                    />
                    I disagree with the school’s self-evaluation
                  </label>
                  {row.disagrees && (
                    <div>
                      <label htmlFor={`${id}-disagreement`} className="block font-semibold">
                        Why you disagree
                      </label>
                      <FieldError id={`${id}-disagreement`} message={errorById.get(`${id}-disagreement`)} />
                      <textarea
                        id={`${id}-disagreement`}
                        rows={2}
                        value={row.disagreement}
                        onChange={(e) => update(i, { disagreement: e.target.value })}
                        className={inputClass}
                        {...described(`${id}-disagreement`)}
                      />
                    </div>
                  )}
                  <div>
                    <label htmlFor={`${id}-commentary`} className="block font-semibold">
                      Commentary
                    </label>
                    <FieldError id={`${id}-commentary`} message={errorById.get(`${id}-commentary`)} />
                    <textarea
                      id={`${id}-commentary`}
                      rows={4}
                      value={row.commentary}
                      onChange={(e) => update(i, { commentary: e.target.value })}
                      className={inputClass}
                      {...described(`${id}-commentary`)}
                    />
                  </div>
                </div>
              )}
            </fieldset>
          );
        })}
      </section>

      <div>
        <label htmlFor="strengths" className="block text-xl font-semibold">
          Strengths
        </label>
        <FieldError id="strengths" message={errorById.get('strengths')} />
        <textarea
          id="strengths"
          rows={4}
          value={strengths}
          onChange={(e) => setStrengths(e.target.value)}
          className={inputClass}
          {...described('strengths')}
        />
      </div>
      <div>
        <label htmlFor="areas-for-development" className="block text-xl font-semibold">
          Areas for development
        </label>
        <FieldError id="areas-for-development" message={errorById.get('areas-for-development')} />
        <textarea
          id="areas-for-development"
          rows={4}
          value={areasForDevelopment}
          onChange={(e) => setAreasForDevelopment(e.target.value)}
          className={inputClass}
          {...described('areas-for-development')}
        />
      </div>

      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading" className="text-xl font-semibold">
          Agreed actions
        </h2>
        {actions.map((a, i) => (
          <fieldset key={i} className="mt-3 rounded border border-slate-300 bg-white p-4">
            <legend className="px-1 font-semibold">Action {i + 1}</legend>
            <div className="grid gap-3 md:grid-cols-[2fr_1fr_1fr]">
              {(
                [
                  ['action', 'Action', 'text'],
                  ['owner', 'Owner', 'text'],
                  ['dueBy', 'Due by', 'date'],
                ] as const
              ).map(([field, label, type]) => {
                const fid = `action-${i}-${field}`;
                return (
                  <div key={field}>
                    <label htmlFor={fid} className="block font-semibold">
                      {label}
                    </label>
                    <FieldError id={fid} message={errorById.get(fid)} />
                    <input
                      id={fid}
                      type={type}
                      value={a[field]}
                      onChange={(e) => updateAction(i, { [field]: e.target.value })}
                      className="mt-1 block w-full rounded border-2 border-slate-600 px-3 py-2"
                      {...described(fid)}
                    />
                  </div>
                );
              })}
            </div>
            <button
              type="button"
              className={`${secondaryButtonClass} mt-3`}
              onClick={() => setActions((all) => all.filter((_, j) => j !== i))}
            >
              Remove action {i + 1}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className={`${secondaryButtonClass} mt-3`}
          onClick={() => setActions((all) => [...all, { action: '', owner: '', dueBy: '' }])}
        >
          Add an action
        </button>
      </section>

      <div className="flex items-center gap-3">
        <button type="submit" disabled={mutation.isPending} className={buttonClass}>
          {mutation.isPending ? 'Saving…' : p.note ? 'Save changes' : 'Save draft'}
        </button>
        <p role="status" className="text-green-800">
          {savedMessage}
        </p>
      </div>
    </form>
  );
}
