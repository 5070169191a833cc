import { headers } from 'next/headers';
import { getSessionUser } from './auth/session';
import { env } from './env';
import { getDatabase } from './database';
import type { Context } from './trpc';

export const TENANT_HEADER = 'x-stride-tenant';

/** The request context for both the HTTP handler and in-process server-component calls. */
export async function createContext(tenantSlug: string | null): Promise<Context> {
  const [database, requestHeaders] = await Promise.all([getDatabase(), headers()]);
  const appUrl = appUrlOf(requestHeaders);
  return { db: database.db, session: await getSessionUser(appUrl), tenantSlug, appUrl };
}

/** The app's address for absolute links outside tRPC (robots.txt): NEXTAUTH_URL, or the address asked for. */
export async function requestAppUrl(): Promise<string> {
  return appUrlOf(await headers());
}

function appUrlOf(requestHeaders: Headers): string {
  const configured = env().NEXTAUTH_URL;
  if (configured) return configured.replace(/\/$/, '');
  const host = requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host') ?? 'localhost:3000';
  const protocol =
    requestHeaders.get('x-forwarded-proto') ?? (host.startsWith('localhost') ? 'http' : 'https');
  return `${protocol}://${host}`;
}
