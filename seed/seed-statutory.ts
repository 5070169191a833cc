import { sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  actionPlanItems,
  actionPlans,
  commissionedDeliveries,
  commissioningContracts,
  contractSchools,
  dcsDesignations,
  laCategoryChanges,
  noteOfVisitVersions,
  notesOfVisit,
  ofstedInspections,
  plannedVisits,
  sccCases,
  sccLetters,
  schoolContacts,
  schoolMonitoring,
} from '~/db/schema';
import { addDays, planYear, type PlanSchool } from '~/server/monitoring/plan-visits';
import { statutorySettingsOf } from '~/server/monitoring/statutory-settings';
import type { SeedSchool } from './demo-data';
import * as data from './statutory-data';

const isAcademy = (s: SeedSchool) => s.typeGroup === 'Academies' || s.typeGroup === 'Free Schools';

/** The LA's view of every open school on its own register (not its out-of-borough traded customers). */
export async function seedStatutory(
  tx: Tx,
  input: {
    tenantId: string;
    slug: string;
    laCodes: string[];
    schools: SeedSchool[];
    schoolIdByUrn: Map<number, string>;
    userIdByEmail: Map<string, string>;
    adviserEmails: string[];
  },
): Promise<void> {
  const overrides = new Map((data.monitoringOverrides[input.slug] ?? []).map((m) => [m.urn, m]));
  const register = input.schools.filter((s) => input.laCodes.includes(s.laCode) && s.status === 'open');
  const adviserIds = input.adviserEmails
    .map((e) => input.userIdByEmail.get(e))
    .filter((id) => id !== undefined);
  const bsip = input.slug === 'barnet' ? input.userIdByEmail.get('amara.nwosu@barnet.example') : undefined;
  const defaultCategory = data.defaultCategoryBySlug[input.slug] ?? '2';
  const planSchools: PlanSchool[] = [];

  for (const [index, school] of register.entries()) {
    const schoolId = input.schoolIdByUrn.get(school.urn);
    if (!schoolId) throw new Error(`seed: no school ${school.urn} in ${input.slug}`);
    const own = overrides.get(school.urn);
    const category = own?.category ?? defaultCategory;
    await tx.insert(schoolMonitoring).values({
      tenantId: input.tenantId,
      schoolId,
      laCategory: category,
      categorisedOn: '2026-09-15',
      linkAdviserUserId: adviserIds[index % Math.max(adviserIds.length, 1)] ?? null,
      // Barnet commissions a BSIP for some maintained schools causing concern.
      secondAdviserUserId: bsip && own && ['3', '4a', '4b'].includes(category) ? bsip : null,
      capacitySecure: own?.capacitySecure ?? null,
      hasSixthForm: own?.hasSixthForm ?? false,
      riskNotes: own?.riskNotes ?? '',
      riseInvolvement: own?.riseInvolvement ?? '',
      // On the register since before the workspace's records began (no join date).
      joinedReason: 'On the LA register before Stride.',
    });
    planSchools.push({
      schoolId,
      type: school.type,
      typeGroup: school.typeGroup,
      phase: school.phase,
      status: school.status,
      laCategory: category,
      capacitySecure: own?.capacitySecure ?? null,
      hasSixthForm: own?.hasSixthForm ?? false,
      linkAdviserUserId: adviserIds[index % Math.max(adviserIds.length, 1)] ?? null,
    });
    await tx.insert(laCategoryChanges).values({
      tenantId: input.tenantId,
      schoolId,
      fromCategory: null,
      toCategory: category,
      changedOn: '2026-09-15',
      rationale: 'Annual categorisation, autumn 2026.',
    });
    const inspections = own?.inspections ?? [
      {
        inspectedOn: isAcademy(school) ? '2023-05-10' : '2022-06-15',
        framework: 'legacy_overall',
        overallGrade: 2,
      },
    ];
    await tx.insert(ofstedInspections).values(
      inspections.map((i) => ({
        tenantId: input.tenantId,
        schoolId,
        inspectedOn: i.inspectedOn,
        publishedOn: i.publishedOn ?? addDays(i.inspectedOn, 24),
        framework: i.framework,
        overallGrade: i.overallGrade ?? null,
        grades: i.grades ?? {},
        safeguarding: i.safeguarding ?? null,
        categoryOfConcern: i.categoryOfConcern ?? null,
      })),
    );
  }

  for (const contact of data.concernContactsBySlug[input.slug] ?? []) {
    const schoolId = input.schoolIdByUrn.get(contact.urn);
    if (!schoolId) throw new Error(`seed: no contact school ${contact.urn} in ${input.slug}`);
    await tx.insert(schoolContacts).values({
      tenantId: input.tenantId,
      schoolId,
      role: 'headteacher',
      name: contact.name,
      email: contact.email,
    });
  }
  await seedVisitPlan(tx, input.tenantId, input.slug, planSchools);

  for (const c of data.sccCasesBySlug[input.slug] ?? []) {
    const schoolId = input.schoolIdByUrn.get(c.urn);
    if (!schoolId) throw new Error(`seed: no SCC school ${c.urn} in ${input.slug}`);
    const [created] = await tx
      .insert(sccCases)
      .values({
        tenantId: input.tenantId,
        schoolId,
        status: c.status,
        identifiedOn: c.identifiedOn,
        designatedOn: c.designatedOn ?? null,
        triggers: c.triggers.map((t) => ({ ...t, recordedOn: c.identifiedOn })),
        concerns: c.concerns,
        leadOfficerUserId: c.leadOfficerEmail ? (input.userIdByEmail.get(c.leadOfficerEmail) ?? null) : null,
        nextReviewOn: '2026-12-09',
      })
      .returning({ id: sccCases.id });
    if (created && c.status === 'designated' && c.designatedOn) {
      // The designation letter (the informal warning) the school was sent, so its own page has it.
      const school = input.schools.find((s) => s.urn === c.urn);
      const settings = statutorySettingsOf({ statutory: data.statutorySettings[input.slug] });
      const list = settings.concernListName.toLowerCase();
      await tx.insert(sccLetters).values({
        tenantId: input.tenantId,
        schoolId,
        caseId: created.id,
        kind: 'designation',
        issuedOn: c.designatedOn,
        addressedTo: `${school?.headteacherName ?? 'The headteacher'} (headteacher); the Chair of Governors`,
        subject: `${school?.name ?? 'The school'}: identified as one of the ${list}`,
        body: [
          `The local authority has identified ${school?.name ?? 'the school'} as one of the ${list}. This letter is the local authority's informal warning.`,
          `Our concerns: ${c.concerns}`,
          `Your ${settings.leadOfficerTitle} will agree an action plan with you and arrange termly progress review meetings.`,
          'If the school does not make sufficient progress, the local authority may consider a formal warning notice under section 60 of the Education and Inspections Act 2006.',
        ].join('\n\n'),
      });
    }
    if (!created || !c.actionPlan) continue;
    const [plan] = await tx
      .insert(actionPlans)
      .values({
        tenantId: input.tenantId,
        caseId: created.id,
        schoolId,
        kind: c.actionPlan.kind,
        title: c.actionPlan.kind === 'statement_of_action' ? 'LA Statement of Action' : 'SCC action plan',
        nextReviewOn: '2026-12-09',
      })
      .returning({ id: actionPlans.id });
    if (!plan) continue;
    await tx
      .insert(actionPlanItems)
      .values(
        c.actionPlan.items.map((item) => ({ tenantId: input.tenantId, planId: plan.id, schoolId, ...item })),
      );
  }
  await seedNotesOfVisit(tx, input);

  // The Director of Children's Services, named so that only they record the DCS's decisions.
  const dcs = input.userIdByEmail.get(`dcs@${input.slug}.example`);
  if (dcs)
    await tx.insert(dcsDesignations).values({
      tenantId: input.tenantId,
      userId: dcs,
      role: 'dcs',
      designatedOn: '2026-09-01',
    });
}

