import type { WarningNotice } from '~/db/schema';
import { longDate } from '../format/dates';
import { groundLabels } from './labels';
import type { S60Ground } from './rules';

/**
 * The formal warning notice as the letter the governing body receives (Education and Inspections Act 2006,
 * s60, or s60A for teachers' pay and conditions): who decided and when, the grounds and the matters behind
 * them, what the governing body must do by when (the issuer sets the compliance period), and the powers the
 * LA may use if it does not.
 */
export function warningNoticeLetterText(input: {
  kind: Exclude<WarningNotice['kind'], 'informal'>;
  schoolName: string;
  issuerName: string;
  grounds: readonly string[];
  concerns: string;
  dcsName: string | null;
  dcsDecisionOn: string;
  complianceBy: string;
  leadOfficerTitle: string;
}) {
  const section = input.kind === 'formal_s60' ? 'section 60' : 'section 60A';
  const grounds =
    input.kind === 'formal_s60'
      ? input.grounds
          .map((g) => groundLabels[g as S60Ground] ?? g)
          .map(inSentence)
          .join('; ')
      : 'a provision of the School Teachers’ Pay and Conditions Document that applies to a teacher at the school has not been complied with';
  return {
    subject: `${input.schoolName}: warning notice under ${section} of the Education and Inspections Act 2006`,
    summary: `${input.issuerName} has given the governing body of ${input.schoolName} a formal warning notice. It must comply by ${longDate(input.complianceBy)}.`,
    body: [
      `To the governing body of ${input.schoolName}.`,
      `On ${longDate(input.dcsDecisionOn)} the Director of Children’s Services${input.dcsName ? `, ${input.dcsName},` : ''} decided to give the governing body this warning notice under ${section} of the Education and Inspections Act 2006.`,
      `The grounds: ${grounds}.`,
      input.concerns.trim() ? `The matters that give rise to them: ${input.concerns.trim()}` : '',
      `What the governing body must do: take the action needed to put these matters right, as set out in the school’s action plan agreed with your ${input.leadOfficerTitle}, and show that it has done so by ${longDate(input.complianceBy)}.`,
      'If the governing body does not comply by then, the local authority may use its powers of intervention: require the governing body to enter into arrangements or to collaborate with another school (section 63), appoint additional governors (section 64), replace the governing body with an interim executive board (section 65) or suspend the school’s delegated budget (section 66).',
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}

/** "Unacceptably low standards…" mid-sentence. */
const inSentence = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);
