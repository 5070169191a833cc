import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { sameProductNextYear } from '../catalogue/catalogue-codes';
import { catalogueItems, renewalInvitations, renewalRounds, schools, subscriptions } from '~/db/schema';

/** Income by package for a year: live subscriptions' net prices. */
function incomeByPackage(tx: Tx, academicYear: number) {
  return tx
    .select({
      code: catalogueItems.code,
      name: catalogueItems.name,
      schools: sql<number>`count(distinct ${subscriptions.schoolId})::int`,
      netPence: sql<number>`coalesce(sum(${subscriptions.netPricePence}), 0)::int`,
    })
    .from(subscriptions)
    .innerJoin(
      catalogueItems,
      and(eq(catalogueItems.tenantId, subscriptions.tenantId), eq(catalogueItems.id, subscriptions.itemId)),
    )
    .where(and(eq(subscriptions.academicYear, academicYear), eq(subscriptions.status, 'active')))
    .groupBy(catalogueItems.code, catalogueItems.name)
    .orderBy(catalogueItems.name);
}

/** The latest round's uptake, live: who has signed, income next year against this year, by package. */
export async function getUptake(tx: Tx) {
  const [round] = await tx.select().from(renewalRounds).orderBy(desc(renewalRounds.toYear)).limit(1);
  if (!round) return null;
  const invitations = await tx
    .select({
      id: renewalInvitations.id,
      schoolName: schools.name,
      decision: renewalInvitations.decision,
      declineReason: renewalInvitations.declineReason,
      respondedAt: renewalInvitations.respondedAt,
      remindersSent: renewalInvitations.remindersSent,
    })
    .from(renewalInvitations)
    .innerJoin(
      schools,
      and(eq(schools.tenantId, renewalInvitations.tenantId), eq(schools.id, renewalInvitations.schoolId)),
    )
    .where(eq(renewalInvitations.roundId, round.id))
    .orderBy(schools.name);
  const count = (d: string) => invitations.filter((i) => i.decision === d).length;
  const signed = count('renewed') + count('changed');
  const [thisYear, nextYear] = await Promise.all([
    incomeByPackage(tx, round.fromYear),
    incomeByPackage(tx, round.toYear),
  ]);
  // A product is matched across the years by its code moved on to next year's (catalogue-codes.ts).
  const nextCodeOf = (code: string) =>
    nextYear.find((r) => sameProductNextYear(code, r.code, round.fromYear))?.code ?? code;
  const codes = [...new Set([...thisYear.map((r) => nextCodeOf(r.code)), ...nextYear.map((r) => r.code)])];
  return {
    round,
    invited: invitations.length,
    renewed: count('renewed'),
    changed: count('changed'),
    declined: count('declined'),
    pending: count('pending'),
    signedPercent: invitations.length === 0 ? 0 : Math.round((signed * 1000) / invitations.length) / 10,
    invitations,
    byPackage: codes.map((code) => {
      const now = thisYear.find((r) => nextCodeOf(r.code) === code);
      const next = nextYear.find((r) => r.code === code);
      return {
        code,
        name: next?.name ?? now?.name ?? code,
        thisYearSchools: now?.schools ?? 0,
        thisYearPence: now?.netPence ?? 0,
        nextYearSchools: next?.schools ?? 0,
        nextYearPence: next?.netPence ?? 0,
      };
    }),
  };
}
