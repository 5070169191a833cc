import { and, eq } from 'drizzle-orm';
import type { Adapter, AdapterAccount, AdapterUser } from 'next-auth/adapters';
import { withPlatform, type Db } from '~/db/client';
import { accounts, users, verificationTokens } from '~/db/schema';

type UserRow = typeof users.$inferSelect;

const toAdapterUser = (u: UserRow): AdapterUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  emailVerified: u.emailVerified,
});

/**
 * next-auth's storage for users, OAuth accounts and magic-link tokens, on our own platform tables.
 * Sessions are JWTs, so no session table. Invitations make users ahead of sign-in; createUser makes the
 * account of anyone else when they first open their emailed link (or first use Microsoft / Google): with no
 * membership such a person sees no workspace until they accept an invitation or a school approves them.
 */
export function strideAdapter(getDb: () => Promise<Db>): Adapter {
  const run = async <T>(fn: Parameters<typeof withPlatform<T>>[1]) => withPlatform(await getDb(), fn);
  return {
    async createUser(user: Omit<AdapterUser, 'id'>) {
      const [row] = await run((tx) =>
        tx
          .insert(users)
          .values({
            email: user.email.toLowerCase(),
            name: user.name ?? user.email,
            emailVerified: user.emailVerified,
          })
          .returning(),
      );
      if (!row) throw new Error('could not create user');
      return toAdapterUser(row);
    },
    async getUser(id) {
      const [row] = await run((tx) => tx.select().from(users).where(eq(users.id, id)));
      return row ? toAdapterUser(row) : null;
    },
    async getUserByEmail(email) {
      const [row] = await run((tx) => tx.select().from(users).where(eq(users.email, email.toLowerCase())));
      return row ? toAdapterUser(row) : null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const [row] = await run((tx) =>
        tx
          .select({ user: users })
          .from(accounts)
          .innerJoin(users, eq(users.id, accounts.userId))
          .where(and(eq(accounts.provider, provider), eq(accounts.providerAccountId, providerAccountId))),
      );
      return row ? toAdapterUser(row.user) : null;
    },
    async updateUser(user) {
      const [row] = await run((tx) =>
        tx
          .update(users)
          .set({ emailVerified: user.emailVerified ?? undefined })
          .where(eq(users.id, user.id))
          .returning(),
      );
      if (!row) throw new Error('user not found');
      return toAdapterUser(row);
    },
    async linkAccount(account: AdapterAccount) {
      await run((tx) =>
        tx.insert(accounts).values({
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          refreshToken: account.refresh_token,
          accessToken: account.access_token,
          expiresAt: account.expires_at,
          tokenType: account.token_type,
          scope: account.scope,
          idToken: account.id_token,
          sessionState: typeof account.session_state === 'string' ? account.session_state : undefined,
        }),
      );
    },
    async createVerificationToken(token) {
      await run((tx) => tx.insert(verificationTokens).values(token));
      return token;
    },
    async useVerificationToken({ identifier, token }) {
      // Delete-and-return makes each link single-use even if clicked twice at once.
      const [row] = await run((tx) =>
        tx
          .delete(verificationTokens)
          .where(and(eq(verificationTokens.identifier, identifier), eq(verificationTokens.token, token)))
          .returning(),
      );
      return row ?? null;
    },
  };
}
