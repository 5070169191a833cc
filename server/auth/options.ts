import { eq, isNull } from 'drizzle-orm';
import type { NextAuthOptions } from 'next-auth';
import AzureADProvider from 'next-auth/providers/azure-ad';
import CredentialsProvider from 'next-auth/providers/credentials';
import EmailProvider from 'next-auth/providers/email';
import GoogleProvider from 'next-auth/providers/google';
import { withPlatform, withUser } from '~/db/client';
import { memberships, tenants, users } from '~/db/schema';
import { getDatabase } from '../database';
import { devToolsEnabled, env } from '../env';
import { strideAdapter } from './adapter';
import { sendSignInLink } from './sign-in-link';

const getDb = async () => (await getDatabase()).db;

async function findUserByEmail(email: string) {
  const db = await getDb();
  return withPlatform(db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
    return user;
  });
}

async function findUserById(id: string) {
  const db = await getDb();
  return withPlatform(db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
    return user;
  });
}

/**
 * True when every workspace the user belongs to is suspended (and they are no platform administrator):
 * signing in would lead nowhere, so sign-in says so plainly instead.
 */
async function onlySuspendedWorkspaces(user: { id: string; isSuperadmin: boolean }): Promise<boolean> {
  if (user.isSuperadmin) return false;
  const rows = await withUser(await getDb(), user.id, (tx) =>
    tx
      .select({ suspended: isNull(tenants.suspendedAt) })
      .from(memberships)
      .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
      .where(eq(memberships.userId, user.id)),
  );
  return rows.length > 0 && rows.every((r) => r.suspended === false);
}

const signInLinkLifetimeSeconds = 24 * 60 * 60;

function providers(): NextAuthOptions['providers'] {
  const e = env();
  const list: NextAuthOptions['providers'] = [
    EmailProvider({
      from: e.EMAIL_FROM,
      maxAge: signInLinkLifetimeSeconds,
      // Our own delivery (SMTP when configured, else the development outbox), limited per address.
      async sendVerificationRequest({ identifier, url }) {
        await sendSignInLink(await getDb(), {
          identifier,
          url,
          now: new Date(),
          linkLifetimeSeconds: signInLinkLifetimeSeconds,
        });
      },
    }),
  ];
  if (e.AZURE_AD_CLIENT_ID && e.AZURE_AD_CLIENT_SECRET && e.AZURE_AD_TENANT_ID) {
    list.push(
      AzureADProvider({
        clientId: e.AZURE_AD_CLIENT_ID,
        clientSecret: e.AZURE_AD_CLIENT_SECRET,
        tenantId: e.AZURE_AD_TENANT_ID,
        // Users are provisioned by their workspace; the email proves it is them.
        allowDangerousEmailAccountLinking: true,
      }),
    );
  }
  if (e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET) {
    list.push(
      GoogleProvider({
        clientId: e.GOOGLE_CLIENT_ID,
        clientSecret: e.GOOGLE_CLIENT_SECRET,
        allowDangerousEmailAccountLinking: true,
      }),
    );
  }
  if (devToolsEnabled()) {
    // Development only: sign in as a seeded user without email. Absent from production builds.
    list.push(
      CredentialsProvider({
        id: 'demo',
        name: 'Demo user',
        credentials: { email: { label: 'Email', type: 'email' } },
        async authorize(credentials) {
          const user = credentials?.email ? await findUserByEmail(credentials.email) : undefined;
          return user ? { id: user.id, email: user.email, name: user.name } : null;
        },
      }),
    );
  }
  return list;
}

/** Which sign-in methods are switched on, for the sign-in page. */
export function signInMethods() {
  const e = env();
  return {
    microsoft: Boolean(e.AZURE_AD_CLIENT_ID && e.AZURE_AD_CLIENT_SECRET && e.AZURE_AD_TENANT_ID),
    google: Boolean(e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET),
    demo: devToolsEnabled(),
  };
}

/** The key sessions are encrypted with. A fixed one is fine for local development only: env() insists on a real one in production. */
export function authSecret(): string {
  return env().NEXTAUTH_SECRET ?? 'stride-development-secret-not-for-production';
}

export function authOptions(): NextAuthOptions {
  return {
    adapter: strideAdapter(getDb),
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    secret: authSecret(),
    providers: providers(),
    pages: { signIn: '/signin', verifyRequest: '/signin/check-email', error: '/signin' },
    callbacks: {
      /**
       * Anyone who proves their address (the emailed link, or Microsoft / Google) may sign in: an account is
       * made when the link is first opened. With no membership they see no workspace, only how to ask to join
       * one or accept an invitation. The form answers the same way for every address. A person whose every
       * workspace is suspended is told so instead of being signed in.
       */
      async signIn({ user, email }) {
        if (!user.email) return false;
        const known = await findUserByEmail(user.email);
        // The link is sent either way (the form reveals nothing); opening it leads to the suspended page.
        if (!email?.verificationRequest && known && (await onlySuspendedWorkspaces(known)))
          return '/suspended';
        return true;
      },
      async jwt({ token, user, trigger }) {
        // Signing in, or the browser asking for its session to be re-read after the person named themselves
        // (accepting an invitation, asking to join) or changed their sign-in address: taken from the account,
        // by address at sign-in and by the account's id afterwards (the address may have changed), never from
        // what the browser sent.
        const fromSignIn = user?.email ? await findUserByEmail(user.email) : undefined;
        const row =
          fromSignIn ?? (trigger === 'update' && token.sub ? await findUserById(token.sub) : undefined);
        if (row) {
          token.sub = row.id;
          token.name = row.name;
          token.email = row.email;
          token.isSuperadmin = row.isSuperadmin;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) {
          session.user.id = token.sub;
          session.user.isSuperadmin = token.isSuperadmin === true;
        }
        return session;
      },
    },
  };
}
