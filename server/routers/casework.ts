import { z } from 'zod';
import type { Role } from '~/db/schema';
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
import type { Actor } from '../casework/actor';
import { interventionsForCase, recordPower, ZRecordPowerInput } from '../casework/intervention-powers';
import { listOfficers } from '../casework/officers';
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
import { router, tenantProcedure, type TenantContext } from '../trpc';

/** Officers see every case; an adviser only cases they lead or advise (decided per case by case-access). */
const caseReaders: readonly Role[] = ['tenant_admin', 'la_officer', 'adviser'];
/** Plans are also read (never changed) by the school's own headteacher and governors. */
const planReaders: readonly Role[] = [...caseReaders, 'school_admin', 'governor'];
/** Statutory decisions: warning notices, powers, referrals and the SCC budget. */
const officers: readonly Role[] = ['tenant_admin', 'la_officer'];

const actorOf = (ctx: Pick<TenantContext, 'tenant' | 'user' | 'memberships'>): Actor => ({
  tenantId: ctx.tenant.id,
  settings: ctx.tenant.settings,
  userId: ctx.user.id,
  memberships: ctx.memberships,
});

const byCase = z.object({ caseId: z.uuid() });

export const caseworkRouter = router({
  plan: tenantProcedure(planReaders)
    .input(byCase)
    .query(({ ctx, input }) =>
      planForCase(ctx.tx, { actor: actorOf(ctx), caseId: input.caseId, today: todayInLondon() }),
    ),
  createPlan: tenantProcedure(caseReaders)
    .input(ZCreatePlanInput)
    .mutation(({ ctx, input }) => createPlan(ctx.tx, { ...input, actor: actorOf(ctx) })),
  addItem: tenantProcedure(caseReaders)
    .input(ZAddItemInput)
    .mutation(({ ctx, input }) => addItem(ctx.tx, { ...input, actor: actorOf(ctx) })),
  editItem: tenantProcedure(caseReaders)
    .input(ZEditItemInput)
    .mutation(({ ctx, input }) => editItem(ctx.tx, { ...input, actor: actorOf(ctx) })),
  updateProgress: tenantProcedure(caseReaders)
    .input(ZUpdateProgressInput)
    .mutation(({ ctx, input }) => updateProgress(ctx.tx, { ...input, actor: actorOf(ctx) })),
  completeItem: tenantProcedure(caseReaders)
    .input(ZCompleteItemInput)
    .mutation(({ ctx, input }) => completeItem(ctx.tx, { ...input, actor: actorOf(ctx) })),
  setNextReview: tenantProcedure(caseReaders)
    .input(ZSetNextReviewInput)
    .mutation(({ ctx, input }) => setNextReview(ctx.tx, { ...input, actor: actorOf(ctx) })),

  meetings: tenantProcedure(caseReaders)
    .input(byCase)
    .query(({ ctx, input }) => listMeetings(ctx.tx, { actor: actorOf(ctx), caseId: input.caseId })),
  recordMeeting: tenantProcedure(caseReaders)
    .input(ZRecordMeetingInput)
    .mutation(({ ctx, input }) => recordMeeting(ctx.tx, { ...input, actor: actorOf(ctx) })),

  interventions: tenantProcedure(caseReaders)
    .input(byCase)
    .query(({ ctx, input }) => interventionsForCase(ctx.tx, { actor: actorOf(ctx), caseId: input.caseId })),
  recordNotice: tenantProcedure(officers)
    .input(ZRecordNoticeInput)
    .mutation(({ ctx, input }) => recordNotice(ctx.tx, { ...input, actor: actorOf(ctx) })),
  issueNotice: tenantProcedure(officers)
    .input(ZIssueNoticeInput)
    .mutation(({ ctx, input }) => issueNotice(ctx.tx, { ...input, actor: actorOf(ctx) })),
  noticeOutcome: tenantProcedure(officers)
    .input(ZNoticeOutcomeInput)
    .mutation(({ ctx, input }) => recordNoticeOutcome(ctx.tx, { ...input, actor: actorOf(ctx) })),
  recordPower: tenantProcedure(officers)
    .input(ZRecordPowerInput)
    .mutation(({ ctx, input }) => recordPower(ctx.tx, { ...input, actor: actorOf(ctx) })),
  referToRegionalDirector: tenantProcedure(officers)
    .input(ZReferInput)
    .mutation(({ ctx, input }) => referToRegionalDirector(ctx.tx, { ...input, actor: actorOf(ctx) })),
  referralResponse: tenantProcedure(officers)
    .input(ZReferralResponseInput)
    .mutation(({ ctx, input }) => recordReferralResponse(ctx.tx, { ...input, actor: actorOf(ctx) })),

  budget: tenantProcedure([...officers, 'finance']).query(async ({ ctx }) => {
    const today = todayInLondon();
    const isOfficer = ctx.memberships.some((m) => officers.includes(m.role));
    const [budget, cases, people] = await Promise.all([
      listBudget(ctx.tx),
      isOfficer ? budgetEligibleCases(ctx.tx) : [],
      isOfficer ? listOfficers(ctx.tx) : [],
    ]);
    return { ...budget, cases, officers: people, currentFinancialYear: financialYearOf(today) };
  }),
  requestPayment: tenantProcedure(officers)
    .input(ZRequestPaymentInput)
    .mutation(({ ctx, input }) => requestPayment(ctx.tx, { ...input, actor: actorOf(ctx) })),
  recordDcsApproval: tenantProcedure(officers)
    .input(ZDcsApprovalInput)
    .mutation(({ ctx, input }) => recordDcsApproval(ctx.tx, input)),
  decidePayment: tenantProcedure(officers)
    .input(ZDecidePaymentInput)
    .mutation(({ ctx, input }) => decidePayment(ctx.tx, input)),
  markPaid: tenantProcedure([...officers, 'finance'])
    .input(ZMarkPaidInput)
    .mutation(({ ctx, input }) => markPaid(ctx.tx, input)),

  /** The school's own view: letters and action plan, read-only. */
  mySupport: tenantProcedure(['school_admin', 'governor']).query(({ ctx }) =>
    schoolSupportView(ctx.tx, { actor: actorOf(ctx), today: todayInLondon() }),
  ),
});
