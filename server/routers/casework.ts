import { z } from 'zod';
import {
  addItem,
  completeItem,
  createPlan,
  editItem,
  planForCase,
  setNextReview,
  updateProgress,
  ZAddItemInput,
  ZCompleteItemInput,
  ZCreatePlanInput,
  ZEditItemInput,
  ZSetNextReviewInput,
  ZUpdateProgressInput,
} from '../casework/action-plans';
import {
  hasRole,
  managers,
  monitoringReaders as caseReaders,
  officers,
  planReaders,
  sccBudgetUsers,
  schoolLeaders,
} from '../access/role-groups';
import { interventionsForCase, recordPower, ZRecordPowerInput } from '../casework/intervention-powers';
import {
  designateDcs,
  designationCandidates,
  endDesignation,
  listDcsDesignations,
  mayRecordDcsDecision,
  ZDesignateDcsInput,
  ZEndDesignationInput,
} from '../casework/dcs-designation';
import {
  recordReferralResponse,
  referToRegionalDirector,
  ZReferInput,
  ZReferralResponseInput,
} from '../casework/rd-referrals';
import { financialYearOf } from '../casework/rules';
import {
  budgetEligibleCases,
  decidePayment,
  listBudget,
  markPaid,
  recordDcsApproval,
  requestPayment,
  ZDcsApprovalInput,
  ZDecidePaymentInput,
  ZMarkPaidInput,
  ZRequestPaymentInput,
} from '../casework/scc-budget';
import { listMeetings, recordMeeting, ZRecordMeetingInput } from '../casework/scc-meetings';
import { schoolSupportView } from '../casework/school-view';
import {
  issueNotice,
  recordNotice,
  recordNoticeOutcome,
  ZIssueNoticeInput,
  ZNoticeOutcomeInput,
  ZRecordNoticeInput,
} from '../casework/warning-notices';
import { todayInLondon } from '../catalogue/academic-year';
import { statutoryOf } from '../monitoring/require-statutory';
import { router, tenantProcedure } from '../trpc';

const byCase = z.object({ caseId: z.uuid() });

