import { tenants as demoTenants } from '~/db/seed/demo-data';
import { appRouter } from '~/server/routers';
import { giasUploadBody } from '~/server/schools/import-gias/gias-upload';
import { giasCsv, giasRow } from '../fixtures/gias';
import type { Meta } from '~/server/trpc';

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
