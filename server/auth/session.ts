import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import type { SessionUser } from '../trpc';
import { authSecret } from './options';

type Cookie = { name: string; value: string };

/**
 * The signed-in user for this request, or null. Sessions are JWTs (see authOptions): this reads the cookie
 * next-auth wrote at sign-in and decrypts it, checking its expiry, which is all getServerSession does for a JWT
 * session; it skips building next-auth's handler (options, providers, a re-encrypted cookie that a server
 * component cannot set anyway) on every page and call.
 */
export async function getSessionUser(appUrl: string): Promise<SessionUser | null> {
  return sessionUserFrom((await cookies()).getAll(), {
    secure: appUrl.startsWith('https://'),
    secret: authSecret(),
  });
}

/**
 * The user in a session cookie: next-auth names it with the `__Secure-` prefix when the app is served over https,
 * and splits a long one into `.0`, `.1`, … chunks. A cookie that is tampered with, made with another secret or
 * expired gives null, as getServerSession does.
 */
export async function sessionUserFrom(
  all: readonly Cookie[],
  options: { secure: boolean; secret: string },
): Promise<SessionUser | null> {
  const name = `${options.secure ? '__Secure-' : ''}next-auth.session-token`;
  const suffix = (cookie: Cookie) => (cookie.name === name ? 0 : Number(cookie.name.slice(name.length + 1)));
  const parts = all
    .filter(
      (c) =>
        c.name === name || (c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1))),
    )
    .sort((a, b) => suffix(a) - suffix(b));
  if (parts.length === 0) return null;
  const token = await decode({ token: parts.map((c) => c.value).join(''), secret: options.secret }).catch(
    () => null,
  );
  if (!token?.sub || !token.email) return null;
  return {
    id: token.sub,
    email: token.email,
    name: token.name ?? token.email,
    isSuperadmin: token.isSuperadmin === true,
  };
}