export const caseworkRouter = router({
  plan: tenantProcedure({ module: 'statutory', roles: planReaders })
    .input(byCase)
    .query(({ ctx, input }) =>
      planForCase(ctx.tx, { actor: ctx.actor, caseId: input.caseId, today: todayInLondon() }),
    ),
  createPlan: tenantProcedure({ module: 'statutory', roles: caseReaders })
    .input(ZCreatePlanInput)
    .mutation(({ ctx, input }) => createPlan(ctx.tx, { ...input, actor: ctx.actor })),
  addItem: tenantProcedure({ module: 'statutory', roles: caseReaders })
    .input(ZAddItemInput)
    .mutation(({ ctx, input }) => addItem(ctx.tx, { ...input, actor: ctx.actor })),
  editItem: tenantProcedure({ module: 'statutory', roles: caseReaders })
    .input(ZEditItemInput)
    .mutation(({ ctx, input }) => editItem(ctx.tx, { ...input, actor: ctx.actor })),
  updateProgress: tenantProcedure({ module: 'statutory', roles: caseReaders })
    .input(ZUpdateProgressInput)
    .mutation(({ ctx, input }) => updateProgress(ctx.tx, { ...input, actor: ctx.actor })),
  completeItem: tenantProcedure({ module: 'statutory', roles: caseReaders })
    .input(ZCompleteItemInput)
    .mutation(({ ctx, input }) => completeItem(ctx.tx, { ...input, actor: ctx.actor })),
  setNextReview: tenantProcedure({ module: 'statutory', roles: caseReaders })
    .input(ZSetNextReviewInput)
    .mutation(({ ctx, input }) => setNextReview(ctx.tx, { ...input, actor: ctx.actor })),

  meetings: tenantProcedure({ module: 'statutory', roles: caseReaders })
    .input(byCase)
    .query(({ ctx, input }) => listMeetings(ctx.tx, { actor: ctx.actor, caseId: input.caseId })),
  recordMeeting: tenantProcedure({ module: 'statutory', roles: caseReaders })
    .input(ZRecordMeetingInput)
    .mutation(({ ctx, input }) => recordMeeting(ctx.tx, { ...input, actor: ctx.actor })),

  interventions: tenantProcedure({ module: 'statutory', roles: caseReaders })
    .input(byCase)
    .query(({ ctx, input }) => interventionsForCase(ctx.tx, { actor: ctx.actor, caseId: input.caseId })),
  recordNotice: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZRecordNoticeInput)
    .mutation(({ ctx, input }) => recordNotice(ctx.tx, { ...input, actor: ctx.actor })),
  issueNotice: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZIssueNoticeInput)
    .mutation(({ ctx, input }) => issueNotice(ctx.tx, { ...input, actor: ctx.actor })),
  noticeOutcome: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZNoticeOutcomeInput)
    .mutation(({ ctx, input }) => recordNoticeOutcome(ctx.tx, { ...input, actor: ctx.actor })),
  recordPower: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZRecordPowerInput)
    .mutation(({ ctx, input }) => recordPower(ctx.tx, { ...input, actor: ctx.actor })),
  referToRegionalDirector: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZReferInput)
    .mutation(({ ctx, input }) => referToRegionalDirector(ctx.tx, { ...input, actor: ctx.actor })),
  referralResponse: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZReferralResponseInput)
    .mutation(({ ctx, input }) => recordReferralResponse(ctx.tx, { ...input, actor: ctx.actor })),

  budget: tenantProcedure({ module: 'statutory', roles: sccBudgetUsers }).query(async ({ ctx }) => {
    const today = todayInLondon();
    const isOfficer = hasRole(ctx.actor.roles, officers);
    const [budget, cases, people] = await Promise.all([
      listBudget(ctx.tx),
      isOfficer ? budgetEligibleCases(ctx.tx) : [],
      isOfficer ? listDcsDesignations(ctx.tx) : [],
    ]);
    return {
      ...budget,
      cases,
      /** The DCS and delegates: who may approve. */
      officers: people,
      canDecide: mayRecordDcsDecision(people, ctx.actor.userId),
      currentFinancialYear: financialYearOf(today),
    };
  }),
  requestPayment: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZRequestPaymentInput)
    .mutation(({ ctx, input }) => requestPayment(ctx.tx, { ...input, actor: ctx.actor })),
  recordDcsApproval: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZDcsApprovalInput)
    .mutation(({ ctx, input }) => recordDcsApproval(ctx.tx, { ...input, actor: ctx.actor })),
  decidePayment: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZDecidePaymentInput)
    .mutation(({ ctx, input }) => decidePayment(ctx.tx, input)),
  markPaid: tenantProcedure({ module: 'statutory', roles: sccBudgetUsers })
    .input(ZMarkPaidInput)
    .mutation(({ ctx, input }) => markPaid(ctx.tx, input)),

  /** The DCS and delegates named in the workspace, and the officers who could be. */
  dcsDesignations: tenantProcedure({ module: 'statutory', roles: officers }).query(async ({ ctx }) => ({
    designated: await listDcsDesignations(ctx.tx),
    candidates: hasRole(ctx.actor.roles, managers) ? await designationCandidates(ctx.tx) : [],
    preconditions: statutoryOf(ctx.actor).formalNoticePreconditions,
  })),
  designateDcs: tenantProcedure({ module: 'statutory', roles: managers })
    .input(ZDesignateDcsInput)
    .mutation(({ ctx, input }) => designateDcs(ctx.tx, ctx.actor, input)),
  endDcsDesignation: tenantProcedure({ module: 'statutory', roles: managers })
    .input(ZEndDesignationInput)
    .mutation(({ ctx, input }) => endDesignation(ctx.tx, input)),

  /** The school's own view: letters and action plan, read-only. */
  mySupport: tenantProcedure({ module: 'statutory', roles: schoolLeaders }).query(({ ctx }) =>
    schoolSupportView(ctx.tx, { actor: ctx.actor, today: todayInLondon() }),
  ),
});
