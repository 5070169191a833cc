import { describe, expect, it } from 'vitest';
import { warningNoticeLetterText } from '~/server/casework/warning-notice-letter';

const base = {
  schoolName: 'Alder Brook Primary School',
  issuerName: 'Tamside Council',
  concerns: 'Reading outcomes have fallen for three years.',
  dcsName: 'Lena Marsh',
  dcsDecisionOn: '2026-12-05',
  complianceBy: '2027-01-15',
  leadOfficerTitle: 'Lead Officer',
};

describe('the formal warning notice letter', () => {
  it('says who decided, the grounds and matters, what to do by when, and the powers that follow', () => {
    const letter = warningNoticeLetterText({
      ...base,
      kind: 'formal_s60',
      grounds: ['unacceptably_low_standards', 'safety_threatened'],
    });
    expect(letter.subject).toBe(
      'Alder Brook Primary School: warning notice under section 60 of the Education and Inspections Act 2006',
    );
    expect(letter.summary).toContain('must comply by 15 January 2027');
    const paragraphs = letter.body.split('\n\n');
    expect(paragraphs[1]).toBe(
      'On 5 December 2026 the Director of Children’s Services, Lena Marsh, decided to give the governing body this warning notice under section 60 of the Education and Inspections Act 2006.',
    );
    expect(paragraphs[2]).toBe(
      'The grounds: unacceptably low standards of performance; safety of pupils or staff threatened.',
    );
    expect(paragraphs[3]).toBe(
      'The matters that give rise to them: Reading outcomes have fallen for three years.',
    );
    expect(letter.body).toContain(
      'agreed with your Lead Officer, and show that it has done so by 15 January 2027',
    );
    expect(letter.body).toContain(
      'appoint additional governors (section 64), replace the governing body with an interim executive board (section 65)',
    );
  });

  it('gives the pay and conditions ground for a section 60A notice, and leaves out matters not recorded', () => {
    const letter = warningNoticeLetterText({
      ...base,
      kind: 'pay_and_conditions_s60a',
      grounds: [],
      concerns: ' ',
    });
    expect(letter.subject).toContain('section 60A');
    expect(letter.body).toContain('School Teachers’ Pay and Conditions Document');
    expect(letter.body).not.toContain('The matters that give rise');
  });
});
