import { describe, expect, it } from 'vitest';
import { cancellationChargeLine, courseEmail, placeDetailLines } from '~/server/courses/course-emails';
import { sessionChangeLines } from '~/server/courses/session-changes';
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

  it('tells someone on the waiting list the new dates and where they stand, with no invite or link', () => {
    const changes = [
      'Network has moved from Mon, 19 October 2026, 16:00–17:30 to Mon, 26 October 2026, 16:00–17:30.',
    ];
    const waiting = courseEmail({
      kind: 'waiting_list_changed',
      course,
      sessions,
      booking: { delegateName: 'Tom Briggs', delegateEmail: 't@x.example' },
      providerName: 'HSIP',
      changes,
      position: 3,
      // Even given a place's or an offer's id, someone waiting holds no place: nothing is attached.
      bookingId: '00000000-0000-4000-8000-000000000001',
      offerEntryId: '00000000-0000-4000-8000-000000000002',
    });
    expect(waiting.attachments).toBeUndefined();
    expect(waiting.props).toMatchObject({
      subject: 'Dates changed: Phonics network',
      action: undefined,
      paragraphs: [
        changes[0],
        'You are on the waiting list for Phonics network. Its sessions are now as below.',
        'You are number 3 on the waiting list. We will email you if a place becomes free.',
      ],
      sessionLines: ['Mon, 26 October 2026, 16:00–17:30: Network'],
    });
    const offered = courseEmail({
      kind: 'waiting_list_changed',
      course,
      sessions,
      booking: { delegateName: 'Tom Briggs', delegateEmail: 't@x.example' },
      changes,
      holdUntil: 'Tue, 15 December 2026 at 15:00',
    });
    expect(prepareEmail(offered).props.paragraphs).toContain(
      'The place held for you is still yours to claim until Tue, 15 December 2026 at 15:00 (UK time), with the link in the email offering it.',
    );
  });
});

describe('a confirmation’s place and a date change’s sessions', () => {
  const terms = { freeUntilWorkingDays: 10, lateCancellationPercent: 50, noShowPercent: 100 };
  const place = {
    schoolName: 'Grange Primary School',
    pricePence: 12_000,
    vatRateBasisPoints: 2000,
    terms,
    firstSessionOn: '2027-03-15',
    bookedOn: '2027-01-04',
  };

  it('says what the place costs the school, and what cancelling late or not coming would cost', () => {
    expect(placeDetailLines({ ...place, funding: 'charge' })).toEqual([
      'Booked for Grange Primary School.',
      'The place costs £120.00 plus VAT (£144.00), charged to Grange Primary School.',
      // Ten working days before Monday 15 March 2027 is Monday 1 March.
      'You can cancel free of charge until Mon, 1 March 2027; after that, 50% of the price is charged. Not coming without cancelling is charged at 100%.',
    ]);
    expect(placeDetailLines({ ...place, funding: 'entitlement' })[1]).toBe(
      'The place comes out of Grange Primary School’s subscription, so there is nothing extra to pay.',
    );
    expect(
      placeDetailLines({
        ...place,
        funding: 'charge',
        vatRateBasisPoints: 0,
        terms: { ...terms, lateCancellationPercent: 0, noShowPercent: 0 },
      }).slice(1),
    ).toEqual([
      'The place costs £120.00, charged to Grange Primary School.',
      'You can cancel free of charge up to the day.',
    ]);
    // Booked after the last day to cancel free: it says so, rather than offer a day that has gone.
    expect(placeDetailLines({ ...place, funding: 'charge', bookedOn: '2027-03-02' })[2]).toBe(
      'The last day to cancel free of charge was Mon, 1 March 2027, so cancelling now costs 50% of the price. Not coming without cancelling is charged at 100%.',
    );
    // A free place has no terms to state.
    expect(placeDetailLines({ ...place, funding: 'free', pricePence: 0 })).toEqual([
      'Booked for Grange Primary School.',
      'There is no charge for this place.',
    ]);
  });

  it('says on a cancelled place what cancelling it cost the school, or that it was free', () => {
    expect(cancellationChargeLine({ netPence: 6_000, vatRateBasisPoints: 2_000 })).toBe(
      'A late-cancellation charge of £60.00 plus VAT was made to your school.',
    );
    expect(cancellationChargeLine({ netPence: 2_500, vatRateBasisPoints: 0 })).toBe(
      'A late-cancellation charge of £25.00 was made to your school.',
    );
    expect(cancellationChargeLine(null)).toBe('There was no charge for cancelling this place.');
  });

  it('names each session that moved, was added or no longer runs, matched by its place in the programme', () => {
    const before = [
      { title: 'Day one', on: '2027-03-15', startTime: '09:30', endTime: '15:30' },
      { title: 'Day two', on: '2027-03-22', startTime: '09:30', endTime: '15:30' },
    ];
    const input = (on: string, startTime = '09:30', title = '') => ({
      title,
      on,
      startTime,
      endTime: '15:30',
      kind: 'session' as const,
      required: true,
    });
    expect(
      sessionChangeLines(before, [
        input('2027-03-29', '09:30', 'Day two'),
        input('2027-03-15', '09:30', 'Day one'),
      ]),
    ).toEqual(['Day two has moved from Mon, 22 March 2027, 09:30–15:30 to Mon, 29 March 2027, 09:30–15:30.']);
    expect(sessionChangeLines(before, [input('2027-03-15')])).toEqual([
      'Day two (Mon, 22 March 2027, 09:30–15:30) no longer runs.',
    ]);
    expect(
      sessionChangeLines(before, [input('2027-03-15'), input('2027-03-22'), input('2027-04-12', '13:00')]),
    ).toEqual(['Session 3 has been added: Mon, 12 April 2027, 13:00–15:30.']);
  });
});
