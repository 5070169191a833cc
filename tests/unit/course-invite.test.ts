import { describe, expect, it } from 'vitest';
import { courseInvite, inviteSequence, sessionEventUid } from '~/server/courses/course-invite';
import { courseEmail } from '~/server/courses/course-emails';
import { londonToUtc } from '~/server/courses/london-time';

const course = {
  id: 'c1',
  title: 'Phonics network',
  venue: 'Harrow Teachers’ Centre',
  joiningLink: '',
  format: 'in_person' as const,
  status: 'published' as const,
};
const booking = { id: 'b1', delegateName: 'Ana Patel', delegateEmail: 'ana@school.example' };

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
    const ics = courseInvite({
      course,
      sessions: [before, after],
      booking,
      providerName: 'HSIP',
      sequence: 3,
    });
    expect(ics).toContain('DTSTART:20261023T083000Z');
    expect(ics).toContain('DTEND:20261023T110000Z');
    expect(ics).toContain('DTSTART:20261026T093000Z');
    expect(ics).toContain('DTEND:20261026T120000Z');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('UID:course-session-s1-place-b1@stride');
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
      booking,
      providerName: 'HSIP',
      sequence: 4,
    });
    expect(ics).toContain('DTSTART:20260330T150000Z');
    expect(ics).toContain('STATUS:CANCELLED');
  });

  it('a REQUEST names the delegate and organiser; a CANCEL has the same UIDs, a higher SEQUENCE, every event cancelled', () => {
    const sessions = [
      {
        id: 's1',
        title: 'Day 1',
        startsAt: londonToUtc('2026-10-23', '09:30'),
        endsAt: londonToUtc('2026-10-23', '12:00'),
      },
      {
        id: 's2',
        title: 'Day 2',
        startsAt: londonToUtc('2026-10-26', '09:30'),
        endsAt: londonToUtc('2026-10-26', '12:00'),
      },
    ];
    const common = {
      course,
      sessions,
      booking,
      providerName: 'HSIP',
      organizerEmail: 'no-reply@stride.example',
    };
    const request = courseInvite({ ...common, sequence: 10, method: 'REQUEST' });
    const cancel = courseInvite({ ...common, sequence: 11, method: 'CANCEL' });
    const uids = (ics: string) =>
      [...ics.replace(/\r\n[ \t]/g, '').matchAll(/^UID:(.+)$/gm)].map((m) => m[1]?.trim());
    expect(request).toContain('METHOD:REQUEST');
    expect(request.replace(/\r\n[ \t]/g, '')).toMatch(
      /ORGANIZER;CN="?HSIP"?:mailto:no-reply@stride.example/i,
    );
    expect(request.replace(/\r\n[ \t]/g, '')).toContain('mailto:ana@school.example');
    // A file to download has no organiser's address: no ORGANIZER line rather than one with no address.
    const { organizerEmail: _none, ...noAddress } = common;
    expect(courseInvite({ ...noAddress, sequence: 10, method: 'PUBLISH' })).not.toContain('ORGANIZER');
    expect(request).not.toContain('STATUS:CANCELLED');
    expect(cancel).toContain('METHOD:CANCEL');
    expect(cancel.match(/STATUS:CANCELLED/g)).toHaveLength(2);
    expect(cancel).toContain('SEQUENCE:11');
    expect(uids(cancel)).toEqual(uids(request));
    expect(uids(request)).toEqual([sessionEventUid('s1', 'b1'), sessionEventUid('s2', 'b1')]);
    // Another delegate's place on the same sessions has its own events.
    const other = courseInvite({
      ...common,
      booking: { ...booking, id: 'b2' },
      sequence: 10,
      method: 'REQUEST',
    });
    expect(uids(other)).not.toEqual(uids(request));
    // The download (PUBLISH) uses the same UIDs as the emailed invite.
    expect(uids(courseInvite({ ...common, sequence: 10 }))).toEqual(uids(request));
  });

  it('the SEQUENCE is the course’s change count plus the place’s, so every counted change raises it', () => {
    expect(inviteSequence({ inviteSequence: 0 }, { inviteSequence: 0 })).toBe(0);
    // Dates moved twice in the same second: two counted changes, two higher SEQUENCEs (the clock played no part).
    expect(inviteSequence({ inviteSequence: 2 }, { inviteSequence: 0 })).toBe(2);
    // A place carried over from the seconds-based SEQUENCE keeps outranking what it was sent before.
    const carried = Math.floor(new Date('2026-09-01T10:00:00Z').getTime() / 1000);
    expect(inviteSequence({ inviteSequence: 1 }, { inviteSequence: carried })).toBe(carried + 1);
  });
});

