import { DomainError } from '~/server/errors/domain-error';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { withCommissionedRead, type Tx } from '~/db/client';
import {
  actionPlanItems,
  actionPlans,
  commissionedDeliveries,
  commissioningContracts,
  contractSchools,
  memberships,
  sccCases,
  tenants,
  users,
} from '~/db/schema';
import { todayInLondon } from '../catalogue/academic-year';
import { contractTotals, deliveredAgainstFunded, deliveryDateProblem, latestRag } from './contract-sums';
import { queueEmail } from '../email/send-email';
import { emailOf } from '../email/templates';

/**
 * The provider's side of a contract. Everything here runs in the provider's own tenant context: the LA's
 * contract and covered schools are read through the provider policies (never while revoked), deliveries are
 * written to the provider's own tenant. A partner (adviser) only sees the schools assigned to them.
 */

export type ProviderViewer = { tenantId: string; userId: string; partnerOnly: boolean };

const notFound = () =>
  new DomainError({ code: 'NOT_FOUND', message: 'That contract does not exist in this workspace.' });

async function laNames(tx: Tx, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: tenants.id, name: tenants.name })
    .from(tenants)
    .where(inArray(tenants.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Contracts naming this provider that have not been revoked (the app hides revoked ones outright). */
function visibleContracts(tx: Tx, providerTenantId: string, id?: string) {
  return tx
    .select()
    .from(commissioningContracts)
    .where(
      and(
        eq(commissioningContracts.providerTenantId, providerTenantId),
        ne(commissioningContracts.status, 'revoked'),
        id ? eq(commissioningContracts.id, id) : undefined,
      ),
    );
}

async function coveredSchools(tx: Tx, viewer: ProviderViewer, contractIds: string[]) {
  if (contractIds.length === 0) return [];
  return tx
    .select({
      contractId: contractSchools.contractId,
      schoolId: contractSchools.schoolId,
      urn: contractSchools.urn,
      schoolName: contractSchools.schoolName,
      fundedDaysHundredths: contractSchools.fundedDaysHundredths,
      supportSummary: contractSchools.supportSummary,
      assignedPartnerUserId: contractSchools.assignedPartnerUserId,
      partnerName: users.name,
    })
    .from(contractSchools)
    .leftJoin(users, eq(users.id, contractSchools.assignedPartnerUserId))
    .where(
      and(
        eq(contractSchools.providerTenantId, viewer.tenantId),
        inArray(contractSchools.contractId, contractIds),
        viewer.partnerOnly ? eq(contractSchools.assignedPartnerUserId, viewer.userId) : undefined,
      ),
    )
    .orderBy(asc(contractSchools.schoolName));
}

/** Contracts commissioning this provider; a partner sees only those with a school assigned to them. */
export async function listProviderContracts(tx: Tx, viewer: ProviderViewer) {
  const contracts = await visibleContracts(tx, viewer.tenantId).orderBy(
    desc(commissioningContracts.startsOn),
    asc(commissioningContracts.title),
  );
  const schools = await coveredSchools(
    tx,
    viewer,
    contracts.map((c) => c.id),
  );
  const names = await laNames(
    tx,
    contracts.map((c) => c.tenantId),
  );
  return contracts
    .filter((c) => !viewer.partnerOnly || schools.some((s) => s.contractId === c.id))
    .map((c) => ({
      id: c.id,
      title: c.title,
      counterpartName: names.get(c.tenantId) ?? 'Unknown local authority',
      annualValuePence: c.annualValuePence,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      status: c.status,
    }));
}

async function findVisibleContract(tx: Tx, viewer: ProviderViewer, id: string) {
  const [contract] = await visibleContracts(tx, viewer.tenantId, id);
  if (!contract) throw notFound();
  return contract;
}

/** One contract as the provider sees it: terms, covered schools (a partner: theirs) and its own deliveries. */
export async function providerContractDetail(
  tx: Tx,
  viewer: ProviderViewer & { id: string; today?: string },
) {
  const contract = await findVisibleContract(tx, viewer, viewer.id);
  const schools = await coveredSchools(tx, viewer, [contract.id]);
  if (viewer.partnerOnly && schools.length === 0) throw notFound();
  const urns = schools.map((s) => s.urn);
  const deliveries =
    urns.length === 0
      ? []
      : await tx
          .select({
            id: commissionedDeliveries.id,
            urn: commissionedDeliveries.urn,
            deliveredOn: commissionedDeliveries.deliveredOn,
            activity: commissionedDeliveries.activity,
            partnerName: users.name,
            daysHundredths: commissionedDeliveries.daysHundredths,
            costPence: commissionedDeliveries.costPence,
            progressRag: commissionedDeliveries.progressRag,
            notes: commissionedDeliveries.notes,
          })
          .from(commissionedDeliveries)
          .leftJoin(users, eq(users.id, commissionedDeliveries.partnerUserId))
          .where(
            and(
              eq(commissionedDeliveries.tenantId, viewer.tenantId),
              eq(commissionedDeliveries.contractId, contract.id),
              inArray(commissionedDeliveries.urn, urns),
            ),
          )
          .orderBy(desc(commissionedDeliveries.deliveredOn), desc(commissionedDeliveries.createdAt));
  const names = await laNames(tx, [contract.tenantId]);
  const progress = deliveredAgainstFunded(schools, deliveries);
  const nameByUrn = new Map(schools.map((s) => [s.urn, s.schoolName]));
  return {
    id: contract.id,
    title: contract.title,
    scope: contract.scope,
    counterpartName: names.get(contract.tenantId) ?? 'Unknown local authority',
    annualValuePence: contract.annualValuePence,
    startsOn: contract.startsOn,
    endsOn: contract.endsOn,
    breakClause: contract.breakClause,
    status: contract.status,
    schools: schools.map((s, i) => ({
      schoolId: s.schoolId,
      urn: s.urn,
      schoolName: s.schoolName,
      fundedDaysHundredths: s.fundedDaysHundredths,
      supportSummary: s.supportSummary,
      assignedPartnerUserId: s.assignedPartnerUserId,
      partnerName: s.partnerName,
      deliveredDaysHundredths: progress[i]?.deliveredDaysHundredths ?? 0,
      costPence: progress[i]?.costPence ?? 0,
      latestRag: latestRag(deliveries.filter((d) => d.urn === s.urn)),
    })),
    deliveries: deliveries.map((d) => ({ ...d, schoolName: nameByUrn.get(d.urn) ?? `URN ${d.urn}` })),
    totals: contractTotals(contract, schools, deliveries, viewer.today ?? todayInLondon()),
  };
}

/** The provider's partners (its advisers), for assigning to covered schools. */
export function listPartners(tx: Tx, input: { tenantId: string }) {
  return tx
    .selectDistinct({ userId: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, input.tenantId), eq(memberships.role, 'adviser')))
    .orderBy(asc(users.name));
}

async function findCoveredSchool(tx: Tx, viewer: ProviderViewer, contractId: string, schoolId: string) {
  const [school] = (await coveredSchools(tx, viewer, [contractId])).filter((s) => s.schoolId === schoolId);
  if (!school)
    throw new DomainError({
      code: 'NOT_FOUND',
      message: viewer.partnerOnly
        ? 'That school is not assigned to you under this contract.'
        : 'That school is not covered by this contract.',
    });
  return school;
}

export const ZAssignPartnerInput = z.object({
  contractId: z.uuid(),
  schoolId: z.uuid(),
  partnerUserId: z.uuid({ message: 'Choose a partner.' }).nullable(),
});

/** Assigns one of the provider's advisers to a covered school (the only change a provider may make). */
export async function assignPartner(
  tx: Tx,
  input: z.infer<typeof ZAssignPartnerInput> & {
    tenantId: string;
    userId: string;
    /** For the partner's email: the link to the school's page under the contract. */
    slug: string;
    appUrl: string;
  },
) {
  const viewer = { tenantId: input.tenantId, userId: input.userId, partnerOnly: false };
  const contract = await findVisibleContract(tx, viewer, input.contractId);
  if (contract.status !== 'active')
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'This contract has ended; partners can no longer change.',
    });
  const school = await findCoveredSchool(tx, viewer, contract.id, input.schoolId);
  if (input.partnerUserId) {
    const partners = await listPartners(tx, { tenantId: input.tenantId });
    if (!partners.some((p) => p.userId === input.partnerUserId))
      throw new DomainError({
        code: 'NOT_FOUND',
        message: 'Choose a partner from this workspace’s advisers.',
      });
  }
  await tx
    .update(contractSchools)
    .set({ assignedPartnerUserId: input.partnerUserId })
    .where(
      and(
        eq(contractSchools.providerTenantId, input.tenantId),
        eq(contractSchools.contractId, contract.id),
        eq(contractSchools.schoolId, input.schoolId),
      ),
    );
  // The partner newly given the school is told (not a manager assigning themself, nor the same partner again).
  if (
    input.partnerUserId &&
    input.partnerUserId !== input.userId &&
    input.partnerUserId !== school.assignedPartnerUserId
  ) {
    const [partner] = await tx
      .select({ email: users.email, name: users.name })
      .from(users)
      .where(eq(users.id, input.partnerUserId));
    const laName = (await laNames(tx, [contract.tenantId])).get(contract.tenantId) ?? 'the local authority';
    if (partner)
      await queueEmail(tx, {
        to: partner.email,
        ...emailOf('notice', {
          subject: `You are the partner for ${school.schoolName}`,
          heading: `${school.schoolName}: you are its partner`,
          recipientName: partner.name,
          paragraphs: [
            `You have been assigned to support ${school.schoolName} (URN ${school.urn}) under the contract “${contract.title}” with ${laName}.`,
            'The school’s page shows the support commissioned, its funded days and what has been delivered; log each visit or day of support there.',
          ],
          action: {
            label: 'Open the school’s page',
            url: `${input.appUrl}/${input.slug}/commissioning/${contract.id}/schools/${input.schoolId}`,
          },
        }),
      });
  }
  return { contractId: contract.id, schoolId: input.schoolId, partnerUserId: input.partnerUserId };
}

