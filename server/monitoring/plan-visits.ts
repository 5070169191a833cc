import type { LaCategorySetting } from '~/db/schema';
import type { CategoryOfConcern } from './ofsted-results';
import { categoryByKey, laCategoryForOfsted, type ResolvedStatutorySettings } from './statutory-settings';

/**
 * The year's visits to each school on the register, from the LA's rules: maintained schools by LA category
 * (more often when capacity to improve is not secure; per Statement of Action in special measures / serious
 * weaknesses), secondary schools with a sixth form and PRUs at least their own minimum, academies and free
 * schools a keeping-in-touch visit, closed schools and schools not yet categorised none. Pure: dates in,
 * dates out.
 */

export type IsoDate = string;

export type GeneratedVisitKind = 'school_effectiveness' | 'keeping_in_touch' | 'concern_monitoring';

export type PlanSchool = {
  schoolId: string;
  type: string;
  typeGroup: string;
  phase: string;
  status: 'open' | 'closed' | 'proposed_to_close' | 'proposed_to_open';
  laCategory: string | null;
  /** The category of concern of the school's latest graded inspection, derived from its result. */
  ofstedCategory?: CategoryOfConcern | null;
  capacitySecure: boolean | null;
  hasSixthForm: boolean;
  linkAdviserUserId: string | null;
};

export type VisitRule = {
  count: number;
  kind: GeneratedVisitKind;
  basis: string;
  /** The category's count depends on the school's capacity to improve, and nobody has assessed it yet. */
  capacityToAssess?: boolean;
  /** The school has no LA category yet, so nothing is planned for it until an officer sets one. */
  notCategorised?: boolean;
};

/** Sequences from here up are additional visits added by hand; generated visits count from 1. */
export const additionalSequenceStart = 1000;

export const isAcademy = (typeGroup: string) => typeGroup === 'Academies' || typeGroup === 'Free Schools';
export const isPru = (type: string) => type.trim().toLowerCase() === 'pupil referral unit';

function categoryVisits(
  category: LaCategorySetting,
  capacitySecure: boolean | null,
): { count: number; basis: string; capacityToAssess?: boolean } {
  if (category.statementOfAction) {
    return { count: category.visitsPerYear, basis: `${category.label}: per Statement of Action` };
  }
  const notSecure = category.visitsPerYearCapacityNotSecure;
  if (notSecure !== undefined && capacitySecure === false) {
    return { count: notSecure, basis: `${category.label}, capacity not secure: ${notSecure} a year` };
  }
  // Part B gives RI schools six visits only "where the local authority consider there is good or better
  // capacity to improve" (001, visits table): until someone says so, plan the fortnightly rule and ask.
  if (notSecure !== undefined && capacitySecure === null) {
    return {
      count: notSecure,
      basis: `${category.label}, capacity to improve not yet assessed: ${notSecure} a year until it is recorded`,
      capacityToAssess: true,
    };
  }
  return { count: category.visitsPerYear, basis: `${category.label}: ${category.visitsPerYear} a year` };
}

/**
 * The LA category the rules read: the one Ofsted's category of concern maps onto (by the tenant's setting)
 * when the latest graded inspection placed the school in one, else the LA's own.
 */
export function effectiveCategory(
  school: Pick<PlanSchool, 'laCategory' | 'ofstedCategory'>,
  settings: ResolvedStatutorySettings,
): LaCategorySetting | undefined {
  return laCategoryForOfsted(settings, school.ofstedCategory) ?? categoryByKey(settings, school.laCategory);
}

/** How many visits a school gets this year, of which kind, and why. */
export function visitRuleFor(school: PlanSchool, settings: ResolvedStatutorySettings): VisitRule {
  if (school.status === 'closed') return { count: 0, kind: 'school_effectiveness', basis: 'Closed' };
  const category = effectiveCategory(school, settings);
  // No category (the LA has schools join "not yet categorised"): nothing is planned, for any kind of school,
  // until an officer sets it; the PRU, sixth-form and academy minimums apply to a categorised school only.
  if (!category) {
    return {
      count: 0,
      kind: 'school_effectiveness',
      basis: 'Not yet categorised: no visits are planned until its category is set',
      notCategorised: true,
    };
  }
  if (isAcademy(school.typeGroup)) {
    return {
      count: settings.academyVisits,
      kind: 'keeping_in_touch',
      basis: `Academy: ${settings.academyVisits} keeping-in-touch a year`,
    };
  }
  const byCategory = categoryVisits(category, school.capacitySecure);
  let { count, basis } = byCategory;
  const capacityToAssess = 'capacityToAssess' in byCategory ? byCategory.capacityToAssess : undefined;
  if (isPru(school.type) && settings.pruVisits > count) {
    count = settings.pruVisits;
    basis = `Pupil referral unit: ${settings.pruVisits} a year`;
  }
  if (school.phase === 'Secondary' && school.hasSixthForm && settings.secondarySixthFormVisits > count) {
    count = settings.secondarySixthFormVisits;
    basis = `Secondary with sixth form: ${settings.secondarySixthFormVisits} a year`;
  }
  return {
    count,
    kind: category.causesConcern ? 'concern_monitoring' : 'school_effectiveness',
    basis,
    ...(capacityToAssess ? { capacityToAssess } : {}),
  };
}

