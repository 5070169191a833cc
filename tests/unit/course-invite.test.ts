import { describe, expect, it } from 'vitest';
import { courseInvite } from '~/server/courses/course-invite';
import { londonToUtc } from '~/server/courses/london-time';

const course = {
  id: 'c1',
  title: 'Phonics network',
  venue: 'Harrow Teachers’ Centre',
  joiningLink: '',
  format: 'in_person' as const,
  status: 'published' as const,
};

describe('calendar invites across the October clock change', () => {
  it('puts 09:30 London at 08:30Z before the change (BST) and 09:30Z after it (GMT)', () => {
    // The clocks go back at 02:00 BST on Sunday 25 October 2026.
    const before = {
      id: 's1',
      title: 'Day 1',
      startsAt: londonToUtc('2026-10-23', '09:30'),
      endsAt: londonToUtc('2026-10-23', '12:00'),
    };
    const after = {
      id: 's2',
      title: 'Day 2',
      startsAt: londonToUtc('2026-10-26', '09:30'),
      endsAt: londonToUtc('2026-10-26', '12:00'),
    };
    const ics = courseInvite({ course, sessions: [before, after], providerName: 'HSIP', sequence: 3 });
    expect(ics).toContain('DTSTART:20261023T083000Z');
    expect(ics).toContain('DTEND:20261023T110000Z');
    expect(ics).toContain('DTSTART:20261026T093000Z');
    expect(ics).toContain('DTEND:20261026T120000Z');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('UID:course-session-s1@stride');
    expect(ics).toContain('SEQUENCE:3');
    expect(ics).toContain('LOCATION:Harrow Teachers’ Centre');
  });

  it('handles the spring change too, and a cancelled course cancels its events', () => {
    // Clocks go forward on Sunday 29 March 2026.
    expect(londonToUtc('2026-03-27', '16:00').toISOString()).toBe('2026-03-27T16:00:00.000Z');
    expect(londonToUtc('2026-03-30', '16:00').toISOString()).toBe('2026-03-30T15:00:00.000Z');
    const ics = courseInvite({
      course: { ...course, status: 'cancelled' },
      sessions: [
        {
          id: 's3',
          title: 'Twilight',
          startsAt: londonToUtc('2026-03-30', '16:00'),
          endsAt: londonToUtc('2026-03-30', '17:30'),
        },
      ],
      providerName: 'HSIP',
      sequence: 4,
    });
    expect(ics).toContain('DTSTART:20260330T150000Z');
    expect(ics).toContain('STATUS:CANCELLED');
  });
});
