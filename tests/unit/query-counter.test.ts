import { describe, expect, it } from 'vitest';
import { countQuery, queryCounts } from '~/server/bench/query-counter';

describe("the pages bench's count of transactions and statements", () => {
  it('counts BEGIN … COMMIT on a connection as one transaction, and a statement outside one as its own', () => {
    const before = queryCounts();
    countQuery('begin ', 1);
    countQuery('select set_config($1, $2, true)', 1);
    countQuery('select 1', 2);
    countQuery('\n  select * from schools', 1);
    countQuery('commit', 1);
    countQuery('BEGIN', 2);
    countQuery('insert into x values (1)', 2);
    countQuery('rollback', 2);
    const after = queryCounts();
    expect(after.transactions - before.transactions).toBe(3);
    expect(after.statements - before.statements).toBe(4);
  });
});