/**
 * This year's visit plan from the planner. Visits due before 1 November are done for most schools; every
 * sixth school (the first adviser's first school among them) is behind, so overdue and under-served flags show.
 */
async function seedVisitPlan(tx: Tx, tenantId: string, slug: string, planSchools: PlanSchool[]) {
  const settings = statutorySettingsOf({ statutory: data.statutorySettings[slug] });
  const behind = new Set(planSchools.filter((_, i) => i % 6 === 0).map((s) => s.schoolId));
  const drafts = planYear(planSchools, settings, 2026);
  if (drafts.length === 0) return;
  await tx.insert(plannedVisits).values(
    drafts.map((d) => {
      const done = d.dueBy < '2026-11-01' && !behind.has(d.schoolId);
      return {
        ...d,
        tenantId,
        status: done ? ('done' as const) : ('planned' as const),
        completedOn: done ? addDays(d.dueBy, -2) : null,
      };
    }),
  );
}

/**
 * The commissioning links. Written as the LA (its contract and covered schools), then as the provider (what
 * it delivered), switching the RLS context between them exactly as the app would.
 */
export async function seedContracts(
  tx: Tx,
  input: {
    tenantIdBySlug: Map<string, string>;
    schoolIdsBySlug: Map<string, Map<number, string>>;
    schoolNameByUrn: Map<number, string>;
    userIdByEmail: Map<string, string>;
  },
): Promise<void> {
  for (const c of data.contracts) {
    const laId = input.tenantIdBySlug.get(c.laSlug);
    const providerId = input.tenantIdBySlug.get(c.providerSlug);
    const laSchools = input.schoolIdsBySlug.get(c.laSlug);
    if (!laId || !providerId || !laSchools) throw new Error(`seed: bad contract ${c.title}`);
    await tx.execute(sql`select set_config('app.tenant_id', ${laId}, true)`);
    const [contract] = await tx
      .insert(commissioningContracts)
      .values({
        tenantId: laId,
        providerTenantId: providerId,
        title: c.title,
        scope: c.scope,
        annualValuePence: c.annualValuePence,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        breakClause: c.breakClause,
      })
      .returning({ id: commissioningContracts.id });
    if (!contract) throw new Error('seed: contract not created');
    await tx.insert(contractSchools).values(
      c.schools.map((s) => ({
        tenantId: laId,
        contractId: contract.id,
        schoolId: laSchools.get(s.urn) ?? '',
        providerTenantId: providerId,
        urn: s.urn,
        schoolName: input.schoolNameByUrn.get(s.urn) ?? '',
        fundedDaysHundredths: s.fundedDays * 100,
        supportSummary: s.supportSummary,
        assignedPartnerUserId: s.partnerEmail ? (input.userIdByEmail.get(s.partnerEmail) ?? null) : null,
      })),
    );
    await tx.execute(sql`select set_config('app.tenant_id', ${providerId}, true)`);
    if (c.deliveries.length > 0) {
      await tx.insert(commissionedDeliveries).values(
        c.deliveries.map((d) => ({
          tenantId: providerId,
          contractId: contract.id,
          laTenantId: laId,
          urn: d.urn,
          deliveredOn: d.deliveredOn,
          partnerUserId: input.userIdByEmail.get(d.partnerEmail) ?? null,
          daysHundredths: Math.round(d.days * 100),
          costPence: d.costPence,
          activity: d.activity,
          progressRag: d.progressRag,
        })),
      );
    }
  }
}

