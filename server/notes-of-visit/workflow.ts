import { noteOfVisitStatus, type NoteOfVisit } from '~/db/schema';

/**
 * The life of a note of visit. The adviser drafts it and sends it to the headteacher; the head agrees it or
 * comments; a commented note is revised and sent again (a new version); an agreed note is shared with the
 * chair of governors. Agreed and shared notes are locked for good.
 */
export type NoteStatus = NoteOfVisit['status'];
/** Every status, in workflow order, for filters. */
export const noteStatuses: readonly NoteStatus[] = noteOfVisitStatus.enumValues;
export const isNoteStatus = (s: string | undefined): s is NoteStatus =>
  (noteStatuses as readonly string[]).includes(s ?? '');
export type NoteAction = 'edit' | 'send' | 'agree' | 'comment' | 'share';

const transitions: Record<NoteAction, Partial<Record<NoteStatus, NoteStatus>>> = {
  edit: { draft: 'draft', commented: 'commented' },
  send: { draft: 'sent', commented: 'sent' },
  agree: { sent: 'agreed' },
  comment: { sent: 'commented' },
  share: { agreed: 'shared' },
};

export const lockedStatuses: readonly NoteStatus[] = ['agreed', 'shared'];

export const isLocked = (status: NoteStatus) => lockedStatuses.includes(status);

/** Why an action is not allowed now, in words for the user. */
function refusal(status: NoteStatus, action: NoteAction): string {
  if (isLocked(status) && (action === 'edit' || action === 'send'))
    return 'This note has been agreed with the headteacher and can no longer be changed.';
  switch (action) {
    case 'edit':
      return 'This note is with the headteacher; it can be changed again if they comment on it.';
    case 'send':
      return 'This note has already been sent to the headteacher.';
    case 'agree':
    case 'comment':
      return status === 'draft' || status === 'commented'
        ? 'This note has not been sent to the headteacher yet.'
        : 'This note has already been agreed.';
    case 'share':
      return status === 'shared'
        ? 'This note has already been shared.'
        : 'Only a note the headteacher has agreed can be shared with governors.';
  }
}

export type TransitionResult = { ok: true; to: NoteStatus } | { ok: false; message: string };

/** The status after `action`, or why it cannot happen from `status`. */
export function transition(status: NoteStatus, action: NoteAction): TransitionResult {
  const to = transitions[action][status];
  return to ? { ok: true, to } : { ok: false, message: refusal(status, action) };
}

/** The actions the note's status allows (before asking who may take them). */
export function allowedActions(status: NoteStatus): NoteAction[] {
  return (Object.keys(transitions) as NoteAction[]).filter((a) => transitions[a][status] !== undefined);
}
