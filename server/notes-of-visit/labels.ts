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
