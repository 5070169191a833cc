import type { IsoDate } from '~/server/catalogue/academic-year';
import type { ResolvedStatutorySettings } from '~/server/monitoring/statutory-settings';
import { describeInspection, isGoodOrBetter, latestBySchool, type InspectionShape } from './ofsted-standing';
import { monthAndYear } from '../format/dates';

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
  /** On the register from / until (left: closed or removed); null when unknown / still on it. */
  joinedOn?: IsoDate | null;
  leftOn?: IsoDate | null;
};

export type Snapshot = {
  settings: ResolvedStatutorySettings;
  schools: SnapshotSchool[];
  inspections: (InspectionShape & { schoolId: string; publishedOn?: IsoDate | null; kind?: string })[];
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
  return monthAndYear(from);
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

/** When an inspection's result became known: its publication date (the inspection date if none was kept). */
export const knownOn = (i: { inspectedOn: IsoDate; publishedOn?: IsoDate | null }): IsoDate =>
  i.publishedOn ?? i.inspectedOn;

/** Schools on the register at the end of a day: joined by then, not yet left. */
export function onRegisterAt(schools: readonly SnapshotSchool[], asAt: IsoDate): SnapshotSchool[] {
  return schools.filter(
    (s) =>
      (s.joinedOn == null || s.joinedOn <= asAt) &&
      (s.leftOn == null ? s.status === 'open' || s.status === 'proposed_to_close' : s.leftOn > asAt),
  );
}

/**
 * Maintained schools good or better at their latest graded inspection published by `asAt` (the end of the
 * reported month, not today), the pupils taught in them, and the LA categories as they stood then.
 */
export function standardsSummary(snapshot: Snapshot, asAt: IsoDate): StandardsSummary {
  const open = onRegisterAt(snapshot.schools, asAt);
  const maintained = open.filter(isMaintained);
  const latest = latestBySchool(
    snapshot.inspections.filter((i) => (i.kind ?? 'graded') === 'graded' && knownOn(i) <= asAt),
  );
  const categoryAt = new Map<string, string>();
  for (const c of [...snapshot.categoryChanges].sort((a, b) => a.changedOn.localeCompare(b.changedOn)))
    if (c.changedOn <= asAt) categoryAt.set(c.schoolId, c.toCategory);
  const category = (s: SnapshotSchool) => categoryAt.get(s.id) ?? s.laCategory;
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
      count: open.filter((s) => category(s) === c.key).length,
    })),
  };
}

export type InspectionOutcome = {
  school: string;
  urn: number;
  maintained: boolean;
  inspectedOn: IsoDate;
  publishedOn: IsoDate;
  result: string;
  goodOrBetter: boolean;
};

/**
 * The results published in the month. Results are recorded after publication, weeks after the inspection:
 * a late-March inspection published in April is April's news (filed by inspection date it would be in
 * neither report).
 */
function inspectionsIn(snapshot: Snapshot, month: string): InspectionOutcome[] {
  const byId = new Map(snapshot.schools.map((s) => [s.id, s]));
  return snapshot.inspections
    .filter((i) => inMonth(knownOn(i), month))
    .flatMap((i) => {
      const s = byId.get(i.schoolId);
      return s
        ? [
            {
              school: s.name,
              urn: s.urn,
              maintained: isMaintained(s),
              inspectedOn: i.inspectedOn,
              publishedOn: knownOn(i),
              result: i.kind && i.kind !== 'graded' ? 'Ungraded inspection' : describeInspection(i),
              goodOrBetter: isGoodOrBetter(i),
            },
          ]
        : [];
    })
    .sort((a, b) => a.publishedOn.localeCompare(b.publishedOn) || a.school.localeCompare(b.school));
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
  const { to } = monthBounds(month);
  return {
    month,
    monthLabel: monthLabel(month),
    concernListName: snapshot.settings.concernListName,
    inspections: inspectionsIn(snapshot, month),
    // "As at the end of the month" (or today, for the month in progress).
    standards: standardsSummary(snapshot, to < today ? to : today),
    cases: caseSummaries(snapshot, today),
  };
}

export type PriorityListChange = {
  school: string;
  urn: number;
  change: 'Identified as a candidate' | 'Added to the list' | 'Removed from the list' | 'Not added';
  on: IsoDate;
};

export type BelowFloorSchool = {
  school: string;
  urn: number;
  phase: string;
  maintained: boolean;
  pupils: number;
};

export type CommissionerMonthlyReport = {
  month: string;
  monthLabel: string;
  previousMonthLabel: string;
  concernListName: string;
  listChanges: PriorityListChange[];
  onListAtMonthEnd: number;
  /** 003: "The outcome of all maintained schools' inspections" (published in the month). */
  maintainedInspections: InspectionOutcome[];
  /** 003: maintained schools good or outstanding and the children in them, at the end of the month. */
  standards: StandardsSummary;
  /** The same at the end of the previous month, so the report shows "the impact" of the month. */
  previous: {
    onList: number;
    standards: StandardsSummary;
    belowFloorSchools: number;
    belowFloorPupils: number;
  };
  /**
   * Floor standards ended in 2019; we report the schools the LA has recorded as having unacceptably low or
   * sharply declining achievement (the trigger that replaced them in practice). 003 counts "Primary and
   * secondary schools below floor standards" (every school, split by phase) and "children being taught in
   * maintained schools that are below floor standards" (maintained only).
   */
  belowFloor: BelowFloorSchool[];
  belowFloorByPhase: { phase: string; schools: number; maintainedPupils: number }[];
  /** Children in maintained schools below the floor. */
  belowFloorPupils: number;
};

