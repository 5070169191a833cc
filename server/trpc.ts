import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import { scopeTransaction, type Db, type Tx } from '~/db/client';
import type { ModuleKey, Role } from '~/db/schema';
import { DomainError } from './errors/domain-error';
import { queuedEmailsIn } from './email/send-email';
import { findRenewalLink } from './renewals/find-renewal-link';
import { findSignInAddressLink } from './people/change-sign-in-address';
import { afterCommit, doUnitOfWork } from './unit-of-work/run-in-tenant';
import { runCommitTasks, takeCommitTasks, type CommitTask } from './unit-of-work/on-commit';
import type { TenantMembership } from './workspaces/list-memberships';
import { recordPlatformAudit } from './platform/record-platform-audit';
import { moduleTitles } from './workspaces/module-titles';
import { WorkspaceSuspendedError } from './workspaces/workspace-suspended';
import { resolveWorkspace } from './workspaces/resolve-workspace';
import type { Tenant } from './workspaces/find-tenant';

import type { Actor, SessionUser } from './access/actor';

export type { Actor, SessionUser };
export { WorkspaceSuspendedError };

export type Context = {
  db: Db;
  session: SessionUser | null;
  /** The workspace the request is for: the [tenant] path segment, sent by the client as a header. */
  tenantSlug: string | null;
  /** The app's address, for links in emails (NEXTAUTH_URL, or the address the request came to). */
  appUrl: string;
};

/** A procedure's module: one a workspace switches on, or `core` (schools, people, audit: every workspace). */
export type ProcedureModule = ModuleKey | 'core';

/** Who may call a procedure. Every procedure declares one; a test walks the router to prove it. */
export type Access =
  | { kind: 'public' }
  | { kind: 'authed' }
  | { kind: 'superadmin' }
  | { kind: 'tenant'; module: ProcedureModule; roles: readonly Role[] | 'any-member' }
  /** Capability links emailed to one person (buy-back renewals): the token is the credential. */
  | { kind: 'renewal-link' }
  /**
   * A signed-in person towards a workspace they do not (yet) belong to: accept an invitation, ask to join a
   * school. Sees nothing of the workspace but its name and what the procedure itself returns.
   */
  | { kind: 'joining' }
  /** The signed-in person's own account (their name), whatever workspaces they belong to. */
  | { kind: 'account' }
  /**
   * A link emailed to one person (a delegate's place, an evaluation request, a bulletin's unsubscribe link),
   * signed in or not: the token in the input is the credential. The domain function resolves it inside the
   * workspace the input names (a token from another workspace finds nothing) and audits a change there as
   * that person, in the change's transaction (runInTenant).
   */
  | { kind: 'emailed-link' }
  /**
   * A link emailed about one person's own account (confirming a new sign-in address), signed in or not: the
   * token is the credential and stands for that account alone.
   */
  | { kind: 'account-link' };

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

function fieldErrorsFor(cause: unknown): Record<string, string[]> | null {
  if (cause instanceof ZodError) return fieldErrorsOf(cause);
  if (cause instanceof DomainError && cause.cause instanceof ZodError) return fieldErrorsOf(cause.cause);
  if (cause instanceof DomainError && cause.field) return { [cause.field]: [cause.message] };
  return null;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      return { ...shape, data: { ...shape.data, fieldErrors: fieldErrorsFor(error.cause) } };
    },
  });

/** The one place a domain refusal becomes a tRPC error with the same code and message. */
function toTRPCError(error: unknown): unknown {
  const cause = error instanceof TRPCError && error.cause instanceof DomainError ? error.cause : error;
  if (cause instanceof DomainError) return new TRPCError({ code: cause.code, message: cause.message, cause });
  return error;
}

const base = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error);
    if (mapped !== result.error) throw mapped;
  }
  return result;
});

/** Nobody signs in to a suspended workspace; its data is kept until it is reinstated. */
function workspaceSuspended(tenant: Pick<Tenant, 'name' | 'slug'>): TRPCError {
  return new TRPCError({
    code: 'FORBIDDEN',
    message: `${tenant.name} is suspended: nobody can sign in to it at present. Its data is kept.`,
    cause: new WorkspaceSuspendedError(tenant.slug),
  });
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = base.meta({ access: { kind: 'public' } });

/** See the `emailed-link` access kind: the token is the credential; the domain function audits the change. */
export const emailedLinkProcedure = base.meta({ access: { kind: 'emailed-link' } });

const signInPlease = 'Please sign in to continue.';

const requireSession = t.middleware(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: signInPlease });
  return next({ ctx: { session: ctx.session } });
});