/** Notes of visit in each workflow state, with the versions the headteacher saw (statutory-data.ts). */
async function seedNotesOfVisit(
  tx: Tx,
  input: {
    tenantId: string;
    slug: string;
    schoolIdByUrn: Map<number, string>;
    userIdByEmail: Map<string, string>;
  },
): Promise<void> {
  const at = (day: string) => new Date(`${day}T15:00:00Z`);
  for (const n of data.notesOfVisitBySlug[input.slug] ?? []) {
    const schoolId = input.schoolIdByUrn.get(n.urn);
    const adviserUserId = input.userIdByEmail.get(n.adviserEmail);
    if (!schoolId || !adviserUserId) throw new Error(`seed: bad note of visit for ${n.urn}`);
    const agreedByUserId = n.agreedByEmail ? (input.userIdByEmail.get(n.agreedByEmail) ?? null) : null;
    const version = n.status === 'draft' ? 0 : 1;
    const [note] = await tx
      .insert(notesOfVisit)
      .values({
        tenantId: input.tenantId,
        schoolId,
        adviserUserId,
        visitedOn: n.visitedOn,
        content: n.content,
        status: n.status,
        version,
        headteacherComment: n.headteacherComment ?? null,
        agreedAt: n.agreedOn ? at(n.agreedOn) : null,
        agreedByUserId,
        sharedAt: n.sharedOn ? at(n.sharedOn) : null,
        createdAt: at(n.visitedOn),
        updatedAt: at(n.sharedOn ?? n.agreedOn ?? n.sentOn ?? n.visitedOn),
      })
      .returning({ id: notesOfVisit.id });
    if (!note) throw new Error('seed: note of visit not created');
    const events: { event: string; on?: string; by: string | null; comment?: string }[] = [
      { event: 'sent', on: n.sentOn, by: adviserUserId },
      {
        event: 'commented',
        on: n.status === 'commented' ? n.sentOn : undefined,
        by: null,
        comment: n.headteacherComment,
      },
      { event: 'agreed', on: n.agreedOn, by: agreedByUserId },
      { event: 'shared', on: n.sharedOn, by: adviserUserId },
    ];
    for (const e of events) {
      if (!e.on) continue;
      await tx.insert(noteOfVisitVersions).values({
        tenantId: input.tenantId,
        noteId: note.id,
        version: 1,
        event: e.event,
        content: n.content,
        headteacherComment: e.comment ?? null,
        byUserId: e.by,
        createdAt: at(e.on),
      });
    }
  }
}
