import type { NoteOfVisit } from '~/db/schema';

/**
 * Words for notes of visit, shared by pages, emails and the PDF. Safe in client components: types only.
 */
export type NoteStatus = NoteOfVisit['status'];

export const isAcademyGroup = (typeGroup: string) =>
  typeGroup === 'Academies' || typeGroup === 'Free Schools';

/** Academies have trustees and local boards, so the note goes to "the chair"; maintained schools' chair of governors. */
export const chairWording = (typeGroup: string) =>
  isAcademyGroup(typeGroup) ? 'the chair' : 'the chair of governors';

export function statusLabel(status: NoteStatus, typeGroup: string): string {
  switch (status) {
    case 'draft':
      return 'Draft';
    case 'sent':
      return 'Sent to the headteacher';
    case 'commented':
      return 'Headteacher commented';
    case 'agreed':
      return 'Agreed';
    case 'shared':
      return `Shared with ${chairWording(typeGroup)}`;
  }
}

export const statusOptions: { value: NoteStatus; label: string }[] = [
  { value: 'draft', label: 'Draft' },
  { value: 'sent', label: 'Sent to the headteacher' },
  { value: 'commented', label: 'Headteacher commented' },
  { value: 'agreed', label: 'Agreed' },
  { value: 'shared', label: 'Shared with governors' },
];

export const versionEventLabels: Record<string, string> = {
  sent: 'Sent to the headteacher',
  commented: 'Headteacher commented',
  agreed: 'Agreed by the headteacher',
  shared: 'Shared with governors',
};

/**
 * What the adviser is told after sending a note: honest about who was emailed and whether a headteacher can
 * open it yet (a headteacher who joins later finds it on their school's notes).
 */
export function sentMessage(sent: {
  emailed: number;
  headteacherAccounts: number;
  schoolName: string;
}): string {
  if (sent.headteacherAccounts > 0) return 'Sent to the headteacher.';
  const waits = `The note waits on ${sent.schoolName}’s notes of visit: the headteacher will find it there when they join.`;
  if (sent.emailed === 0)
    return `Sent, but nobody was emailed: no headteacher at ${sent.schoolName} has an account yet, and there is no headteacher email on the school’s contacts. ${waits}`;
  return `Sent, and emailed to the headteacher on the school’s contacts, but no headteacher at ${sent.schoolName} has an account yet. ${waits}`;
}
