import { mayRecordDcsDecision } from '~/server/casework/dcs-designation';
import { describe, expect, it } from 'vitest';
import {
  dueDateProblem,
  financialYearLabel,
  financialYearOf,
  interventionEligibility,
  issueProblems,
  nextNoticeStatuses,
  paymentTransitionProblem,
  statementOfActionReason,
  summarisePlan,
} from '~/server/casework/rules';

const today = '2026-11-23';

describe('dueDateProblem', () => {
  it('accepts today or later and refuses a date already past', () => {
    expect(dueDateProblem('2026-11-23', today)).toBeNull();
    expect(dueDateProblem('2027-03-31', today)).toBeNull();
    expect(dueDateProblem('2026-11-22', today)).toBe('The due date must be today or later.');
  });

  it('lets an edited action keep a date already past, but not move to another past date', () => {
    expect(dueDateProblem('2026-11-01', today, '2026-11-01')).toBeNull();
    expect(dueDateProblem('2026-11-02', today, '2026-11-01')).toBe('The due date must be today or later.');
    expect(dueDateProblem('2026-12-01', today, '2026-11-01')).toBeNull();
  });
});

describe('summarisePlan', () => {
  it('counts open items by RAG, completed items apart, and open items past their due date as overdue', () => {
    const summary = summarisePlan(
      [
        { rag: 'red', dueOn: '2026-11-01', completedOn: null },
        { rag: 'amber', dueOn: '2026-11-22', completedOn: null },
        { rag: 'amber', dueOn: '2026-11-23', completedOn: null },
        { rag: 'green', dueOn: '2027-03-31', completedOn: null },
        { rag: 'green', dueOn: '2026-09-01', completedOn: '2026-08-30' },
      ],
      today,
    );
    expect(summary).toEqual({ total: 5, completed: 1, byRag: { red: 1, amber: 2, green: 1 }, overdue: 2 });
  });

  it('is all zeros for an empty plan', () => {
    expect(summarisePlan([], today)).toEqual({
      total: 0,
      completed: 0,
      byRag: { red: 0, amber: 0, green: 0 },
      overdue: 0,
    });
  });

  it('does not count an item due today as overdue', () => {
    expect(summarisePlan([{ rag: 'red', dueOn: today, completedOn: null }], today).overdue).toBe(0);
  });
});

describe('statementOfActionReason', () => {
  it('requires a Statement of Action for special measures, serious weaknesses and requires significant improvement', () => {
    for (const c of ['special_measures', 'serious_weaknesses', 'requires_significant_improvement'] as const) {
      expect(
        statementOfActionReason({ laCategoryRequiresStatement: false, latestOfstedCategory: c }),
      ).toMatch(/latest Ofsted inspection/);
    }
  });

  it('requires one when the LA category setting says so', () => {
    expect(
      statementOfActionReason({ laCategoryRequiresStatement: true, latestOfstedCategory: null }),
    ).toMatch(/LA category/);
  });

  it('allows an ordinary action plan otherwise', () => {
    expect(
      statementOfActionReason({ laCategoryRequiresStatement: false, latestOfstedCategory: null }),
    ).toBeNull();
  });
});

describe('warning notice transitions', () => {
  const formal = {
    kind: 'formal_s60' as const,
    status: 'recommended' as const,
    issuedOn: '2026-11-23',
    complianceBy: '2027-01-15',
    dcsDecisionOn: '2026-11-20',
    dcsDecisionByUserId: 'dcs',
  };

  it('issues a formal notice with the DCS decision and a compliance date', () => {
    expect(issueProblems(formal)).toEqual([]);
  });

  it('refuses a formal notice without the DCS decision', () => {
    expect(issueProblems({ ...formal, dcsDecisionOn: null }).join(' ')).toMatch(/DCS decision/);
    expect(issueProblems({ ...formal, dcsDecisionByUserId: null }).join(' ')).toMatch(/DCS decision/);
  });

  it('refuses a formal or s60A notice without a compliance date, or one not after the issue date', () => {
    expect(issueProblems({ ...formal, complianceBy: null }).join(' ')).toMatch(/must comply/);
    expect(
      issueProblems({ ...formal, kind: 'pay_and_conditions_s60a', complianceBy: null }).join(' '),
    ).toMatch(/must comply/);
    expect(issueProblems({ ...formal, complianceBy: '2026-11-23' }).join(' ')).toMatch(/after the date/);
  });

  it('needs neither for an informal notice', () => {
    expect(
      issueProblems({
        ...formal,
        kind: 'informal',
        complianceBy: null,
        dcsDecisionOn: null,
        dcsDecisionByUserId: null,
      }),
    ).toEqual([]);
  });

  it('issues only a recommended notice', () => {
    expect(issueProblems({ ...formal, status: 'issued' }).join(' ')).toMatch(/Only a recommended/);
  });

  it('moves recommended → issued or withdrawn, issued → an outcome, and nothing after an outcome', () => {
    expect(nextNoticeStatuses('recommended')).toEqual(['issued', 'withdrawn']);
    expect(nextNoticeStatuses('issued')).toEqual(['complied', 'not_complied', 'withdrawn']);
    expect(nextNoticeStatuses('complied')).toEqual([]);
    expect(nextNoticeStatuses('not_complied')).toEqual([]);
    expect(nextNoticeStatuses('withdrawn')).toEqual([]);
  });
});

