import type { PdfDocument } from '../pdf/render-pdf';
import { isLocked } from './workflow';
import { chairWording } from './labels';
import type { NoteDetail } from './read-notes';
import { longDate } from '~/server/format/dates';

/** The note as a printable document: what the school and governors keep. */
export function notePdfDocument(
  note: NoteDetail,
  options: { issuer: string; adviserTitle: string },
): { document: PdfDocument; filename: string } {
  const c = note.content;
  const footer =
    isLocked(note.status) && note.agreedAt
      ? `Agreed by ${note.agreedByName ?? 'the headteacher'} on ${longDate(note.agreedAt)} (version ${note.version})` +
        (note.sharedAt ? `. Shared with ${chairWording(note.typeGroup)} on ${longDate(note.sharedAt)}.` : '')
      : `Draft – not agreed${note.version > 0 ? ` (version ${note.version} sent to the headteacher)` : ''}`;
  const document: PdfDocument = {
    title: 'Note of visit',
    issuer: options.issuer,
    footer,
    blocks: [
      {
        kind: 'facts',
        pairs: [
          ['School', note.schoolName],
          ['URN', String(note.urn)],
          ['Date of visit', longDate(note.visitedOn)],
          ['Adviser', `${note.adviserName}, ${options.adviserTitle}`],
          [
            'Focus',
            c.focusKind === 'deep_dive' ? `Subject deep dive: ${c.deepDiveSubject ?? ''}` : 'SEV focus areas',
          ],
        ],
      },
      { kind: 'heading', text: 'Focus areas' },
      {
        kind: 'table',
        columns: ['Focus area', 'Judgement', 'School’s view', 'Commentary'],
        widths: [0.25, 0.15, 0.15, 0.45],
        rows: c.focusAreas.map((a) => [
          a.area,
          a.judgement,
          a.schoolGrade ?? '—',
          a.disagreement
            ? `${a.commentary}\nDisagreement with the school’s self-evaluation: ${a.disagreement}`
            : a.commentary,
        ]),
      },
      { kind: 'heading', text: 'Strengths' },
      { kind: 'paragraph', text: c.strengths },
      { kind: 'heading', text: 'Areas for development' },
      { kind: 'paragraph', text: c.areasForDevelopment },
      { kind: 'heading', text: 'Agreed actions' },
      c.agreedActions.length > 0
        ? {
            kind: 'table',
            columns: ['Action', 'Owner', 'Due by'],
            widths: [0.6, 0.2, 0.2],
            rows: c.agreedActions.map((a) => [a.action, a.owner, longDate(a.dueBy)]),
          }
        : { kind: 'paragraph', text: 'No actions were agreed.' },
    ],
  };
  const filename = `note-of-visit-${note.urn}-${note.visitedOn}.pdf`;
  return { document, filename };
}
