import { getSessionUser } from './auth/session';
import { getDatabase } from './database';
import type { Context } from './trpc';

export const TENANT_HEADER = 'x-stride-tenant';

/** The request context for both the HTTP handler and in-process server-component calls. */
export async function createContext(tenantSlug: string | null): Promise<Context> {
  const [database, session] = await Promise.all([getDatabase(), getSessionUser()]);
  return { db: database.db, session, tenantSlug };
}
