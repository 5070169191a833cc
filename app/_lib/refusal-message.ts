import 'server-only';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

/**
 * What a form's server action says when a procedure refused it: the refusal's own words, or for an input the
 * procedure's validation refused, that field's message. Anything else is a real failure and is thrown on.
 */
export function refusalMessage(error: unknown): string {
  if (!(error instanceof TRPCError)) throw error;
  if (error.cause instanceof ZodError) return error.cause.issues[0]?.message ?? 'Check what you entered.';
  if (error.code === 'INTERNAL_SERVER_ERROR') throw error;
  return error.message;
}
