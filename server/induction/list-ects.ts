import { and, asc, desc, eq, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { executeRows, type Tx } from '~/db/client';
import {
  ects,
  inductionCheckpoints,
  inductionOutcomes,
  inductionPeriods,
  inductionRecommendations,
  inductionSupportPlans,
  schools,
} from '~/db/schema';
import { decisionDeadlines } from './induction-decisions';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { assertMaySeeSchool } from '../workspaces/school-scope';
import { assertAppropriateBody, isAbStaff, ownSchoolIds } from './appropriate-body';
import { overdueAtRegistration } from './induction-schedule';
import { registeredOnOf } from './late-registration';
import type { TListEctsInput } from './induction-inputs';

const atRisk = sql<boolean>`exists (select 1 from ${inductionSupportPlans} sp where sp.ect_id = ${ects.id} and sp.status = 'open')`;
const overdueCount = (today: IsoDate, mine: SQL) =>
  sql<number>`(select count(*)::int from ${inductionCheckpoints} c where c.ect_id = ${ects.id} and c.status in ('due','changes_requested') and c.due_on < ${today}${mine})`;
const nextDue = (mine: SQL) =>
  sql<
    string | null
  >`(select min(c.due_on) from ${inductionCheckpoints} c where c.ect_id = ${ects.id} and c.status in ('due','changes_requested')${mine})`;
const completesOn = sql<
  string | null
>`(select max(c.due_on) from ${inductionCheckpoints} c where c.ect_id = ${ects.id} and c.term_number is not null)`;

/** Limits a query to what the actor may see: everything (AB staff), their schools' ECTs, or their own record. */
function visibleTo(actor: Actor): SQL | undefined {
  if (isAbStaff(actor)) return undefined;
  const schoolIds = ownSchoolIds(actor);
  const bySchool =
    schoolIds.length > 0
      ? sql`exists (select 1 from ${inductionPeriods} p where p.ect_id = ${ects.id} and p.school_id in (${sql.join(
          schoolIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}))`
      : undefined;
  const own = actor.roles.includes('ect') ? eq(ects.email, actor.user.email.toLowerCase()) : undefined;
  return or(bySchool, own) ?? sql`false`;
}

/**
 * For a school's staff, the checkpoints their school submits (a condition on `c`, the checkpoint): after a
 * move the school left behind counts the reviews of its own terms, and the new school only those from its
 * start. The AB and an ECT count them all.
 */
function submittedHere(actor: Actor): SQL {
  if (isAbStaff(actor)) return sql``;
  const schoolIds = ownSchoolIds(actor);
  if (schoolIds.length === 0) return sql``;
  return sql` and exists (select 1 from ${inductionPeriods} cp where cp.id = c.period_id and cp.school_id in (${sql.join(
    schoolIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}))`;
}

/**
 * ECTs with their current school, FTE, next checkpoint, overdue count (for a school, those it submits) and
 * whether they are at risk.
 */
export async function listEcts(tx: Tx, actor: Actor, input: TListEctsInput & { today: IsoDate }) {
  assertAppropriateBody(actor);
  const mine = submittedHere(actor);
  const where: (SQL | undefined)[] = [visibleTo(actor)];
  if (input.schoolId) {
    assertMaySeeSchool(actor.memberships, input.schoolId);
    where.push(eq(inductionPeriods.schoolId, input.schoolId));
  }
  if (input.status === 'in_progress' || input.status === 'completed')
    where.push(eq(ects.status, input.status));
  if (input.status === 'at_risk') where.push(atRisk);
  if (input.status === 'overdue') where.push(sql`${overdueCount(input.today, mine)} > 0`);
  if (input.search)
    where.push(
      or(ilike(ects.name, `%${input.search.replace(/[%_\\]/g, '\\$&')}%`), eq(ects.trn, input.search)),
    );
  return (
    tx
      .select({
        id: ects.id,
        name: ects.name,
        trn: ects.trn,
        email: ects.email,
        startsOn: ects.startsOn,
        status: ects.status,
        schoolId: inductionPeriods.schoolId,
        schoolName: schools.name,
        fteHundredths: inductionPeriods.fteHundredths,
        tutorName: inductionPeriods.tutorName,
        atRisk,
        overdue: overdueCount(input.today, mine),
        nextDueOn: nextDue(mine),
        completesOn,
      })
      .from(ects)
      // The latest period: the school the ECT is at now (or finished at).
      .innerJoin(
        inductionPeriods,
        and(
          eq(inductionPeriods.ectId, ects.id),
          sql`${inductionPeriods.id} = (select p.id from ${inductionPeriods} p where p.ect_id = ${ects.id} order by p.starts_on desc, p.created_at desc limit 1)`,
        ),
      )
      .innerJoin(schools, eq(schools.id, inductionPeriods.schoolId))
      .where(and(...where))
      .orderBy(asc(ects.name))
  );
}

/** The AB's dashboard: counts, ECTs at risk, overdue checkpoints, and inductions awaiting an outcome. */
export async function inductionDashboard(tx: Tx, actor: Actor, today: IsoDate) {
  assertAppropriateBody(actor);
  const all = await listEcts(tx, actor, { today });
  const overdueRows = await tx
    .select({
      checkpointId: inductionCheckpoints.id,
      ectId: ects.id,
      ectName: ects.name,
      schoolName: schools.name,
      kind: inductionCheckpoints.kind,
      termNumber: inductionCheckpoints.termNumber,
      dueOn: inductionCheckpoints.dueOn,
      status: inductionCheckpoints.status,
      escalationLevel: inductionCheckpoints.escalationLevel,
      periodCreatedAt: inductionPeriods.createdAt,
      periodRegisteredOn: inductionPeriods.registeredOn,
    })
    .from(inductionCheckpoints)
    .innerJoin(ects, eq(ects.id, inductionCheckpoints.ectId))
    .innerJoin(inductionPeriods, eq(inductionPeriods.id, inductionCheckpoints.periodId))
    .innerJoin(schools, eq(schools.id, inductionPeriods.schoolId))
    .where(
      and(
        visibleTo(actor),
        inArray(inductionCheckpoints.status, ['due', 'changes_requested']),
        lt(inductionCheckpoints.dueOn, today),
      ),
    )
    .orderBy(asc(inductionCheckpoints.dueOn));
  // A late registration's checkpoints are overdue like any other, flagged with the day the school registered.
  const overdue = overdueRows.map(({ periodCreatedAt, periodRegisteredOn, ...c }) => {
    const registeredOn = registeredOnOf({ registeredOn: periodRegisteredOn, createdAt: periodCreatedAt });
    return { ...c, registeredOn, overdueAtRegistration: overdueAtRegistration(c, registeredOn) };
  });
  const awaitingReview = await tx
    .select({
      checkpointId: inductionCheckpoints.id,
      ectId: ects.id,
      ectName: ects.name,
      kind: inductionCheckpoints.kind,
      termNumber: inductionCheckpoints.termNumber,
      judgement: inductionCheckpoints.judgement,
      submittedAt: inductionCheckpoints.submittedAt,
      schoolName: schools.name,
    })
    .from(inductionCheckpoints)
    .innerJoin(ects, eq(ects.id, inductionCheckpoints.ectId))
    // The school of the period the review belongs to: an AB serving many schools sees where each came from.
    .innerJoin(inductionPeriods, eq(inductionPeriods.id, inductionCheckpoints.periodId))
    .innerJoin(schools, eq(schools.id, inductionPeriods.schoolId))
    .where(and(visibleTo(actor), eq(inductionCheckpoints.status, 'submitted')))
    .orderBy(desc(inductionCheckpoints.submittedAt));
  // Recommendations the AB has not yet decided on (no outcome recorded after them).
  const pending = await executeRows<{
    ectId: string;
    recommendation: 'pass' | 'fail' | 'extension';
    recommendedOn: IsoDate;
  }>(
    tx,
    sql`select distinct on (r.ect_id) r.ect_id as "ectId", r.recommendation, r.recommended_on::text as "recommendedOn"
      from ${inductionRecommendations} r
      where not exists (select 1 from ${inductionOutcomes} o where o.ect_id = r.ect_id and o.created_at > r.created_at)
      order by r.ect_id, r.created_at desc`,
  );
  const recommended = new Map(pending.map((p) => [p.ectId, p]));
  const inProgress = all.filter((e) => e.status === 'in_progress');
  // Outcome due: past the expected end, or recommended by the head; those with a decision deadline first.
  const outcomesDue = inProgress
    .filter((e) => recommended.has(e.id) || (e.completesOn !== null && e.completesOn < today))
    .map((e) => {
      const r = recommended.get(e.id);
      return {
        ...e,
        recommendation: r?.recommendation ?? null,
        recommendedOn: r?.recommendedOn ?? null,
        decisionDue: r
          ? decisionDeadlines({
              completesOn: r.recommendedOn,
              recommendedOn: r.recommendedOn,
              lastOutcome: null,
            }).decisionDue
          : null,
      };
    })
    .sort((a, b) => (a.decisionDue ?? '9999').localeCompare(b.decisionDue ?? '9999'));
  return {
    counts: {
      inProgress: inProgress.length,
      completed: all.length - inProgress.length,
      atRisk: inProgress.filter((e) => e.atRisk).length,
      overdue: overdue.length,
      awaitingReview: awaitingReview.length,
      outcomesDue: outcomesDue.length,
      /** Of the outcomes due: a headteacher's recommendation waits for the AB's decision. */
      recommended: outcomesDue.filter((e) => e.recommendation !== null).length,
      /** Of the outcomes due: past the expected end, and no recommendation received yet. */
      pastEndWithoutRecommendation: outcomesDue.filter((e) => e.recommendation === null).length,
    },
    atRisk: inProgress.filter((e) => e.atRisk),
    overdue,
    awaitingReview,
    outcomesDue,
  };
}
