import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SiteHeader } from '~/app/_components/site-header';
import { hasOwnName, placeholderName, shownName } from '~/server/format/person-name';

describe('how a signed-in person is named', () => {
  it('shows the name a person gave', () => {
    expect(shownName({ name: 'Stride Platform Admin', email: 'platform@stride.example' })).toBe(
      'Stride Platform Admin',
    );
    expect(hasOwnName({ name: 'Hana Head', email: 'head@school.example' })).toBe(true);
  });

  it('shows the address while the name is only a stand-in made from it', () => {
    // A platform administrator from PLATFORM_ADMIN_EMAILS, or an invited person not yet accepted.
    expect(placeholderName('platform@stride.example')).toBe('platform');
    expect(shownName({ name: 'platform', email: 'platform@stride.example' })).toBe('platform@stride.example');
    // An account made at first sign-in is named with the whole address.
    expect(shownName({ name: 'jo@school.example', email: 'jo@school.example' })).toBe('jo@school.example');
    expect(shownName({ name: '  ', email: 'jo@school.example' })).toBe('jo@school.example');
    expect(shownName({ name: null, email: 'jo@school.example' })).toBe('jo@school.example');
    expect(hasOwnName({ name: 'platform', email: 'platform@stride.example' })).toBe(false);
  });
});

describe('the header', () => {
  const header = (name: string, isSuperadmin: boolean) =>
    renderToStaticMarkup(
      createElement(SiteHeader, { user: { id: 'u1', email: 'platform@stride.example', name, isSuperadmin } }),
    );

  // The name is the link to their own account (/account).
  const signedInAs = (shown: string) =>
    new RegExp(
      `Signed in as <a [^>]*href="/account"[^>]*>${shown}<span class="sr-only"> \\(your account\\)</span></a>`,
    );

  it('names a platform administrator by their address until they have a name, as anyone else', () => {
    expect(header('platform', true)).toMatch(signedInAs('platform@stride.example'));
    expect(header('platform', false)).toMatch(signedInAs('platform@stride.example'));
    expect(header('Stride Platform Admin', true)).toMatch(signedInAs('Stride Platform Admin'));
  });
});
