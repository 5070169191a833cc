import type { LaCategorySetting, StatutorySettings, TenantSettings } from '~/db/schema';

/**
 * Barnet's monitoring, challenge and support policy (Part B, 2020/21) is the default: categories 1–4b plus
 * "good but of concern", visits by category, and the autumn-term SEV focus list. Each LA overrides what differs
 * in its tenant settings (Birmingham adds "vulnerable" and "in crisis" for good and outstanding schools).
 */
export const defaultCategories: LaCategorySetting[] = [
  { key: '1', label: '1 Outstanding', causesConcern: false, visitsPerYear: 2 },
  { key: '2', label: '2 Good', causesConcern: false, visitsPerYear: 2 },
  // "At least half termly": six half terms in the year.
  { key: 'good-of-concern', label: 'Good but of concern', causesConcern: false, visitsPerYear: 6 },
  {
    key: '3',
    label: '3 Requires Improvement',
    causesConcern: true,
    visitsPerYear: 6,
    // "Approximately one visit or contact per fortnight" over a 39-week school year.
    visitsPerYearCapacityNotSecure: 19,
  },
  {
    key: '4a',
    label: '4a Serious weaknesses',
    causesConcern: true,
    visitsPerYear: 19,
    statementOfAction: true,
  },
  {
    key: '4b',
    label: '4b Special measures',
    causesConcern: true,
    visitsPerYear: 19,
    statementOfAction: true,
  },
];

export const defaultJudgementScale = ['Emerging', 'Secure', 'Highly Effective'];

/** Barnet's autumn-term SEV focus (Part B), worded for today rather than the 2020 return to school. */
export const defaultSevFocusAreas = [
  'Barriers the school faces and how leaders are addressing them',
  'Curriculum intent and how pupils are learning the curriculum',
  'Behaviour, attendance and routines',
  'How well leaders equip staff to teach and support pupils',
  'Pupils’ health and well-being',
  'Safeguarding procedures and culture',
  'Provision for disadvantaged pupils and pupils with SEND',
];

export const defaultAdditionalVisitReasons = [
  'Recruiting a new headteacher or deputy headteacher',
  'New or acting / interim headteacher',
  'New school to the LA',
  'Governance or leadership issues',
  'Ofsted inspection expected',
  'Critical incident',
  'Change in organisational structure (federation, MAT)',
  'Safeguarding concern',
];

export type ResolvedStatutorySettings = Required<StatutorySettings>;

export const defaultStatutorySettings: ResolvedStatutorySettings = {
  categories: defaultCategories,
  judgementScale: defaultJudgementScale,
  sevFocusAreas: defaultSevFocusAreas,
  additionalVisitReasons: defaultAdditionalVisitReasons,
  secondarySixthFormVisits: 3,
  pruVisits: 2,
  academyVisits: 1,
  concernListName: 'Schools causing concern',
  leadOfficerTitle: 'Lead Officer',
  ofstedReading: 'report_card',
  // Part B: "Schools that are deemed to require 'special measures' or to have 'serious weaknesses'" are 4b / 4a;
  // requires significant improvement replaced serious weaknesses (domain note, "Current policy").
  ofstedCategoryMap: {
    special_measures: '4b',
    serious_weaknesses: '4a',
    requires_significant_improvement: '4a',
  },
  defaultCategory: '2',
  formalNoticePreconditions: [],
};

/** The tenant's statutory settings with every gap filled from the defaults. */
export function statutorySettingsOf(settings: TenantSettings): ResolvedStatutorySettings {
  const own = settings.statutory ?? {};
  const defined = Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined));
  return { ...defaultStatutorySettings, ...defined };
}

/** The LA category the tenant maps an Ofsted category of concern onto (undefined when it maps none). */
export function laCategoryForOfsted(
  settings: ResolvedStatutorySettings,
  ofsted: 'serious_weaknesses' | 'special_measures' | 'requires_significant_improvement' | null | undefined,
): LaCategorySetting | undefined {
  return ofsted ? categoryByKey(settings, settings.ofstedCategoryMap[ofsted]) : undefined;
}

export function categoryByKey(
  settings: ResolvedStatutorySettings,
  key: string | null | undefined,
): LaCategorySetting | undefined {
  return key ? settings.categories.find((c) => c.key === key) : undefined;
}
