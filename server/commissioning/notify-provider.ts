import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { memberships, tenants, users } from '~/db/schema';
import { queueEmail } from '../email/send-email';
import { emailOf } from '../email/templates';
import { onCommit } from '../unit-of-work/on-commit';
import { runInTenant } from '../unit-of-work/run-in-tenant';

/**
 * Tells a provider's managers what a commissioning LA did to their contract (commissioned them, added a school),
 * once the LA's change has committed. The email is written in the provider's own workspace, as its own unit of
 * work: the LA's transaction never touches the provider's rows (the contract is their only link). A failure is
 * logged, and the contract stands; the provider sees it on its Commissioning page whatever happens.
 */
export function notifyProviderOnCommit(
  tx: Tx,
  input: {
    providerTenantId: string;
    contractId: string;
    appUrl: string;
    subject: string;
    heading: string;
    paragraphs: string[];
  },
): void {
  onCommit(tx, (db) =>
    runInTenant(
      db,
      {
        tenantId: input.providerTenantId,
        action: 'commissioning.notifyProvider',
        actor: { label: 'Commissioning' },
        input: { contractId: input.contractId },
      },
      async (ptx) => {
        const [provider] = await ptx
          .select({ slug: tenants.slug })
          .from(tenants)
          .where(eq(tenants.id, input.providerTenantId));
        const managers = await ptx
          .select({ email: users.email, name: users.name })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(eq(memberships.tenantId, input.providerTenantId), eq(memberships.role, 'tenant_admin')))
          .orderBy(asc(users.email));
        for (const manager of managers)
          await queueEmail(ptx, {
            to: manager.email,
            ...emailOf('notice', {
              subject: input.subject,
              heading: input.heading,
              recipientName: manager.name,
              paragraphs: input.paragraphs,
              action: {
                label: 'Open the contract',
                url: `${input.appUrl}/${provider?.slug ?? ''}/commissioning/${input.contractId}`,
              },
            }),
          });
        return { contractId: input.contractId, notified: managers.length };
      },
    ).then(() => undefined),
  );
}
