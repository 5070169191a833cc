import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Db } from '~/db/client';
import { DomainError, type DomainErrorCode } from '~/server/errors/domain-error';
import { createCallerFactory, publicProcedure, router, type Context } from '~/server/trpc';

/**
 * Domain code throws DomainError and never imports tRPC; `server/trpc.ts` maps it in one place. A small router
 * of the app's own procedure builders stands in for domain code here (the app router's procedures need a
 * database; the mapping does not).
 */
const codes: DomainErrorCode[] = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
];

/** What a domain function does: checks its own rules and refuses in plain English. */
function domainRule(input: { code: DomainErrorCode; field?: string; zod?: boolean }): never {
  if (input.zod) {
    const parsed = z.object({ visitedOn: z.iso.date('Give the date of the visit.') }).safeParse({
      visitedOn: 'soon',
    });
    if (parsed.success) throw new Error('fixture: expected the parse to fail');
    throw new DomainError({
      code: input.code,
      message: 'Check the highlighted fields.',
      cause: parsed.error,
    });
  }
  throw new DomainError({ code: input.code, message: `Refused as ${input.code}.`, field: input.field });
}

const testRouter = router({
  refuse: publicProcedure
    .input(
      z.object({
        code: z.enum(codes as [DomainErrorCode, ...DomainErrorCode[]]),
        field: z.string().optional(),
        zod: z.boolean().optional(),
      }),
    )
    .mutation(({ input }) => domainRule(input)),
  validate: publicProcedure
    .input(z.object({ name: z.string().min(1, 'Give a name.'), days: z.number().max(5, 'At most 5 days.') }))
    .mutation(() => 'ok'),
  crash: publicProcedure.query(() => {
    throw new Error('a bug, not a refusal');
  }),
});

const context: Context = {
  db: undefined as unknown as Db,
  session: null,
  tenantSlug: null,
  appUrl: 'http://x',
};
const caller = createCallerFactory(testRouter)(context);

/** The JSON body a browser gets for one call through the real HTTP handler (with the app's error formatter). */
async function overHttp(path: string, input: unknown) {
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    router: testRouter,
    createContext: () => context,
    req: new Request(`http://localhost/api/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(superjson.serialize(input)),
    }),
    onError: () => {},
  });
  const body = (await response.json()) as {
    error: { json: { message: string; code: number; data: { code: string; fieldErrors: unknown } } };
  };
  return { status: response.status, error: body.error.json };
}

describe('a DomainError reaching a tRPC caller', () => {
  it.each(codes)('keeps the code %s and the message', async (code) => {
    const failure = await caller.refuse({ code }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TRPCError);
    expect(failure).toMatchObject({ code, message: `Refused as ${code}.` });
    // The domain error stays the cause, so a caller can still read its field.
    expect((failure as TRPCError).cause).toBeInstanceOf(DomainError);
  });

  it('reaches an HTTP client with the same code, status and message, and no field errors of its own', async () => {
    const { status, error } = await overHttp('refuse', { code: 'CONFLICT' });
    expect(status).toBe(409);
    expect(error.message).toBe('Refused as CONFLICT.');
    expect(error.data).toMatchObject({ code: 'CONFLICT', fieldErrors: null });
  });

  it('puts a message with a field beside that field', async () => {
    const { status, error } = await overHttp('refuse', { code: 'BAD_REQUEST', field: 'closesOn' });
    expect(status).toBe(400);
    expect(error.data.fieldErrors).toEqual({ closesOn: ['Refused as BAD_REQUEST.'] });
  });

  it('gives field errors from a zod cause, by path', async () => {
    const { error } = await overHttp('refuse', { code: 'BAD_REQUEST', zod: true });
    expect(error.message).toBe('Check the highlighted fields.');
    expect(error.data.fieldErrors).toEqual({ visitedOn: ['Give the date of the visit.'] });
  });

  it('gives field errors for input the procedure’s own schema refuses', async () => {
    const { status, error } = await overHttp('validate', { name: '', days: 9 });
    expect(status).toBe(400);
    expect(error.data).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { name: ['Give a name.'], days: ['At most 5 days.'] },
    });
  });

  it('leaves any other error an internal error, with no field errors', async () => {
    await expect(caller.crash()).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    const response = await fetchRequestHandler({
      endpoint: '/api/trpc',
      router: testRouter,
      createContext: () => context,
      req: new Request('http://localhost/api/trpc/crash'),
      onError: () => {},
    });
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { json: { data: { fieldErrors: unknown } } } };
    expect(body.error.json.data.fieldErrors).toBeNull();
  });
});
