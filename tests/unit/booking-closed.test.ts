import { describe, expect, it } from 'vitest';
import { bookingClosedReason, catalogueBookingClosed } from '~/server/courses/booking-closed';
import { londonToUtc } from '~/server/courses/london-time';

const today = '2027-02-10';
const at = (time: string, on = today) => londonToUtc(on, time);
const sessions = [
  { on: today, startTime: '13:00' },
  { on: today, startTime: '09:30' },
  { on: '2027-02-17', startTime: '09:00' },
];

describe('whether a course can still be booked, on its page and in the cached catalogue', () => {
  it('closes when the first session of its first day begins, not at midnight', () => {
    const course = { startsOn: today, bookingDeadline: null };
    const entry = { ...course, firstStartTime: '09:30' };
    expect(bookingClosedReason(course, sessions, today, at('09:29'))).toBeNull();
    expect(catalogueBookingClosed(entry, today, at('09:29'))).toBe(false);
    expect(bookingClosedReason(course, sessions, today, at('09:30'))).toBe(
      'This course has already started.',
    );
    expect(catalogueBookingClosed(entry, today, at('09:30'))).toBe(true);
  });

  it('closes the day after its booking deadline', () => {
    const course = { startsOn: '2027-02-17', bookingDeadline: '2027-02-09' };
    const entry = { ...course, firstStartTime: '09:00' };
    expect(bookingClosedReason(course, sessions, '2027-02-09', at('23:59', '2027-02-09'))).toBeNull();
    expect(catalogueBookingClosed(entry, '2027-02-09', at('23:59', '2027-02-09'))).toBe(false);
    expect(bookingClosedReason(course, sessions, today, at('00:01'))).toBe(
      'Booking for this course has closed.',
    );
    expect(catalogueBookingClosed(entry, today, at('00:01'))).toBe(true);
  });

  it('gives the list the same answer as the course page at every minute of the first day', () => {
    const course = { startsOn: today, bookingDeadline: today };
    const entry = { ...course, firstStartTime: '09:30' };
    for (let minute = 0; minute < 24 * 60; minute += 7) {
      const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      expect(catalogueBookingClosed(entry, today, at(time))).toBe(
        bookingClosedReason(course, sessions, today, at(time)) !== null,
      );
    }
  });

  it('counts a first day with no session as started from its start', () => {
    const entry = { startsOn: today, bookingDeadline: null, firstStartTime: null };
    expect(catalogueBookingClosed(entry, today, at('00:00'))).toBe(true);
    expect(catalogueBookingClosed(entry, '2027-02-09', at('23:59', '2027-02-09'))).toBe(false);
  });
});
