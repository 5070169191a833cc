import { describe, expect, it } from 'vitest';
import { defaultOpenOptions, defaultPoolSize } from '~/db/client';

const url = 'postgres://stride@127.0.0.1:5432/stride';
/** defaultOpenOptions takes a NodeJS.ProcessEnv; the tests build one from plain records. */
const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;

describe('defaultOpenOptions', () => {
  it('opens the embedded PGlite database when no DATABASE_URL is set', () => {
    expect(defaultOpenOptions(env({ PGLITE_DATA_DIR: '/tmp/stride-pglite' }))).toEqual({
      kind: 'pglite',
      dataDir: '/tmp/stride-pglite',
    });
  });

  it('gives the server a pool of 20 connections unless DATABASE_POOL_SIZE says otherwise', () => {
    expect(defaultPoolSize).toBe(20);
    expect(defaultOpenOptions(env({ DATABASE_URL: url }))).toEqual({
      kind: 'postgres',
      url,
      maxConnections: 20,
    });
    expect(defaultOpenOptions(env({ DATABASE_URL: url, DATABASE_POOL_SIZE: '40' }))).toEqual({
      kind: 'postgres',
      url,
      maxConnections: 40,
    });
  });

  it('refuses a pool size that is not a whole number from 1 to 500, naming the setting', () => {
    for (const bad of ['0', '-3', '2.5', 'twenty', '501'])
      expect(() => defaultOpenOptions(env({ DATABASE_URL: url, DATABASE_POOL_SIZE: bad }))).toThrow(
        /DATABASE_POOL_SIZE must be a whole number from 1 to 500/,
      );
  });
});
