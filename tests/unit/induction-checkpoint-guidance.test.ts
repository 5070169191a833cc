import { describe, expect, it } from 'vitest';
import { checkpointGuidance, type GuidanceInput } from '~/server/induction/checkpoint-guidance';

/** A progress review due on Friday 18 December 2026, open from the start of the autumn term. */
const review = (
  reader: GuidanceInput['reader'],
  checkpoint: Partial<GuidanceInput['checkpoint']> = {},
  today = '2026-12-01',
) =>
  checkpointGuidance({
    reader,
    checkpoint: {
      kind: 'review',
      status: 'due',
      dueOn: '2026-12-18',
      opensOn: '2026-09-03',
      overdue: false,
      ...checkpoint,
    },
    ectName: 'Priya Raman',
    schoolName: 'Alpha Primary School',
    tutorName: 'Tara Tutor',
    today,
  });

describe('what a reader who does not submit a checkpoint is told', () => {
  it('a mentor: who submits it, by when, and that they pass their notes to the tutor', () => {
    expect(review('mentor')).toBe(
      'The induction tutor (Tara Tutor) or the headteacher at Alpha Primary School submits this progress review to the Appropriate Body by 18 December 2026. As Priya Raman’s mentor you do not submit it; you can give Tara Tutor your notes from mentoring sessions and observations to draw on before then.',
    );
  });

  it('a mentor, before the term it covers: from when and by when', () => {
    expect(review('mentor', { opensOn: '2027-01-04', dueOn: '2027-03-26' })).toContain(
      'submits this progress review to the Appropriate Body between 4 January 2027, when the term it covers begins, and 26 March 2027.',
    );
  });

  it('a mentor, once it is overdue: it is late, and the notes are wanted now', () => {
    const text = review('mentor', { overdue: true }, '2027-01-05');
    expect(text).toContain('This progress review was due on 18 December 2026 and is overdue.');
    expect(text).toContain('give them to Tara Tutor now');
  });

  it('a mentor, when the AB asked for changes: who sends it again', () => {
    expect(review('mentor', { status: 'changes_requested' })).toContain(
      'The Appropriate Body asked for changes to this progress review. The induction tutor (Tara Tutor) or the headteacher at Alpha Primary School sends it again by 18 December 2026.',
    );
  });

  it('once submitted or accepted, nothing is asked of a mentor', () => {
    expect(review('mentor', { status: 'submitted' })).toBe(
      'Alpha Primary School submitted this progress review; the Appropriate Body is checking it. Nothing is needed from you.',
    );
    expect(review('mentor', { status: 'accepted', kind: 'formal' })).toBe(
      'Alpha Primary School submitted this formal assessment and the Appropriate Body accepted it. Nothing is needed from you.',
    );
  });

  it('other staff, the ECT, and another school the ECT was at', () => {
    expect(review('staff')).toMatch(/by 18 December 2026\. Only they can submit it\.$/);
    expect(review('ect')).toMatch(
      /^Your induction tutor \(Tara Tutor\) or the headteacher at Alpha Primary School submits .* You do not submit it yourself\.$/,
    );
    expect(review('other_school', { kind: 'interim', overdue: true })).toBe(
      'This interim assessment covers Priya Raman’s time at Alpha Primary School, so Alpha Primary School submits it (its induction tutor, Tara Tutor, or headteacher); it was due on 18 December 2026. Nothing is needed from you.',
    );
  });
});
