import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const poolSizeMessage = 'DATABASE_POOL_SIZE must be a whole number from 1 to 500 (default 20)';

const ZEnv = z
  .object({
    NODE_ENV: optionalString.pipe(z.enum(['development', 'test', 'production']).default('development')),
    DATABASE_URL: optionalString.pipe(
      z
        .url({
          protocol: /^postgres(ql)?$/,
          message: 'DATABASE_URL must be a postgres:// URL, e.g. postgres://user@127.0.0.1:5432/stride',
        })
        .optional(),
    ),
    PGLITE_DATA_DIR: optionalString,
    DATABASE_POOL_SIZE: optionalString.pipe(
      z.coerce
        .number<string>({ message: poolSizeMessage })
        .int({ message: poolSizeMessage })
        .min(1, { message: poolSizeMessage })
        .max(500, { message: poolSizeMessage })
        .optional(),
    ),
    NEXTAUTH_URL: optionalString.pipe(
      z
        .url({
          protocol: /^https?$/,
          message: 'NEXTAUTH_URL must be the app URL, e.g. https://stride.example.org',
        })
        .optional(),
    ),
    NEXTAUTH_SECRET: optionalString,
    SMTP_URL: optionalString.pipe(
      z
        .url({ protocol: /^smtps?$/, message: 'SMTP_URL must look like smtp://user:pass@host:587' })
        .optional(),
    ),
    EMAIL_FROM: optionalString.pipe(z.string().default('Stride <no-reply@stride.example>')),
    AZURE_AD_CLIENT_ID: optionalString,
    AZURE_AD_CLIENT_SECRET: optionalString,
    AZURE_AD_TENANT_ID: optionalString,
    GOOGLE_CLIENT_ID: optionalString,
    GOOGLE_CLIENT_SECRET: optionalString,
    /** 1: seed the demo workspaces and users into an empty database at start (npm run dev and e2e set it). */
    STRIDE_DEMO: optionalString.pipe(
      z.enum(['0', '1'], { message: 'STRIDE_DEMO must be 1 or 0' }).optional(),
    ),
    /** 1: the demo sign-in picker and the /dev/outbox page (npm run dev sets it); refused in production. */
    STRIDE_DEV_TOOLS: optionalString.pipe(
      z.enum(['0', '1'], { message: 'STRIDE_DEV_TOOLS must be 1 or 0' }).optional(),
    ),
    /** Comma-separated addresses made platform administrators at start (the first one of a new deployment). */
    PLATFORM_ADMIN_EMAILS: optionalString.pipe(
      z
        .string()
        .transform((v) =>
          v
            .split(',')
            .map((e) => e.trim().toLowerCase())
            .filter(Boolean),
        )
        .pipe(
          z.array(z.email({ message: 'PLATFORM_ADMIN_EMAILS must be email addresses separated by commas' })),
        )
        .default([]),
    ),
    /** `1` serves the benchmark floor routes (app/bench-floor): for `npm run bench` only, never a deployment. */
    STRIDE_BENCH_ROUTES: optionalString.pipe(z.enum(['1']).optional()),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEXTAUTH_SECRET'],
        message: 'NEXTAUTH_SECRET is required in production: a long random string (openssl rand -base64 32)',
      });
    }
    if (env.NODE_ENV === 'production' && env.STRIDE_DEV_TOOLS === '1') {
      ctx.addIssue({
        code: 'custom',
        path: ['STRIDE_DEV_TOOLS'],
        message: 'STRIDE_DEV_TOOLS (demo sign-in, development outbox) cannot be switched on in production',
      });
    }
    // A production start refuses the bench routes unless it serves only this machine (the pages bench).
    if (
      env.NODE_ENV === 'production' &&
      env.STRIDE_BENCH_ROUTES &&
      !/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(env.NEXTAUTH_URL ?? '')
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['STRIDE_BENCH_ROUTES'],
        message:
          'STRIDE_BENCH_ROUTES is for benchmarks on this machine only (NEXTAUTH_URL must be 127.0.0.1)',
      });
    }
    const pairs: [string, (keyof typeof env)[]][] = [
      ['Microsoft Entra ID', ['AZURE_AD_CLIENT_ID', 'AZURE_AD_CLIENT_SECRET', 'AZURE_AD_TENANT_ID']],
      ['Google', ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET']],
    ];
    for (const [label, keys] of pairs) {
      const set = keys.filter((k) => env[k]);
      if (set.length > 0 && set.length < keys.length) {
        for (const k of keys.filter((k) => !env[k])) {
          ctx.addIssue({
            code: 'custom',
            path: [k],
            message: `${k} is needed to switch on ${label} sign-in`,
          });
        }
      }
    }
  });

export type Env = z.infer<typeof ZEnv>;

/** Parses the environment, listing every missing or invalid variable in one message. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = ZEnv.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
  throw new Error(
    `Stride cannot start: the environment is not valid.\n${lines.join('\n')}\nSee .env.example.`,
  );
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The demo-user picker and the development outbox page: only when asked for (STRIDE_DEV_TOOLS=1, which
 * `npm run dev` sets), and never in a production build. A server started without NODE_ENV no longer gets them.
 * `process.env.NODE_ENV` is written out literally so that a production build compiles this to `false`.
 */
export function devToolsEnabled(source: NodeJS.ProcessEnv = process.env): boolean {
  return (
    process.env.NODE_ENV !== 'production' &&
    source.NODE_ENV !== 'production' &&
    source.STRIDE_DEV_TOOLS?.trim() === '1'
  );
}

/** Whether to seed the demo workspaces into an empty database at start (STRIDE_DEMO=1). */
export function demoSeedRequested(source: NodeJS.ProcessEnv = process.env): boolean {
  return source.STRIDE_DEMO?.trim() === '1';
}

/** The benchmark floor routes exist only when switched on (and env() refuses them in a real deployment). */
export const benchRoutesEnabled = () => env().STRIDE_BENCH_ROUTES === '1';
