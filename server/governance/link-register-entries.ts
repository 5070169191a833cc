import { and, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { governors } from '~/db/schema';

/**
 * Links every governing-board register entry in the workspace whose email is the person's (any case) to their
 * account, so a governor or clerk recorded before they had an account sees their own record, their training and,
 * as chair or clerk, their board as soon as they join. Runs inside the joining workspace's transaction: row-level
 * security keeps it to that workspace. Returns how many entries it linked.
 */
export async function linkRegisterEntries(
  tx: Tx,
  input: { tenantId: string; userId: string; email: string },
): Promise<number> {
  const email = input.email.trim().toLowerCase();
  if (!email) return 0;
  const linked = await tx
    .update(governors)
    .set({ userId: input.userId, updatedAt: sql`now()` })
    .where(
      and(
        eq(governors.tenantId, input.tenantId),
        sql`lower(${governors.email}) = ${email}`,
        or(isNull(governors.userId), ne(governors.userId, input.userId)),
      ),
    )
    .returning({ id: governors.id });
  return linked.length;
}
