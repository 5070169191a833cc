import type { Db } from '~/db/client';
import { DomainError } from '~/server/errors/domain-error';
import { runInTenant } from '../unit-of-work/run-in-tenant';
import { claimOffer, findOffer } from './claim-offer';
import { withPublicCourses } from './public-tenant';

/**
 * A claim from the link in a waiting-list offer, signed in or not: the link is the credential. Runs as one
 * unit of work in the workspace, audited as the person who put the delegate on the waiting list. A school
 * closed since the offer is refused after the offer has passed on (claimOffer).
 */
export async function claimByLink(db: Db, input: { slug: string; token: string; appUrl: string }) {
  const found = await withPublicCourses(db, input.slug, async (tx, tenant) => ({
    tenant,
    entry: await findOffer(tx, input.token),
  }));
  const { tenant, entry } = found;
  const auditUser = entry?.delegateUserId ?? entry?.addedByUserId;
  if (!entry || !auditUser) throw new DomainError({ code: 'NOT_FOUND', message: 'This link is not valid.' });
  const claimed = await runInTenant(
    db,
    {
      tenantId: tenant.id,
      action: 'courses.claimOffer',
      actor: { userId: auditUser },
      input: { entryId: entry.id },
    },
    (tx) =>
      claimOffer(tx, {
        token: input.token,
        now: new Date(),
        tenantId: tenant.id,
        laCodes: tenant.laCodes,
        appUrl: input.appUrl,
        slug: tenant.slug,
        providerName: tenant.name,
      }),
  );
  // The offer ended (the school closed since): committed above, the place passed on; the claim is refused.
  if (claimed.refused !== null)
    throw new DomainError({ code: 'PRECONDITION_FAILED', message: claimed.refused });
  return claimed;
}
