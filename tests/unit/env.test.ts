import { describe, expect, it } from 'vitest';
import { parseEnv, type Env } from '~/server/env';

/** parseEnv takes a NodeJS.ProcessEnv; the tests build one from plain records. */
function parse(vars: Record<string, string | undefined>): Env {
  return parseEnv(vars as NodeJS.ProcessEnv);
}

/** The message parseEnv throws, or a failure when it does not throw. */
function errorOf(vars: Record<string, string | undefined>): string {
  try {
    parse(vars);
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    return (e as Error).message;
  }
  throw new Error(`parseEnv accepted ${JSON.stringify(vars)} but should have rejected it`);
}

/** The "  - PATH: message" lines of a parseEnv error. */
function problemLines(message: string): string[] {
  return message.split('\n').filter((l) => l.startsWith('  - '));
}

const DEFAULT_EMAIL_FROM = 'Stride <no-reply@stride.example>';

describe('parseEnv: defaults', () => {
  it('accepts an empty environment and fills in the defaults', () => {
    const env = parse({});
    expect(env.NODE_ENV).toBe('development');
    expect(env.EMAIL_FROM).toBe(DEFAULT_EMAIL_FROM);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.NEXTAUTH_URL).toBeUndefined();
    expect(env.NEXTAUTH_SECRET).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBeUndefined();
  });

  it('keeps explicit values over the defaults', () => {
    const env = parse({ NODE_ENV: 'test', EMAIL_FROM: 'BPSI <bpsi@barnet.example>' });
    expect(env.NODE_ENV).toBe('test');
    expect(env.EMAIL_FROM).toBe('BPSI <bpsi@barnet.example>');
  });

  it('passes valid values through', () => {
    const env = parse({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://user@127.0.0.1:5432/stride',
      NEXTAUTH_URL: 'https://stride.example.org',
      NEXTAUTH_SECRET: 'a-long-random-secret',
      SMTP_URL: 'smtp://user:pass@mail.example.org:587',
      PGLITE_DATA_DIR: '.data/pglite',
    });
    expect(env).toMatchObject({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://user@127.0.0.1:5432/stride',
      NEXTAUTH_URL: 'https://stride.example.org',
      NEXTAUTH_SECRET: 'a-long-random-secret',
      SMTP_URL: 'smtp://user:pass@mail.example.org:587',
      PGLITE_DATA_DIR: '.data/pglite',
    });
  });

  it('trims surrounding whitespace from optional values', () => {
    const env = parse({
      DATABASE_URL: '  postgres://user@127.0.0.1:5432/stride  ',
      NEXTAUTH_SECRET: ' s3cret ',
    });
    expect(env.DATABASE_URL).toBe('postgres://user@127.0.0.1:5432/stride');
    expect(env.NEXTAUTH_SECRET).toBe('s3cret');
  });

  it('ignores variables it does not know about', () => {
    const env = parse({ PATH: '/usr/bin', HOME: '/home/stride' });
    expect(env).not.toHaveProperty('PATH');
    expect(env).not.toHaveProperty('HOME');
  });
});

