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

  it('names a platform administrator by their address until they have a name, as anyone else', () => {
    expect(header('platform', true)).toContain('Signed in as <strong>platform@stride.example</strong>');
    expect(header('platform', false)).toContain('Signed in as <strong>platform@stride.example</strong>');
    expect(header('Stride Platform Admin', true)).toContain(
      'Signed in as <strong>Stride Platform Admin</strong>',
    );
  });
});
