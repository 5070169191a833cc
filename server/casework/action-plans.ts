import { DomainError } from '~/server/errors/domain-error';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { actionPlanItems, actionPlans, type ActionPlan, type ActionPlanItem } from '~/db/schema';
import { loadCaseFor } from '../concern/case-access';
import type { Actor } from '../access/actor';
import { todayInLondon, type IsoDate } from '../catalogue/academic-year';
import { concernSettingsOf } from '../concern/concern-settings';
import { dueDateProblem, planNotStartableReason, statementOfActionReason, summarisePlan } from './rules';
import { loadSchoolFacts } from './school-facts';

const isoDate = (message: string) => z.iso.date({ message });

export const ZPlanItemFields = z.object({
  priority: z.string().trim().min(1, 'Enter the priority this action addresses.').max(200),
  action: z.string().trim().min(3, 'Describe the action.').max(2000),
  ownerKind: z.enum(['school', 'la', 'provider', 'broker'], { message: 'Choose who owns the action.' }),
  ownerName: z.string().trim().max(200).default(''),
  milestone: z.string().trim().max(1000).default(''),
  dueOn: isoDate('Enter the date the action is due.'),
  reviewOn: isoDate('Enter a valid review date.').nullable().default(null),
});

export const ZCreatePlanInput = z.object({
  caseId: z.uuid(),
  kind: z.enum(['action_plan', 'statement_of_action']),
  title: z.string().trim().min(3, 'Give the plan a title.').max(200),
  nextReviewOn: isoDate('Enter a valid review date.').nullable().default(null),
});
export const ZAddItemInput = ZPlanItemFields.extend({ planId: z.uuid() });
export const ZEditItemInput = ZPlanItemFields.extend({ itemId: z.uuid() });
export const ZUpdateProgressInput = z.object({
  itemId: z.uuid(),
  rag: z.enum(['red', 'amber', 'green'], { message: 'Choose a RAG rating.' }),
  evidence: z.string().trim().min(3, 'Record the evidence for this rating.').max(5000),
  reviewOn: isoDate('Enter a valid review date.').nullable().default(null),
});
export const ZCompleteItemInput = z.object({
  itemId: z.uuid(),
  completedOn: isoDate('Enter the date the action was completed.'),
});
export const ZSetNextReviewInput = z.object({
  planId: z.uuid(),
  nextReviewOn: isoDate('Enter the date of the next review.'),
});

/** Refuses a due date before today (London), beside the form's due date field. */
function checkDueDate(dueOn: string, today: IsoDate, previousDueOn: string | null = null) {
  const problem = dueDateProblem(dueOn, today, previousDueOn);
  if (problem) throw new DomainError({ code: 'BAD_REQUEST', message: problem, field: 'dueOn' });
}

const planNotFound = () => new DomainError({ code: 'NOT_FOUND', message: 'That action plan was not found.' });

/** The case's plan and items as the caller may see them (the school sees its own plan read-only). */
export async function planForCase(tx: Tx, input: { actor: Actor; caseId: string; today: string }) {
  const { found, view } = await loadCaseFor(tx, input.actor, input.caseId, 'school');
  const facts = await loadSchoolFacts(tx, input.actor.settings, found.schoolId);
  const [plan] = await tx.select().from(actionPlans).where(eq(actionPlans.caseId, found.id)).limit(1);
  const items: ActionPlanItem[] = plan
    ? await tx
        .select()
        .from(actionPlanItems)
        .where(eq(actionPlanItems.planId, plan.id))
        .orderBy(asc(actionPlanItems.dueOn), asc(actionPlanItems.createdAt))
    : [];
  return {
    view,
    case: {
      id: found.id,
      status: found.status,
      designatedOn: found.designatedOn,
      schoolId: found.schoolId,
      schoolName: facts.name,
      urn: facts.urn,
      maintained: facts.maintained,
    },
    plan: plan ?? null,
    items,
    summary: summarisePlan(items, input.today),
    statementRequiredBecause: statementOfActionReason(facts),
    planNotStartableBecause: plan
      ? null
      : planNotStartableReason(found.status, concernSettingsOf(input.actor)),
  };
}

/** Starts the case's plan: a Statement of Action where the school's category requires one. */
export async function createPlan(tx: Tx, input: z.output<typeof ZCreatePlanInput> & { actor: Actor }) {
  const { found } = await loadCaseFor(tx, input.actor, input.caseId);
  if (found.status !== 'designated')
    throw new DomainError({
      code: 'CONFLICT',
      message: 'An action plan can only be made for a designated school causing concern.',
    });
  const [existing] = await tx
    .select({ id: actionPlans.id })
    .from(actionPlans)
    .where(eq(actionPlans.caseId, found.id))
    .limit(1);
  if (existing) throw new DomainError({ code: 'CONFLICT', message: 'This case already has a plan.' });
  const facts = await loadSchoolFacts(tx, input.actor.settings, found.schoolId);
  const reason = statementOfActionReason(facts);
  if (reason && input.kind !== 'statement_of_action')
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: `This school needs a Statement of Action, not an ordinary action plan: ${reason}.`,
    });
  const [plan] = await tx
    .insert(actionPlans)
    .values({
      tenantId: input.actor.tenantId,
      caseId: found.id,
      schoolId: found.schoolId,
      kind: input.kind,
      title: input.title,
      nextReviewOn: input.nextReviewOn,
    })
    .returning();
  if (!plan) throw new Error('plan not created');
  return plan;
}

