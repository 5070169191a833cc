import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitWithNextStatement, executeRows, type Database } from '~/db/client';
import { openTestDatabase } from './harness';

/**
 * The database's transactions as the app relies on them (on PostgreSQL, BEGIN goes out with the first
 * statements rather than on its own): what commits is seen, what throws is rolled back, a failed statement
 * fails the transaction even if it was caught, and a nested transaction is a savepoint.
 */
describe('transactions', () => {
  let database: Database;
  const table = `tx_probe_${Date.now().toString(36)}`;
  const rows = async () =>
    (await executeRows<{ v: string }>(database.db, sql.raw(`select v from ${table} order by v`))).map(
      (r) => r.v,
    );
  const insert = (v: string) => sql.raw(`insert into ${table} (v) values ('${v}')`);

  beforeAll(async () => {
    database = await openTestDatabase({ maxConnections: 2 });
    await database.db.execute(sql.raw(`create table ${table} (v text primary key)`));
  });
  afterAll(async () => {
    await database.db.execute(sql.raw(`drop table ${table}`));
  });

  it('commits what succeeds, statements sent together or one by one', async () => {
    const result = await database.db.transaction(async (tx) => {
      await Promise.all([tx.execute(insert('a')), tx.execute(insert('b'))]);
      await tx.execute(insert('c'));
      return 'done';
    });
    expect(result).toBe('done');
    expect(await rows()).toEqual(['a', 'b', 'c']);
  });

  it('rolls back when the work throws, and the connection serves the next transaction', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(insert('d'));
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    await expect(
      database.db.transaction(async () => {
        throw new Error('before any statement');
      }),
    ).rejects.toThrow('before any statement');
    expect(await rows()).toEqual(['a', 'b', 'c']);
    await database.db.transaction((tx) => tx.execute(insert('e')));
    expect(await rows()).toEqual(['a', 'b', 'c', 'e']);
  });

  it('fails the transaction when a statement failed, even if the work caught it', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(insert('f'));
        await tx.execute(insert('a')).catch(() => 'ignored');
      }),
    ).rejects.toThrow();
    expect(await rows()).toEqual(['a', 'b', 'c', 'e']);
  });

  it('runs a nested transaction as a savepoint: its failure rolls back only its own work', async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(insert('g'));
      await expect(
        tx.transaction(async (inner) => {
          await inner.execute(insert('h'));
          await inner.execute(insert('a'));
        }),
      ).rejects.toThrow();
      await tx.transaction((inner) => inner.execute(insert('i')));
    });
    expect(await rows()).toEqual(['a', 'b', 'c', 'e', 'g', 'i']);
  });

  it('keeps many concurrent transactions apart on a small pool', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        database.db
          .transaction(async (tx) => {
            await tx.execute(insert(`k${String(n).padStart(2, '0')}`));
            if (n % 5 === 0) throw new Error('rolled back');
          })
          .catch(() => null),
      ),
    );
    const kept = (await rows()).filter((v) => v.startsWith('k'));
    expect(kept).toHaveLength(16);
  });

  describe('committing with the last statement', () => {
    const onPostgres = () => database.kind === 'postgres';

    it('commits with that statement', async () => {
      const result = await database.db.transaction(async (tx) => {
        await tx.execute(insert('m1'));
        commitWithNextStatement(tx);
        await tx.execute(insert('m2'));
        return 'done';
      });
      expect(result).toBe('done');
      expect((await rows()).filter((v) => v.startsWith('m'))).toEqual(['m1', 'm2']);
    });

    it('rolls everything back when that statement fails, with its own error', async () => {
      await expect(
        database.db.transaction(async (tx) => {
          await tx.execute(insert('n1'));
          commitWithNextStatement(tx);
          await tx.execute(insert('m1'));
        }),
      ).rejects.toSatisfy((error: { cause?: { code?: string } }) => error.cause?.code === '23505');
      expect((await rows()).filter((v) => v.startsWith('n'))).toEqual([]);
      // The connection serves the next transaction.
      await database.db.transaction((tx) => tx.execute(insert('n2')));
      expect((await rows()).filter((v) => v.startsWith('n'))).toEqual(['n2']);
    });

    // That COMMIT went out with the statement shows here: the transaction is over once the statement is done.
    it('refuses a statement after the last one', async () => {
      if (!onPostgres()) return;
      await expect(
        database.db.transaction(async (tx) => {
          commitWithNextStatement(tx);
          await tx.execute(insert('p1'));
          await tx.execute(insert('p2'));
        }),
      ).rejects.toSatisfy((error: Error & { cause?: Error }) =>
        /already committed/.test(error.cause?.message ?? error.message),
      );
      // What committed stays committed: the caller was told nothing can follow.
      expect((await rows()).filter((v) => v.startsWith('p'))).toEqual(['p1']);
    });

    it('is ignored inside a savepoint: the transaction commits at its end', async () => {
      await expect(
        database.db.transaction(async (tx) => {
          await tx.transaction(async (inner) => {
            commitWithNextStatement(inner);
            await inner.execute(insert('q1'));
          });
          await tx.execute(insert('q2'));
          throw new Error('undo both');
        }),
      ).rejects.toThrow('undo both');
      expect((await rows()).filter((v) => v.startsWith('q'))).toEqual([]);
    });
  });
});