export const ZLogDeliveryInput = z.object({
  contractId: z.uuid(),
  schoolId: z.uuid({ message: 'Choose the school.' }),
  deliveredOn: z.iso.date({ message: 'Enter the date of the delivery.' }),
  days: z
    .number({ message: 'Enter the days delivered.' })
    .positive('Days delivered must be more than 0.')
    .max(30, 'Log no more than 30 days in one entry.'),
  cost: z
    .number({ message: 'Enter the cost in pounds.' })
    .min(0, 'The cost cannot be negative.')
    .max(1_000_000, 'That cost is too large for one delivery.'),
  activity: z.string().trim().min(1, 'Say what was delivered.').max(500),
  progressRag: z.enum(['red', 'amber', 'green'], { message: 'Choose the progress rating.' }),
  notes: z.string().trim().max(4000).default(''),
});

/**
 * Logs support delivered to a covered school, in the provider's own tenant. Refused for ended or revoked
 * contracts, schools the contract does not cover (or, for a partner, that are not assigned to them), and
 * dates in the future or outside the contract period.
 */
export async function logDelivery(
  tx: Tx,
  input: z.infer<typeof ZLogDeliveryInput> & ProviderViewer & { today?: string },
) {
  const contract = await findVisibleContract(tx, input, input.contractId);
  if (contract.status !== 'active')
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'This contract has ended, so no more delivery can be logged against it.',
    });
  const school = await findCoveredSchool(tx, input, contract.id, input.schoolId);
  const problem = deliveryDateProblem(input.deliveredOn, contract, input.today ?? todayInLondon());
  if (problem) throw new DomainError({ code: 'BAD_REQUEST', message: problem });
  const [made] = await tx
    .insert(commissionedDeliveries)
    .values({
      tenantId: input.tenantId,
      contractId: contract.id,
      laTenantId: contract.tenantId,
      urn: school.urn,
      deliveredOn: input.deliveredOn,
      // Delivered by the school's assigned partner; a manager logging for them records them, not themself.
      partnerUserId: input.partnerOnly ? input.userId : (school.assignedPartnerUserId ?? input.userId),
      daysHundredths: Math.round(input.days * 100),
      costPence: Math.round(input.cost * 100),
      activity: input.activity,
      progressRag: input.progressRag,
      notes: input.notes,
    })
    .returning({ id: commissionedDeliveries.id });
  if (!made) throw new Error('delivery not logged');
  return { id: made.id };
}

