import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withCommissionedRead, withTenant, type Database } from '~/db/client';
import {
  auditLog,
  catalogueItems,
  commissionedDeliveries,
  commissioningContracts,
  contractSchools,
  memberships,
  notesOfVisit,
  outboxEmails,
  sccCases,
  schools,
  subscriptions,
  warningNotices,
} from '~/db/schema';
import { withMailroom } from '~/server/email/outbox';
import { callerFor, failureOf, openTestDatabase, tenantBySlug, userByEmail } from './harness';
import { makeTenant } from '../fixtures/factories';

const officer = 'la.officer@birmingham.example';
const bepManager = 'manager@bep.example';
const bepAdviser = 'adviser@bep.example';
const bepOtherAdviser = 'harpreet.virdee@bep.example';
const seededTitle = 'School improvement service for schools causing concern 2026–28';

describe('commissioning: Birmingham ↔ BEP', () => {
  let database: Database;
  let birminghamId: string;
  let bepId: string;
  let seededId: string;
  let schoolIdByUrn: Map<number, string>;

  beforeAll(async () => {
    database = await openTestDatabase();
    birminghamId = (await tenantBySlug(database.db, 'birmingham')).id;
    bepId = (await tenantBySlug(database.db, 'bep')).id;
    const la = await callerFor(database.db, officer, 'birmingham');
    const contracts = await la.commissioning.list();
    const seeded = contracts.find((c) => c.title === seededTitle);
    if (!seeded) throw new Error('seeded contract missing');
    seededId = seeded.id;
    const register = await la.commissioning.registerSchools();
    schoolIdByUrn = new Map(register.map((s) => [s.urn, s.id]));
  });

  const school = (urn: number) => {
    const id = schoolIdByUrn.get(urn);
    if (!id) throw new Error(`no school ${urn}`);
    return id;
  };

  it('shows the LA its seeded contract with the provider’s delivery against it', async () => {
    const la = await callerFor(database.db, officer, 'birmingham');
    const detail = await la.commissioning.byId({ id: seededId });
    expect(detail.side).toBe('la');
    expect(detail.counterpartName).toMatch(/BEP|Birmingham Education Partnership/);
    expect(detail.annualValuePence).toBe(108_000_000);
    expect(detail.schools.map((s) => s.urn).sort()).toEqual([103326, 103342, 103363]);
    const greet = detail.schools.find((s) => s.urn === 103342);
    expect(greet?.fundedDaysHundredths).toBe(2000);
    expect(greet?.deliveredDaysHundredths).toBeGreaterThanOrEqual(150);
    expect(detail.deliveries.some((d) => d.activity.includes('Behaviour policy workshop'))).toBe(true);
    expect(detail.deliveries.every((d) => d.partnerName)).toBe(true);
    expect(detail.totals.fundedDaysHundredths).toBe(4300);
    expect(detail.totals.accruedValuePence).toBeGreaterThan(0);
    const finance = await callerFor(database.db, 'finance@birmingham.example', 'birmingham');
    expect((await finance.commissioning.byId({ id: seededId })).title).toBe(seededTitle);
    await expect(finance.commissioning.revoke({ id: seededId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The LA's own advisers and the provider's finance staff are not party to the contract.
    const laAdviser = await callerFor(database.db, 'adviser@birmingham.example', 'birmingham');
    await expect(laAdviser.commissioning.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const bepFinance = await callerFor(database.db, 'finance@bep.example', 'bep');
    await expect(bepFinance.commissioning.byId({ id: seededId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('gives the provider the contract; an adviser only their assigned schools', async () => {
    const manager = await callerFor(database.db, bepManager, 'bep');
    const mine = await manager.commissioning.byId({ id: seededId });
    expect(mine.side).toBe('provider');
    expect(mine.counterpartName).toBe('Birmingham City Council');
    expect(mine.schools).toHaveLength(3);
    const adviser = await callerFor(database.db, bepAdviser, 'bep');
    const theirs = await adviser.commissioning.byId({ id: seededId });
    expect(theirs.schools.map((s) => s.urn).sort()).toEqual([103326, 103342]);
    await expect(
      adviser.commissioning.logDelivery({
        contractId: seededId,
        schoolId: school(103363),
        deliveredOn: '2026-11-02',
        days: 1,
        cost: 600,
        activity: 'Not my school',
        progressRag: 'amber',
        notes: '',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('not assigned to you') });
    await expect(
      adviser.commissioning.sccSummary({ contractId: seededId, schoolId: school(103363) }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const scc = await adviser.commissioning.sccSummary({ contractId: seededId, schoolId: school(103342) });
    expect(scc.case?.status).toBe('designated');
    expect(scc.case?.concerns).toContain('Attendance');
    expect(scc.plans[0]?.items.map((i) => i.rag).sort()).toEqual(['amber', 'green']);
    const managersView = await manager.commissioning.sccSummary({
      contractId: seededId,
      schoolId: school(103363),
    });
    expect(managersView.case?.concerns).toContain('In crisis');
  });

  it('refuses deliveries in the future, outside the period or with no days, with clear messages', async () => {
    const adviser = await callerFor(database.db, bepAdviser, 'bep');
    const base = {
      contractId: seededId,
      schoolId: school(103342),
      days: 1,
      cost: 600,
      activity: 'Check',
      progressRag: 'green' as const,
      notes: '',
    };
    await expect(
      adviser.commissioning.logDelivery({ ...base, deliveredOn: '2099-01-05' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The date of the delivery cannot be in the future.',
    });
    await expect(
      adviser.commissioning.logDelivery({ ...base, deliveredOn: '2026-08-20' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The date must fall within the contract period.',
    });
    await expect(
      adviser.commissioning.logDelivery({ ...base, deliveredOn: '2026-11-02', days: 0 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('stops the provider changing funded days, in the router and in the database', async () => {
    const manager = await callerFor(database.db, bepManager, 'bep');
    await expect(
      manager.commissioning.setFundedDays({ contractId: seededId, schoolId: school(103342), fundedDays: 99 }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('commissioning local authority'),
    });
    const failure = await failureOf(
      withTenant(database.db, bepId, (tx) =>
        tx
          .update(contractSchools)
          .set({ fundedDaysHundredths: 9900 })
          .where(and(eq(contractSchools.contractId, seededId), eq(contractSchools.urn, 103342))),
      ),
    );
    expect(failure).toContain('A provider may only assign its partner');
    const la = await callerFor(database.db, officer, 'birmingham');
    const greet = (await la.commissioning.byId({ id: seededId })).schools.find((s) => s.urn === 103342);
    expect(greet?.fundedDaysHundredths).toBe(2000);
  });

  it('lets the provider read nothing else of the LA', async () => {
    await withTenant(database.db, birminghamId, (tx) =>
      tx
        .insert(sccCases)
        .values({
          tenantId: birminghamId,
          schoolId: school(103318),
          status: 'candidate',
          identifiedOn: '2026-11-02',
          concerns: 'Not covered by any contract',
        })
        .onConflictDoNothing(),
    );
    // A warning notice and a note of visit for Greet, which the contract covers: still the LA's alone.
    const laAdviser = await userByEmail(database.db, 'adviser@birmingham.example');
    await withTenant(database.db, birminghamId, async (tx) => {
      await tx
        .insert(warningNotices)
        .values({ tenantId: birminghamId, schoolId: school(103342), kind: 'informal' });
      await tx.insert(notesOfVisit).values({
        tenantId: birminghamId,
        schoolId: school(103342),
        adviserUserId: laAdviser.id,
        visitedOn: '2026-11-02',
        content: {
          focusKind: 'sev_focus',
          focusAreas: [],
          strengths: '',
          areasForDevelopment: '',
          agreedActions: [],
        },
      });
    });
    const seen = await withTenant(database.db, bepId, async (tx) => ({
      schools: await tx.select({ id: schools.id }).from(schools).where(eq(schools.tenantId, birminghamId)),
      notes: await tx
        .select({ id: notesOfVisit.id })
        .from(notesOfVisit)
        .where(eq(notesOfVisit.tenantId, birminghamId)),
      warnings: await tx.select({ id: warningNotices.id }).from(warningNotices),
      unopted: await tx.select({ schoolId: sccCases.schoolId }).from(sccCases),
      // The partner view's explicit opt-in: only schools the contract covers.
      cases: await withCommissionedRead(tx, () =>
        tx.select({ schoolId: sccCases.schoolId }).from(sccCases).where(eq(sccCases.tenantId, birminghamId)),
      ),
    }));
    expect(seen.unopted).toEqual([]);
    expect(seen.schools).toEqual([]);
    expect(seen.notes).toEqual([]);
    expect(seen.warnings).toEqual([]);
    expect(seen.cases.map((c) => c.schoolId)).not.toContain(school(103318));
    expect(seen.cases.length).toBeGreaterThan(0);
    const manager = await callerFor(database.db, bepManager, 'bep');
    await expect(
      manager.commissioning.sccSummary({ contractId: seededId, schoolId: school(103318) }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps the LA out of BEP’s workspace and BEP’s other tables', async () => {
    const la = await callerFor(database.db, officer, 'bep');
    await expect(la.catalogue.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(la.entitlements.statement({ schoolId: school(103342) })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(la.subscriptions.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(la.commissioning.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const seen = await withTenant(database.db, birminghamId, async (tx) => ({
      catalogue: await tx
        .select({ id: catalogueItems.id })
        .from(catalogueItems)
        .where(eq(catalogueItems.tenantId, bepId)),
      subscriptions: await tx
        .select({ id: subscriptions.id })
        .from(subscriptions)
        .where(eq(subscriptions.tenantId, bepId)),
      schools: await tx.select({ id: schools.id }).from(schools).where(eq(schools.tenantId, bepId)),
      memberships: await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(eq(memberships.tenantId, bepId)),
      deliveries: await tx
        .select({ laTenantId: commissionedDeliveries.laTenantId })
        .from(commissionedDeliveries),
    }));
    expect(seen.catalogue).toEqual([]);
    expect(seen.subscriptions).toEqual([]);
    expect(seen.schools).toEqual([]);
    expect(seen.memberships).toEqual([]);
    expect(seen.deliveries.every((d) => d.laTenantId === birminghamId)).toBe(true);
  });

  it('shows Harrow and HSIP nothing of the Birmingham–BEP contract', async () => {
    const harrow = await callerFor(database.db, 'la.officer@harrow.example', 'harrow');
    expect((await harrow.commissioning.list()).map((c) => c.id)).not.toContain(seededId);
    await expect(harrow.commissioning.byId({ id: seededId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(harrow.commissioning.revoke({ id: seededId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      harrow.commissioning.setFundedDays({ contractId: seededId, schoolId: school(103342), fundedDays: 1 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const hsip = await callerFor(database.db, 'manager@hsip.example', 'hsip');
    expect((await hsip.commissioning.list()).map((c) => c.id)).not.toContain(seededId);
    await expect(hsip.commissioning.byId({ id: seededId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const harrowId = (await tenantBySlug(database.db, 'harrow')).id;
    const rows = await withTenant(database.db, harrowId, async (tx) => ({
      contracts: await tx
        .select({ id: commissioningContracts.id })
        .from(commissioningContracts)
        .where(eq(commissioningContracts.id, seededId)),
      deliveries: await tx
        .select({ id: commissionedDeliveries.id })
        .from(commissionedDeliveries)
        .where(eq(commissionedDeliveries.contractId, seededId)),
    }));
    expect(rows).toEqual({ contracts: [], deliveries: [] });
  });

  it('offers only providers that can see a contract: commissioning switched on, not suspended', async () => {
    const la = await callerFor(database.db, officer, 'birmingham');
    const without = await makeTenant(database.db, { kind: 'provider', modules: ['traded'] });
    const offered = (await la.commissioning.providers()).map((p) => p.slug);
    expect(offered).toContain('bep');
    // Was offered, and a contract made that its people could never open.
    expect(offered).not.toContain(without.slug);
    expect(
      await failureOf(
        la.commissioning.create({
          providerSlug: without.slug,
          title: 'Unseen',
          scope: '',
          annualValue: 1000,
          startsOn: '2026-09-01',
          endsOn: '2027-08-31',
          breakClause: '',
        }),
      ),
    ).toContain('Choose a provider from the list');
  });

  it('runs a new contract end to end, then revoking it closes both directions', async () => {
    const la = await callerFor(database.db, officer, 'birmingham');
    const providers = await la.commissioning.providers();
    expect(providers.map((p) => p.slug)).toEqual(expect.arrayContaining(['bep', 'hsip']));
    expect(JSON.stringify(providers)).not.toContain(bepId);
    await expect(
      la.commissioning.create({
        providerSlug: 'bep',
        title: 'Backwards',
        scope: '',
        annualValue: 1000,
        startsOn: '2027-09-01',
        endsOn: '2026-09-01',
        breakClause: '',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const { id } = await la.commissioning.create({
      providerSlug: 'bep',
      title: 'Governance review pilot',
      scope: 'Governance reviews for two schools',
      annualValue: 24_000,
      startsOn: '2026-09-01',
      endsOn: '2027-08-31',
      breakClause: '',
    });
    await la.commissioning.addSchool({
      contractId: id,
      schoolId: school(103305),
      fundedDays: 4,
      supportSummary: 'Governance review',
    });
    await la.commissioning.addSchool({
      contractId: id,
      schoolId: school(103318),
      fundedDays: 2,
      supportSummary: '',
    });
    await expect(
      la.commissioning.addSchool({
        contractId: id,
        schoolId: school(103305),
        fundedDays: 1,
        supportSummary: '',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await la.commissioning.setFundedDays({ contractId: id, schoolId: school(103305), fundedDays: 5 });
    await la.commissioning.removeSchool({ contractId: id, schoolId: school(103318) });

    // BEP's managers are told, in BEP's own workspace, of the contract and of each school added to it.
    const told = await withMailroom(database.db, (tx) =>
      tx
        .select({ subject: outboxEmails.subject, tenantId: outboxEmails.tenantId, text: outboxEmails.text })
        .from(outboxEmails)
        .where(eq(outboxEmails.to, bepManager)),
    );
    const aboutThis = told.filter((e) => e.subject.includes('Governance review pilot'));
    expect(aboutThis.map((e) => e.subject)).toEqual(
      expect.arrayContaining([
        'Birmingham City Council has commissioned you: Governance review pilot',
        expect.stringMatching(/added to “Governance review pilot”/),
      ]),
    );
    expect(aboutThis.every((e) => e.tenantId === bepId)).toBe(true);
    expect(aboutThis.some((e) => e.text?.includes(`/bep/commissioning/${id}`))).toBe(true);

    const manager = await callerFor(database.db, bepManager, 'bep');
    expect((await manager.commissioning.list()).map((c) => c.id)).toContain(id);
    const adviser = await callerFor(database.db, bepAdviser, 'bep');
    expect((await adviser.commissioning.list()).map((c) => c.id)).not.toContain(id);
    const partners = await manager.commissioning.partners();
    const harpreet = partners.find((p) => p.name.includes('Harpreet'));
    if (!harpreet) throw new Error('no partner Harpreet');
    await manager.commissioning.assignPartner({
      contractId: id,
      schoolId: school(103305),
      partnerUserId: harpreet.userId,
    });
    // The partner is told which school is theirs, with the link to its page under the contract.
    const harpreetUser = await withMailroom(database.db, (tx) =>
      tx
        .select({ subject: outboxEmails.subject, text: outboxEmails.text })
        .from(outboxEmails)
        .where(
          sql`${outboxEmails.subject} like 'You are the partner for %' and ${outboxEmails.text} like ${`%/bep/commissioning/${id}/schools/${school(103305)}%`}`,
        ),
    );
    expect(harpreetUser).toHaveLength(1);
    expect(harpreetUser[0]?.text).toContain(`/bep/commissioning/${id}/schools/${school(103305)}`);
    // Assigning the same partner again tells nobody again.
    await manager.commissioning.assignPartner({
      contractId: id,
      schoolId: school(103305),
      partnerUserId: harpreet.userId,
    });
    const again = await withMailroom(database.db, (tx) =>
      tx
        .select({ id: outboxEmails.id })
        .from(outboxEmails)
        .where(
          sql`${outboxEmails.subject} like 'You are the partner for %' and ${outboxEmails.text} like ${`%/bep/commissioning/${id}/schools/${school(103305)}%`}`,
        ),
    );
    expect(again).toHaveLength(1);
    const bepFinance = await userByEmail(database.db, 'finance@bep.example');
    await expect(
      manager.commissioning.assignPartner({
        contractId: id,
        schoolId: school(103305),
        partnerUserId: bepFinance.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('advisers') });
    await expect(
      adviser.commissioning.assignPartner({ contractId: id, schoolId: school(103305), partnerUserId: null }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const partner = await callerFor(database.db, bepOtherAdviser, 'bep');
    const seenByPartner = await partner.commissioning.byId({ id });
    expect(seenByPartner.schools.map((s) => s.urn)).toEqual([103305]);
    expect(seenByPartner.schools[0]?.fundedDaysHundredths).toBe(500);
    await partner.commissioning.logDelivery({
      contractId: id,
      schoolId: school(103305),
      deliveredOn: '2026-11-10',
      days: 1.5,
      cost: 900,
      activity: 'Review of the governing body’s effectiveness',
      progressRag: 'amber',
      notes: 'Clerk to circulate the skills audit.',
    });
    await expect(
      partner.commissioning.logDelivery({
        contractId: id,
        schoolId: school(103318),
        deliveredOn: '2026-11-10',
        days: 1,
        cost: 0,
        activity: 'Removed school',
        progressRag: 'amber',
        notes: '',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const laView = await la.commissioning.byId({ id });
    expect(laView.deliveries).toHaveLength(1);
    expect(laView.deliveries[0]).toMatchObject({
      activity: 'Review of the governing body’s effectiveness',
      daysHundredths: 150,
      costPence: 90_000,
      partnerName: 'Harpreet Virdee',
    });
    expect(laView.schools[0]).toMatchObject({
      urn: 103305,
      deliveredDaysHundredths: 150,
      latestRag: 'amber',
    });
    expect(laView.totals.spendPence).toBe(90_000);
    expect(JSON.stringify(laView)).not.toContain('skills audit');

    await la.commissioning.revoke({ id });
    const audited = await withTenant(database.db, birminghamId, (tx) =>
      tx
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(
          sql`${auditLog.action} like 'commissioning.%' and ${auditLog.targetIds}::text like ${`%${id}%`}`,
        ),
    );
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'commissioning.addSchool',
        'commissioning.setFundedDays',
        'commissioning.removeSchool',
        'commissioning.revoke',
      ]),
    );
    expect((await la.commissioning.byId({ id })).deliveries).toEqual([]);
    expect((await la.commissioning.byId({ id })).status).toBe('revoked');
    expect((await manager.commissioning.list()).map((c) => c.id)).not.toContain(id);
    await expect(manager.commissioning.byId({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      partner.commissioning.logDelivery({
        contractId: id,
        schoolId: school(103305),
        deliveredOn: '2026-11-11',
        days: 1,
        cost: 600,
        activity: 'After revocation',
        progressRag: 'green',
        notes: '',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const providerRows = await withTenant(database.db, bepId, (tx) =>
      tx
        .select({ id: contractSchools.schoolId })
        .from(contractSchools)
        .where(eq(contractSchools.contractId, id)),
    );
    expect(providerRows).toEqual([]);
    const laRows = await withTenant(database.db, birminghamId, (tx) =>
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(commissionedDeliveries)
        .where(inArray(commissionedDeliveries.contractId, [id])),
    );
    expect(laRows[0]?.n).toBe(0);
  });

  it('refuses changes and new deliveries once a contract has ended, but keeps it readable', async () => {
    const la = await callerFor(database.db, officer, 'birmingham');
    const { id } = await la.commissioning.create({
      providerSlug: 'bep',
      title: 'Short pilot',
      scope: '',
      annualValue: 5000,
      startsOn: '2026-09-01',
      endsOn: '2026-12-31',
      breakClause: '',
    });
    await la.commissioning.addSchool({
      contractId: id,
      schoolId: school(103305),
      fundedDays: 1,
      supportSummary: '',
    });
    await la.commissioning.end({ id });
    await expect(
      la.commissioning.setFundedDays({ contractId: id, schoolId: school(103305), fundedDays: 3 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('ended') });
    const manager = await callerFor(database.db, bepManager, 'bep');
    expect((await manager.commissioning.byId({ id })).status).toBe('ended');
    await expect(
      manager.commissioning.logDelivery({
        contractId: id,
        schoolId: school(103305),
        deliveredOn: '2026-11-02',
        days: 1,
        cost: 600,
        activity: 'After the end',
        progressRag: 'green',
        notes: '',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('ended') });
  });
  it("credits a delivery the provider's manager logs to the school's assigned partner", async () => {
    const manager = await callerFor(database.db, bepManager, 'bep');
    const activity = `Logged by the manager for the partner (${Date.now()})`;
    await manager.commissioning.logDelivery({
      contractId: seededId,
      schoolId: school(103342),
      deliveredOn: '2026-11-03',
      days: 0.5,
      cost: 300,
      activity,
      progressRag: 'amber',
      notes: '',
    });
    const partner = await userByEmail(database.db, 'adviser@bep.example');
    const la = await callerFor(database.db, officer, 'birmingham');
    const logged = (await la.commissioning.byId({ id: seededId })).deliveries.find(
      (d) => d.activity === activity,
    );
    expect(logged?.partnerName).toBe(partner.name);
  });
});
