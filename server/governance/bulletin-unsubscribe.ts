import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { withPlatform, withTenant, type Db, type Tx } from '~/db/client';
import { governorBulletinUnsubscribes, tenants } from '~/db/schema';
import { env } from '../env';
import { runInTenant } from '../unit-of-work/run-in-tenant';

/**
 * The unsubscribe link in every bulletin: a signed token (the address and an HMAC of workspace and address
 * under the server's secret), so one click unsubscribes without signing in and without a stored token, and
 * a token made for one workspace does nothing in another.
 */
const secret = () => env().NEXTAUTH_SECRET ?? 'stride-development-secret-not-for-production';

const signature = (tenantId: string, email: string) =>
  createHmac('sha256', secret()).update(`governor-bulletin-unsubscribe:${tenantId}:${email}`).digest();

export function unsubscribeToken(tenantId: string, email: string): string {
  const address = email.toLowerCase();
  return `${Buffer.from(address).toString('base64url')}.${signature(tenantId, address).toString('base64url')}`;
}

/** The address a token was signed for in this workspace, or null for a token that is not ours. */
export function addressOfToken(tenantId: string, token: string): string | null {
  const [encoded, signed, extra] = token.split('.');
  if (!encoded || !signed || extra !== undefined || token.length > 600) return null;
  const address = Buffer.from(encoded, 'base64url').toString('utf8').toLowerCase();
  const expected = signature(tenantId, address);
  const given = Buffer.from(signed, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return address;
}

export const unsubscribeUrl = (appUrl: string, slug: string, tenantId: string, email: string) =>
  `${appUrl}/unsubscribe/${slug}/${unsubscribeToken(tenantId, email)}`;

/**
 * RFC 8058 one-click unsubscribe: mail clients POST `List-Unsubscribe=One-Click` to the URL in the
 * List-Unsubscribe header (app/unsubscribe/[tenant]/[token]/one-click/route.ts). A POST, unlike the GET of the
 * link in the body, is not made by a scanner that merely opens links.
 */
export const oneClickUnsubscribeUrl = (appUrl: string, slug: string, tenantId: string, email: string) =>
  `${unsubscribeUrl(appUrl, slug, tenantId, email)}/one-click`;

/** The headers every bulletin email carries, so a mail client offers its own Unsubscribe button. */
export const listUnsubscribeHeaders = (oneClickUrl: string): Record<string, string> => ({
  'List-Unsubscribe': `<${oneClickUrl}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

/** Lower-case addresses that unsubscribed from this workspace's bulletins. */
export async function unsubscribedAddresses(tx: Tx): Promise<Set<string>> {
  const rows = await tx
    .select({ email: governorBulletinUnsubscribes.email })
    .from(governorBulletinUnsubscribes);
  return new Set(rows.map((r) => r.email));
}

async function workspaceBySlug(db: Db, slug: string) {
  const [tenant] = await withPlatform(db, (tx) =>
    tx
      .select({ id: tenants.id, name: tenants.name, modules: tenants.modules })
      .from(tenants)
      .where(eq(tenants.slug, slug)),
  );
  return tenant && tenant.modules.includes('governance') ? tenant : null;
}

/**
 * What the link in a bulletin's footer stands for: the address, the workspace and whether the address gets its
 * bulletins now. Only reads: opening the link (as a mail scanner does) changes nothing. Null when the link is
 * not valid.
 */
export async function bulletinSubscriptionByLink(
  db: Db,
  input: { slug: string; token: string },
): Promise<{ workspaceName: string; email: string; subscribed: boolean } | null> {
  const tenant = await workspaceBySlug(db, input.slug);
  const email = tenant ? addressOfToken(tenant.id, input.token) : null;
  if (!tenant || !email) return null;
  const unsubscribed = await withTenant(db, tenant.id, (tx) =>
    tx
      .select({ email: governorBulletinUnsubscribes.email })
      .from(governorBulletinUnsubscribes)
      .where(eq(governorBulletinUnsubscribes.email, email)),
  );
  return { workspaceName: tenant.name, email, subscribed: unsubscribed.length === 0 };
}

/**
 * One click from the email: records that the address wants no more bulletins from the workspace (once; a
 * second click changes nothing), or with `subscribe` takes it back. Null when the link is not valid.
 */
export async function setBulletinSubscriptionByLink(
  db: Db,
  input: { slug: string; token: string; subscribe?: boolean },
): Promise<{ workspaceName: string; email: string; subscribed: boolean } | null> {
  const tenant = await workspaceBySlug(db, input.slug);
  const email = tenant ? addressOfToken(tenant.id, input.token) : null;
  if (!tenant || !email) return null;
  await runInTenant(
    db,
    {
      tenantId: tenant.id,
      action: input.subscribe ? 'governance.bulletinResubscribe' : 'governance.bulletinUnsubscribe',
      actor: { label: 'link:governor-bulletin' },
      input: {},
      auditedResult: () => ({}),
    },
    async (tx) => {
      if (input.subscribe)
        await tx
          .delete(governorBulletinUnsubscribes)
          .where(
            and(
              eq(governorBulletinUnsubscribes.tenantId, tenant.id),
              eq(governorBulletinUnsubscribes.email, email),
            ),
          );
      else
        await tx
          .insert(governorBulletinUnsubscribes)
          .values({ tenantId: tenant.id, email })
          .onConflictDoNothing();
    },
  );
  return { workspaceName: tenant.name, email, subscribed: Boolean(input.subscribe) };
}