describe('interventionEligibility', () => {
  const base = { maintained: true, notices: [], latestOfstedCategory: null };

  it('is eligible when a formal s60 or s60A notice was not complied with', () => {
    expect(
      interventionEligibility({ ...base, notices: [{ kind: 'formal_s60', status: 'not_complied' }] })
        .eligible,
    ).toBe(true);
    expect(
      interventionEligibility({
        ...base,
        notices: [{ kind: 'pay_and_conditions_s60a', status: 'not_complied' }],
      }).eligible,
    ).toBe(true);
  });

  it('is eligible in an Ofsted category of concern', () => {
    const result = interventionEligibility({ ...base, latestOfstedCategory: 'special_measures' });
    expect(result).toEqual({ eligible: true, reason: expect.stringMatching(/special measures/) });
  });

  it('is not eligible with only an issued, complied or informal notice', () => {
    const result = interventionEligibility({
      ...base,
      notices: [
        { kind: 'formal_s60', status: 'issued' },
        { kind: 'formal_s60', status: 'complied' },
        { kind: 'informal', status: 'not_complied' },
      ],
    });
    expect(result.eligible).toBe(false);
    expect(result.reason).toMatch(/not eligible/);
  });

  it('is never eligible for an academy, which goes to the Regional Director', () => {
    const result = interventionEligibility({
      ...base,
      maintained: false,
      latestOfstedCategory: 'special_measures',
    });
    expect(result.eligible).toBe(false);
    expect(result.reason).toMatch(/Regional Director/);
  });
});

describe('SCC budget approval rule', () => {
  it('approves and pays a payment to the school without the DCS', () => {
    expect(
      paymentTransitionProblem({ status: 'requested', payeeKind: 'school', dcsApprovedOn: null }, 'approved'),
    ).toBeNull();
    expect(
      paymentTransitionProblem({ status: 'approved', payeeKind: 'school', dcsApprovedOn: null }, 'paid'),
    ).toBeNull();
  });

  it('refuses to approve or pay another payee until the DCS approval is recorded', () => {
    const other = { status: 'requested' as const, payeeKind: 'other' as const, dcsApprovedOn: null };
    expect(paymentTransitionProblem(other, 'approved')).toMatch(/DCS approval/);
    expect(paymentTransitionProblem({ ...other, status: 'approved' }, 'paid')).toMatch(/DCS approval/);
    expect(paymentTransitionProblem({ ...other, dcsApprovedOn: '2026-11-20' }, 'approved')).toBeNull();
    expect(paymentTransitionProblem(other, 'declined')).toBeNull();
  });

  it('pays only an approved payment and changes nothing once paid or declined', () => {
    const school = { payeeKind: 'school' as const, dcsApprovedOn: null };
    expect(paymentTransitionProblem({ ...school, status: 'requested' }, 'paid')).toMatch(
      /cannot be marked paid/,
    );
    expect(paymentTransitionProblem({ ...school, status: 'paid' }, 'declined')).not.toBeNull();
    expect(paymentTransitionProblem({ ...school, status: 'declined' }, 'approved')).not.toBeNull();
  });

  it('puts dates in the April–March financial year', () => {
    expect(financialYearOf('2026-11-23')).toBe(2026);
    expect(financialYearOf('2027-03-31')).toBe(2026);
    expect(financialYearOf('2027-04-01')).toBe(2027);
    expect(financialYearLabel(2026)).toBe('2026-27');
    expect(financialYearLabel(2099)).toBe('2099-00');
  });
});

describe('who records a DCS decision', () => {
  // Source: domain note (/work/shared/domain/README.md, "Organisations"): "The DCS (Director of Children's
  // Services) decides on formal powers"; Barnet Part B (001): formal warning notices and s63–66 powers on the
  // DCS's decision, SCC budget payments other than to the school with the DCS's agreement. Officers recommend.
  const designated = [{ userId: 'dcs' }, { userId: 'delegate' }];
  it('the DCS and named delegates may; an officer who is not named may not', () => {
    expect(mayRecordDcsDecision(designated, 'dcs')).toBe(true);
    expect(mayRecordDcsDecision(designated, 'delegate')).toBe(true);
    expect(mayRecordDcsDecision(designated, 'officer')).toBe(false);
    expect(mayRecordDcsDecision([], 'dcs')).toBe(false);
  });
});