const toDate = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);
const toIso = (date: Date): IsoDate => date.toISOString().slice(0, 10);
export const addDays = (iso: IsoDate, days: number): IsoDate =>
  toIso(new Date(toDate(iso).getTime() + days * 86_400_000));

/** The Monday of the week holding `iso`. */
function mondayOf(iso: IsoDate): IsoDate {
  const day = toDate(iso).getUTCDay(); // 0 Sunday
  return addDays(iso, -((day + 6) % 7));
}

/**
 * The 39 school weeks of an academic year (their Mondays), from the first full week of September, skipping
 * the usual holiday weeks: October half term, two at Christmas, February half term, two at Easter (early
 * April), May half term; the summer holiday is what is left after the 39th week (mid to late July).
 */
export function schoolWeeks(year: number): readonly IsoDate[] {
  // The same 39 dates for every school of a year: worked out once per year (the planner and the
  // under-served list ask for each of hundreds of schools).
  let weeks = weeksOfYear.get(year);
  if (!weeks) {
    weeks = Object.freeze(workOutSchoolWeeks(year));
    weeksOfYear.set(year, weeks);
  }
  return weeks;
}

const weeksOfYear = new Map<number, readonly IsoDate[]>();

function workOutSchoolWeeks(year: number): IsoDate[] {
  const holidayMondays = new Set(
    [
      `${year}-10-28`,
      `${year}-12-25`,
      `${year + 1}-01-01`,
      `${year + 1}-02-17`,
      `${year + 1}-04-03`,
      `${year + 1}-04-10`,
      `${year + 1}-05-29`,
    ].map(mondayOf),
  );
  const weeks: IsoDate[] = [];
  let monday = mondayOf(addDays(`${year}-09-01`, 6));
  while (weeks.length < 39) {
    if (!holidayMondays.has(monday)) weeks.push(monday);
    monday = addDays(monday, 7);
  }
  return weeks;
}

/** `count` due dates (Fridays), each at the end of an equal share of the 39 school weeks. */
export function spreadDueDates(year: number, count: number): IsoDate[] {
  const weeks = schoolWeeks(year);
  return Array.from({ length: count }, (_, i) => {
    const index = Math.min(weeks.length - 1, Math.max(0, Math.floor(((i + 1) * weeks.length) / count) - 1));
    return addDays(weeks[index] ?? `${year}-09-08`, 4);
  });
}

export type PlannedVisitDraft = {
  schoolId: string;
  academicYear: number;
  sequence: number;
  kind: GeneratedVisitKind;
  dueBy: IsoDate;
  adviserUserId: string | null;
};

/** Every generated visit of the year for these schools. */
export function planYear(
  schools: readonly PlanSchool[],
  settings: ResolvedStatutorySettings,
  academicYear: number,
): PlannedVisitDraft[] {
  return schools.flatMap((school) => {
    const rule = visitRuleFor(school, settings);
    return spreadDueDates(academicYear, rule.count).map((dueBy, i) => ({
      schoolId: school.schoolId,
      academicYear,
      sequence: i + 1,
      kind: rule.kind,
      dueBy,
      adviserUserId: school.linkAdviserUserId,
    }));
  });
}

export type ExistingVisit = {
  id: string;
  schoolId: string;
  sequence: number;
  status: 'planned' | 'done' | 'cancelled';
};

/**
 * Regenerating the plan: add only the sequences a school lacks; never touch what exists. Visits beyond a
 * school's new count (its category changed down) that are still planned are reported, not deleted.
 */
export function diffPlan(drafts: readonly PlannedVisitDraft[], existing: readonly ExistingVisit[]) {
  const have = new Set(existing.map((v) => `${v.schoolId}:${v.sequence}`));
  const toAdd = drafts.filter((d) => !have.has(`${d.schoolId}:${d.sequence}`));
  const countBySchool = new Map<string, number>();
  for (const d of drafts)
    countBySchool.set(d.schoolId, Math.max(countBySchool.get(d.schoolId) ?? 0, d.sequence));
  const surplus = existing.filter(
    (v) =>
      v.status === 'planned' &&
      v.sequence < additionalSequenceStart &&
      v.sequence > (countBySchool.get(v.schoolId) ?? 0),
  );
  return { toAdd, surplus };
}
