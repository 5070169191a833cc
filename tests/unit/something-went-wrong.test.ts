import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import GlobalError from '~/app/global-error';
import WorkspacePageError from '~/app/[tenant]/error';

describe('the page shown when something unforeseen fails', () => {
  const failure = Object.assign(new Error('relation "secret_table" does not exist'), {
    digest: '4242424242',
  });

  it('says so plainly with a way to try again and a reference, never the error’s own text', () => {
    const page = renderToStaticMarkup(createElement(WorkspacePageError, { error: failure, reset: () => {} }));
    expect(page).toContain('<h1 class="text-3xl font-bold">Sorry, something went wrong</h1>');
    expect(page).toMatch(/<button[^>]*>Try again<\/button>/);
    expect(page).toContain('href="/start"');
    expect(page).toContain('<code class="rounded bg-slate-100 px-1 font-mono">4242424242</code>');
    expect(page).not.toContain('secret_table');
  });

  it('brings its own document, in English (UK), when even the root layout failed', () => {
    const page = renderToStaticMarkup(
      createElement(GlobalError, { error: new Error('boom'), reset: () => {} }),
    );
    expect(page).toMatch(/^<html lang="en-GB">/);
    expect(page).toContain('Sorry, something went wrong');
    // No digest (an error in the browser has none): no reference line to quote.
    expect(page).not.toContain('reference');
  });
});
