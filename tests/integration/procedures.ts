import { tenants as demoTenants } from '~/db/seed/demo-data';
import { appRouter } from '~/server/routers';
import { giasUploadBody } from '~/server/schools/import-gias/gias-upload';
import { giasCsv, giasRow } from '../fixtures/gias';
import type { Meta } from '~/server/trpc';
import { courseAttacks } from './course-procedures';

export type ProcedureEntry = {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  meta: Meta | undefined;
};

type Node = {
  _def?: {
    procedure?: boolean;
    router?: boolean;
    record?: Record<string, unknown>;
    type?: ProcedureEntry['type'];
    meta?: Meta;
  };
};

/** Every procedure of the app router, by dotted path, found by walking the nested routers. */
export function allProcedures(): ProcedureEntry[] {
  const found: ProcedureEntry[] = [];
  const walk = (record: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(record)) {
      const def = (value as Node)._def;
      const path = prefix ? `${prefix}.${key}` : key;
      if (def?.procedure && def.type) found.push({ path, type: def.type, meta: def.meta });
      else if (def?.router && def.record) walk(def.record, path);
      else if (typeof value === 'object' && value !== null) walk(value as Record<string, unknown>, path);
    }
  };
  walk(appRouter._def.record, '');
  return found;
}

/** The ids of another tenant's rows that an attacker might send. */
export type ForeignIds = {
  schoolId: string;
  itemId: string;
  subscriptionId: string;
  balanceId: string;
  serviceId: string;
  requestId: string;
  adviserUserId: string;
  courseId: string;
  bookingId: string;
  waitlistEntryId: string;
};

/**
 * For each tenant procedure: an input aimed at the other tenant's rows. A new tenant procedure must be
 * added here, or the cross-tenant test fails, so nothing ships untested against foreign ids.
 */
