import { asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { memberships, moduleKeys, platformAuditLog, tenantKind, tenants, users } from '~/db/schema';
import { DomainError } from '../errors/domain-error';
import { saveStartingInvoiceSettings } from '../invoicing/new-workspace-vat';
import { invitePerson } from '../people/invite-person';
import { listInvitations } from '../people/manage-invitations';
import type { Tenant } from '../workspaces/find-tenant';
import { modulesForKind, moduleTitles } from '../workspaces/module-titles';
import type { ModuleKey } from '../workspaces/workspace-vocabulary';

const ZModules = z.array(z.enum(moduleKeys)).max(moduleKeys.length);

export const ZCreateWorkspaceInput = z.object({
  name: z.string().trim().min(3, 'Enter the workspace’s full name.').max(120),
  shortName: z.string().trim().min(2, 'Enter a short name, e.g. BEP.').max(40),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z][a-z0-9-]{1,38}[a-z0-9]$/,
      'Use 3–40 lower-case letters, digits and hyphens, e.g. north-yorkshire.',
    ),
  kind: z.enum(tenantKind.enumValues, { message: 'Choose what kind of organisation this is.' }),
  laCodes: z
    .array(
      z
        .string()
        .trim()
        .regex(/^\d{3}$/, 'LA codes are three digits, e.g. 302.'),
    )
    .max(20)
    .default([]),
  modules: ZModules,
  managerEmail: z.email({ message: 'Enter the manager’s email address.' }).transform((e) => e.toLowerCase()),
  managerName: z.string().trim().max(120).optional(),
});

export const ZSetModulesInput = z.object({ workspaceId: z.uuid(), modules: ZModules });
export const ZSuspendInput = z.object({
  workspaceId: z.uuid(),
  reason: z.string().trim().min(3, 'Say why, for the record.').max(500),
});
export const ZInviteManagerInput = z.object({
  workspaceId: z.uuid(),
  email: z.email({ message: 'Enter the manager’s email address.' }).transform((e) => e.toLowerCase()),
  name: z.string().trim().max(120).optional(),
});

/** Slugs that are the app's own top-level pages, so a workspace cannot shadow them. */
const reservedSlugs = new Set([
  'platform',
  'signin',
  'start',
  'api',
  'dev',
  'renew',
  'invite',
  'join',
  'suspended',
  'request-access',
]);

function checkModules(kind: Tenant['kind'], modules: readonly string[]) {
  const allowed = modulesForKind(kind);
  const refused = modules.filter((m) => !allowed.includes(m as ModuleKey));
  if (refused.length > 0)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'modules',
      message: `${new Intl.ListFormat('en-GB').format(refused.map((m) => moduleTitles[m as ModuleKey]))} ${refused.length === 1 ? 'is' : 'are'} for local authorities and their providers: an appropriate body cannot switch ${refused.length === 1 ? 'it' : 'them'} on.`,
    });
  if (kind === 'la' && modules.length === 0)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'modules',
      message: 'Switch on at least one module.',
    });
}

/** Binds the rest of the platform transaction to one workspace, for work on its own tables. */
async function bindTenant(tx: Tx, tenantId: string) {
  await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
}

async function findWorkspace(tx: Tx, workspaceId: string): Promise<Tenant> {
  const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, workspaceId));
  if (!tenant) throw new DomainError({ code: 'NOT_FOUND', message: 'That workspace does not exist.' });
  return tenant;
}

/** Every workspace on the platform, for its administrators. */
export function listWorkspaces(tx: Tx) {
  return tx
    .select({
      id: tenants.id,
      slug: tenants.slug,
      name: tenants.name,
      shortName: tenants.shortName,
      kind: tenants.kind,
      laCodes: tenants.laCodes,
      modules: tenants.modules,
      suspendedAt: tenants.suspendedAt,
      suspendedReason: tenants.suspendedReason,
      createdAt: tenants.createdAt,
    })
    .from(tenants)
    .orderBy(asc(tenants.name));
}

/**
 * Creates a workspace (an LA, a partnership or an appropriate body) with its modules, and invites its first
 * manager by email; the manager then invites everyone else. The platform audit keeps who did it.
 */
