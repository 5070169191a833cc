import type { IsoDate } from '~/server/catalogue/academic-year';
import type { ResolvedStatutorySettings } from '~/server/monitoring/statutory-settings';
import { describeInspection, isGoodOrBetter, latestBySchool, type InspectionShape } from './ofsted-standing';

/**
 * The statutory reports, as pure functions of one snapshot of the LA's register, so each rule is unit-tested
 * on hand-made rows: the DCS monthly report (Barnet SI21), the commissioner's monthly report (Birmingham) and
 * the dashboard series.
 */
export type SnapshotSchool = {
  id: string;
  urn: number;
  name: string;
  typeGroup: string;
  phase: string;
  status: string;
  numberOfPupils: number | null;
  laCategory: string | null;
};

export type Snapshot = {
  settings: ResolvedStatutorySettings;
  schools: SnapshotSchool[];
  inspections: (InspectionShape & { schoolId: string })[];
  categoryChanges: { schoolId: string; toCategory: string; changedOn: IsoDate }[];
  cases: {
    id: string;
    schoolId: string;
    status: 'candidate' | 'designated' | 'removed' | 'not_designated';
    identifiedOn: IsoDate;
    designatedOn: IsoDate | null;
    closedOn: IsoDate | null;
    concerns: string;
    triggers: { trigger: string }[];
    leadOfficerName: string | null;
    proposedStructuralSolution: string;
  }[];
  planItems: {
    schoolId: string;
    action: string;
    dueOn: IsoDate;
    rag: 'red' | 'amber' | 'green';
    completedOn: IsoDate | null;
  }[];
  visits: {
    schoolId: string;
    dueBy: IsoDate;
    status: 'planned' | 'done' | 'cancelled';
    completedOn: IsoDate | null;
  }[];
  meetings: { schoolId: string; heldOn: IsoDate }[];
  deliveries: { urn: number; deliveredOn: IsoDate; daysHundredths: number }[];
};

export const isMaintained = (s: Pick<SnapshotSchool, 'typeGroup'>) =>
  s.typeGroup !== 'Academies' && s.typeGroup !== 'Free Schools';