/** A plan the caller may change (full view of its case). */
async function planForUpdate(tx: Tx, actor: Actor, planId: string): Promise<ActionPlan> {
  const [plan] = await tx.select().from(actionPlans).where(eq(actionPlans.id, planId)).limit(1);
  if (!plan) throw planNotFound();
  await loadCaseFor(tx, actor, plan.caseId).catch(() => {
    throw planNotFound();
  });
  return plan;
}

async function itemForUpdate(tx: Tx, actor: Actor, itemId: string): Promise<ActionPlanItem> {
  const [item] = await tx
    .select()
    .from(actionPlanItems)
    .where(eq(actionPlanItems.id, itemId))
    .limit(1)
    .for('update');
  if (!item) throw new DomainError({ code: 'NOT_FOUND', message: 'That action was not found.' });
  await planForUpdate(tx, actor, item.planId).catch(() => {
    throw new DomainError({ code: 'NOT_FOUND', message: 'That action was not found.' });
  });
  return item;
}

export async function addItem(
  tx: Tx,
  input: z.output<typeof ZAddItemInput> & { actor: Actor; today?: IsoDate },
) {
  const plan = await planForUpdate(tx, input.actor, input.planId);
  checkDueDate(input.dueOn, input.today ?? todayInLondon());
  const [item] = await tx
    .insert(actionPlanItems)
    .values({
      tenantId: input.actor.tenantId,
      planId: plan.id,
      schoolId: plan.schoolId,
      priority: input.priority,
      action: input.action,
      ownerKind: input.ownerKind,
      ownerName: input.ownerName,
      milestone: input.milestone,
      dueOn: input.dueOn,
      reviewOn: input.reviewOn,
    })
    .returning();
  if (!item) throw new Error('item not created');
  return item;
}

export async function editItem(
  tx: Tx,
  input: z.output<typeof ZEditItemInput> & { actor: Actor; today?: IsoDate },
) {
  const item = await itemForUpdate(tx, input.actor, input.itemId);
  checkDueDate(input.dueOn, input.today ?? todayInLondon(), item.dueOn);
  const [updated] = await tx
    .update(actionPlanItems)
    .set({
      priority: input.priority,
      action: input.action,
      ownerKind: input.ownerKind,
      ownerName: input.ownerName,
      milestone: input.milestone,
      dueOn: input.dueOn,
      reviewOn: input.reviewOn,
      updatedAt: new Date(),
    })
    .where(eq(actionPlanItems.id, item.id))
    .returning();
  return updated;
}

/** A progress update: the new RAG rating with the evidence for it. */
export async function updateProgress(
  tx: Tx,
  input: z.output<typeof ZUpdateProgressInput> & { actor: Actor },
) {
  const item = await itemForUpdate(tx, input.actor, input.itemId);
  if (item.completedOn)
    throw new DomainError({ code: 'CONFLICT', message: 'This action is already completed.' });
  const [updated] = await tx
    .update(actionPlanItems)
    .set({
      rag: input.rag,
      evidence: input.evidence,
      reviewOn: input.reviewOn ?? item.reviewOn,
      updatedAt: new Date(),
    })
    .where(eq(actionPlanItems.id, item.id))
    .returning();
  return updated;
}

export async function completeItem(tx: Tx, input: z.output<typeof ZCompleteItemInput> & { actor: Actor }) {
  const item = await itemForUpdate(tx, input.actor, input.itemId);
  if (item.completedOn)
    throw new DomainError({ code: 'CONFLICT', message: 'This action is already completed.' });
  const [updated] = await tx
    .update(actionPlanItems)
    .set({ completedOn: input.completedOn, rag: 'green', updatedAt: new Date() })
    .where(eq(actionPlanItems.id, item.id))
    .returning();
  return updated;
}

export async function setNextReview(tx: Tx, input: z.output<typeof ZSetNextReviewInput> & { actor: Actor }) {
  const plan = await planForUpdate(tx, input.actor, input.planId);
  const [updated] = await tx
    .update(actionPlans)
    .set({ nextReviewOn: input.nextReviewOn })
    .where(eq(actionPlans.id, plan.id))
    .returning();
  return updated;
}
