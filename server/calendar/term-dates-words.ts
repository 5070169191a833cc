import type { ModuleKey, TenantKind } from '~/db/schema';

/**
 * What a workspace's term dates are for, in its own terms: each use is a module that counts in terms (a
 * partnership's pro rata, an LA's visits this term, an Appropriate Body's induction terms). Induction in an LA or
 * a partnership only sells ECT training, which counts no terms. The term dates page and the manager's
 * "Getting started" list read the same answer.
 */
const uses: {
  applies: (kind: TenantKind, modules: readonly ModuleKey[]) => boolean;
  /** The few words the dashboard's Term dates card names it by. */
  short: string;
  words: string;
}[] = [
  {
    applies: (_kind, modules) => modules.includes('traded'),
    short: 'mid-year subscriptions',
    words:
      'A school joining part-way through the year pays for the terms that have not started on the day it joins (joining in the Easter holiday pays for the summer term only), and gets that share of each entitlement.',
  },
  {
    applies: (_kind, modules) => modules.includes('statutory'),
    short: 'monitoring visits due this term',
    words:
      'The dashboard counts the monitoring visits due by the end of this term (in a holiday, the next term).',
  },
  {
    applies: (kind, modules) => kind === 'appropriate_body' && modules.includes('induction'),
    short: 'induction terms and checkpoints',
    words:
      'Each ECT’s induction terms, progress reviews and assessments are dated from them (pro rata for part-time ECTs), and an ECT who moves school owes an interim assessment on their last working day in term.',
  },
];

export function termDatesUses(kind: TenantKind, modules: readonly ModuleKey[]): string[] {
  return uses.filter((u) => u.applies(kind, modules)).map((u) => u.words);
}

/** The dashboard's one line for the Term dates card, naming only what this workspace's modules use them for. */
export function termDatesSummary(kind: TenantKind, modules: readonly ModuleKey[]): string {
  const named = uses.filter((u) => u.applies(kind, modules)).map((u) => u.short);
  if (named.length === 0) return 'Your term dates each year.';
  const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
  return `Your term dates each year: ${list} follow them.`;
}

export const usesTermDates = (kind: TenantKind, modules: readonly ModuleKey[]) =>
  termDatesUses(kind, modules).length > 0;

/** Where the dates come from: an LA publishes its own; others follow the LA (or LAs) their schools are in. */
export function termDatesSource(kind: TenantKind, laCodes: readonly string[]): string {
  if (kind === 'la') return 'The first and last day of each term, from your published school calendar.';
  // An Appropriate Body has no LA codes of its own and serves schools in several local authorities.
  return laCodes.length !== 1
    ? 'The first and last day of each term, from the calendar of the local authorities your schools are in (where they differ, the one most of your schools follow).'
    : 'The first and last day of each term, from the calendar of the local authority your schools are in.';
}
