import 'server-only';
import { TRPCError } from '@trpc/server';
import { forbidden, notFound, redirect } from 'next/navigation';
import { headers } from 'next/headers';
import { cache } from 'react';
import { ZodError } from 'zod';
import { createContext } from '~/server/context';
import { DomainError } from '~/server/errors/domain-error';
import { getDatabase } from '~/server/database';
import { env } from '~/server/env';
import { createCaller } from '~/server/routers';
import { WorkspaceSuspendedError } from '~/server/trpc';
import { requestedAddressHeader, signInAddress } from './sign-in-address';

/** Server components call procedures in-process, through the same access rules as HTTP. */
export async function serverApi(tenantSlug: string | null = null) {
  return createCaller(await createContext(tenantSlug));
}

/**
 * For cached public pages (the course catalogue): an anonymous caller that reads neither the session cookie nor
 * the request's headers, since reading either makes a page render per request. Public procedures only.
 */
export async function anonymousServerApi() {
  const database = await getDatabase();
  const appUrl = env().NEXTAUTH_URL?.replace(/\/$/, '') ?? '';
  return createCaller({ db: database.db, session: null, tenantSlug: null, appUrl });
}

/**
 * Runs a call; the server's NOT_FOUND and FORBIDDEN become the 404 and 403 pages. So does an input the
 * procedure refused: a page's input comes from its address, and an id that is not an id (a link cut short
 * where an email wrapped it) is a page that does not exist, not a server error.
 */
export async function guard<T>(call: Promise<T>, options: { forbiddenTo?: string } = {}): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && error.cause instanceof WorkspaceSuspendedError)
      redirect(`/suspended?workspace=${encodeURIComponent(error.cause.slug)}`);
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') notFound();
    if (error instanceof TRPCError && error.code === 'BAD_REQUEST' && error.cause instanceof ZodError)
      notFound();
    if (error instanceof TRPCError && error.code === 'FORBIDDEN') {
      // A page with a public counterpart (a course's) sends there whoever may not see the organiser's view.
      if (options.forbiddenTo) redirect(options.forbiddenTo);
      forbidden();
    }
    throw error;
  }
}

/**
 * `guard`, for a read the server may refuse for a reason the reader can act on (CONFLICT: a draft course has
 * no register yet): the refusal's words come back for the page to say, with its way back, instead of the
 * error page. Any other refusal is guarded as usual.
 */
export async function guardOrRefusal<T>(
  call: Promise<T>,
): Promise<{ refused: false; value: T } | { refused: true; reason: string }> {
  try {
    return { refused: false, value: await guard(call) };
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'CONFLICT' && error.cause instanceof DomainError)
      return { refused: true, reason: error.message };
    throw error;
  }
}

/**
 * The workspace a page belongs to, loaded once per request: signs the visitor in first if needed (coming back
 * to the page asked for, which the proxy passes on), and refuses (403) anyone who is not a member.
 */
export const loadWorkspace = cache(async (slug: string) => {
  const api = await serverApi(slug);
  const session = await api.auth.session();
  if (!session) redirect(signInAddress(slug, (await headers()).get(requestedAddressHeader)));
  // One transaction: the workspace, the caller's roles there and their other workspaces.
  const { mine, ...workspace } = await guard(api.workspaces.current());
  return { api, session, workspace, mine };
});