describe('course emails carry the invite by reference', () => {
  const emailCourse = {
    title: 'Phonics network',
    venue: 'Harrow',
    joiningLink: '',
    format: 'in_person' as const,
  };
  const sessions = [{ title: 'Day 1', on: '2026-10-23', startTime: '09:30', endTime: '12:00' }];
  const recipient = { delegateName: 'Ana Patel', delegateEmail: 'ana@school.example' };
  const make = (kind: Parameters<typeof courseEmail>[0]['kind'], bookingId?: string) =>
    courseEmail({ kind, course: emailCourse, sessions, booking: recipient, bookingId });

  it('attaches a REQUEST to confirmations, substitutions, date changes and reminders and a CANCEL to cancellations', () => {
    for (const kind of ['confirmed', 'substituted', 'changed', 'reminder'] as const)
      expect(make(kind, 'b1').attachments).toEqual([
        { kind: 'course-ics', bookingId: 'b1', method: 'REQUEST', filename: 'course.ics' },
      ]);
    for (const kind of ['cancelled', 'course_cancelled', 'passed_on'] as const)
      expect(make(kind, 'b1').attachments).toEqual([
        { kind: 'course-ics', bookingId: 'b1', method: 'CANCEL', filename: 'course.ics' },
      ]);
  });

  it('attaches a tentative REQUEST to a waiting-list offer and a CANCEL when its hold ends', () => {
    const offer = (kind: 'offer' | 'offer_expired') =>
      courseEmail({ kind, course: emailCourse, sessions, booking: recipient, offerEntryId: 'w1' });
    expect(offer('offer').attachments).toEqual([
      { kind: 'course-offer-ics', entryId: 'w1', method: 'REQUEST', filename: 'course.ics' },
    ]);
    expect((offer('offer').props as { paragraphs: string[] }).paragraphs.join(' ')).toContain(
      'tentative until you claim',
    );
    expect(offer('offer_expired').attachments).toEqual([
      { kind: 'course-offer-ics', entryId: 'w1', method: 'CANCEL', filename: 'course.ics' },
    ]);
  });

  it('a tentative invite marks its events TENTATIVE', () => {
    const ics = courseInvite({
      course: {
        id: 'c1',
        title: 'Phonics',
        venue: 'Harrow',
        joiningLink: '',
        format: 'in_person',
        status: 'published',
      },
      sessions: [
        {
          id: 's1',
          title: 'Day 1',
          startsAt: new Date('2026-10-23T08:30:00Z'),
          endsAt: new Date('2026-10-23T11:00:00Z'),
        },
      ],
      booking: { id: 'w1', delegateName: 'Ana Patel', delegateEmail: 'ana@school.example' },
      providerName: 'HSIP',
      sequence: 3,
      method: 'REQUEST',
      tentative: true,
    });
    expect(ics).toContain('STATUS:TENTATIVE');
    expect(ics).toContain('SEQUENCE:3');
  });

  it('attaches nothing to other emails, or without a place', () => {
    for (const kind of ['waitlisted', 'offer', 'evaluation', 'pending_approval'] as const)
      expect(make(kind, 'b1').attachments).toBeUndefined();
    expect(make('course_cancelled').attachments).toBeUndefined();
  });
});
