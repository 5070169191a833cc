import { DomainError } from '~/server/errors/domain-error';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { schoolBoundRoles, schoolMonitoring, sccCases, type Role, type SccCase } from '~/db/schema';
import { hasMembershipIn, officers } from '~/server/access/role-groups';
import type { TenantMembership } from '~/server/workspaces/list-memberships';

/**
 * Who may see a school-causing-concern case inside the LA's workspace (the access matrix):
 * - LA officers and the workspace admin (Head of School Improvement): every case, in full;
 * - an adviser: only cases where they are the lead officer, or the school's link or second adviser;
 * - the school's own headteacher / governors: their own school's letters and action plan only ("school view");
 * - anyone else: the case does not exist for them (NOT_FOUND, so nobody learns which schools are of concern).
 * The commissioned provider's assigned partner reads from the provider's workspace (commissioning), not here.
 */
export type CaseView = 'full' | 'school';

const isSchoolBound = (role: Role) => (schoolBoundRoles as readonly Role[]).includes(role);

export const caseNotFound = () =>
  new DomainError({ code: 'NOT_FOUND', message: 'That school causing concern was not found.' });

/** True when the caller sees every case in full. */
export function isConcernOfficer(memberships: readonly TenantMembership[]): boolean {
  return hasMembershipIn(memberships, officers);
}

/** Whether this adviser leads the case or is the school's link or second adviser. */
async function advisesCase(tx: Tx, userId: string, found: SccCase): Promise<boolean> {
  if (found.leadOfficerUserId === userId) return true;
  const [link] = await tx
    .select({ schoolId: schoolMonitoring.schoolId })
    .from(schoolMonitoring)
    .where(
      and(
        eq(schoolMonitoring.schoolId, found.schoolId),
        or(eq(schoolMonitoring.linkAdviserUserId, userId), eq(schoolMonitoring.secondAdviserUserId, userId)),
      ),
    )
    .limit(1);
  return link !== undefined;
}

/**
 * Of many cases, those the caller sees in full (the same rule as `caseViewFor(...) === 'full'`), with at
 * most one query for all of them rather than one per case.
 */
export async function casesSeenInFull<T extends { found: Pick<SccCase, 'schoolId' | 'leadOfficerUserId'> }>(
  tx: Tx,
  caller: { userId: string; memberships: readonly TenantMembership[] },
  rows: readonly T[],
): Promise<T[]> {
  if (isConcernOfficer(caller.memberships)) return [...rows];
  if (!caller.memberships.some((m) => m.role === 'adviser') || rows.length === 0) return [];
  const advised = new Set(
    (
      await tx
        .select({ schoolId: schoolMonitoring.schoolId })
        .from(schoolMonitoring)
        .where(
          and(
            inArray(
              schoolMonitoring.schoolId,
              rows.map((r) => r.found.schoolId),
            ),
            or(
              eq(schoolMonitoring.linkAdviserUserId, caller.userId),
              eq(schoolMonitoring.secondAdviserUserId, caller.userId),
            ),
          ),
        )
    ).map((r) => r.schoolId),
  );
  return rows.filter((r) => r.found.leadOfficerUserId === caller.userId || advised.has(r.found.schoolId));
}

/** How the caller may see this case, or null when they may not see it at all. */
export async function caseViewFor(
  tx: Tx,
  caller: { userId: string; memberships: readonly TenantMembership[] },
  found: SccCase,
): Promise<CaseView | null> {
  if (isConcernOfficer(caller.memberships)) return 'full';
  if (caller.memberships.some((m) => m.role === 'adviser') && (await advisesCase(tx, caller.userId, found)))
    return 'full';
  // A school sees only a designated case of its own, and only the parts written to it.
  if (
    found.status === 'designated' &&
    caller.memberships.some((m) => isSchoolBound(m.role) && m.schoolId === found.schoolId)
  )
    return 'school';
  return null;
}

/** Loads a case the caller may see with at least `needed` access; otherwise NOT_FOUND. */
export async function loadCaseFor(
  tx: Tx,
  caller: { userId: string; memberships: readonly TenantMembership[] },
  caseId: string,
  needed: CaseView = 'full',
): Promise<{ found: SccCase; view: CaseView }> {
  // The workspace's own cases only, whatever another policy might let this tenant read.
  const [found] = await tx
    .select()
    .from(sccCases)
    .where(
      and(
        eq(sccCases.id, caseId),
        eq(sccCases.tenantId, sql`nullif(current_setting('app.tenant_id', true), '')::uuid`),
      ),
    )
    .limit(1);
  if (!found) throw caseNotFound();
  const view = await caseViewFor(tx, caller, found);
  if (!view || (needed === 'full' && view !== 'full')) throw caseNotFound();
  return { found, view };
}