export async function createWorkspace(
  tx: Tx,
  admin: { userId: string; appUrl: string },
  input: z.infer<typeof ZCreateWorkspaceInput>,
) {
  if (reservedSlugs.has(input.slug))
    throw new DomainError({
      code: 'CONFLICT',
      field: 'slug',
      message: `“${input.slug}” is used by Stride itself: choose another.`,
    });
  checkModules(input.kind, input.modules);
  const [taken] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.slug));
  if (taken)
    throw new DomainError({ code: 'CONFLICT', field: 'slug', message: `“${input.slug}” is already taken.` });
  // A local authority's schools, register and prices all follow its LA code.
  if (input.kind === 'la' && input.laCodes.length === 0)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'laCodes',
      message: 'Enter the local authority’s LA code (three digits, e.g. 302).',
    });
  const [tenant] = await tx
    .insert(tenants)
    .values({
      slug: input.slug,
      name: input.name,
      shortName: input.shortName,
      kind: input.kind,
      laCodes: input.laCodes,
      modules: input.modules,
      // A new LA's schools join its register not categorised: its officers set each school's category (a
      // default such as "Good" would plan visits the LA has not decided). The LA may choose a default instead.
      ...(input.kind === 'la' ? { settings: { statutory: { defaultCategory: '' } } } : {}),
      // A new Appropriate Body checks each school's registration of an ECT before it takes effect (TRN, QTS, a
      // school it serves), as ABs do; its manager may turn that off. Workspaces made before keep registering
      // at once (the setting left out), so their schools see no change.
      ...(input.kind === 'appropriate_body' ? { settings: { induction: { checkRegistrations: true } } } : {}),
    })
    .returning();
  if (!tenant) throw new Error('could not create the workspace');
  const invitation = await inviteManager(tx, admin, {
    workspaceId: tenant.id,
    email: input.managerEmail,
    name: input.managerName,
  });
  // inviteManager has bound the transaction to the new workspace.
  await saveStartingInvoiceSettings(tx, tenant);
  return { workspaceId: tenant.id, slug: tenant.slug, invitationId: invitation.invitationId };
}

/** Invites a manager (tenant_admin) to a workspace: its first one, or a new one if all have left. */
export async function inviteManager(
  tx: Tx,
  admin: { userId: string; appUrl: string },
  input: z.infer<typeof ZInviteManagerInput>,
) {
  const tenant = await findWorkspace(tx, input.workspaceId);
  await bindTenant(tx, tenant.id);
  const result = await invitePerson(
    tx,
    {
      tenantId: tenant.id,
      slug: tenant.slug,
      workspaceName: tenant.name,
      userId: admin.userId,
      appUrl: admin.appUrl,
      kind: tenant.kind,
    },
    { email: input.email, name: input.name, role: 'tenant_admin' },
  );
  return { workspaceId: tenant.id, invitationId: result.invitationId };
}

export async function setModules(tx: Tx, input: z.infer<typeof ZSetModulesInput>) {
  const tenant = await findWorkspace(tx, input.workspaceId);
  checkModules(tenant.kind, input.modules);
  await tx
    .update(tenants)
    .set({ modules: [...new Set(input.modules)] })
    .where(eq(tenants.id, tenant.id));
  return { workspaceId: tenant.id };
}

/**
 * A workspace's managers as the platform sees them: who holds the role, and the manager invitations with what
 * became of each (so an administrator knows the invitation went, and whether to send it again).
 */
export async function listWorkspaceManagers(tx: Tx, input: { workspaceId: string }) {
  const tenant = await findWorkspace(tx, input.workspaceId);
  await bindTenant(tx, tenant.id);
  const managers = await tx
    .select({ name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.role, 'tenant_admin'))
    .orderBy(asc(users.name));
  const invited = (await listInvitations(tx)).filter((i) => i.role === 'tenant_admin');
  return { managers, invitations: invited };
}

/** Suspends a workspace: nobody signs in to it (nor uses its one-click links); its data is kept. */
export async function suspendWorkspace(tx: Tx, input: z.infer<typeof ZSuspendInput>) {
  const tenant = await findWorkspace(tx, input.workspaceId);
  if (tenant.suspendedAt)
    throw new DomainError({ code: 'CONFLICT', message: `${tenant.name} is already suspended.` });
  await tx
    .update(tenants)
    .set({ suspendedAt: new Date(), suspendedReason: input.reason })
    .where(eq(tenants.id, tenant.id));
  return { workspaceId: tenant.id };
}

export async function reinstateWorkspace(tx: Tx, input: { workspaceId: string }) {
  const tenant = await findWorkspace(tx, input.workspaceId);
  if (!tenant.suspendedAt)
    throw new DomainError({ code: 'CONFLICT', message: `${tenant.name} is not suspended.` });
  await tx.update(tenants).set({ suspendedAt: null, suspendedReason: null }).where(eq(tenants.id, tenant.id));
  return { workspaceId: tenant.id };
}

/** What platform administrators did, newest first. */
export function listPlatformAudit(tx: Tx, limit = 200) {
  return tx
    .select({
      id: platformAuditLog.id,
      action: platformAuditLog.action,
      actor: users.email,
      workspace: tenants.name,
      details: platformAuditLog.details,
      createdAt: platformAuditLog.createdAt,
    })
    .from(platformAuditLog)
    .leftJoin(users, eq(users.id, platformAuditLog.actorUserId))
    .leftJoin(tenants, eq(tenants.id, platformAuditLog.workspaceId))
    .orderBy(desc(platformAuditLog.createdAt))
    .limit(limit);
}
