import { DomainError } from '~/server/errors/domain-error';
import { longDate } from '../format/dates';
import { notifyProviderOnCommit } from './notify-provider';
import { and, arrayContains, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import {
  commissionedDeliveries,
  commissioningContracts,
  contractSchools,
  schools,
  tenants,
  users,
} from '~/db/schema';
import { todayInLondon } from '../catalogue/academic-year';
import { contractPeriodProblem, contractTotals, deliveredAgainstFunded, latestRag } from './contract-sums';

/** The commissioning LA's side of a contract: what it funds and what the provider has delivered against it. */

const isoDate = z.iso.date({ message: 'Enter a date.' });
const days = z
  .number({ message: 'Enter a number of days.' })
  .min(0, 'Funded days cannot be negative.')
  .max(1000, 'That is more days than a contract can fund.');

const notFound = () =>
  new DomainError({ code: 'NOT_FOUND', message: 'That contract does not exist in this workspace.' });

/** A provider workspace an LA can commission: commissioning switched on and not suspended. */
const commissionable = and(
  eq(tenants.kind, 'provider'),
  arrayContains(tenants.modules, ['commissioning']),
  isNull(tenants.suspendedAt),
);

/**
 * Provider workspaces an LA may commission: names only (platform directory). A provider without the commissioning
 * module could never see the contract, and a suspended one nobody can sign in to.
 */
export function listProviders(tx: Tx) {
  return tx
    .select({ slug: tenants.slug, name: tenants.name })
    .from(tenants)
    .where(commissionable)
    .orderBy(asc(tenants.name));
}

/** The LA's register, for choosing a school to cover. */
export function listRegisterSchools(tx: Tx) {
  // A closed school is not commissioned support: it is offered only while open.
  return tx
    .select({ id: schools.id, urn: schools.urn, name: schools.name })
    .from(schools)
    .where(eq(schools.status, 'open'))
    .orderBy(asc(schools.name));
}

async function providerNames(tx: Tx, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: tenants.id, name: tenants.name })
    .from(tenants)
    .where(inArray(tenants.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The LA's own contracts (RLS: its tenant), newest first. */
export async function listLaContracts(tx: Tx, input: { tenantId: string }) {
  const rows = await tx
    .select()
    .from(commissioningContracts)
    .where(eq(commissioningContracts.tenantId, input.tenantId))
    .orderBy(desc(commissioningContracts.startsOn), asc(commissioningContracts.title));
  const names = await providerNames(
    tx,
    rows.map((r) => r.providerTenantId),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    counterpartName: names.get(r.providerTenantId) ?? 'Unknown provider',
    annualValuePence: r.annualValuePence,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    status: r.status,
  }));
}

async function findOwnContract(tx: Tx, tenantId: string, id: string) {
  const [contract] = await tx
    .select()
    .from(commissioningContracts)
    .where(and(eq(commissioningContracts.tenantId, tenantId), eq(commissioningContracts.id, id)));
  if (!contract) throw notFound();
  return contract;
}

async function findActiveOwnContract(tx: Tx, tenantId: string, id: string) {
  const contract = await findOwnContract(tx, tenantId, id);
  if (contract.status !== 'active')
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: `This contract has been ${contract.status === 'ended' ? 'ended' : 'revoked'} and can no longer be changed.`,
    });
  return contract;
}

/**
 * One contract as the LA sees it: its terms, the schools it covers and, unless it is revoked, the
 * deliveries the provider has logged against it (read through the commissioner policy, nothing else).
 */
