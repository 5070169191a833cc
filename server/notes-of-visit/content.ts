import { z } from 'zod';
import type { NoteFocusArea, NoteOfVisitContent } from '~/db/schema';

export type { NoteOfVisitContent };

/**
 * What an adviser writes in a note of visit, checked field by field so the form can show each error beside
 * its field. The judgement scale is the tenant's (settings.statutory.judgementScale), so the full check needs
 * it: `noteContentSchema(scale)`. The router checks the shape with the open schema; the domain re-checks
 * against the tenant's scale before saving.
 */

/** Areas a subject deep dive covers; provision for disadvantaged pupils and SEND is always included. */
export function deepDiveAreas(subject: string): string[] {
  const s = subject.trim() || 'Subject';
  return [
    `${s}: intent`,
    `${s}: implementation`,
    `${s}: impact`,
    'Provision for disadvantaged pupils',
    'Provision for pupils with SEND',
  ];
}

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`);

function focusAreaSchema(judgement: z.ZodType<string, string>) {
  return z
    .object({
      area: text(300).min(1, 'Name the focus area.'),
      judgement,
      schoolGrade: text(100).optional(),
      /** The adviser disagrees with the school's self-evaluation of this area. */
      disagrees: z.boolean().default(false),
      disagreement: text(3000).optional(),
      commentary: text(10000).min(1, 'Write your commentary on this focus area.'),
    })
    .superRefine((a, ctx) => {
      if (a.disagrees && !a.disagreement) {
        ctx.addIssue({
          code: 'custom',
          path: ['disagreement'],
          message: `Say why you disagree with the school’s self-evaluation of “${a.area}”.`,
        });
      }
    })
    .transform((a): NoteFocusArea => {
      const area: NoteFocusArea = { area: a.area, judgement: a.judgement, commentary: a.commentary };
      if (a.schoolGrade) area.schoolGrade = a.schoolGrade;
      if (a.disagrees && a.disagreement) area.disagreement = a.disagreement;
      return area;
    });
}

const actionSchema = z.object({
  action: text(1000).min(3, 'Describe the agreed action.'),
  owner: text(200).min(2, 'Say who will do it.'),
  dueBy: z.iso.date({ message: 'Enter the date it is due by.' }),
});

function contentSchemaWith(judgement: z.ZodType<string, string>) {
  return z
    .object({
      focusKind: z.enum(['sev_focus', 'deep_dive'], { message: 'Choose the focus of the visit.' }),
      deepDiveSubject: text(100).optional(),
      focusAreas: z.array(focusAreaSchema(judgement)).min(1, 'Tick at least one focus area.').max(30),
      strengths: text(10000).min(1, 'Write the strengths you found.'),
      areasForDevelopment: text(10000).min(1, 'Write the areas for development.'),
      agreedActions: z.array(actionSchema).max(30).default([]),
    })
    .superRefine((c, ctx) => {
      if (c.focusKind === 'deep_dive' && !c.deepDiveSubject) {
        ctx.addIssue({
          code: 'custom',
          path: ['deepDiveSubject'],
          message: 'Enter the subject of the deep dive.',
        });
      }
    })
    .transform((c): NoteOfVisitContent => ({
      focusKind: c.focusKind,
      ...(c.focusKind === 'deep_dive' ? { deepDiveSubject: c.deepDiveSubject } : {}),
      focusAreas: c.focusAreas,
      strengths: c.strengths,
      areasForDevelopment: c.areasForDevelopment,
      agreedActions: c.agreedActions,
    }));
}

/** The shape of a note's content; judgements are checked against the tenant's scale later. */
export const ZNoteContent = contentSchemaWith(text(100).min(1, 'Choose a judgement.'));
export type TNoteContentInput = z.input<typeof ZNoteContent>;

/** The full check: every judgement must be on the tenant's scale. */
export function noteContentSchema(scale: readonly string[]) {
  const judgement = z
    .string()
    .refine((j) => scale.includes(j), { message: `Choose a judgement: ${scale.join(', ')}.` });
  return contentSchemaWith(judgement);
}

/** The form's view of saved content (disagreement ticked where a reason was recorded). */
export function contentForForm(content: NoteOfVisitContent): TNoteContentInput {
  return {
    ...content,
    focusAreas: content.focusAreas.map((a) => ({ ...a, disagrees: Boolean(a.disagreement) })),
  };
}
