import { describe, expect, it } from 'vitest';
import { courseEmail } from '~/server/courses/course-emails';
import { prepareEmail, renderEmail } from '~/server/email/templates';

const course = {
  title: 'Phonics network',
  venue: 'Harrow Teachers’ Centre',
  joiningLink: '',
  format: 'in_person' as const,
};
const sessions = [{ title: 'Network', on: '2026-10-26', startTime: '16:00', endTime: '17:30' }];

describe('course emails', () => {
  it('queues the course template with each delegate’s name and link; rendered later, escaped in the HTML, with a plain-text part', async () => {
    const one = courseEmail({
      kind: 'confirmed',
      course,
      sessions,
      booking: { delegateName: 'Siobhán O’Brien & <Co>', delegateEmail: 's@x.example' },
      url: 'https://stride.example/courses/hsip/place/abc',
      providerName: 'HSIP',
    });
    expect(one).toMatchObject({ to: 's@x.example', template: 'course' });
    const queued = prepareEmail(one);
    expect(queued.subject).toBe('Place confirmed: Phonics network');
    const rendered = await renderEmail(queued.template, JSON.parse(JSON.stringify(queued.props)));
    expect(rendered.text).toContain('Siobhán O’Brien & <Co>');
    expect(rendered.text).toContain('https://stride.example/courses/hsip/place/abc/calendar');
    expect(rendered.text).toContain('Mon, 26 October 2026, 16:00–17:30: Network');
    expect(rendered.html).toContain('Siobhán O’Brien &amp; &lt;Co&gt;');
    expect(rendered.html).toContain('href="https://stride.example/courses/hsip/place/abc"');

    const waitlisted = prepareEmail(
      courseEmail({
        kind: 'waitlisted',
        course,
        sessions,
        booking: { delegateName: 'Tom Briggs', delegateEmail: 't@x.example' },
        providerName: 'HSIP',
      }),
    );
    const text = (await renderEmail('course', waitlisted.props)).text;
    expect(text).toContain('Tom Briggs');
    expect(text).not.toContain('See your place');
  });
});