export async function laContractDetail(tx: Tx, input: { tenantId: string; id: string; today?: string }) {
  const contract = await findOwnContract(tx, input.tenantId, input.id);
  const covered = await tx
    .select({
      schoolId: contractSchools.schoolId,
      urn: contractSchools.urn,
      schoolName: contractSchools.schoolName,
      fundedDaysHundredths: contractSchools.fundedDaysHundredths,
      supportSummary: contractSchools.supportSummary,
      partnerName: users.name,
    })
    .from(contractSchools)
    .leftJoin(users, eq(users.id, contractSchools.assignedPartnerUserId))
    .where(and(eq(contractSchools.tenantId, input.tenantId), eq(contractSchools.contractId, contract.id)))
    .orderBy(asc(contractSchools.schoolName));
  const deliveries = await tx
    .select({
      id: commissionedDeliveries.id,
      urn: commissionedDeliveries.urn,
      deliveredOn: commissionedDeliveries.deliveredOn,
      activity: commissionedDeliveries.activity,
      partnerName: users.name,
      daysHundredths: commissionedDeliveries.daysHundredths,
      costPence: commissionedDeliveries.costPence,
      progressRag: commissionedDeliveries.progressRag,
    })
    .from(commissionedDeliveries)
    .leftJoin(users, eq(users.id, commissionedDeliveries.partnerUserId))
    .where(
      and(
        eq(commissionedDeliveries.laTenantId, input.tenantId),
        eq(commissionedDeliveries.contractId, contract.id),
      ),
    )
    .orderBy(desc(commissionedDeliveries.deliveredOn), desc(commissionedDeliveries.createdAt));
  const names = await providerNames(tx, [contract.providerTenantId]);
  const today = input.today ?? todayInLondon();
  const progress = deliveredAgainstFunded(covered, deliveries);
  const nameByUrn = new Map(covered.map((s) => [s.urn, s.schoolName]));
  return {
    id: contract.id,
    title: contract.title,
    scope: contract.scope,
    counterpartName: names.get(contract.providerTenantId) ?? 'Unknown provider',
    annualValuePence: contract.annualValuePence,
    startsOn: contract.startsOn,
    endsOn: contract.endsOn,
    breakClause: contract.breakClause,
    status: contract.status,
    revokedAt: contract.revokedAt,
    schools: covered.map((s, i) => ({
      ...s,
      deliveredDaysHundredths: progress[i]?.deliveredDaysHundredths ?? 0,
      costPence: progress[i]?.costPence ?? 0,
      latestRag: latestRag(deliveries.filter((d) => d.urn === s.urn)),
    })),
    deliveries: deliveries.map((d) => ({ ...d, schoolName: nameByUrn.get(d.urn) ?? `URN ${d.urn}` })),
    totals: contractTotals(contract, covered, deliveries, today),
  };
}

export const ZCreateContractInput = z
  .object({
    providerSlug: z.string().min(1, 'Choose the provider.').max(100),
    title: z.string().trim().min(1, 'Enter a title for the contract.').max(200),
    scope: z.string().trim().max(2000).default(''),
    annualValue: z
      .number({ message: 'Enter the annual value in pounds.' })
      .min(0, 'The annual value cannot be negative.')
      .max(20_000_000, 'That is more than a contract can be worth.'),
    startsOn: isoDate,
    endsOn: isoDate,
    breakClause: z.string().trim().max(2000).default(''),
  })
  .superRefine((v, ctx) => {
    const problem = contractPeriodProblem(v.startsOn, v.endsOn);
    if (problem) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: problem });
  });

export async function createContract(
  tx: Tx,
  input: z.infer<typeof ZCreateContractInput> & { tenantId: string; laName: string; appUrl: string },
) {
  const [provider] = await tx
    .select({ id: tenants.id, kind: tenants.kind })
    .from(tenants)
    .where(and(eq(tenants.slug, input.providerSlug), commissionable));
  if (!provider || provider.kind !== 'provider' || provider.id === input.tenantId)
    throw new DomainError({ code: 'NOT_FOUND', message: 'Choose a provider from the list.' });
  const [made] = await tx
    .insert(commissioningContracts)
    .values({
      tenantId: input.tenantId,
      providerTenantId: provider.id,
      title: input.title,
      scope: input.scope,
      annualValuePence: Math.round(input.annualValue * 100),
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      breakClause: input.breakClause,
    })
    .returning({ id: commissioningContracts.id });
  if (!made) throw new Error('contract not created');
  notifyProviderOnCommit(tx, {
    providerTenantId: provider.id,
    contractId: made.id,
    appUrl: input.appUrl,
    subject: `${input.laName} has commissioned you: ${input.title}`,
    heading: 'A new commissioning contract',
    paragraphs: [
      `${input.laName} has commissioned you to support its schools: “${input.title}”, from ${longDate(input.startsOn)} to ${longDate(input.endsOn)}.`,
      'The schools it adds to the contract appear on it. Assign a partner to each and log every delivery against the contract.',
    ],
  });
  return { id: made.id };
}

export const ZAddContractSchoolInput = z.object({
  contractId: z.uuid(),
  schoolId: z.uuid({ message: 'Choose a school.' }),
  fundedDays: days,
  supportSummary: z.string().trim().max(500).default(''),
});

