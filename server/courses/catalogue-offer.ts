import type { ModuleKey } from '~/db/schema';
import { programmeModules, type Programme } from './course-labels';

/**
 * What a workspace's public catalogue says it offers: CPD always, ECT induction and governor training only
 * where it runs them — its module is on, or a course of that programme is open for booking (one made before
 * the module was switched off is still listed). A new LA with courses only is not promised either.
 */
export function catalogueOffer(modules: readonly ModuleKey[], programmesListed: readonly Programme[]) {
  const offers = (p: Programme) => {
    const needs = programmeModules[p];
    return (needs !== null && modules.includes(needs)) || programmesListed.includes(p);
  };
  const extras = [
    ...(offers('ect_induction') ? ['ECT induction'] : []),
    ...(offers('governor_training') ? ['governor training'] : []),
  ];
  return {
    /** The page's opening line, before "Browse freely". */
    lead: `${listOf(['CPD courses', 'subject networks', 'headteacher seminars', ...extras])}.`,
    /** The page's description for search engines, after "Upcoming" and before "from <workspace>". */
    summary: listOf(['CPD courses', 'networks', ...extras]),
  };
}

const listOf = (items: readonly string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
