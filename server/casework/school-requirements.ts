import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { warningNotices, type TenantSettings } from '~/db/schema';
import { interventionEligibility, statementOfActionReason } from './rules';
import { loadSchoolFacts } from './school-facts';

/**
 * What the school's Ofsted category of concern (derived from its latest graded result) and LA category
 * require of the LA: a Statement of Action, and whether intervention powers are open to it.
 */
export async function schoolRequirements(tx: Tx, settings: TenantSettings, schoolId: string) {
  const facts = await loadSchoolFacts(tx, settings, schoolId);
  const notices = await tx
    .select({ kind: warningNotices.kind, status: warningNotices.status })
    .from(warningNotices)
    .where(eq(warningNotices.schoolId, schoolId));
  return {
    latestOfstedCategory: facts.latestOfstedCategory,
    statementOfActionBecause: facts.maintained ? statementOfActionReason(facts) : null,
    intervention: interventionEligibility({
      maintained: facts.maintained,
      notices,
      latestOfstedCategory: facts.latestOfstedCategory,
    }),
  };
}
