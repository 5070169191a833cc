import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  actionPlanItems,
  actionPlans,
  plannedVisits,
  schoolMonitoring,
  schools,
  sccCases,
  warningNotices,
} from '~/db/schema';
import type { Actor } from '../access/actor';
import { academicYearOf, type IsoDate } from '../catalogue/academic-year';
import { currentOrNextTerm, loadTermDates } from '../calendar/term-dates';
import { summarisePlan } from '../casework/rules';
import { isConcernOfficer } from '../concern/case-access';
import { concernSettingsOf } from '../concern/concern-settings';
import { listRegister as listConcernRegister } from '../concern/list-register';

/**
 * What needs an LA officer's attention, for the workspace's dashboard: schools in each category of concern, the
 * register of concern (designated, under consideration, possible candidates), schools on the register with no LA
 * category yet, visits overdue and due this term,
 * action-plan items overdue and warning notices still open. Each figure follows the rule of the page the
 * dashboard links to: the register's categories, the concern register's cases and candidates
 * (`listRegister`, which shows an adviser only the cases they lead or advise), the planner's overdue rule
 * (planned, due before today, this academic year; an adviser's own visits) and the action plan's
 * (`summarisePlan`).
 */
export async function monitoringNeedsAttention(tx: Tx, actor: Actor, today: IsoDate) {
  const settings = concernSettingsOf(actor);
  const officer = isConcernOfficer(actor.memberships);
  const year = academicYearOf(today);
  const concernKeys = settings.statutory.categories.filter((c) => c.causesConcern).map((c) => c.key);
  const visitScope = officer
    ? eq(plannedVisits.academicYear, year)
    : and(eq(plannedVisits.academicYear, year), eq(plannedVisits.adviserUserId, actor.userId));
  const planned = and(visitScope, eq(plannedVisits.status, 'planned'));
  const openCase = inArray(sccCases.status, ['candidate', 'designated']);

  const [register, byCategory, [uncategorised], [overdueVisits], dates, openItems, openNotices] =
    await Promise.all([
      listConcernRegister(tx, { caller: actor, settings, today }),
      concernKeys.length === 0
        ? []
        : tx
            .select({ key: schoolMonitoring.laCategory, schools: count() })
            .from(schoolMonitoring)
            .where(and(isNull(schoolMonitoring.leftOn), inArray(schoolMonitoring.laCategory, concernKeys)))
            .groupBy(schoolMonitoring.laCategory),
      // The register's "Not categorised" filter: on the active register with no LA category yet.
      tx
        .select({ n: count() })
        .from(schoolMonitoring)
        .where(and(isNull(schoolMonitoring.leftOn), isNull(schoolMonitoring.laCategory))),
      tx
        .select({ n: count() })
        .from(plannedVisits)
        .where(and(planned, sql`${plannedVisits.dueBy} < ${today}::date`)),
      loadTermDates(tx, year),
      // Open items of open cases only: a closed case's plan is history.
      tx
        .select({
          caseId: actionPlans.caseId,
          rag: actionPlanItems.rag,
          dueOn: actionPlanItems.dueOn,
          completedOn: actionPlanItems.completedOn,
        })
        .from(actionPlanItems)
        .innerJoin(
          actionPlans,
          and(eq(actionPlans.tenantId, actionPlanItems.tenantId), eq(actionPlans.id, actionPlanItems.planId)),
        )
        .innerJoin(
          sccCases,
          and(eq(sccCases.tenantId, actionPlans.tenantId), eq(sccCases.id, actionPlans.caseId)),
        )
        .where(and(openCase, isNull(actionPlanItems.completedOn))),
      tx
        .select({
          noticeId: warningNotices.id,
          caseId: warningNotices.caseId,
          schoolId: warningNotices.schoolId,
          schoolName: schools.name,
          kind: warningNotices.kind,
          status: warningNotices.status,
          complianceBy: warningNotices.complianceBy,
        })
        .from(warningNotices)
        .innerJoin(
          schools,
          and(eq(schools.tenantId, warningNotices.tenantId), eq(schools.id, warningNotices.schoolId)),
        )
        .where(inArray(warningNotices.status, ['recommended', 'issued']))
        .orderBy(asc(schools.name)),
    ]);

  const term = currentOrNextTerm(dates, today);
  const [dueThisTerm] = term
    ? await tx
        .select({ n: count() })
        .from(plannedVisits)
        .where(
          and(
            planned,
            sql`${plannedVisits.dueBy} >= ${today}::date`,
            sql`${plannedVisits.dueBy} <= ${term.endsOn}::date`,
          ),
        )
    : [{ n: 0 }];

  // An adviser sees the plans and notices of the cases they see, as on the concern register; officers all.
  const visibleCases = new Map(register.cases.map((c) => [c.caseId, c]));
  const itemsByCase = new Map<string, typeof openItems>();
  for (const item of openItems) {
    if (!visibleCases.has(item.caseId)) continue;
    itemsByCase.set(item.caseId, [...(itemsByCase.get(item.caseId) ?? []), item]);
  }
  const overdueActions = [...itemsByCase.entries()]
    .map(([caseId, items]) => ({
      caseId,
      schoolName: visibleCases.get(caseId)?.schoolName ?? '',
      overdue: summarisePlan(items, today).overdue,
    }))
    .filter((c) => c.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || a.schoolName.localeCompare(b.schoolName, 'en-GB'));
  const notices = officer
    ? openNotices
    : openNotices.filter((n) => n.caseId !== null && visibleCases.has(n.caseId));
  const schoolsIn = new Map(byCategory.map((c) => [c.key, c.schools]));

  return {
    officer,
    listName: settings.listName,
    /** Every category that causes concern, in the LA's order, with the schools on the active register in it. */
    categories: settings.statutory.categories
      .filter((c) => c.causesConcern)
      .map((c) => ({ key: c.key, label: c.label, schools: schoolsIn.get(c.key) ?? 0 })),
    /** Schools on the active register with no LA category yet (a new LA's first job; officers only, else 0). */
    uncategorised: officer ? (uncategorised?.n ?? 0) : 0,
    cases: {
      designated: register.cases.filter((c) => c.status === 'designated').length,
      candidates: register.cases.filter((c) => c.status === 'candidate').length,
      /** Schools meeting a trigger with no case opened yet (officers only: null for an adviser). */
      possible: officer ? register.candidates.length : null,
    },
    visits: {
      overdue: overdueVisits?.n ?? 0,
      dueThisTerm: dueThisTerm?.n ?? 0,
      /** The term "this term" means (the next one in a holiday); null once the year's terms are over. */
      term,
    },
    actions: {
      overdue: overdueActions.reduce((sum, c) => sum + c.overdue, 0),
      cases: overdueActions,
    },
    notices: {
      awaitingDecision: notices.filter((n) => n.status === 'recommended').length,
      issued: notices.filter((n) => n.status === 'issued').length,
      pastCompliance: notices.filter(
        (n) => n.status === 'issued' && n.complianceBy !== null && n.complianceBy < today,
      ).length,
      items: notices,
    },
  };
}

export type MonitoringNeedsAttention = Awaited<ReturnType<typeof monitoringNeedsAttention>>;
