import type { ModuleKey, TenantKind } from '~/db/schema';

/**
 * What a workspace's term dates are for, in its own terms: each use is a module that counts in terms (a
 * partnership's pro rata, an LA's visits this term, an Appropriate Body's induction terms). Induction in an LA or
 * a partnership only sells ECT training, which counts no terms. The term dates page and the manager's
 * "Getting started" list read the same answer.
 */
export function termDatesUses(kind: TenantKind, modules: readonly ModuleKey[]): string[] {
  const uses: string[] = [];
  if (modules.includes('traded'))
    uses.push(
      'A school joining part-way through the year pays for the terms that have not started on the day it joins (joining in the Easter holiday pays for the summer term only), and gets that share of each entitlement.',
    );
  if (modules.includes('statutory'))
    uses.push(
      'The dashboard counts the monitoring visits due by the end of this term (in a holiday, the next term).',
    );
  if (kind === 'appropriate_body' && modules.includes('induction'))
    uses.push(
      'Each ECT’s induction terms, progress reviews and assessments are dated from them (pro rata for part-time ECTs), and an ECT who moves school owes an interim assessment on their last working day in term.',
    );
  return uses;
}

export const usesTermDates = (kind: TenantKind, modules: readonly ModuleKey[]) =>
  termDatesUses(kind, modules).length > 0;

/** Where the dates come from: an LA publishes its own; others follow the LA (or LAs) their schools are in. */
export function termDatesSource(kind: TenantKind, laCodes: readonly string[]): string {
  if (kind === 'la') return 'The first and last day of each term, from your published school calendar.';
  return laCodes.length > 1
    ? 'The first and last day of each term, from the calendar of the local authorities your schools are in (where they differ, the one most of your schools follow).'
    : 'The first and last day of each term, from the calendar of the local authority your schools are in.';
}
