import type { ConstitutionPlaces, GovernorCategory } from '~/db/schema';
import { countOf } from '../format/plural';
import type { IsoDate } from '../catalogue/academic-year';
import { isMaintainedSchool } from '../schools/maintained';

/**
 * The rules of a governing board, as pure functions (unit-tested): who counts as a current governor, the
 * default constitution, vacancies against it, the checks the regulations make, and how one person is
 * recognised on several boards.
 */

/** Members of the board who are not governors: they hold no place and are not counted. */
export const notGovernors: readonly GovernorCategory[] = ['associate_member', 'clerk'];
export const isGovernorCategory = (c: GovernorCategory) => !notGovernors.includes(c);

/** How many days before a term of office ends the school and the LA are told. */
export const termEndWarningDays = 60;

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The day a term of `years` from `appointedOn` ends: the day before its anniversary. */
export function termEndFor(appointedOn: IsoDate, years: number): IsoDate {
  const d = new Date(`${appointedOn}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

type Member = {
  category: GovernorCategory;
  steppedDownOn: IsoDate | null;
  termEndsOn: IsoDate | null;
  appointedOn: IsoDate;
};

/** On the board today: appointed, not stepped down, term not over. */
export const isCurrent = (m: Member, today: IsoDate) =>
  m.appointedOn <= today &&
  (m.steppedDownOn === null || m.steppedDownOn > today) &&
  (m.termEndsOn === null || m.termEndsOn >= today);

/**
 * One committee membership's period: from the later of the day it was added and the member's appointment, to
 * the earlier of the day they were taken off the committee and the day they left the board (stepped down, or
 * the term ended); null while it runs. Current while it runs and they are on the board.
 */
export function membershipPeriod(
  membership: { joinedOn: IsoDate; leftOn: IsoDate | null },
  m: Member,
  today: IsoDate,
) {
  const leftBoardOn =
    m.steppedDownOn !== null && m.steppedDownOn <= today
      ? m.steppedDownOn
      : m.termEndsOn !== null && m.termEndsOn < today
        ? m.termEndsOn
        : null;
  const ends = [membership.leftOn, leftBoardOn].filter((d): d is IsoDate => d !== null).sort();
  return {
    joinedOn: membership.joinedOn > m.appointedOn ? membership.joinedOn : m.appointedOn,
    leftOn: ends[0] ?? null,
    current: membership.leftOn === null && isCurrent(m, today),
  };
}

/** True when the term ends within the warning window (today included). */
export const termEndsWithin = (termEndsOn: IsoDate | null, today: IsoDate, days = termEndWarningDays) =>
  termEndsOn !== null && termEndsOn >= today && termEndsOn <= addDays(today, days);

/** Published for a year after: the school lists everyone who served in the last 12 months. */
export const servedWithinYear = (m: Member, today: IsoDate) => {
  const yearAgo = addDays(today, -365);
  const left = m.steppedDownOn ?? (m.termEndsOn !== null && m.termEndsOn < today ? m.termEndsOn : null);
  return left === null || left >= yearAgo;
};

/**
 * The categories on a maintained school's board (School Governance (Constitution) (England) Regulations 2012):
 * headteacher ex officio, parent, staff, LA, co-opted, foundation and partnership governors.
 */
export const maintainedBoardCategories: readonly GovernorCategory[] = [
  'headteacher',
  'parent',
  'staff',
  'la',
  'co_opted',
  'foundation',
  'partnership',
  'associate_member',
  'clerk',
];

/**
 * The categories on an academy's board (its trust board or local governing body), as the trust's articles and
 * scheme of delegation set them: trustees, local governors appointed by the trust, parent and staff members, the
 * headteacher, co-opted and (in a church academy) foundation members. An academy has no LA governor: the LA
 * neither nominates to its board nor counts a vacancy there.
 */
export const academyBoardCategories: readonly GovernorCategory[] = [
  'headteacher',
  'trustee',
  'local_governor',
  'parent',
  'staff',
  'co_opted',
  'foundation',
  'associate_member',
  'clerk',
];

/** Which rules a school's board follows: the 2012 constitution rules (maintained), else the trust's (academy). */
export type BoardKind = 'maintained' | 'academy';
export const boardKindOf = (school: { type: string }): BoardKind =>
  isMaintainedSchool(school) ? 'maintained' : 'academy';
export const boardCategoriesFor = (kind: BoardKind) =>
  kind === 'maintained' ? maintainedBoardCategories : academyBoardCategories;

/**
 * The default constitution for a school of this GIAS type (the board's keepers edit it). A maintained school:
 * the headteacher, two parent, one staff and one LA governor, two co-opted (seven in all); voluntary controlled
 * and foundation schools add two foundation governors, voluntary aided schools a foundation majority of two. An
 * academy: a local governing body of the headteacher, two local governors appointed by the trust, two parent,
 * one staff and one co-opted governor (the trust's scheme sets the real one; no LA governor).
 */
export function defaultConstitution(schoolType: string): ConstitutionPlaces {
  if (boardKindOf({ type: schoolType }) === 'academy')
    return { headteacher: 1, local_governor: 2, parent: 2, staff: 1, co_opted: 1 };
  const places: ConstitutionPlaces = { headteacher: 1, parent: 2, staff: 1, la: 1, co_opted: 2 };
  const type = schoolType.toLowerCase();
  if (type.includes('voluntary aided')) {
    const others = Object.values(places).reduce((a, b) => a + (b ?? 0), 0);
    places.foundation = others + 2;
  } else if (type.includes('voluntary controlled') || type.includes('foundation')) {
    places.foundation = 2;
  }
  return places;
}

export type Vacancy = { category: GovernorCategory; places: number; filled: number; vacant: number };

/**
 * Places per category against the current governors: what is vacant (and what is over-filled). Only the
 * categories the board has count (`kind`): a place an academy's stored constitution still gives LA governors,
 * say, is no vacancy.
 */
export function vacanciesOf(
  places: ConstitutionPlaces,
  current: readonly { category: GovernorCategory }[],
  kind: BoardKind = 'maintained',
) {
  const categories = boardCategoriesFor(kind);
  const rows: Vacancy[] = [];
  for (const [category, n] of Object.entries(places) as [GovernorCategory, number][]) {
    if (!isGovernorCategory(category) || !categories.includes(category) || !n) continue;
    const filled = current.filter((g) => g.category === category).length;
    rows.push({ category, places: n, filled, vacant: Math.max(0, n - filled) });
  }
  return { rows, total: rows.reduce((a, r) => a + r.vacant, 0) };
}

/** What the regulations require of a maintained school's board, checked against its current governors. */
export function boardWarnings(current: readonly { category: GovernorCategory }[]): string[] {
  const governors = current.filter((g) => isGovernorCategory(g.category));
  const count = (c: GovernorCategory) => governors.filter((g) => g.category === c).length;
  const warnings: string[] = [];
  if (governors.length < 7)
    warnings.push(`The board has ${countOf(governors.length, 'governor')}; it needs at least 7.`);
  if (count('parent') < 2) warnings.push('The board needs at least two parent governors.');
  if (count('staff') !== 1) warnings.push('The board needs exactly one staff governor.');
  if (count('la') !== 1) warnings.push('The board needs exactly one LA governor.');
  if (count('headteacher') === 0) warnings.push('The headteacher is a governor ex officio; add them.');
  const staffSide = count('staff') + count('headteacher');
  if (governors.length > 0 && staffSide * 3 > governors.length)
    warnings.push('Staff (with the headteacher) are more than one third of the board.');
  return warnings;
}

const honorifics = /^(mr|mrs|ms|miss|mx|dr|prof|rev|revd|cllr|sir|dame)\.?\s+/;

/** How one person is recognised across boards: their email, else their name without titles and punctuation. */
export function personKey(p: { name: string; email: string }): string {
  const email = p.email.trim().toLowerCase();
  if (email) return `email:${email}`;
  const name = p.name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'.,-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(honorifics, '');
  return `name:${name}`;
}

/** People on more than one school's current board: groups of governors with the same person key. */
export function multiBoardPeople<T extends { name: string; email: string; schoolId: string }>(
  current: readonly T[],
): T[][] {
  const byPerson = new Map<string, T[]>();
  for (const g of current) {
    const key = personKey(g);
    byPerson.set(key, [...(byPerson.get(key) ?? []), g]);
  }
  return [...byPerson.values()].filter((group) => new Set(group.map((g) => g.schoolId)).size > 1);
}
