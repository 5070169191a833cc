'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Button,
  Checkbox,
  DateField,
  FieldError,
  FieldGroup,
  Form,
  RadioGroup,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextArea,
  TextField,
  useFormMutation,
} from '~/app/_components/form-kit';
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
  /** The form's field an error path names: errors come back by the position sent, e.g. content.focusAreas.1 → focusAreas.3. */
  function pathOf(path: string): string {
    const parts = path.split('.');
    if (parts[0] !== 'content') return path;
    if (parts[1] === 'focusAreas') {
      const row = parts[2] === undefined ? undefined : sentRowIndexes[Number(parts[2])];
      return row === undefined ? 'focusAreas' : `focusAreas.${row}.${parts[3] ?? 'judgement'}`;
    }
    if (parts[1] === 'agreedActions') {
      const action = sentActions[parts[2] === undefined ? 0 : Number(parts[2])];
      return `agreedActions.${action ? actions.indexOf(action) : 0}.${parts[3] ?? 'action'}`;
    }
    return parts[1] ?? path;
  }
  /** In the summary at the top, a focus area's error names its area: the same message for each is no help there. */
  function summaryMessage(path: string, message: string): string {
    const [group, index] = path.split('.');
    const row = group === 'focusAreas' && index !== undefined ? rows[Number(index)] : undefined;
    return row ? `${labelOf(row, Number(index))}: ${message}` : message;
  }
  const extras = { idPrefix: 'note', pathOf, summaryMessage, onSuccess };
  const write = useFormMutation(trpc.notesOfVisit.write.mutationOptions(), extras);
  const revise = useFormMutation(trpc.notesOfVisit.revise.mutationOptions(), extras);
  const form = p.note ? revise : write;

  function onSubmit() {
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
  const judgements = p.judgementScale.map((j) => ({ value: j, label: j }));
  const wide = 'w-full max-w-2xl';

  return (
    <Form form={form} onSubmit={onSubmit} className="mt-6 space-y-6">
      {!p.note &&
        (p.plannedVisit ? (
          <p>
            For the planned visit to <strong>{p.plannedVisit.schoolName}</strong>. Writing the note marks the
            visit done.
          </p>
        ) : (
          <SelectField
            label="School"
            {...form.field('schoolId')}
            value={schoolId}
            onChange={setSchoolId}
            options={(p.schools ?? []).map((s) => ({
              value: s.id,
              label: `${s.name} (${s.urn})${s.mine ? ' – your school' : ''}`,
            }))}
            placeholder="Choose a school"
            width={wide}
          />
        ))}
      <DateField
        label="Date of visit"
        {...form.field('visitedOn')}
        value={visitedOn}
        onChange={setVisitedOn}
      />

      <RadioGroup
        label="Focus of the visit"
        inline
        name="focus-kind"
        id={form.idFor('focusKind')}
        value={focusKind}
        onChange={setFocusKind}
        options={[
          { value: 'sev_focus', label: 'School effectiveness visit focus areas' },
          { value: 'deep_dive', label: 'Subject deep dive' },
        ]}
      />

      {focusKind === 'deep_dive' && (
        <TextField
          label="Subject"
          {...form.field('deepDiveSubject')}
          value={subject}
          onChange={setSubject}
          width={wide}
        />
      )}

      <section aria-labelledby="focus-areas-heading" className="space-y-4">
        <h2 id="focus-areas-heading" className="text-xl font-semibold">
          Focus areas
        </h2>
        <p id={form.idFor('focusAreas')} tabIndex={-1} className="text-slate-700">
          {focusKind === 'sev_focus'
            ? 'Tick each area that was in focus on this visit, then give your judgement.'
            : 'Intent, implementation and impact of the subject, with provision for disadvantaged pupils and SEND.'}
        </p>
        <FieldError id={form.idFor('focusAreas')} message={form.errorFor('focusAreas')} />
        {rows.map((row, i) => {
          const field = (name: keyof Row) => form.field(`focusAreas.${i}.${name}`);
          return (
            <FieldGroup key={`${focusKind}-${i}`} legend={labelOf(row, i)} className="space-y-3">
              {focusKind === 'sev_focus' && (
                <Checkbox
                  label="In focus on this visit"
                  {...field('included')}
                  checked={row.included}
                  onChange={(included) => update(i, { included })}
                />
              )}
              {row.included && (
                <>
                  <SelectField
                    label="Judgement"
                    {...field('judgement')}
                    value={row.judgement}
                    onChange={(judgement) => update(i, { judgement })}
                    options={judgements}
                    placeholder="Choose a judgement"
                    width={wide}
                  />
                  <SelectField
                    label="School’s self-evaluation (optional)"
                    {...field('schoolGrade')}
                    value={row.schoolGrade}
                    onChange={(schoolGrade) => update(i, { schoolGrade })}
                    options={judgements}
                    placeholder="Not given"
                    width={wide}
                  />
                  <Checkbox
                    label="I disagree with the school’s self-evaluation"
                    {...field('disagrees')}
                    checked={row.disagrees}
                    onChange={(disagrees) => update(i, { disagrees })}
                  />
                  {row.disagrees && (
                    <TextArea
                      label="Why you disagree"
                      {...field('disagreement')}
                      rows={2}
                      value={row.disagreement}
                      onChange={(disagreement) => update(i, { disagreement })}
                      width={wide}
                    />
                  )}
                  <TextArea
                    label="Commentary"
                    {...field('commentary')}
                    rows={4}
                    value={row.commentary}
                    onChange={(commentary) => update(i, { commentary })}
                    width={wide}
                  />
                </>
              )}
            </FieldGroup>
          );
        })}
      </section>

      <TextArea
        label={<span className="text-xl">Strengths</span>}
        {...form.field('strengths')}
        rows={4}
        value={strengths}
        onChange={setStrengths}
        width={wide}
      />
      <TextArea
        label={<span className="text-xl">Areas for development</span>}
        {...form.field('areasForDevelopment')}
        rows={4}
        value={areasForDevelopment}
        onChange={setAreasForDevelopment}
        width={wide}
      />

      <section aria-labelledby="actions-heading" className="space-y-3">
        <h2 id="actions-heading" className="text-xl font-semibold">
          Agreed actions
        </h2>
        {actions.map((a, i) => {
          const field = (name: keyof Action) => ({
            ...form.field(`agreedActions.${i}.${name}`),
            value: a[name],
            onChange: (value: string) => updateAction(i, { [name]: value }),
            width: 'w-full',
          });
          return (
            <FieldGroup key={i} legend={`Action ${i + 1}`} className="space-y-3">
              <div className="grid gap-3 md:grid-cols-[2fr_1fr_1fr]">
                <TextField label="Action" {...field('action')} />
                <TextField label="Owner" {...field('owner')} />
                <DateField label="Due by" {...field('dueBy')} />
              </div>
              <Button onClick={() => setActions((all) => all.filter((_, j) => j !== i))}>
                Remove action {i + 1}
              </Button>
            </FieldGroup>
          );
        })}
        <Button onClick={() => setActions((all) => [...all, { action: '', owner: '', dueBy: '' }])}>
          Add an action
        </Button>
      </section>

      <div className="flex items-center gap-3">
        <SubmitButton pending={form.isPending} pendingLabel="Saving…">
          {p.note ? 'Save changes' : 'Save draft'}
        </SubmitButton>
        <StatusMessage>{savedMessage}</StatusMessage>
      </div>
    </Form>
  );
}