export const foreignInputs: Record<string, (ids: ForeignIds) => unknown> = {
  'workspaces.current': () => undefined,
  'workspaces.figures': () => undefined,
  'schools.list': () => ({}),
  'schools.byId': (ids) => ({ id: ids.schoolId }),
  'schools.updateNotes': (ids) => ({ id: ids.schoolId, notes: 'Written from another workspace' }),
  'catalogue.years': () => undefined,
  'catalogue.list': () => ({}),
  'catalogue.byId': (ids) => ({ id: ids.itemId }),
  'catalogue.quote': (ids) => ({ schoolId: ids.schoolId, itemId: ids.itemId, units: 1 }),
  'catalogue.create': () => ({
    academicYear: 2026,
    kind: 'service',
    code: `CROSS-${Date.now()}`,
    name: 'Made from another workspace',
    pricingBasis: 'day',
    memberPrice: 1,
    nonMemberPrice: 1,
  }),
  'catalogue.update': (ids) => ({
    id: ids.itemId,
    name: 'Renamed from another workspace',
    description: '',
    memberPrice: 1,
    nonMemberPrice: 1,
    active: false,
  }),
  'catalogue.copyForward': () => ({ fromYear: 2031, upliftPercent: 3 }),
  'subscriptions.list': (ids) => ({ schoolId: ids.schoolId }),
  'subscriptions.history': (ids) => ({ id: ids.subscriptionId }),
  'subscriptions.subscribe': (ids) => ({ schoolId: ids.schoolId, itemId: ids.itemId, units: 1 }),
  'subscriptions.cancel': (ids) => ({ id: ids.subscriptionId, reason: 'Cancelled from another workspace' }),
  'entitlements.statement': (ids) => ({ schoolId: ids.schoolId }),
  'entitlements.adjust': (ids) => ({
    balanceId: ids.balanceId,
    quantity: 5,
    reason: 'Adjusted from another workspace',
  }),
  'adviserTime.request': (ids) => ({
    schoolId: ids.schoolId,
    serviceId: ids.serviceId,
    preferredDates: 'Any Tuesday',
  }),
  'adviserTime.list': (ids) => ({ schoolId: ids.schoolId }),
  'adviserTime.advisers': () => undefined,
  'adviserTime.assign': (ids) => ({ requestId: ids.requestId, adviserUserId: ids.adviserUserId }),
  'adviserTime.logVisit': (ids) => ({
    requestId: ids.requestId,
    visitDate: '2026-11-20',
    duration: { amount: 1, unit: 'day' },
    summary: 'Logged from another workspace',
  }),
  'adviserTime.cancel': (ids) => ({ id: ids.requestId }),
  'adviserTime.utilisation': () => ({}),
  'renewals.open': () => ({ fromYear: 2031, closesOn: '2099-01-31' }),
  'renewals.remind': (ids) => ({ roundId: ids.requestId }),
  'renewals.uptake': () => undefined,
  'schools.contacts': (ids) => ({ schoolId: ids.schoolId }),
  'schools.addContact': (ids) => ({ schoolId: ids.schoolId, role: 'finance', name: 'Planted Contact' }),
  'schools.removeContact': (ids) => ({ id: ids.requestId, schoolId: ids.schoolId }),
  'entitlements.expireYear': () => ({ academicYear: 2001 }),
  'schoolImport.preview': () => giasFileNamingVictimSchools(),
  'schoolImport.commit': () => giasFileNamingVictimSchools(),
  'members.list': () => undefined,
  'audit.list': () => ({}),
  'reports.dcsMonthly': () => ({ month: '2026-10' }),
  'reports.commissionerMonthly': () => ({ month: '2026-10' }),
  'reports.dashboard': () => ({}),
  'reports.export': () => ({ report: 'dcs', month: '2026-10' }),
  'notesOfVisit.formOptions': (ids) => ({ plannedVisitId: ids.requestId }),
  'notesOfVisit.list': (ids) => ({ schoolId: ids.schoolId }),
  'notesOfVisit.byId': (ids) => ({ id: ids.requestId }),
  'notesOfVisit.write': (ids) => ({
    schoolId: ids.schoolId,
    visitedOn: '2026-11-20',
    content: {
      focusKind: 'sev_focus',
      focusAreas: [
        { area: 'Safeguarding', judgement: 'Secure', commentary: 'Written from another workspace' },
      ],
      strengths: 'None',
      areasForDevelopment: 'None',
      agreedActions: [],
    },
  }),
  'notesOfVisit.revise': (ids) => ({
    id: ids.requestId,
    visitedOn: '2026-11-20',
    content: {
      focusKind: 'sev_focus',
      focusAreas: [
        { area: 'Safeguarding', judgement: 'Secure', commentary: 'Written from another workspace' },
      ],
      strengths: 'None',
      areasForDevelopment: 'None',
      agreedActions: [],
    },
  }),
  'notesOfVisit.send': (ids) => ({ id: ids.requestId }),
  'notesOfVisit.agree': (ids) => ({ id: ids.requestId }),
  'notesOfVisit.comment': (ids) => ({ id: ids.requestId, comment: 'Commented from another workspace' }),
  'notesOfVisit.share': (ids) => ({ id: ids.requestId }),
  'notesOfVisit.pdf': (ids) => ({ id: ids.requestId }),
  'casework.plan': (ids) => ({ caseId: ids.requestId }),
  'casework.createPlan': (ids) => ({
    caseId: ids.requestId,
    kind: 'statement_of_action',
    title: 'Planted plan',
  }),
  'casework.addItem': (ids) => ({
    planId: ids.requestId,
    priority: 'Planted',
    action: 'Planted from another workspace',
    ownerKind: 'la',
    dueOn: '2027-01-01',
  }),
  'casework.editItem': (ids) => ({
    itemId: ids.requestId,
    priority: 'Planted',
    action: 'Planted from another workspace',
    ownerKind: 'la',
    dueOn: '2027-01-01',
  }),
  'casework.updateProgress': (ids) => ({ itemId: ids.requestId, rag: 'red', evidence: 'Planted evidence' }),
  'casework.completeItem': (ids) => ({ itemId: ids.requestId, completedOn: '2026-11-20' }),
  'casework.setNextReview': (ids) => ({ planId: ids.requestId, nextReviewOn: '2027-01-10' }),
  'casework.meetings': (ids) => ({ caseId: ids.requestId }),
  'casework.recordMeeting': (ids) => ({
    caseId: ids.requestId,
    kind: 'progress_review',
    heldOn: '2026-11-20',
    attendees: 'Planted attendees',
    notes: 'Planted from another workspace',
  }),
  'casework.interventions': (ids) => ({ caseId: ids.requestId }),
  'casework.recordNotice': (ids) => ({
    caseId: ids.requestId,
    kind: 'formal_s60',
    grounds: ['unacceptably_low_standards'],
  }),
  'casework.issueNotice': (ids) => ({
    noticeId: ids.requestId,
    issuedOn: '2026-11-20',
    complianceBy: '2027-01-20',
    dcsDecisionOn: '2026-11-19',
    dcsDecisionByUserId: ids.adviserUserId,
  }),
  'casework.noticeOutcome': (ids) => ({
    noticeId: ids.requestId,
    outcome: 'withdrawn',
    outcomeOn: '2026-11-20',
    notes: 'Planted',
  }),
  'casework.recordPower': (ids) => ({
    caseId: ids.requestId,
    power: 's64_additional_governors',
    dcsDecision: 'approved',
    dcsDecisionOn: '2026-11-20',
    dcsDecisionByUserId: ids.adviserUserId,
  }),
  'casework.referToRegionalDirector': (ids) => ({
    caseId: ids.requestId,
    referredOn: '2026-11-20',
    concern: 'Planted from another workspace',
  }),
  'casework.referralResponse': (ids) => ({
    caseId: ids.requestId,
    referralId: ids.requestId,
    respondedOn: '2026-11-20',
    response: 'Planted',
  }),
  'casework.budget': () => undefined,
  'casework.requestPayment': (ids) => ({
    caseId: ids.requestId,
    payeeKind: 'school',
    amountPence: 100,
    purpose: 'Planted from another workspace',
    financialYear: 2026,
  }),
  'casework.recordDcsApproval': (ids) => ({
    paymentId: ids.requestId,
    approvedOn: '2026-11-20',
    approvedByUserId: ids.adviserUserId,
  }),
  'casework.decidePayment': (ids) => ({ paymentId: ids.requestId, to: 'approved' }),
  'casework.markPaid': (ids) => ({ paymentId: ids.requestId, paidOn: '2026-11-20' }),
  'casework.mySupport': () => undefined,
  'commissioning.list': () => undefined,
  'commissioning.byId': (ids) => ({ id: ids.requestId }),
  'commissioning.providers': () => undefined,
  'commissioning.registerSchools': () => undefined,
  'commissioning.create': () => ({
    providerSlug: 'hsip',
    title: 'Made from another workspace',
    annualValue: 1,
    startsOn: '2026-09-01',
    endsOn: '2027-08-31',
  }),
  'commissioning.addSchool': (ids) => ({ contractId: ids.requestId, schoolId: ids.schoolId, fundedDays: 5 }),
  'commissioning.setFundedDays': (ids) => ({
    contractId: ids.requestId,
    schoolId: ids.schoolId,
    fundedDays: 99,
  }),
  'commissioning.removeSchool': (ids) => ({ contractId: ids.requestId, schoolId: ids.schoolId }),
  'commissioning.end': (ids) => ({ id: ids.requestId }),
  'commissioning.revoke': (ids) => ({ id: ids.requestId }),
  'commissioning.partners': () => undefined,
  'commissioning.assignPartner': (ids) => ({
    contractId: ids.requestId,
    schoolId: ids.schoolId,
    partnerUserId: ids.adviserUserId,
  }),
  'commissioning.logDelivery': (ids) => ({
    contractId: ids.requestId,
    schoolId: ids.schoolId,
    deliveredOn: '2026-11-02',
    days: 1,
    cost: 600,
    activity: 'Logged from another workspace',
    progressRag: 'green',
  }),
  'commissioning.sccSummary': (ids) => ({ contractId: ids.requestId, schoolId: ids.schoolId }),
  'concern.register': () => undefined,
  'concern.openCase': (ids) => ({
    schoolId: ids.schoolId,
    concerns: 'Opened from another workspace',
    triggers: [{ trigger: 'safeguarding', evidence: 'Planted from another workspace' }],
  }),
  'concern.byId': (ids) => ({ caseId: ids.requestId }),
  'concern.recordTrigger': (ids) => ({
    caseId: ids.requestId,
    trigger: 'safeguarding',
    evidence: 'Planted from another workspace',
  }),
  'concern.leadOfficers': () => undefined,
  'concern.meetings': () => undefined,
  'concern.scheduleMeeting': () => ({ meetingOn: '2026-12-09' }),
  'concern.meeting': (ids) => ({ meetingId: ids.requestId }),
  'concern.recordDecision': (ids) => ({
    meetingId: ids.requestId,
    caseId: ids.requestId,
    decision: 'designate',
    rationale: 'Decided from another workspace',
    leadOfficerUserId: ids.adviserUserId,
  }),
  'concern.holdMeeting': (ids) => ({ meetingId: ids.requestId, minutes: 'Minutes from another workspace' }),
  'concern.letterPdf': (ids) => ({ letterId: ids.requestId }),
  'register.list': () => ({ sort: 'name' }),
  'register.exportCsv': () => ({ sort: 'name' }),
  'register.school': (ids) => ({ schoolId: ids.schoolId }),
  'register.advisers': () => undefined,
  'register.changeCategory': (ids) => ({
    schoolId: ids.schoolId,
    category: '3',
    rationale: 'Changed from another workspace',
  }),
  'register.setAdvisers': (ids) => ({
    schoolId: ids.schoolId,
    linkAdviserUserId: ids.adviserUserId,
    secondAdviserUserId: null,
  }),
  'register.updateMonitoring': (ids) => ({
    schoolId: ids.schoolId,
    riskNotes: 'Written from another workspace',
    riseInvolvement: '',
    capacitySecure: false,
    hasSixthForm: false,
  }),
  'register.recordInspection': (ids) => ({
    schoolId: ids.schoolId,
    inspectedOn: '2026-11-01',
    framework: 'legacy_overall',
    overallGrade: 4,
  }),
  'visits.generatePlan': () => ({ academicYear: 2026 }),
  'visits.schedule': (ids) => ({ academicYear: 2026, adviserUserId: ids.adviserUserId }),
  'visits.underServed': () => ({ academicYear: 2026 }),
  'visits.addAdditional': (ids) => ({
    schoolId: ids.schoolId,
    reason: 'Critical incident',
    dueBy: '2026-12-01',
    adviserUserId: ids.adviserUserId,
  }),
  'visits.markDone': (ids) => ({ visitId: ids.requestId, completedOn: '2026-11-20' }),
  'visits.cancel': (ids) => ({ visitId: ids.requestId }),
  'visits.reassign': (ids) => ({ visitId: ids.requestId, adviserUserId: ids.adviserUserId }),
  ...courseAttacks,
};

/** A GIAS file and URN list naming every school of B (hsip): importing it in A may only touch A's own rows. */
function giasFileNamingVictimSchools() {
  const urns = demoTenants.find((t) => t.slug === 'hsip')?.schoolUrns ?? [];
  const rows = urns.map((urn) =>
    giasRow({
      urn,
      laCode: '310',
      laName: 'Harrow',
      name: 'Renamed from another workspace',
      status: 'Closed',
    }),
  );
  return giasUploadBody(new Blob([new Uint8Array(giasCsv(rows))]), { urns });
}
