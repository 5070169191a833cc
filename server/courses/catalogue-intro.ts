import type { ModuleKey } from '~/db/schema';

/**
 * What a workspace's public catalogue holds, for its opening line and its search description: ECT induction
 * and governor training only where the workspace runs them (its induction and governor services modules), so a
 * partnership selling CPD alone does not promise either.
 */
export function catalogueOffers(modules: readonly ModuleKey[]): string {
  const kinds = ['CPD courses', 'subject networks', 'headteacher seminars'];
  if (modules.includes('induction')) kinds.push('ECT induction');
  if (modules.includes('governance')) kinds.push('governor training');
  return `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}`;
}
