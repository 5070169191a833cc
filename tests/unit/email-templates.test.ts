import { describe, expect, it } from 'vitest';
import { emailOf, prepareEmail, renderEmail } from '~/server/email/templates';

describe('email templates', () => {
  it('checks props when an email is queued and works out its subject there, without rendering', () => {
    const queued = prepareEmail({
      to: 'head@school.example',
      ...emailOf('governor-term-ending', {
        workspaceName: 'Barnet',
        schoolName: 'Coppetts Wood',
        governors: [
          { name: 'Tess Term', role: 'Chair', schoolName: 'Coppetts Wood', termEndsOn: '1 May 2027' },
        ],
        url: 'https://stride.example/barnet/governance',
      }),
    });
    expect(queued).toMatchObject({
      template: 'governor-term-ending',
      subject: '1 governor’s term of office ending soon — Coppetts Wood',
    });
    expect(() =>
      prepareEmail({
        to: 'head@school.example',
        template: 'magic-link',
        props: { url: 'https://stride.example' } as { url: string; host: string },
      }),
    ).toThrow();
  });

  it('renders a stored email from its template at delivery, and refuses a template it does not know or props that no longer fit', async () => {
    const rendered = await renderEmail('magic-link', {
      url: 'https://stride.example/x',
      host: 'stride.example',
    });
    expect(rendered.subject).toBe('Your sign-in link for Stride');
    expect(rendered.text).toContain('https://stride.example/x');
    expect(rendered.html).toContain('<html');
    await expect(renderEmail('no-such-email', {})).rejects.toThrow(/no email template/);
    await expect(renderEmail('toString', {})).rejects.toThrow(/no email template/);
    await expect(renderEmail('magic-link', { url: 1 })).rejects.toThrow();
  });
});
