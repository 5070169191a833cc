import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import { withTenant, withUser, type Db, type Tx } from '~/db/client';
import type { Role } from '~/db/schema';
import { findTenantBySlug, type Tenant } from './workspaces/find-tenant';
import { listMembershipsInTenant, type TenantMembership } from './workspaces/list-memberships';
import { recordAudit } from './audit/record-audit';
import { findRenewalLink } from './renewals/find-renewal-link';
import { deliverQueuedEmails } from './email/send-email';

export type SessionUser = { id: string; email: string; name: string; isSuperadmin: boolean };

export type Context = {
  db: Db;
  session: SessionUser | null;
  /** The workspace the request is for: the [tenant] path segment, sent by the client as a header. */
  tenantSlug: string | null;
  /** The app's address, for links in emails (NEXTAUTH_URL, or the address the request came to). */
  appUrl: string;
};

/** Who may call a procedure. Every procedure declares one; a test walks the router to prove it. */
export type Access =
  | { kind: 'public' }
  | { kind: 'authed' }
  | { kind: 'superadmin' }
  | { kind: 'tenant'; roles: readonly Role[] | 'any-member' }
  /** Capability links emailed to one person (buy-back renewals): the token is the credential. */
  | { kind: 'renewal-link' };

export type Meta = { access: Access };

/** Field-by-field messages so forms can show each error beside its field. */
function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '_form';
    (byField[field] ??= []).push(issue.message);
  }
  return byField;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      return {
        ...shape,
        data: {
          ...shape.data,
          fieldErrors: error.cause instanceof ZodError ? fieldErrorsOf(error.cause) : null,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.meta({ access: { kind: 'public' } });

const requireSession = t.middleware(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in to continue.' });
  return next({ ctx: { session: ctx.session } });
});

export const authedProcedure = t.procedure.meta({ access: { kind: 'authed' } }).use(requireSession);

export const superadminProcedure = t.procedure
  .meta({ access: { kind: 'superadmin' } })
  .use(requireSession)
  .use(({ ctx, next }) => {
    if (!ctx.session.isSuperadmin)
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Platform administrators only.' });
    return next();
  });

export type TenantContext = {
  tx: Tx;
  tenant: Tenant;
  user: SessionUser;
  /** The caller's memberships in this tenant that the procedure's roles allow. */
  memberships: TenantMembership[];
};

/**
 * A procedure inside one workspace. Resolves the tenant from the request, checks the caller holds one of
 * `roles` there, then runs the resolver inside withTenant so every query is bound by row-level security.
 * Mutations write an audit row in the same transaction; a failure rolls back both.
 */
export function tenantProcedure(roles: readonly Role[] | 'any-member') {
  return t.procedure
    .meta({ access: { kind: 'tenant', roles } })
    .use(requireSession)
    .use(async ({ ctx, next, type, path, getRawInput }) => {
      const slug = ctx.tenantSlug;
      if (!slug)
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'No workspace was given for this request.' });
      const tenant = await findTenantBySlug(ctx.db, slug);
      if (!tenant) throw new TRPCError({ code: 'NOT_FOUND', message: 'That workspace does not exist.' });
      const mine = await withUser(ctx.db, ctx.session.id, (tx) =>
        listMembershipsInTenant(tx, tenant.id, ctx.session.id),
      );
      if (mine.length === 0) {
        throw new TRPCError({ code: 'FORBIDDEN', message: `You do not have access to ${tenant.name}.` });
      }
      const allowed = roles === 'any-member' ? mine : mine.filter((m) => roles.includes(m.role));
      if (allowed.length === 0) {
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: 'Your role in this workspace does not allow this.',
        });
      }
      const rawInput = type === 'mutation' ? await getRawInput() : undefined;
      const result = await withTenant(ctx.db, tenant.id, async (tx) => {
        const result = await next({ ctx: { tx, tenant, user: ctx.session, memberships: allowed } });
        // Rethrowing inside the transaction rolls back whatever the resolver wrote.
        if (!result.ok) throw result.error;
        if (type === 'mutation') {
          await recordAudit(tx, {
            tenantId: tenant.id,
            actorUserId: ctx.session.id,
            action: path,
            input: rawInput,
            result: result.data,
          });
        }
        return result;
      });
      // Emails the change queued go out only now that it has committed.
      if (type === 'mutation')
        await deliverQueuedEmails(ctx.db).catch((error: unknown) => console.error(error));
      return result;
    });
}

/**
 * A procedure reached from a one-click renewal email, signed in or not. The token (only its hash is stored)
 * stands for one person at one school for one invitation; it resolves inside the workspace named by the URL,
 * so a token from another workspace finds nothing. Mutations are audited as that person.
 */
export const renewalLinkProcedure = t.procedure
  .meta({ access: { kind: 'renewal-link' } })
  .input(z.object({ token: z.string().min(16).max(200) }))
  .use(async ({ ctx, input, next, type, path }) => {
    const notFound = new TRPCError({
      code: 'NOT_FOUND',
      message: 'This link is not valid. Ask the partnership for a new one.',
    });
    const tenant = ctx.tenantSlug ? await findTenantBySlug(ctx.db, ctx.tenantSlug) : undefined;
    if (!tenant) throw notFound;
    const result = await withTenant(ctx.db, tenant.id, async (tx) => {
      const link = await findRenewalLink(tx, input.token);
      if (!link) throw notFound;
      const result = await next({ ctx: { tx, tenant, link } });
      if (!result.ok) throw result.error;
      if (type === 'mutation') {
        await recordAudit(tx, {
          tenantId: tenant.id,
          actorUserId: link.userId,
          action: path,
          input: {},
          result: result.data,
        });
      }
      return result;
    });
    if (type === 'mutation')
      await deliverQueuedEmails(ctx.db).catch((error: unknown) => console.error(error));
    return result;
  });