export const authedProcedure = base.meta({ access: { kind: 'authed' } }).use(requireSession);

export const superadminProcedure = base
  .meta({ access: { kind: 'superadmin' } })
  .use(requireSession)
  .use(({ ctx, next }) => {
    if (!ctx.session.isSuperadmin)
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Platform administrators only.' });
    return next();
  });

/**
 * A platform administrator's action, in one transaction with no tenant bound: a mutation writes its row to the
 * platform audit log in the same transaction. Work inside one workspace binds it with `bindTenant`.
 */
export const platformProcedure = superadminProcedure.use(async ({ ctx, next, type, path, getRawInput }) => {
  const rawInput = type === 'mutation' ? await getRawInput() : undefined;
  let workspaceId: string | null = null;
  const result = await ctx.db.transaction(async (tx) => {
    await scopeTransaction(tx, { userId: ctx.session.id });
    const result = await next({ ctx: { tx } });
    if (!result.ok) throw result.error;
    if (type === 'mutation') {
      const data = result.data as { workspaceId?: string } | undefined;
      workspaceId = data?.workspaceId ?? null;
      await recordPlatformAudit(tx, {
        actorUserId: ctx.session.id,
        action: path,
        workspaceId: data?.workspaceId ?? null,
        input: rawInput,
      });
    }
    return result;
  });
  // An invitation the administrator sent is queued in the workspace it is for; it goes once this commits.
  if (workspaceId) await afterCommit(ctx.db, workspaceId);
  return result;
});

/**
 * The signed-in person's own account, in one transaction scoped to them (no workspace): a mutation is recorded
 * in the platform audit log as theirs, in the same transaction, since it changes how every workspace they
 * belong to names them. The emails it queued (of no workspace) go once it commits.
 */
export const accountProcedure = base
  .meta({ access: { kind: 'account' } })
  .use(requireSession)
  .use(async ({ ctx, next, type, path, getRawInput }) => {
    const rawInput = type === 'mutation' ? await getRawInput() : undefined;
    let queued: string[] = [];
    const result = await ctx.db.transaction(async (tx) => {
      await scopeTransaction(tx, { userId: ctx.session.id });
      const result = await next({ ctx: { tx, user: ctx.session } });
      if (!result.ok) throw result.error;
      if (type === 'mutation')
        await recordPlatformAudit(tx, {
          actorUserId: ctx.session.id,
          action: path,
          workspaceId: null,
          input: rawInput,
        });
      queued = queuedEmailsIn(tx);
      return result;
    });
    await afterCommit(ctx.db, null, queued);
    return result;
  });

/**
 * A procedure reached from the link that confirms a new sign-in address, signed in or not: the token (only its
 * hash is stored) finds the one account it was sent for, locked for the transaction, so the link works once.
 * A mutation is recorded in the platform audit log as that person, with the address (never the token).
 */
export const accountLinkProcedure = base
  .meta({ access: { kind: 'account-link' } })
  // Any string: a token of the wrong length is answered like an unknown one ("not valid"), not a 400/500.
  .input(z.object({ token: z.string() }))
  .use(async ({ ctx, input, next, type, path }) => {
    const notFound = new TRPCError({
      code: 'NOT_FOUND',
      message:
        'This link is not valid: it may have been used already or replaced by a newer one. Sign in and look at Your account.',
    });
    if (input.token.length < 16 || input.token.length > 200) throw notFound;
    return ctx.db.transaction(async (tx) => {
      await scopeTransaction(tx);
      const link = await findSignInAddressLink(tx, input.token);
      if (!link) throw notFound;
      const result = await next({ ctx: { tx, link } });
      if (!result.ok) throw result.error;
      if (type === 'mutation')
        await recordPlatformAudit(tx, {
          actorUserId: link.userId,
          action: path,
          workspaceId: null,
          input: { newEmail: link.newEmail },
        });
      return result;
    });
  });

