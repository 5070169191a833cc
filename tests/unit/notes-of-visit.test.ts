import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deepDiveAreas, noteContentSchema, ZNoteContent } from '~/server/notes-of-visit/content';
import { allowedActions, isLocked, transition, type NoteStatus } from '~/server/notes-of-visit/workflow';

const scale = ['Emerging', 'Secure', 'Highly Effective'];

const area = (over: Record<string, unknown> = {}) => ({
  area: 'Behaviour, attendance and routines',
  judgement: 'Secure',
  commentary: 'Calm corridors; attendance above national.',
  ...over,
});
const content = (over: Record<string, unknown> = {}) => ({
  focusKind: 'sev_focus',
  focusAreas: [area()],
  strengths: 'Clear routines.',
  areasForDevelopment: 'Persistent absence of disadvantaged pupils.',
  agreedActions: [{ action: 'Review attendance plan', owner: 'Headteacher', dueBy: '2027-01-15' }],
  ...over,
});
const fieldsOf = (error: z.ZodError) => error.issues.map((i) => i.path.join('.'));

describe('note of visit workflow', () => {
  const all: NoteStatus[] = ['draft', 'sent', 'commented', 'agreed', 'shared'];

  it('goes draft → sent → agreed → shared', () => {
    expect(transition('draft', 'send')).toEqual({ ok: true, to: 'sent' });
    expect(transition('sent', 'agree')).toEqual({ ok: true, to: 'agreed' });
    expect(transition('agreed', 'share')).toEqual({ ok: true, to: 'shared' });
  });

  it('lets the head comment, the adviser revise and re-send', () => {
    expect(transition('sent', 'comment')).toEqual({ ok: true, to: 'commented' });
    expect(transition('commented', 'edit')).toEqual({ ok: true, to: 'commented' });
    expect(transition('commented', 'send')).toEqual({ ok: true, to: 'sent' });
  });

  it('never edits or re-sends an agreed or shared note', () => {
    for (const status of ['agreed', 'shared'] as const) {
      expect(isLocked(status)).toBe(true);
      for (const action of ['edit', 'send'] as const) {
        const result = transition(status, action);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.message).toMatch(/agreed .* can no longer be changed/);
      }
    }
  });

  it('does not edit a note while it is with the headteacher', () => {
    expect(transition('sent', 'edit').ok).toBe(false);
    expect(transition('sent', 'send').ok).toBe(false);
  });

  it('agrees or comments only on a sent note, shares only an agreed one', () => {
    for (const s of all) {
      expect(transition(s, 'agree').ok).toBe(s === 'sent');
      expect(transition(s, 'comment').ok).toBe(s === 'sent');
      expect(transition(s, 'share').ok).toBe(s === 'agreed');
    }
    const early = transition('draft', 'agree');
    expect(!early.ok && early.message).toBe('This note has not been sent to the headteacher yet.');
  });

  it('lists the actions each status allows', () => {
    expect(allowedActions('draft')).toEqual(['edit', 'send']);
    expect(allowedActions('sent')).toEqual(['agree', 'comment']);
    expect(allowedActions('agreed')).toEqual(['share']);
    expect(allowedActions('shared')).toEqual([]);
  });
});

describe('note of visit content', () => {
  it('accepts a complete note and drops the disagreement flag', () => {
    const parsed = noteContentSchema(scale).parse(
      content({
        focusAreas: [
          area({ disagrees: true, schoolGrade: 'Highly Effective', disagreement: 'Too generous.' }),
        ],
      }),
    );
    expect(parsed.focusAreas[0]).toEqual({
      area: 'Behaviour, attendance and routines',
      judgement: 'Secure',
      schoolGrade: 'Highly Effective',
      disagreement: 'Too generous.',
      commentary: 'Calm corridors; attendance above national.',
    });
  });

  it('requires a reason when the adviser disagrees with the school', () => {
    const result = noteContentSchema(scale).safeParse(content({ focusAreas: [area({ disagrees: true })] }));
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldsOf(result.error)).toEqual(['focusAreas.0.disagreement']);
      expect(result.error.issues[0]?.message).toMatch(/Say why you disagree/);
    }
  });

  it('forgets a reason typed before the adviser unticked "disagree"', () => {
    const parsed = noteContentSchema(scale).parse(
      content({ focusAreas: [area({ disagrees: false, disagreement: 'left over' })] }),
    );
    expect(parsed.focusAreas[0]?.disagreement).toBeUndefined();
  });

  it('requires judgements on the tenant scale', () => {
    const result = noteContentSchema(scale).safeParse(content({ focusAreas: [area({ judgement: 'Good' })] }));
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldsOf(result.error)).toEqual(['focusAreas.0.judgement']);
      expect(result.error.issues[0]?.message).toBe('Choose a judgement: Emerging, Secure, Highly Effective.');
    }
    // Another LA's scale is its own.
    expect(
      noteContentSchema(['Weak', 'Good']).safeParse(content({ focusAreas: [area({ judgement: 'Good' })] }))
        .success,
    ).toBe(true);
  });

  it('names each missing field', () => {
    const result = ZNoteContent.safeParse({
      focusKind: 'deep_dive',
      focusAreas: [],
      strengths: ' ',
      areasForDevelopment: '',
      agreedActions: [{ action: '', owner: '', dueBy: 'soon' }],
    });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(fieldsOf(result.error).sort()).toEqual(
        [
          'agreedActions.0.action',
          'agreedActions.0.dueBy',
          'agreedActions.0.owner',
          'areasForDevelopment',
          'deepDiveSubject',
          'focusAreas',
          'strengths',
        ].sort(),
      );
  });

  it('needs the subject of a deep dive, whose areas always include disadvantaged pupils and SEND', () => {
    const result = ZNoteContent.safeParse(content({ focusKind: 'deep_dive' }));
    expect(!result.success && fieldsOf(result.error)).toEqual(['deepDiveSubject']);
    expect(deepDiveAreas('History')).toEqual([
      'History: intent',
      'History: implementation',
      'History: impact',
      'Provision for disadvantaged pupils',
      'Provision for pupils with SEND',
    ]);
  });
});