describe('parseEnv: empty strings are treated as unset', () => {
  it('treats empty and blank optional values as undefined', () => {
    const env = parse({
      DATABASE_URL: '',
      NEXTAUTH_URL: '   ',
      NEXTAUTH_SECRET: '',
      SMTP_URL: '',
      PGLITE_DATA_DIR: '',
      AZURE_AD_CLIENT_ID: '',
      AZURE_AD_CLIENT_SECRET: '',
      AZURE_AD_TENANT_ID: '',
      GOOGLE_CLIENT_ID: ' ',
      GOOGLE_CLIENT_SECRET: '',
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.NEXTAUTH_URL).toBeUndefined();
    expect(env.NEXTAUTH_SECRET).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBeUndefined();
    expect(env.AZURE_AD_CLIENT_ID).toBeUndefined();
    expect(env.GOOGLE_CLIENT_ID).toBeUndefined();
  });

  it('does not count an empty provider variable as a partial sign-in configuration', () => {
    expect(() => parse({ GOOGLE_CLIENT_ID: '', GOOGLE_CLIENT_SECRET: '' })).not.toThrow();
    expect(() =>
      parse({ AZURE_AD_CLIENT_ID: ' ', AZURE_AD_CLIENT_SECRET: '', AZURE_AD_TENANT_ID: '' }),
    ).not.toThrow();
  });

  it('treats a blank NEXTAUTH_SECRET in production as missing', () => {
    expect(errorOf({ NODE_ENV: 'production', NEXTAUTH_SECRET: '   ' })).toContain('NEXTAUTH_SECRET');
  });

  it('falls back to the default EMAIL_FROM when it is empty', () => {
    expect(parse({ EMAIL_FROM: '' }).EMAIL_FROM).toBe(DEFAULT_EMAIL_FROM);
  });

  it('falls back to NODE_ENV=development when it is empty', () => {
    expect(parse({ NODE_ENV: '' }).NODE_ENV).toBe('development');
  });
});

describe('parseEnv: invalid values', () => {
  it.each([
    ['DATABASE_URL', 'not a url'],
    ['NEXTAUTH_URL', 'stride dot example'],
    ['SMTP_URL', 'mail server on port 587'],
    ['DATABASE_POOL_SIZE', 'twenty'],
    ['DATABASE_POOL_SIZE', '0'],
    ['DATABASE_POOL_SIZE', '2.5'],
    ['DATABASE_POOL_SIZE', '501'],
  ])('rejects an invalid %s with a message naming it', (name, value) => {
    const message = errorOf({ [name]: value });
    expect(message).toContain('Stride cannot start');
    const lines = problemLines(message);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^  - ${name}: .*${name}`));
  });

  it('reads a valid DATABASE_POOL_SIZE as a number', () => {
    expect(parse({ DATABASE_POOL_SIZE: '40' }).DATABASE_POOL_SIZE).toBe(40);
    expect(parse({}).DATABASE_POOL_SIZE).toBeUndefined();
  });

  it('explains what a DATABASE_URL should look like', () => {
    expect(errorOf({ DATABASE_URL: 'nope' })).toContain('postgres://');
  });

  it('explains what an SMTP_URL should look like', () => {
    expect(errorOf({ SMTP_URL: 'nope' })).toContain('smtp://');
  });

  it('rejects an unknown NODE_ENV', () => {
    expect(errorOf({ NODE_ENV: 'staging' })).toMatch(/^ {2}- NODE_ENV: /m);
  });

  it.each([
    ['DATABASE_URL', 'localhost:5432/stride'],
    ['DATABASE_URL', 'mysql://user@127.0.0.1:3306/stride'],
    ['DATABASE_URL', 'https://stride.example.org'],
    ['NEXTAUTH_URL', 'stride.example.org:3000'],
    ['NEXTAUTH_URL', 'mailto:admin@stride.example.org'],
    ['SMTP_URL', 'mail.example.org:587'],
    ['SMTP_URL', 'https://mail.example.org'],
  ])('rejects %s=%s, which has the wrong scheme', (name, value) => {
    expect(errorOf({ [name]: value })).toContain(name);
  });

  it('accepts the URL schemes each variable is meant for', () => {
    expect(parse({ NEXTAUTH_URL: 'http://localhost:3000' }).NEXTAUTH_URL).toBe('http://localhost:3000');
    expect(parse({ SMTP_URL: 'smtps://user:pass@mail.example.org:465' }).SMTP_URL).toBe(
      'smtps://user:pass@mail.example.org:465',
    );
  });

  it('accepts both postgres:// and postgresql:// database URLs', () => {
    expect(parse({ DATABASE_URL: 'postgresql://user@db.internal:5432/stride' }).DATABASE_URL).toBe(
      'postgresql://user@db.internal:5432/stride',
    );
  });
});

describe('parseEnv: production', () => {
  it('requires NEXTAUTH_SECRET when NODE_ENV=production', () => {
    const message = errorOf({ NODE_ENV: 'production' });
    const lines = problemLines(message);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ {2}- NEXTAUTH_SECRET: NEXTAUTH_SECRET is required in production/);
  });

  it('accepts production with a secret', () => {
    expect(parse({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(44) }).NODE_ENV).toBe('production');
  });

  it.each(['development', 'test'])('does not require NEXTAUTH_SECRET when NODE_ENV=%s', (nodeEnv) => {
    expect(parse({ NODE_ENV: nodeEnv }).NEXTAUTH_SECRET).toBeUndefined();
  });
});

describe('parseEnv: sign-in providers', () => {
  it('accepts a complete Microsoft Entra ID configuration', () => {
    const env = parse({
      AZURE_AD_CLIENT_ID: 'id',
      AZURE_AD_CLIENT_SECRET: 'secret',
      AZURE_AD_TENANT_ID: 'tenant',
    });
    expect(env).toMatchObject({
      AZURE_AD_CLIENT_ID: 'id',
      AZURE_AD_CLIENT_SECRET: 'secret',
      AZURE_AD_TENANT_ID: 'tenant',
    });
  });

  it('accepts a complete Google configuration', () => {
    const env = parse({ GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 'secret' });
    expect(env).toMatchObject({ GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 'secret' });
  });

  it('lists each missing Microsoft Entra ID variable when only one is set', () => {
    const lines = problemLines(errorOf({ AZURE_AD_CLIENT_ID: 'id' }));
    expect(lines).toHaveLength(2);
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}- AZURE_AD_CLIENT_SECRET: .*Microsoft Entra ID/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}- AZURE_AD_TENANT_ID: .*Microsoft Entra ID/));
    expect(lines.join('\n')).not.toMatch(/- AZURE_AD_CLIENT_ID:/);
  });

  it('lists the one missing Microsoft Entra ID variable when two are set', () => {
    const lines = problemLines(errorOf({ AZURE_AD_CLIENT_ID: 'id', AZURE_AD_TENANT_ID: 'tenant' }));
    expect(lines).toEqual([
      expect.stringMatching(/^ {2}- AZURE_AD_CLIENT_SECRET: AZURE_AD_CLIENT_SECRET is needed/),
    ]);
  });

  it.each([
    ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET'],
    ['GOOGLE_CLIENT_SECRET', 'GOOGLE_CLIENT_ID'],
  ])('lists the missing Google variable when only %s is set', (set, missing) => {
    const lines = problemLines(errorOf({ [set]: 'value' }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^  - ${missing}: ${missing} is needed to switch on Google sign-in`));
  });
});

describe('parseEnv: one message lists every problem', () => {
  it('reports all problems at once, one line each', () => {
    const message = errorOf({
      NODE_ENV: 'production',
      DATABASE_URL: 'not a url',
      NEXTAUTH_URL: 'also not a url',
      SMTP_URL: 'nor this',
      AZURE_AD_TENANT_ID: 'tenant',
      GOOGLE_CLIENT_SECRET: 'secret',
    });
    expect(message.startsWith('Stride cannot start: the environment is not valid.\n')).toBe(true);
    expect(message.endsWith('\nSee .env.example.')).toBe(true);
    const named = problemLines(message).map((l) => l.slice(4, l.indexOf(':')));
    expect(named.sort()).toEqual(
      [
        'AZURE_AD_CLIENT_ID',
        'AZURE_AD_CLIENT_SECRET',
        'DATABASE_URL',
        'GOOGLE_CLIENT_ID',
        'NEXTAUTH_SECRET',
        'NEXTAUTH_URL',
        'SMTP_URL',
      ].sort(),
    );
  });
});
