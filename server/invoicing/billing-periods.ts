import type { CustomerCategory, SubscriptionBilling } from '~/db/schema/invoicing';
import { academicYearLabel, academicYearStart, type Term } from '../catalogue/academic-year';
import { splitPence } from './rules';

export type BillingPeriod = {
  /** Appended to the subscription's source key: what this part bills, so it is billed once. */
  key: string;
  label: string;
  /** The first day it may be billed. */
  billableFrom: string;
  pence: number;
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
  const charged = (['autumn', 'spring', 'summer'] as const).slice(
    3 - Math.max(0, Math.min(3, sub.termsCharged)),
  );
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
      });
    out.push({
      key: `fy-${year + 1}`,
      label: `${yearLabel}, ${5}/${before + 5} from 1 April ${year + 1} (financial year ${academicYearLabel(year + 1)})`,
      billableFrom: `${year + 1}-04-01`,
      pence: parts[1] ?? 0,
    });
    return out;
  }
  // A school that joined part-way pays for the terms left: the line says which, so the lower price explains itself.
  const label =
    charged.length === 3
      ? yearLabel
      : `${yearLabel}, ${charged.map((t) => termNames[t].toLowerCase().replace(/ term$/, '')).join(' and ')} ${charged.length === 1 ? 'term' : 'terms'} (joined part-way: ${charged.length} of 3 terms)`;
  return [{ key: 'annual', label, billableFrom: academicYearStart(year), pence: sub.netPricePence }];
}