export type TenantContext = { tx: Tx; actor: Actor };

/** Refuses a caller the procedure's module, membership or roles do not allow; says which, in plain words. */
function checkAccess(
  found: { tenant: Tenant; memberships: TenantMembership[] } | undefined,
  options: { module: ProcedureModule; roles: readonly Role[] | 'any-member' },
): TenantMembership[] {
  if (!found) throw new TRPCError({ code: 'NOT_FOUND', message: 'That workspace does not exist.' });
  const { tenant, memberships } = found;
  if (memberships.length > 0 && tenant.suspendedAt) throw workspaceSuspended(tenant);
  if (memberships.length === 0)
    throw new TRPCError({ code: 'FORBIDDEN', message: `You do not have access to ${tenant.name}.` });
  if (options.module !== 'core' && !tenant.modules.includes(options.module))
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `${moduleTitles[options.module]} is not switched on for ${tenant.name}.`,
    });
  const allowed =
    options.roles === 'any-member' ? memberships : memberships.filter((m) => options.roles.includes(m.role));
  if (allowed.length === 0)
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role in this workspace does not allow this.' });
  return allowed;
}

/**
 * A procedure inside one workspace, in one transaction: resolves the workspace from the request with the
 * caller's memberships, refuses a workspace without `module` or a caller without one of `roles`, and runs
 * the resolver with row-level security bound to the workspace and one typed `ctx.actor`. A mutation writes
 * its audit row in the same transaction (a failure rolls back both); its queued emails go after commit.
 */
export function tenantProcedure<Sent = null>(options: {
  module: ProcedureModule;
  roles: readonly Role[] | 'any-member';
  /**
   * For a hot procedure: its first read, sent in the same round trip as the workspace lookup (behind it, so
   * under row-level security bound to the workspace the lookup finds). Given the request's raw input and the
   * signed-in user, it checks the input it needs and sends a statement that only reads (or returns null when
   * the input does not parse: the procedure's own input check then answers). Its answer reaches the resolver
   * as `ctx.sent` only once the caller has been let in; a refused request's read is dropped with its
   * transaction.
   */
  sendFirst?: (tx: Tx, rawInput: unknown, user: SessionUser) => Sent;
}) {
  return base
    .meta({ access: { kind: 'tenant', module: options.module, roles: options.roles } })
    .use(async ({ ctx, next, type, path, getRawInput }) => {
      // requireSession's check, made here: one middleware less on every workspace request.
      const user = ctx.session;
      if (!user) throw new TRPCError({ code: 'UNAUTHORIZED', message: signInPlease });
      const slug = ctx.tenantSlug;
      if (!slug)
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'No workspace was given for this request.' });
      const rawInput = type === 'mutation' || options.sendFirst ? await getRawInput() : undefined;
      let queued: string[] = [];
      let commitTasks: CommitTask[] = [];
      let tenantId = '';
      const result = await ctx.db.transaction(async (tx) => {
        // Sent together: postgres.js pipelines them on the transaction's connection and the server runs them
        // in the order sent (role + user first, then the lookup under row-level security, then the
        // procedure's first read, if it has one), so the request waits one round trip instead of two or
        // three. Same statements, same checks.
        const scoped = scopeTransaction(tx, { userId: user.id });
        const resolved = resolveWorkspace(tx, slug, user.id);
        const sent = options.sendFirst ? options.sendFirst(tx, rawInput, user) : null;
        const [, found] = await Promise.all([scoped, resolved]);
        const allowed = checkAccess(found, options);
        const tenant = (found as { tenant: Tenant }).tenant;
        tenantId = tenant.id;
        const actor: Actor = {
          tenantId: tenant.id,
          slug: tenant.slug,
          name: tenant.name,
          shortName: tenant.shortName,
          kind: tenant.kind,
          laCodes: tenant.laCodes,
          modules: tenant.modules,
          settings: tenant.settings,
          // The account's address now, not the session's (a change of address reaches every open session).
          user: found?.account ? { ...user, ...found.account } : user,
          userId: user.id,
          memberships: allowed,
          roles: [...new Set(allowed.map((m) => m.role))],
          appUrl: ctx.appUrl,
        };
        const work = {
          action: type === 'mutation' ? path : null,
          actor: { userId: user.id },
          input: type === 'mutation' ? rawInput : undefined,
          auditedResult: (r: { ok: true; data: unknown }) => r.data,
        };
        return doUnitOfWork(tx, tenant.id, work, async () => {
          const result = await next({ ctx: { session: user, tx, actor, sent } });
          // Rethrowing inside the transaction rolls back whatever the resolver wrote.
          if (!result.ok) throw result.error;
          queued = queuedEmailsIn(tx);
          commitTasks = takeCommitTasks(tx);
          return result;
        });
      });
      await afterCommit(ctx.db, tenantId, queued);
      await runCommitTasks(ctx.db, commitTasks);
      return result;
    });
}

