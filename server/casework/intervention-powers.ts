import { DomainError } from '~/server/errors/domain-error';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { interventionPowers, users, warningNotices } from '~/db/schema';
import { loadCaseFor } from '../concern/case-access';
import type { Actor } from '../access/actor';
import { assertDcs, listDcsDesignations, mayRecordDcsDecision } from './dcs-designation';
import { listReferrals } from './rd-referrals';
import { interventionEligibility } from './rules';
import { statutorySettingsOf } from '../monitoring/statutory-settings';
import { loadSchoolFacts } from './school-facts';
import { informalWarningGiven, listNoticesForSchool } from './warning-notices';

export const ZRecordPowerInput = z.object({
  caseId: z.uuid(),
  power: z.enum(
    [
      's63_require_arrangements',
      's64_additional_governors',
      's65_interim_executive_board',
      's66_suspend_delegated_budget',
    ],
    { message: 'Choose the power.' },
  ),
  noticeId: z.uuid().nullable().default(null),
  dcsDecision: z.enum(['approved', 'declined'], { message: 'Choose the DCS decision.' }),
  dcsDecisionOn: z.iso.date({ message: 'Enter the date of the DCS decision.' }),
  /** Who decided, when a delegate records the Director's own decision; by default the person recording. */
  dcsDecisionByUserId: z.uuid({ message: 'Choose who made the DCS decision.' }).nullable().default(null),
  notes: z.string().trim().max(5000).default(''),
});

async function eligibilityOf(
  tx: Tx,
  schoolId: string,
  maintained: boolean,
  latest: Parameters<typeof interventionEligibility>[0]['latestOfstedCategory'],
) {
  const notices = await tx
    .select({ kind: warningNotices.kind, status: warningNotices.status })
    .from(warningNotices)
    .where(eq(warningNotices.schoolId, schoolId));
  return interventionEligibility({ maintained, notices, latestOfstedCategory: latest });
}

/** Everything the interventions page shows for a case: notices, powers, eligibility, or RD referrals. */
export async function interventionsForCase(tx: Tx, input: { actor: Actor; caseId: string }) {
  const { found } = await loadCaseFor(tx, input.actor, input.caseId);
  const facts = await loadSchoolFacts(tx, input.actor.settings, found.schoolId);
  const [notices, powers, referrals, eligibility, officers, informalGiven] = await Promise.all([
    listNoticesForSchool(tx, found.schoolId),
    tx
      .select({ power: interventionPowers, dcsDecisionBy: users.name })
      .from(interventionPowers)
      .leftJoin(users, eq(users.id, interventionPowers.dcsDecisionByUserId))
      .where(eq(interventionPowers.schoolId, found.schoolId))
      .orderBy(desc(interventionPowers.dcsDecisionOn)),
    listReferrals(tx, found.schoolId),
    eligibilityOf(tx, found.schoolId, facts.maintained, facts.latestOfstedCategory),
    listDcsDesignations(tx),
    informalWarningGiven(tx, found.id),
  ]);
  return {
    case: { id: found.id, status: found.status, schoolId: found.schoolId },
    school: facts,
    notices,
    powers,
    referrals,
    eligibility,
    /** The DCS and delegates: who may be recorded as deciding. */
    officers,
    /** Whether the viewer may record DCS decisions; officers only recommend. */
    canDecide: mayRecordDcsDecision(officers, input.actor.userId),
    /** The case has had its informal warning (designation's letter): only formal notices are left to record. */
    informalGiven,
    /** The LA's preconditions for recommending a formal notice (settings.statutory). */
    preconditions: statutorySettingsOf(input.actor.settings).formalNoticePreconditions,
  };
}

/** Records the DCS's decision on using a power; only for an eligible maintained school. */
export async function recordPower(tx: Tx, input: z.output<typeof ZRecordPowerInput> & { actor: Actor }) {
  const { found } = await loadCaseFor(tx, input.actor, input.caseId);
  const facts = await loadSchoolFacts(tx, input.actor.settings, found.schoolId);
  const eligibility = await eligibilityOf(tx, found.schoolId, facts.maintained, facts.latestOfstedCategory);
  const decidedBy = await assertDcs(tx, input.actor, input.dcsDecisionByUserId);
  if (!eligibility.eligible) throw new DomainError({ code: 'BAD_REQUEST', message: eligibility.reason });
  if (input.noticeId) {
    const [notice] = await tx
      .select({ schoolId: warningNotices.schoolId })
      .from(warningNotices)
      .where(eq(warningNotices.id, input.noticeId));
    if (notice?.schoolId !== found.schoolId)
      throw new DomainError({ code: 'NOT_FOUND', message: 'That warning notice was not found.' });
  }
  const [power] = await tx
    .insert(interventionPowers)
    .values({
      tenantId: input.actor.tenantId,
      schoolId: found.schoolId,
      noticeId: input.noticeId,
      power: input.power,
      dcsDecision: input.dcsDecision,
      dcsDecisionOn: input.dcsDecisionOn,
      dcsDecisionByUserId: decidedBy,
      notes: input.notes,
    })
    .returning();
  if (!power) throw new Error('power not recorded');
  return power;
}
