import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { requestedAddressHeader, signInAddress } from '~/app/_lib/sign-in-address';
import { proxy } from '~/proxy';

/** Where the proxy sends a catalogue address (the rewrite Next applies), and the filters its key stands for. */
function rewriteOf(address: string) {
  const target = proxy(new NextRequest(`http://stride.test${address}`)).headers.get('x-middleware-rewrite');
  const path = new URL(target ?? 'http://none').pathname;
  const key = path.split('/').pop() ?? '';
  return { path, filters: key === 'all' ? '' : Buffer.from(key, 'base64url').toString() };
}

describe('the catalogue proxy: one cache key per workspace and set of filters', () => {
  it('puts the filters in a fixed order, trims them and drops empty ones and page 1', () => {
    const a = rewriteOf('/courses/hsip?subject=Maths&q=%20fractions%20%20ks2%20&audience=&page=1');
    const b = rewriteOf('/courses/hsip?q=fractions+ks2&subject=Maths');
    expect(a).toEqual(b);
    expect(a.path.startsWith('/courses/hsip/list/')).toBe(true);
    expect(a.filters).toBe('q=fractions+ks2&subject=Maths');
  });

  it('sends an address with no filter left to the page `all`, and keeps workspaces apart', () => {
    expect(rewriteOf('/courses/hsip?q=&page=1').path).toBe('/courses/hsip/list/all');
    expect(rewriteOf('/courses/barnet?page=2').path).not.toBe(rewriteOf('/courses/hsip?page=2').path);
    expect(rewriteOf('/courses/hsip?page=2&utm_source=news').filters).toBe('page=2');
  });
});

describe('a signed-out visit to a workspace page comes back to it after signing in', () => {
  it('passes the page asked for on to the layout, which sends the visitor to sign in with it', () => {
    const response = proxy(new NextRequest('http://stride.test/hsip/invoices/7c1f0b1e?from=email'));
    expect(response.headers.get('x-middleware-rewrite')).toBeNull();
    expect(response.headers.get(`x-middleware-request-${requestedAddressHeader}`)).toBe(
      '/hsip/invoices/7c1f0b1e?from=email',
    );
    expect(signInAddress('hsip', '/hsip/invoices/7c1f0b1e?from=email')).toBe(
      `/signin?callbackUrl=${encodeURIComponent('/hsip/invoices/7c1f0b1e?from=email')}`,
    );
  });

  it('keeps only an address inside that workspace, else the dashboard', () => {
    const dashboard = `/signin?callbackUrl=${encodeURIComponent('/hsip')}`;
    expect(signInAddress('hsip', null)).toBe(dashboard);
    expect(signInAddress('hsip', '/barnet/invoices')).toBe(dashboard);
    expect(signInAddress('hsip', '/hsipx/invoices')).toBe(dashboard);
    expect(signInAddress('hsip', '//evil.example/hsip')).toBe(dashboard);
    expect(signInAddress('hsip', '/hsip')).toBe(dashboard);
  });
});