export const ZSccSummaryInput = z.object({ contractId: z.uuid(), schoolId: z.uuid() });

/**
 * A covered school's SCC case and action plan, read-only, through the commissioned-provider policy. Only
 * the provider's manager and the partner assigned to the school; anyone else gets NOT_FOUND.
 */
export async function sccSummaryForProvider(
  tx: Tx,
  input: z.infer<typeof ZSccSummaryInput> & ProviderViewer,
) {
  const contract = await findVisibleContract(tx, input, input.contractId);
  const school = await findCoveredSchool(tx, input, contract.id, input.schoolId);
  // The one place a provider reads the LA's SCC rows: the policy allows it only inside this opt-in.
  return withCommissionedRead(tx, () => readSccSummary(tx, contract, school));
}

async function readSccSummary(
  tx: Tx,
  contract: Awaited<ReturnType<typeof findVisibleContract>>,
  school: Awaited<ReturnType<typeof findCoveredSchool>>,
) {
  const cases = await tx
    .select({
      id: sccCases.id,
      status: sccCases.status,
      identifiedOn: sccCases.identifiedOn,
      designatedOn: sccCases.designatedOn,
      closedOn: sccCases.closedOn,
      concerns: sccCases.concerns,
      nextReviewOn: sccCases.nextReviewOn,
    })
    .from(sccCases)
    .where(and(eq(sccCases.tenantId, contract.tenantId), eq(sccCases.schoolId, school.schoolId)))
    .orderBy(desc(sccCases.identifiedOn));
  const current = cases.find((c) => c.status === 'candidate' || c.status === 'designated') ?? cases[0];
  const plans = current
    ? await tx
        .select({
          id: actionPlans.id,
          kind: actionPlans.kind,
          title: actionPlans.title,
          nextReviewOn: actionPlans.nextReviewOn,
        })
        .from(actionPlans)
        .where(and(eq(actionPlans.tenantId, contract.tenantId), eq(actionPlans.caseId, current.id)))
        .orderBy(asc(actionPlans.createdAt))
    : [];
  const items =
    plans.length === 0
      ? []
      : await tx
          .select({
            id: actionPlanItems.id,
            planId: actionPlanItems.planId,
            priority: actionPlanItems.priority,
            action: actionPlanItems.action,
            ownerKind: actionPlanItems.ownerKind,
            ownerName: actionPlanItems.ownerName,
            milestone: actionPlanItems.milestone,
            dueOn: actionPlanItems.dueOn,
            rag: actionPlanItems.rag,
            completedOn: actionPlanItems.completedOn,
          })
          .from(actionPlanItems)
          .where(
            and(
              eq(actionPlanItems.tenantId, contract.tenantId),
              inArray(
                actionPlanItems.planId,
                plans.map((p) => p.id),
              ),
            ),
          )
          .orderBy(asc(actionPlanItems.dueOn), asc(actionPlanItems.priority));
  const names = await laNames(tx, [contract.tenantId]);
  return {
    contractId: contract.id,
    contractTitle: contract.title,
    laName: names.get(contract.tenantId) ?? 'Unknown local authority',
    schoolId: school.schoolId,
    urn: school.urn,
    schoolName: school.schoolName,
    case: current ?? null,
    plans: plans.map((p) => ({ ...p, items: items.filter((i) => i.planId === p.id) })),
  };
}