/** 'YYYY-MM' → first and last day. */
export function monthBounds(month: string): { from: IsoDate; to: IsoDate } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export function monthLabel(month: string): string {
  const { from } = monthBounds(month);
  return new Date(`${from}T12:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric' });
}

const inMonth = (date: IsoDate | null, month: string) => date !== null && date.startsWith(month);
const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

function categoryLabel(settings: ResolvedStatutorySettings, key: string | null): string {
  return settings.categories.find((c) => c.key === key)?.label ?? 'Not categorised';
}

export type StandardsSummary = {
  maintainedSchools: number;
  goodOrBetter: number;
  goodOrBetterPct: number;
  pupils: number;
  pupilsInGoodOrBetter: number;
  pupilsPct: number;
  academies: number;
  byCategory: { label: string; count: number }[];
};

/** Maintained open schools good or better at their latest inspection, and the pupils taught in them. */
export function standardsSummary(snapshot: Snapshot): StandardsSummary {
  const open = snapshot.schools.filter((s) => s.status === 'open');
  const maintained = open.filter(isMaintained);
  const latest = latestBySchool(snapshot.inspections);
  const good = maintained.filter((s) => {
    const i = latest.get(s.id);
    return i !== undefined && isGoodOrBetter(i);
  });
  const pupils = (list: SnapshotSchool[]) => list.reduce((sum, s) => sum + (s.numberOfPupils ?? 0), 0);
  return {
    maintainedSchools: maintained.length,
    goodOrBetter: good.length,
    goodOrBetterPct: pct(good.length, maintained.length),
    pupils: pupils(maintained),
    pupilsInGoodOrBetter: pupils(good),
    pupilsPct: pct(pupils(good), pupils(maintained)),
    academies: open.length - maintained.length,
    byCategory: snapshot.settings.categories.map((c) => ({
      label: c.label,
      count: open.filter((s) => s.laCategory === c.key).length,
    })),
  };
}

export type InspectionOutcome = {
  school: string;
  urn: number;
  maintained: boolean;
  inspectedOn: IsoDate;
  result: string;
  goodOrBetter: boolean;
};

function inspectionsIn(snapshot: Snapshot, month: string): InspectionOutcome[] {
  const byId = new Map(snapshot.schools.map((s) => [s.id, s]));
  return snapshot.inspections
    .filter((i) => inMonth(i.inspectedOn, month))
    .flatMap((i) => {
      const s = byId.get(i.schoolId);
      return s
        ? [
            {
              school: s.name,
              urn: s.urn,
              maintained: isMaintained(s),
              inspectedOn: i.inspectedOn,
              result: describeInspection(i),
              goodOrBetter: isGoodOrBetter(i),
            },
          ]
        : [];
    })
    .sort((a, b) => a.inspectedOn.localeCompare(b.inspectedOn));
}

export type CaseSummary = {
  school: string;
  urn: number;
  category: string;
  latestOfsted: string;
  concerns: string;
  designatedOn: IsoDate | null;
  leadOfficer: string;
  keyActions: string[];
  actions: { total: number; completed: number; overdue: number; red: number; amber: number; green: number };
  delivered: { visitsDone: number; meetings: number; commissionedDays: number };
  progress: 'On track' | 'Some concerns' | 'Off track' | 'No plan yet';
  structuralSolution: string;
};

/** Progress against the plan: off track if any open item is red or overdue, some concerns if any amber. */
export function progressOf(items: Snapshot['planItems'], today: IsoDate): CaseSummary['progress'] {
  if (items.length === 0) return 'No plan yet';
  const open = items.filter((i) => !i.completedOn);
  if (open.some((i) => i.rag === 'red' || i.dueOn < today)) return 'Off track';
  if (open.some((i) => i.rag === 'amber')) return 'Some concerns';
  return 'On track';
}

function caseSummaries(snapshot: Snapshot, today: IsoDate): CaseSummary[] {
  const byId = new Map(snapshot.schools.map((s) => [s.id, s]));
  const latest = latestBySchool(snapshot.inspections);
  return snapshot.cases
    .filter((c) => c.status === 'designated')
    .flatMap((c) => {
      const s = byId.get(c.schoolId);
      if (!s) return [];
      const items = snapshot.planItems.filter((i) => i.schoolId === c.schoolId);
      const open = items.filter((i) => !i.completedOn).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
      const since = c.designatedOn ?? c.identifiedOn;
      const inspection = latest.get(s.id);
      return [
        {
          school: s.name,
          urn: s.urn,
          category: categoryLabel(snapshot.settings, s.laCategory),
          latestOfsted: inspection ? describeInspection(inspection) : 'Not inspected',
          concerns: c.concerns,
          designatedOn: c.designatedOn,
          leadOfficer: c.leadOfficerName ?? 'Not appointed',
          keyActions: open.slice(0, 3).map((i) => i.action),
          actions: {
            total: items.length,
            completed: items.length - open.length,
            overdue: open.filter((i) => i.dueOn < today).length,
            red: open.filter((i) => i.rag === 'red').length,
            amber: open.filter((i) => i.rag === 'amber').length,
            green: open.filter((i) => i.rag === 'green').length,
          },
          delivered: {
            visitsDone: snapshot.visits.filter(
              (v) => v.schoolId === s.id && v.status === 'done' && (v.completedOn ?? v.dueBy) >= since,
            ).length,
            meetings: snapshot.meetings.filter((m) => m.schoolId === s.id && m.heldOn >= since).length,
            commissionedDays:
              snapshot.deliveries
                .filter((d) => d.urn === s.urn && d.deliveredOn >= since)
                .reduce((sum, d) => sum + d.daysHundredths, 0) / 100,
          },
          progress: progressOf(items, today),
          structuralSolution: c.proposedStructuralSolution,
        },
      ];
    })
    .sort((a, b) => a.school.localeCompare(b.school));
}

export type DcsMonthlyReport = {
  month: string;
  monthLabel: string;
  concernListName: string;
  inspections: InspectionOutcome[];
  standards: StandardsSummary;
  cases: CaseSummary[];
};

export function buildDcsMonthlyReport(snapshot: Snapshot, month: string, today: IsoDate): DcsMonthlyReport {
  return {
    month,
    monthLabel: monthLabel(month),
    concernListName: snapshot.settings.concernListName,
    inspections: inspectionsIn(snapshot, month),
    standards: standardsSummary(snapshot),
    cases: caseSummaries(snapshot, today),
  };
}

export type PriorityListChange = {
  school: string;
  urn: number;
  change: 'Identified as a candidate' | 'Added to the list' | 'Removed from the list' | 'Not added';
  on: IsoDate;
};

export type CommissionerMonthlyReport = {
  month: string;
  monthLabel: string;
  concernListName: string;
  listChanges: PriorityListChange[];
  onListAtMonthEnd: number;
  maintainedInspections: InspectionOutcome[];
  standards: StandardsSummary;
  /**
   * Floor standards ended in 2019; we report the schools the LA has recorded as having unacceptably low or
   * sharply declining achievement (the trigger that replaced them in practice), and the pupils in them.
   */
  belowFloor: { school: string; urn: number; pupils: number }[];
  belowFloorPupils: number;
};

export function buildCommissionerReport(snapshot: Snapshot, month: string): CommissionerMonthlyReport {
  const { to } = monthBounds(month);
  const byId = new Map(snapshot.schools.map((s) => [s.id, s]));
  const listChanges: PriorityListChange[] = snapshot.cases.flatMap((c) => {
    const s = byId.get(c.schoolId);
    if (!s) return [];
    const changes: PriorityListChange[] = [];
    if (inMonth(c.identifiedOn, month))
      changes.push({ school: s.name, urn: s.urn, change: 'Identified as a candidate', on: c.identifiedOn });
    if (c.designatedOn && inMonth(c.designatedOn, month))
      changes.push({ school: s.name, urn: s.urn, change: 'Added to the list', on: c.designatedOn });
    if (c.closedOn && inMonth(c.closedOn, month))
      changes.push({
        school: s.name,
        urn: s.urn,
        change: c.status === 'removed' ? 'Removed from the list' : 'Not added',
        on: c.closedOn,
      });
    return changes;
  });
  const open = snapshot.cases.filter(
    (c) => c.designatedOn !== null && c.designatedOn <= to && (c.closedOn === null || c.closedOn > to),
  );
  const belowFloor = snapshot.cases
    .filter(
      (c) =>
        (c.status === 'designated' || c.status === 'candidate') &&
        c.triggers.some((t) => t.trigger === 'low_or_declining_achievement'),
    )
    .flatMap((c) => {
      const s = byId.get(c.schoolId);
      return s ? [{ school: s.name, urn: s.urn, pupils: s.numberOfPupils ?? 0 }] : [];
    });
  return {
    month,
    monthLabel: monthLabel(month),
    concernListName: snapshot.settings.concernListName,
    listChanges: listChanges.sort((a, b) => a.on.localeCompare(b.on)),
    onListAtMonthEnd: open.length,
    maintainedInspections: inspectionsIn(snapshot, month).filter((i) => i.maintained),
    standards: standardsSummary(snapshot),
    belowFloor,
    belowFloorPupils: belowFloor.reduce((sum, s) => sum + s.pupils, 0),
  };
}

/** Month keys 'YYYY-MM' from September of the academic year to `until` (inclusive, capped at August). */
export function monthsOfYear(academicYear: number, until: IsoDate): string[] {
  const months: string[] = [];
  for (let i = 0; i < 12; i++) {
    const y = academicYear + (i + 8 >= 12 ? 1 : 0);
    const m = ((i + 8) % 12) + 1;
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (`${key}-01` > until) break;
    months.push(key);
  }
  return months;
}

export type DashboardSeries = {
  months: { key: string; label: string }[];
  categoryMix: { label: string; counts: number[] }[];
  visits: { planned: number[]; done: number[] };
  concern: { entering: number[]; leaving: number[]; onList: number[] };
};

export function buildDashboard(snapshot: Snapshot, academicYear: number, today: IsoDate): DashboardSeries {
  const months = monthsOfYear(academicYear, today);
  const ends = months.map((m) => monthBounds(m).to);
  const changes = [...snapshot.categoryChanges].sort((a, b) => a.changedOn.localeCompare(b.changedOn));
  const categoryAt = (end: IsoDate) => {
    const at = new Map<string, string>();
    for (const c of changes) if (c.changedOn <= end) at.set(c.schoolId, c.toCategory);
    return at;
  };
  const snapshots = ends.map(categoryAt);
  return {
    months: months.map((m) => ({ key: m, label: monthLabel(m) })),
    categoryMix: snapshot.settings.categories.map((c) => ({
      label: c.label,
      counts: snapshots.map((at) => [...at.values()].filter((k) => k === c.key).length),
    })),
    visits: {
      planned: months.map(
        (m) => snapshot.visits.filter((v) => v.status !== 'cancelled' && inMonth(v.dueBy, m)).length,
      ),
      done: months.map(
        (m) =>
          snapshot.visits.filter((v) => v.status === 'done' && inMonth(v.completedOn ?? v.dueBy, m)).length,
      ),
    },
    concern: {
      entering: months.map((m) => snapshot.cases.filter((c) => inMonth(c.designatedOn, m)).length),
      leaving: months.map(
        (m) => snapshot.cases.filter((c) => c.status === 'removed' && inMonth(c.closedOn, m)).length,
      ),
      onList: ends.map(
        (end) =>
          snapshot.cases.filter(
            (c) =>
              c.designatedOn !== null && c.designatedOn <= end && (c.closedOn === null || c.closedOn > end),
          ).length,
      ),
    },
  };
}
