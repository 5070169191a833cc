import { DomainError } from '~/server/errors/domain-error';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  actionPlanItems,
  actionPlans,
  sccCases,
  sccLetters,
  schoolBoundRoles,
  schools,
  type Role,
} from '~/db/schema';
import { caseViewFor } from '../concern/case-access';
import type { Actor } from '../access/actor';
import { summarisePlan } from './rules';

const isSchoolBound = (role: Role) => (schoolBoundRoles as readonly Role[]).includes(role);

/**
 * What a headteacher or governor sees of their own school's support and intervention: the letters written to
 * the school and the action plan, read-only. Nothing else (no triggers, meeting decisions or notices).
 */
export async function schoolSupportView(tx: Tx, input: { actor: Actor; today: string }) {
  const schoolId = input.actor.memberships.find((m) => isSchoolBound(m.role) && m.schoolId)?.schoolId;
  if (!schoolId)
    throw new DomainError({
      code: 'NOT_FOUND',
      message: 'You are not linked to a school in this workspace.',
    });
  const [school] = await tx
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!school) throw new DomainError({ code: 'NOT_FOUND', message: 'Your school was not found.' });
  const letters = await tx
    .select({
      id: sccLetters.id,
      kind: sccLetters.kind,
      issuedOn: sccLetters.issuedOn,
      subject: sccLetters.subject,
    })
    .from(sccLetters)
    .where(
      and(
        eq(sccLetters.schoolId, schoolId),
        inArray(sccLetters.kind, ['designation', 'concern', 'removal', 'warning_notice', 'categorisation']),
      ),
    )
    .orderBy(desc(sccLetters.issuedOn));
  const [designated] = await tx
    .select()
    .from(sccCases)
    .where(and(eq(sccCases.schoolId, schoolId), eq(sccCases.status, 'designated')))
    .limit(1);
  const view = designated ? await caseViewFor(tx, input.actor, designated) : null;
  if (!designated || view === null) return { school, letters, plan: null };
  const [plan] = await tx.select().from(actionPlans).where(eq(actionPlans.caseId, designated.id)).limit(1);
  if (!plan) return { school, letters, plan: null };
  const items = await tx
    .select({
      id: actionPlanItems.id,
      priority: actionPlanItems.priority,
      action: actionPlanItems.action,
      ownerKind: actionPlanItems.ownerKind,
      ownerName: actionPlanItems.ownerName,
      milestone: actionPlanItems.milestone,
      dueOn: actionPlanItems.dueOn,
      rag: actionPlanItems.rag,
      evidence: actionPlanItems.evidence,
      reviewOn: actionPlanItems.reviewOn,
      completedOn: actionPlanItems.completedOn,
    })
    .from(actionPlanItems)
    .where(eq(actionPlanItems.planId, plan.id))
    .orderBy(asc(actionPlanItems.dueOn));
  return {
    school,
    letters,
    plan: {
      id: plan.id,
      kind: plan.kind,
      title: plan.title,
      nextReviewOn: plan.nextReviewOn,
      items,
      summary: summarisePlan(items, input.today),
    },
  };
}
