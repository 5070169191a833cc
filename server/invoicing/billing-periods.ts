import type { CustomerCategory, SubscriptionBilling } from '~/db/schema/invoicing';
import { academicYearLabel, academicYearStart, terms, type Term } from '../catalogue/academic-year';
import { splitPence } from './rules';

export type BillingPeriod = {
  /** Appended to the subscription's source key: what this part bills, so it is billed once. */
  key: string;
  label: string;
  /** The first day it may be billed. */
  billableFrom: string;
  pence: number;
  /** The terms of the academic year this part pays for: what "already invoiced" is measured in, whatever the mode. */
  terms: Term[];
};

const termStart = (year: number, term: Term) =>
  term === 'autumn' ? `${year}-09-01` : term === 'spring' ? `${year + 1}-01-01` : `${year + 1}-04-01`;
const termNames: Record<Term, string> = {
  autumn: 'autumn term',
  spring: 'spring term',
  summer: 'summer term',
};

/**
 * The parts a subscription is billed in. `termsCharged` (3, or fewer for a mid-year joiner) are the last terms
 * of the academic year. Annual: one part. Termly: one per charged term, equal, pennies to the last. Split
 * across a maintained school's April–March financial year: months Sept–March and April–August (7/12 and 5/12
 * for a full year); academies and out-of-area schools (September years) are billed annually.
 */
export function subscriptionPeriods(
  mode: SubscriptionBilling,
  sub: { academicYear: number; termsCharged: number; netPricePence: number },
  category: CustomerCategory,
): BillingPeriod[] {
  const year = sub.academicYear;
  const charged = chargedTerms(sub);
  if (charged.length === 0) return [];
  const yearLabel = academicYearLabel(year);
  if (mode === 'termly') {
    const parts = splitPence(
      sub.netPricePence,
      charged.map(() => 1),
    );
    return charged.map((term, i) => ({
      key: term,
      label: `${termNames[term]} ${yearLabel}`,
      billableFrom: termStart(year, term),
      pence: parts[i] ?? 0,
      terms: [term],
    }));
  }
  if (mode === 'financial_year_split' && category === 'maintained') {
    // Months of the subscription before April: Sept–Mar = 7 (autumn joiner), Jan–Mar = 3 (spring), none (summer).
    const before = charged[0] === 'autumn' ? 7 : charged[0] === 'spring' ? 3 : 0;
    const weights = [before, 5];
    const parts = splitPence(sub.netPricePence, weights);
    const out: BillingPeriod[] = [];
    if (before > 0)
      out.push({
        key: `fy-${year}`,
        label: `${yearLabel}, ${before}/${before + 5} to 31 March ${year + 1} (financial year ${academicYearLabel(year)})`,
        billableFrom: termStart(year, charged[0] ?? 'autumn'),
        pence: parts[0] ?? 0,
        terms: charged.filter((t) => t !== 'summer'),
      });
    out.push({
      key: `fy-${year + 1}`,
      label: `${yearLabel}, ${5}/${before + 5} from 1 April ${year + 1} (financial year ${academicYearLabel(year + 1)})`,
      billableFrom: `${year + 1}-04-01`,
      pence: parts[1] ?? 0,
      terms: charged.filter((t) => t === 'summer'),
    });
    return out;
  }
  // A school that joined part-way pays for the terms left: the line says which, so the lower price explains itself.
  const label =
    charged.length === 3
      ? yearLabel
      : `${yearLabel}, ${charged.map((t) => termNames[t].toLowerCase().replace(/ term$/, '')).join(' and ')} ${charged.length === 1 ? 'term' : 'terms'} (joined part-way: ${charged.length} of 3 terms)`;
  return [
    { key: 'annual', label, billableFrom: academicYearStart(year), pence: sub.netPricePence, terms: charged },
  ];
}

/** The terms a subscription is charged for: the last `termsCharged` of the academic year. */
export function chargedTerms(sub: { termsCharged: number }): Term[] {
  return (['autumn', 'spring', 'summer'] as const).slice(3 - Math.max(0, Math.min(3, sub.termsCharged)));
}

/**
 * The terms an invoice line already bills, from the part of its source key after `subscription:<id>:`. Keys
 * written under any billing mode are understood (`annual`, `autumn`, `fy-2026`, `spring+summer`), so changing
 * the mode part-way through a year never bills a term twice.
 */
export function termsOfPeriodKey(key: string, sub: { academicYear: number; termsCharged: number }): Term[] {
  const charged = chargedTerms(sub);
  if (key === 'annual') return charged;
  const fy = /^fy-(\d{4})$/.exec(key);
  if (fy) {
    const fyYear = Number(fy[1]);
    if (fyYear === sub.academicYear) return charged.filter((t) => t !== 'summer');
    if (fyYear === sub.academicYear + 1) return charged.filter((t) => t === 'summer');
    return [];
  }
  return key.split('+').filter((t): t is Term => (terms as readonly string[]).includes(t));
}

const termList = (list: Term[]) => {
  const joined = list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : list[0];
  return `${joined} ${list.length === 1 ? 'term' : 'terms'}`;
};

/**
 * What is left to bill of a subscription under the current mode, up to `upTo`, given the parts already on live
 * invoices (issued or draft, not void) under whatever mode they were billed. A part some of whose terms are
 * already invoiced bills only the terms left; the part that completes the subscription bills what is left of
 * its price, so the year adds up to the price across a change of mode.
 */
export function subscriptionPartsLeft(
  mode: SubscriptionBilling,
  sub: { academicYear: number; termsCharged: number; netPricePence: number },
  category: CustomerCategory,
  upTo: string,
  alreadyBilled: { periodKey: string; pence: number }[],
): BillingPeriod[] {
  const charged = chargedTerms(sub);
  const covered = new Set(alreadyBilled.flatMap((b) => termsOfPeriodKey(b.periodKey, sub)));
  let billedPence = alreadyBilled.reduce((s, b) => s + b.pence, 0);
  const out: BillingPeriod[] = [];
  for (const period of subscriptionPeriods(mode, sub, category)) {
    if (period.billableFrom > upTo) continue;
    const left = period.terms.filter((t) => !covered.has(t));
    if (left.length === 0) continue;
    for (const t of left) covered.add(t);
    let part: BillingPeriod =
      left.length === period.terms.length
        ? period
        : {
            key: left.join('+'),
            label: `${termList(left)} ${academicYearLabel(sub.academicYear)} (the rest not yet invoiced)`,
            billableFrom: period.billableFrom,
            pence: Math.floor((sub.netPricePence * left.length) / charged.length),
            terms: left,
          };
    if (charged.every((t) => covered.has(t))) part = { ...part, pence: sub.netPricePence - billedPence };
    billedPence += part.pence;
    out.push(part);
  }
  return out;
}
