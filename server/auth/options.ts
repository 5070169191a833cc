import { eq } from 'drizzle-orm';
import type { NextAuthOptions } from 'next-auth';
import AzureADProvider from 'next-auth/providers/azure-ad';
import CredentialsProvider from 'next-auth/providers/credentials';
import EmailProvider from 'next-auth/providers/email';
import GoogleProvider from 'next-auth/providers/google';
import { withPlatform } from '~/db/client';
import { users } from '~/db/schema';
import { renderMagicLinkEmail } from '~/emails/magic-link';
import { getDatabase } from '../database';
import { sendEmail } from '../email/send-email';
import { env, isDevelopment } from '../env';
import { strideAdapter } from './adapter';

const getDb = async () => (await getDatabase()).db;

async function findUserByEmail(email: string) {
  const db = await getDb();
  return withPlatform(db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
    return user;
  });
}

function providers(): NextAuthOptions['providers'] {
  const e = env();
  const list: NextAuthOptions['providers'] = [
    EmailProvider({
      from: e.EMAIL_FROM,
      maxAge: 24 * 60 * 60,
      // Our own delivery: SMTP when configured, else the development outbox.
      async sendVerificationRequest({ identifier, url }) {
        const { host } = new URL(url);
        const message = await renderMagicLinkEmail({ url, host });
        await sendEmail(await getDb(), { to: identifier, ...message });
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
  if (isDevelopment) {
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
    demo: isDevelopment,
  };
}

export function authOptions(): NextAuthOptions {
  const e = env();
  return {
    adapter: strideAdapter(getDb),
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    // A fixed secret is fine for local development only; env() insists on a real one in production.
    secret: e.NEXTAUTH_SECRET ?? 'stride-development-secret-not-for-production',
    providers: providers(),
    pages: { signIn: '/signin', verifyRequest: '/signin/check-email', error: '/signin' },
    callbacks: {
      /** Only people a workspace has provisioned may sign in, by any method. */
      async signIn({ user, email }) {
        if (email?.verificationRequest) {
          // Answer the same way whether or not the address is known, so the form does not reveal who has an account.
          return (await findUserByEmail(user.email ?? '')) ? true : '/signin/check-email';
        }
        return Boolean(user.email && (await findUserByEmail(user.email)));
      },
      async jwt({ token, user }) {
        if (user?.email) {
          const row = await findUserByEmail(user.email);
          if (row) {
            token.sub = row.id;
            token.name = row.name;
            token.email = row.email;
            token.isSuperadmin = row.isSuperadmin;
          }
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