export async function addContractSchool(
  tx: Tx,
  input: z.infer<typeof ZAddContractSchoolInput> & { tenantId: string; laName: string; appUrl: string },
) {
  const contract = await findActiveOwnContract(tx, input.tenantId, input.contractId);
  const [school] = await tx
    .select({ id: schools.id, urn: schools.urn, name: schools.name })
    .from(schools)
    .where(and(eq(schools.tenantId, input.tenantId), eq(schools.id, input.schoolId)));
  if (!school)
    throw new DomainError({ code: 'NOT_FOUND', message: 'That school is not on this workspace’s register.' });
  const [already] = await tx
    .select({ urn: contractSchools.urn })
    .from(contractSchools)
    .where(
      and(
        eq(contractSchools.tenantId, input.tenantId),
        eq(contractSchools.contractId, contract.id),
        eq(contractSchools.schoolId, school.id),
      ),
    );
  if (already)
    throw new DomainError({
      code: 'CONFLICT',
      message: `${school.name} is already covered by this contract.`,
    });
  await tx.insert(contractSchools).values({
    tenantId: input.tenantId,
    contractId: contract.id,
    schoolId: school.id,
    providerTenantId: contract.providerTenantId,
    urn: school.urn,
    schoolName: school.name,
    fundedDaysHundredths: Math.round(input.fundedDays * 100),
    supportSummary: input.supportSummary,
  });
  notifyProviderOnCommit(tx, {
    providerTenantId: contract.providerTenantId,
    contractId: contract.id,
    appUrl: input.appUrl,
    subject: `${input.laName}: ${school.name} added to “${contract.title}”`,
    heading: 'A school added to your contract',
    paragraphs: [
      `${input.laName} has added ${school.name} (URN ${school.urn}) to “${contract.title}”, with ${input.fundedDays} funded ${input.fundedDays === 1 ? 'day' : 'days'}.`,
      input.supportSummary ? `The support: ${input.supportSummary}` : '',
      'Assign a partner to the school and log each delivery against the contract.',
    ].filter(Boolean),
  });
  return { contractId: contract.id, schoolId: school.id };
}

export const ZSetFundedDaysInput = z.object({ contractId: z.uuid(), schoolId: z.uuid(), fundedDays: days });

export async function setFundedDays(
  tx: Tx,
  input: z.infer<typeof ZSetFundedDaysInput> & { tenantId: string },
) {
  const contract = await findActiveOwnContract(tx, input.tenantId, input.contractId);
  const changed = await tx
    .update(contractSchools)
    .set({ fundedDaysHundredths: Math.round(input.fundedDays * 100) })
    .where(
      and(
        eq(contractSchools.tenantId, input.tenantId),
        eq(contractSchools.contractId, contract.id),
        eq(contractSchools.schoolId, input.schoolId),
      ),
    )
    .returning({ schoolId: contractSchools.schoolId });
  if (changed.length === 0)
    throw new DomainError({ code: 'NOT_FOUND', message: 'That school is not covered by this contract.' });
  return { contractId: contract.id, schoolId: input.schoolId };
}

export const ZContractSchoolInput = z.object({ contractId: z.uuid(), schoolId: z.uuid() });

export async function removeContractSchool(
  tx: Tx,
  input: z.infer<typeof ZContractSchoolInput> & { tenantId: string },
) {
  const contract = await findActiveOwnContract(tx, input.tenantId, input.contractId);
  const removed = await tx
    .delete(contractSchools)
    .where(
      and(
        eq(contractSchools.tenantId, input.tenantId),
        eq(contractSchools.contractId, contract.id),
        eq(contractSchools.schoolId, input.schoolId),
      ),
    )
    .returning({ schoolId: contractSchools.schoolId });
  if (removed.length === 0)
    throw new DomainError({ code: 'NOT_FOUND', message: 'That school is not covered by this contract.' });
  return { contractId: contract.id, schoolId: input.schoolId };
}

export const ZContractIdInput = z.object({ id: z.uuid() });

/** Ends the contract: it stays readable on both sides as history, but nothing more can be logged. */
export async function endContract(tx: Tx, input: { tenantId: string; id: string }) {
  const contract = await findActiveOwnContract(tx, input.tenantId, input.id);
  await tx
    .update(commissioningContracts)
    .set({ status: 'ended' })
    .where(
      and(eq(commissioningContracts.tenantId, input.tenantId), eq(commissioningContracts.id, contract.id)),
    );
  return { id: contract.id, status: 'ended' as const };
}

/**
 * Revokes the contract at once: the provider loses sight of it and its schools, and the LA no longer reads
 * the provider's deliveries. Possible from active or ended.
 */
export async function revokeContract(tx: Tx, input: { tenantId: string; id: string; actorUserId: string }) {
  const contract = await findOwnContract(tx, input.tenantId, input.id);
  if (contract.status === 'revoked')
    throw new DomainError({ code: 'BAD_REQUEST', message: 'This contract has already been revoked.' });
  await tx
    .update(commissioningContracts)
    .set({ status: 'revoked', revokedAt: new Date(), revokedByUserId: input.actorUserId })
    .where(
      and(eq(commissioningContracts.tenantId, input.tenantId), eq(commissioningContracts.id, contract.id)),
    );
  return { id: contract.id, status: 'revoked' as const };
}
