import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { sessionUserFrom } from '~/server/auth/session';

const secret = 'unit-test-secret-0123456789-abcdefghijklmnop';
const claims = { sub: 'user-1', name: 'Ada Adviser', email: 'ada@example.org', isSuperadmin: false };
const tokenOf = (token: Record<string, unknown>, maxAge?: number) => encode({ secret, token, maxAge });

describe('session cookie', () => {
  it('reads the user from the cookie next-auth writes', async () => {
    const value = await tokenOf(claims);
    const user = await sessionUserFrom([{ name: 'next-auth.session-token', value }], {
      secure: false,
      secret,
    });
    expect(user).toEqual({
      id: 'user-1',
      email: 'ada@example.org',
      name: 'Ada Adviser',
      isSuperadmin: false,
    });
  });

  it('keeps a platform administrator as one', async () => {
    const value = await tokenOf({ ...claims, isSuperadmin: true });
    const user = await sessionUserFrom([{ name: 'next-auth.session-token', value }], {
      secure: false,
      secret,
    });
    expect(user?.isSuperadmin).toBe(true);
  });

  it('joins a cookie split into chunks, in their order', async () => {
    const value = await tokenOf(claims);
    const cookies = [
      { name: 'next-auth.session-token.1', value: value.slice(100) },
      { name: 'other', value: 'x' },
      { name: 'next-auth.session-token.0', value: value.slice(0, 100) },
    ];
    expect((await sessionUserFrom(cookies, { secure: false, secret }))?.id).toBe('user-1');
  });

  it('over https reads only the __Secure- cookie', async () => {
    const value = await tokenOf(claims);
    expect(
      await sessionUserFrom([{ name: 'next-auth.session-token', value }], { secure: true, secret }),
    ).toBeNull();
    const user = await sessionUserFrom([{ name: '__Secure-next-auth.session-token', value }], {
      secure: true,
      secret,
    });
    expect(user?.id).toBe('user-1');
  });

  it('refuses a tampered, foreign or expired cookie, and no cookie', async () => {
    const value = await tokenOf(claims);
    const tampered = `${value.slice(0, -4)}AAAA`;
    const foreign = await encode({ secret: 'another-secret-another-secret-another-secret', token: claims });
    const expired = await tokenOf(claims, -60);
    for (const v of [tampered, foreign, expired, 'not-a-jwt'])
      expect(
        await sessionUserFrom([{ name: 'next-auth.session-token', value: v }], { secure: false, secret }),
      ).toBeNull();
    expect(await sessionUserFrom([], { secure: false, secret })).toBeNull();
  });

  it('refuses a token without a user id or email', async () => {
    const value = await tokenOf({ name: 'Nobody' });
    expect(
      await sessionUserFrom([{ name: 'next-auth.session-token', value }], { secure: false, secret }),
    ).toBeNull();
  });
});