const phaseGroup = (phase: string) =>
  phase === 'Primary' || phase === 'Secondary' ? phase : phase === 'All-through' ? 'All-through' : 'Other';

function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Cases open on the list (designated, not yet closed) at the end of a day. */
const onListAt = (cases: Snapshot['cases'], asAt: IsoDate) =>
  cases.filter(
    (c) => c.designatedOn !== null && c.designatedOn <= asAt && (c.closedOn === null || c.closedOn > asAt),
  );

/** Schools with low or declining achievement recorded on a case open at the end of a day. */
function belowFloorAt(snapshot: Snapshot, asAt: IsoDate): BelowFloorSchool[] {
  const byId = new Map(snapshot.schools.map((s) => [s.id, s]));
  const seen = new Set<string>();
  return snapshot.cases
    .filter(
      (c) =>
        c.identifiedOn <= asAt &&
        (c.closedOn === null || c.closedOn > asAt) &&
        c.triggers.some((t) => t.trigger === 'low_or_declining_achievement'),
    )
    .flatMap((c) => {
      const s = byId.get(c.schoolId);
      if (!s || seen.has(s.id)) return [];
      seen.add(s.id);
      return [
        {
          school: s.name,
          urn: s.urn,
          phase: phaseGroup(s.phase),
          maintained: isMaintained(s),
          pupils: s.numberOfPupils ?? 0,
        },
      ];
    })
    .sort((a, b) => a.phase.localeCompare(b.phase) || a.school.localeCompare(b.school));
}

const maintainedPupils = (list: readonly BelowFloorSchool[]) =>
  list.filter((s) => s.maintained).reduce((sum, s) => sum + s.pupils, 0);

export function buildCommissionerReport(
  snapshot: Snapshot,
  month: string,
  today: IsoDate = '9999-12-31',
): CommissionerMonthlyReport {
  const { to: monthEnd } = monthBounds(month);
  const to = monthEnd < today ? monthEnd : today;
  const prior = previousMonth(month);
  const priorEnd = monthBounds(prior).to;
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
  const belowFloor = belowFloorAt(snapshot, to);
  const belowFloorBefore = belowFloorAt(snapshot, priorEnd);
  const phases = [...new Set(['Primary', 'Secondary', ...belowFloor.map((s) => s.phase)])];
  return {
    month,
    monthLabel: monthLabel(month),
    previousMonthLabel: monthLabel(prior),
    concernListName: snapshot.settings.concernListName,
    listChanges: listChanges.sort((a, b) => a.on.localeCompare(b.on)),
    onListAtMonthEnd: onListAt(snapshot.cases, to).length,
    maintainedInspections: inspectionsIn(snapshot, month).filter((i) => i.maintained),
    standards: standardsSummary(snapshot, to),
    previous: {
      onList: onListAt(snapshot.cases, priorEnd).length,
      standards: standardsSummary(snapshot, priorEnd),
      belowFloorSchools: belowFloorBefore.length,
      belowFloorPupils: maintainedPupils(belowFloorBefore),
    },
    belowFloor,
    belowFloorByPhase: phases.map((phase) => {
      const inPhase = belowFloor.filter((s) => s.phase === phase);
      return { phase, schools: inPhase.length, maintainedPupils: maintainedPupils(inPhase) };
    }),
    belowFloorPupils: maintainedPupils(belowFloor),
  };
}

/** "+2", "−1", "no change": a month's change for the commissioner. */
export function changeWords(now: number, before: number, unit = ''): string {
  const d = Math.round((now - before) * 10) / 10;
  if (d === 0) return 'no change';
  return `${d > 0 ? '+' : '−'}${Math.abs(d).toLocaleString('en-GB')}${unit}`;
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
  // A school on the register with no category at a month end (a new LA's schools join so): counted, or a new
  // LA's chart is empty. A school with no recorded change but a category now has an unknown history: left out.
  const withHistory = new Set(changes.map((c) => c.schoolId));
  const notCategorised = ends.map(
    (end, i) =>
      snapshot.schools.filter(
        (s) =>
          (s.joinedOn ?? end) <= end &&
          (s.leftOn == null || s.leftOn > end) &&
          !snapshots[i]?.has(s.id) &&
          (s.laCategory === null || withHistory.has(s.id)),
      ).length,
  );
  return {
    months: months.map((m) => ({ key: m, label: monthLabel(m) })),
    categoryMix: [
      ...snapshot.settings.categories.map((c) => ({
        label: c.label,
        counts: snapshots.map((at) => [...at.values()].filter((k) => k === c.key).length),
      })),
      ...(notCategorised.some((n) => n > 0) ? [{ label: 'Not categorised', counts: notCategorised }] : []),
    ],
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