/**
 * A procedure reached from a one-click renewal email, signed in or not. The token (only its hash is stored)
 * stands for one person at one school for one invitation; it resolves inside the workspace named by the URL,
 * so a token from another workspace finds nothing. Mutations are audited as that person.
 */
export const renewalLinkProcedure = base
  .meta({ access: { kind: 'renewal-link' } })
  // Any string: a token of the wrong length is answered like an unknown one ("not valid"), not a 400/500.
  .input(z.object({ token: z.string() }))
  .use(async ({ ctx, input, next, type, path }) => {
    const notFound = new TRPCError({
      code: 'NOT_FOUND',
      message: 'This link is not valid. Ask whoever sent you the link for a new one.',
    });
    const slug = ctx.tenantSlug;
    if (!slug || input.token.length < 16 || input.token.length > 200) throw notFound;
    let tenantId = '';
    const result = await ctx.db.transaction(async (tx) => {
      await scopeTransaction(tx);
      const found = await resolveWorkspace(tx, slug, null);
      if (!found || found.tenant.suspendedAt || !found.tenant.modules.includes('traded')) throw notFound;
      tenantId = found.tenant.id;
      const link = await findRenewalLink(tx, input.token);
      if (!link) throw notFound;
      const work = {
        action: type === 'mutation' ? path : null,
        actor: { userId: link.userId },
        auditedResult: (r: { ok: true; data: unknown }) => r.data,
      };
      return doUnitOfWork(tx, found.tenant.id, work, async () => {
        const result = await next({ ctx: { tx, tenant: found.tenant, link } });
        if (!result.ok) throw result.error;
        return result;
      });
    });
    if (type === 'mutation') await afterCommit(ctx.db, tenantId);
    return result;
  });

/**
 * A procedure for a signed-in person joining the workspace named by the request (accept an invitation, ask
 * to join a school): the workspace must exist and not be suspended; no membership is needed and none is
 * given. Row-level security is bound to the workspace; a mutation is audited there as that person.
 */
export const joiningProcedure = base
  .meta({ access: { kind: 'joining' } })
  .use(requireSession)
  .use(async ({ ctx, next, type, path, getRawInput }) => {
    const slug = ctx.tenantSlug;
    if (!slug)
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'No workspace was given for this request.' });
    const user = ctx.session;
    const rawInput = type === 'mutation' ? await getRawInput() : undefined;
    let queued: string[] = [];
    let tenantId = '';
    const result = await ctx.db.transaction(async (tx) => {
      await scopeTransaction(tx, { userId: user.id });
      const found = await resolveWorkspace(tx, slug, user.id);
      if (!found) throw new TRPCError({ code: 'NOT_FOUND', message: 'That workspace does not exist.' });
      if (found.tenant.suspendedAt) throw workspaceSuspended(found.tenant);
      tenantId = found.tenant.id;
      const joiner = {
        tenant: found.tenant,
        user: found.account ? { ...user, ...found.account } : user,
        memberships: found.memberships,
        appUrl: ctx.appUrl,
      };
      const work = {
        action: type === 'mutation' ? path : null,
        actor: { userId: user.id },
        input: rawInput,
        auditedResult: (r: { ok: true; data: unknown }) => r.data,
      };
      return doUnitOfWork(tx, found.tenant.id, work, async () => {
        const result = await next({ ctx: { tx, joiner } });
        if (!result.ok) throw result.error;
        queued = queuedEmailsIn(tx);
        return result;
      });
    });
    await afterCommit(ctx.db, tenantId, queued);
    return result;
  });
