import type { IsoDate } from '../catalogue/academic-year';
import { longDate } from '../format/dates';
import { checkpointKindLabels } from './induction-labels';

/**
 * Who is reading a checkpoint they do not submit (see submitsFor): the ECT's mentor at the school it belongs
 * to, another member of that school's staff, someone at another school the ECT was or is at, or the ECT.
 */
export type GuidanceReader = 'mentor' | 'staff' | 'other_school' | 'ect';

export type GuidanceInput = {
  reader: GuidanceReader;
  checkpoint: {
    kind: keyof typeof checkpointKindLabels;
    status: 'due' | 'submitted' | 'changes_requested' | 'accepted';
    dueOn: IsoDate;
    /** When it opens for submission (the start of the term it covers). */
    opensOn: IsoDate;
    overdue: boolean;
  };
  ectName: string;
  /** The school it belongs to, and the induction tutor named on the ECT's period there. */
  schoolName: string;
  tutorName: string;
  today: IsoDate;
};

/**
 * A plain sentence or two for someone who reads a review or assessment but does not submit it: who submits
 * it, by when, and what, if anything, they can do. Mentors usually do not submit reviews (the induction tutor
 * or the headteacher does), but what they see in mentoring sessions is evidence the tutor draws on, so a
 * mentor is told to pass it on in time rather than shown a "Due" they cannot act on.
 */
export function checkpointGuidance(input: GuidanceInput): string {
  const { reader, checkpoint: c, ectName, schoolName, tutorName } = input;
  const what = checkpointKindLabels[c.kind].toLowerCase();
  const due = longDate(c.dueOn);
  const nothing = reader === 'ect' ? '' : ' Nothing is needed from you.';
  if (c.status === 'accepted')
    return `${schoolName} submitted this ${what} and the Appropriate Body accepted it.${nothing}`;
  if (c.status === 'submitted')
    return `${schoolName} submitted this ${what}; the Appropriate Body is checking it.${nothing}`;

  if (reader === 'other_school')
    return `This ${what} covers ${ectName}’s time at ${schoolName}, so ${schoolName} submits it (its induction tutor, ${tutorName}, or headteacher)${c.overdue ? `; it was due on ${due}` : `, by ${due}`}. Nothing is needed from you.`;

  const who =
    reader === 'ect'
      ? `Your induction tutor (${tutorName}) or the headteacher at ${schoolName}`
      : `The induction tutor (${tutorName}) or the headteacher at ${schoolName}`;
  const when =
    c.status === 'changes_requested'
      ? `The Appropriate Body asked for changes to this ${what}. ${who} sends it again${c.overdue ? `: it was due on ${due} and is overdue` : ` by ${due}`}.`
      : c.overdue
        ? `This ${what} was due on ${due} and is overdue. ${who} submits it to the Appropriate Body.`
        : input.today < c.opensOn
          ? `${who} submits this ${what} to the Appropriate Body between ${longDate(c.opensOn)}, when the term it covers begins, and ${due}.`
          : `${who} submits this ${what} to the Appropriate Body by ${due}.`;
  const yours =
    reader === 'mentor'
      ? c.overdue
        ? ` As ${ectName}’s mentor you do not submit it, but your notes from mentoring sessions and observations are evidence for it: give them to ${tutorName} now.`
        : ` As ${ectName}’s mentor you do not submit it; you can give ${tutorName} your notes from mentoring sessions and observations to draw on before then.`
      : reader === 'ect'
        ? ' You do not submit it yourself.'
        : ' Only they can submit it.';
  return `${when}${yours}`;
}
