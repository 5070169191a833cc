/**
 * The pages bench's count of what this process sent to PostgreSQL (tests/bench/pages.ts reads it through
 * app/bench-floor/stats before and after some page views). Wired in only with STRIDE_BENCH_ROUTES=1. A
 * transaction is a BEGIN … COMMIT/ROLLBACK on one connection, or one statement sent outside any (PostgreSQL
 * runs it as a transaction of its own).
 */
// On globalThis, as the database itself (server/database.ts): Next bundles route handlers and pages apart, each
// with its own copy of this module.
const holder = globalThis as typeof globalThis & {
  __strideQueryCounts?: { transactions: number; statements: number; inTransaction: Set<number> };
};
const state = (holder.__strideQueryCounts ??= { transactions: 0, statements: 0, inTransaction: new Set() });
const { inTransaction } = state;

export function countQuery(query: string, connection: number): void {
  const verb = /^\s*(\w+)/.exec(query)?.[1]?.toLowerCase();
  if (verb === 'begin') {
    inTransaction.add(connection);
    state.transactions++;
    return;
  }
  if (verb === 'commit' || verb === 'rollback') {
    inTransaction.delete(connection);
    return;
  }
  state.statements++;
  if (!inTransaction.has(connection)) state.transactions++;
}

export const queryCounts = () => ({ transactions: state.transactions, statements: state.statements });
