import { describe, expect, it } from 'vitest';
import { renderCourseEmail } from '~/server/courses/course-emails';

const course = {
  title: 'Phonics network',
  venue: 'Harrow Teachers’ Centre',
  joiningLink: '',
  format: 'in_person' as const,
};
const sessions = [{ title: 'Network', on: '2026-10-26', startTime: '16:00', endTime: '17:30' }];

describe('course emails', () => {
  it('fills each delegate’s name and link into the rendered email, escaped in the HTML, with a plain-text part', async () => {
    const one = await renderCourseEmail({
      kind: 'confirmed',
      course,
      sessions,
      booking: { delegateName: 'Siobhán O’Brien & <Co>', delegateEmail: 's@x.example' },
      url: 'https://stride.example/courses/hsip/place/abc',
      providerName: 'HSIP',
    });
    const two = await renderCourseEmail({
      kind: 'confirmed',
      course,
      sessions,
      booking: { delegateName: 'Tom Briggs', delegateEmail: 't@x.example' },
      url: 'https://stride.example/courses/hsip/place/def',
      providerName: 'HSIP',
    });
    expect(one.to).toBe('s@x.example');
    expect(one.text).toContain('Siobhán O’Brien & <Co>');
    expect(one.text).toContain('https://stride.example/courses/hsip/place/abc/calendar');
    expect(one.html).toContain('Siobhán O’Brien &amp; &lt;Co&gt;');
    expect(one.html).toContain('href="https://stride.example/courses/hsip/place/abc"');
    expect(two.text).toContain('Tom Briggs');
    expect(two.text).not.toContain('abc');
    expect(two.text).toContain('Mon, 26 October 2026, 16:00–17:30: Network');
    expect(one.text).not.toMatch(/XX/);
  });
});
