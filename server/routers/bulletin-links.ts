import { z } from 'zod';
import {
  bulletinSubscriptionByLink,
  setBulletinSubscriptionByLink,
} from '../governance/bulletin-unsubscribe';
import { DomainError } from '../errors/domain-error';
import { emailedLinkProcedure, publicProcedure, router } from '../trpc';

/** A governor bulletin's footer link: the workspace's slug and the token signed for one address. */
const ZBulletinLink = z.object({
  tenant: z.string().trim().min(1).max(60),
  token: z.string().min(1).max(600),
});

const orNotValid = <T>(found: T | null): T => {
  if (!found)
    throw new DomainError({
      code: 'NOT_FOUND',
      message: 'This link is not valid. Use the link at the foot of the latest bulletin.',
    });
  return found;
};

/**
 * The link at the foot of every governor bulletin, with no sign-in: the token is signed for one address in one
 * workspace. Opening it only reads (mail scanners open links); unsubscribing takes a button or the mail
 * client's one-click POST.
 */
export const bulletinLinksRouter = router({
  /** The address, the workspace and whether the address gets its bulletins now. */
  status: publicProcedure
    .input(ZBulletinLink)
    .query(async ({ ctx, input }) =>
      orNotValid(await bulletinSubscriptionByLink(ctx.db, { slug: input.tenant, token: input.token })),
    ),
  /** No more bulletins from this workspace to this address (a repeat changes nothing). */
  unsubscribe: emailedLinkProcedure
    .input(ZBulletinLink)
    .mutation(async ({ ctx, input }) =>
      orNotValid(await setBulletinSubscriptionByLink(ctx.db, { slug: input.tenant, token: input.token })),
    ),
  /** Takes an unsubscribe back. */
  subscribe: emailedLinkProcedure.input(ZBulletinLink).mutation(async ({ ctx, input }) =>
    orNotValid(
      await setBulletinSubscriptionByLink(ctx.db, {
        slug: input.tenant,
        token: input.token,
        subscribe: true,
      }),
    ),
  ),
});
