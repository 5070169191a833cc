import type { z } from 'zod';
import type { ZCourseInput } from '~/server/courses/course-inputs';
import { addDays } from '~/server/courses/london-time';

export type SeedCourse = {
  input: z.input<typeof ZCourseInput>;
  facilitatorEmails: string[];
  publish: boolean;
  /** Demo schools' places on it (see seed-course-bookings.ts). */
  places?: SeedPlaces;
};

export type SeedPlaces = {
  /** Named delegates booked, spread over the workspace's schools. */
  booked: number;
  /** Delegates on the waiting list once it is full. */
  waiting?: number;
  /**
   * A course that has run: booked and published as of `bookedOn` (before its first session); every delegate but
   * `absent` of them attended every session, and `evaluations` of those who attended gave their evaluation.
   */
  ran?: { bookedOn: string; absent: number; evaluations: number };
};

/** Schools' Christmas break (about 19 December to 4 January): seeded sessions skip it. */
const inChristmasBreak = (on: string) => {
  const md = on.slice(5);
  return md >= '12-19' || md <= '01-04';
};

/** The next weekday (Mon–Fri, or the wanted day) on or after a date, outside the Christmas break. */
function weekday(on: string, wanted?: number): string {
  let d = on;
  while (inChristmasBreak(d)) d = addDays(d, 1);
  for (let i = 0; i < 7; i++) {
    const day = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (wanted === undefined ? day >= 1 && day <= 5 : day === wanted) return d;
    d = addDays(d, 1);
  }
  return d;
}

const fullDay = (on: string, title: string) => ({
  on,
  title,
  kind: 'full_day' as const,
  startTime: '09:30',
  endTime: '15:30',
});
const morning = (on: string, title: string) => ({
  on,
  title,
  kind: 'half_day' as const,
  startTime: '09:15',
  endTime: '12:15',
});
const twilight = (on: string, title: string) => ({
  on,
  title,
  kind: 'twilight' as const,
  startTime: '16:00',
  endTime: '17:30',
});

/** Harrow's NQT (now ECT) induction programme: 34 sessions — 8 full days, 22 half days, 4 twilights — weekly on Tuesdays. */
function inductionProgramme(from: string) {
  let next = weekday(from, 2);
  return Array.from({ length: 34 }, (_, i) => {
    const on = next;
    next = weekday(addDays(on, 7), 2);
    if (i % 4 === 0 && i < 32) return fullDay(on, `Induction day ${i / 4 + 1}`);
    if (i >= 30) return twilight(on, `Twilight ${i - 29}: reflective practice`);
    return morning(on, `Induction half day ${i + 1}`);
  });
}

const terms = { freeUntilWorkingDays: 10, lateCancellationPercent: 50, noShowPercent: 100 };

export function demoCourses(today: string): Record<string, SeedCourse[]> {
  const inWeeks = (weeks: number, day?: number) => weekday(addDays(today, weeks * 7), day);
  // Weekdays a few weeks back, for the courses that have run (booked six weeks before them).
  const weeksAgo = (weeks: number, day: number) => weekday(addDays(today, -weeks * 7 - 6), day);
  const bookedBefore = (on: string) => addDays(on, -42);
  const ranOn = { hsip: weeksAgo(4, 3), barnet: weeksAgo(3, 2), bep: weeksAgo(5, 4) };
  return {
    hsip: [
      {
        facilitatorEmails: ['maureen.achebe@hsip.example'],
        publish: true,
        places: { booked: 12, ran: { bookedOn: bookedBefore(ranOn.hsip), absent: 1, evaluations: 8 } },
        input: {
          title: 'Phonics and early reading refresher',
          description:
            'For Reception and Key Stage 1 teachers: the reading framework, decodable books and keeping up, not catching up.',
          audiences: ['teachers', 'support_staff'],
          phase: 'Primary',
          subject: 'English',
          keyStage: 'EYFS–KS1',
          format: 'in_person',
          venue: 'Harrow Teachers’ Centre, Tudor Road, Harrow HA3 5PQ',
          capacity: 20,
          memberPrice: 145,
          nonMemberPrice: 185,
          outOfAreaPrice: 210,
          cancellationTerms: terms,
          sessions: [morning(ranOn.hsip, 'Phonics and early reading')],
        },
      },
      {
        facilitatorEmails: ['adviser@hsip.example'],
        publish: true,
        input: {
          programme: 'ect_induction',
          title: 'ECT induction programme 2026/27',
          description:
            'Harrow’s induction programme for early career teachers: 34 sessions (8 full days, 22 half days and 4 twilights) on the Early Career Teacher Entitlement, with a mentor strand.',
          audiences: ['ects'],
          phase: 'All phases',
          subject: 'Induction',
          format: 'in_person',
          venue: 'Harrow Teachers’ Centre, Tudor Road, Harrow HA3 5PQ',
          capacity: 40,
          minimumNumbers: 12,
          bookingDeadline: addDays(inWeeks(3, 2), -7),
          goNoGoOn: addDays(inWeeks(3, 2), -14),
          memberPrice: 2760,
          nonMemberPrice: 3690,
          outOfAreaPrice: 3900,
          entitlement: { unit: 'ect_induction', category: '' },
          cancellationTerms: terms,
          sessions: inductionProgramme(inWeeks(3)),
        },
      },
      {
        facilitatorEmails: ['maureen.achebe@hsip.example'],
        publish: true,
        places: { booked: 6 },
        input: {
          title: 'Primary English subject-leader network',
          description:
            'Termly network for English leads: the reading framework, phonics assessment and writing moderation.',
          audiences: ['leaders', 'teachers'],
          phase: 'Primary',
          subject: 'English',
          keyStage: 'KS1–KS2',
          format: 'twilight',
          venue: 'Harrow Teachers’ Centre, Tudor Road, Harrow HA3 5PQ',
          capacity: 30,
          minimumNumbers: 8,
          bookingDeadline: addDays(inWeeks(2, 3), -3),
          memberPrice: 75,
          nonMemberPrice: 95,
          outOfAreaPrice: 110,
          entitlement: { unit: 'network_place', category: 'Subject-leader networks' },
          cancellationTerms: terms,
          sessions: [twilight(inWeeks(2, 3), 'English network')],
        },
      },
      {
        facilitatorEmails: ['adviser@hsip.example'],
        publish: true,
        places: { booked: 20, waiting: 2 },
        input: {
          title: 'Headteachers’ seminar: the new Ofsted report card',
          description:
            'What the report card means for self-evaluation and governors’ reporting, with a serving inspector.',
          audiences: ['leaders'],
          phase: 'All phases',
          subject: 'Leadership',
          format: 'in_person',
          venue: 'Harrow Civic Centre, Station Road, Harrow HA1 2XY',
          capacity: 20,
          minimumNumbers: 10,
          goNoGoOn: addDays(inWeeks(4, 4), -10),
          memberPrice: 150,
          nonMemberPrice: 195,
          outOfAreaPrice: 220,
          entitlement: { unit: 'network_place', category: 'Headteacher seminars' },
          cancellationTerms: terms,
          sessions: [morning(inWeeks(4, 4), 'Seminar')],
        },
      },
      {
        facilitatorEmails: ['maureen.achebe@hsip.example'],
        publish: true,
        places: { booked: 4 },
        input: {
          programme: 'governor_training',
          title: 'Induction for new governors',
          description:
            'Roles and responsibilities, the three core functions, finance and safeguarding for governors new to the board.',
          audiences: ['governors', 'clerks'],
          format: 'online',
          joiningLink: 'https://meet.example/hsip-governor-induction',
          capacity: 25,
          memberPrice: 45,
          nonMemberPrice: 60,
          outOfAreaPrice: 75,
          entitlement: { unit: 'course_place', category: 'Governor courses' },
          cancellationTerms: { freeUntilWorkingDays: 5, lateCancellationPercent: 50, noShowPercent: 100 },
          sessions: [twilight(inWeeks(3, 1), 'Part 1'), twilight(inWeeks(4, 1), 'Part 2')],
        },
      },
      {
        facilitatorEmails: ['adviser@hsip.example'],
        publish: false,
        input: {
          title: 'Maths mastery in Key Stage 2',
          description: 'Draft: fluency, reasoning and the times-tables check.',
          audiences: ['teachers'],
          phase: 'Primary',
          subject: 'Mathematics',
          keyStage: 'KS2',
          format: 'hybrid',
          venue: 'Harrow Teachers’ Centre',
          joiningLink: 'https://meet.example/hsip-maths',
          capacity: 24,
          memberPrice: 160,
          nonMemberPrice: 200,
          cancellationTerms: terms,
          sessions: [fullDay(inWeeks(8, 5), 'Mastery day')],
        },
      },
    ],
    barnet: [
      {
        facilitatorEmails: ['adviser@barnet.example'],
        publish: true,
        places: { booked: 10, ran: { bookedOn: bookedBefore(ranOn.barnet), absent: 2, evaluations: 6 } },
        input: {
          title: 'BPSI assessment leads’ network: autumn',
          description:
            'Moderating writing at the end of Key Stage 2, and what the new assessment guidance asks.',
          audiences: ['leaders', 'teachers'],
          phase: 'Primary',
          subject: 'Assessment',
          keyStage: 'KS2',
          format: 'twilight',
          venue: 'Barnet House, 2 Bristol Avenue, Colindale NW9 4EW',
          capacity: 25,
          memberPrice: 60,
          nonMemberPrice: 80,
          outOfAreaPrice: 95,
          cancellationTerms: terms,
          sessions: [twilight(ranOn.barnet, 'Autumn network')],
        },
      },
      {
        facilitatorEmails: ['amara.nwosu@barnet.example'],
        publish: true,
        places: { booked: 5 },
        input: {
          title: 'BPSI Designated Safeguarding Lead refresher',
          description:
            'Two-yearly DSL refresher covering Keeping Children Safe in Education and online safety.',
          audiences: ['leaders', 'support_staff'],
          phase: 'All phases',
          subject: 'Safeguarding',
          format: 'in_person',
          venue: 'Barnet House, 2 Bristol Avenue, Colindale NW9 4EW',
          capacity: 30,
          minimumNumbers: 10,
          goNoGoOn: addDays(inWeeks(3, 3), -10),
          memberPrice: 180,
          nonMemberPrice: 240,
          outOfAreaPrice: 260,
          cancellationTerms: terms,
          sessions: [fullDay(inWeeks(3, 3), 'DSL refresher')],
        },
      },
      {
        facilitatorEmails: ['adviser@barnet.example'],
        publish: true,
        places: { booked: 7 },
        input: {
          title: 'BPSI science leaders’ network',
          description: 'Working scientifically, practical work and the science curriculum review.',
          audiences: ['leaders', 'teachers'],
          phase: 'Primary',
          subject: 'Science',
          format: 'twilight',
          venue: 'Barnet House, Colindale',
          capacity: 25,
          memberPrice: 60,
          nonMemberPrice: 80,
          entitlement: { unit: 'network_place', category: 'BPSI networks' },
          cancellationTerms: terms,
          sessions: [twilight(inWeeks(2, 2), 'Autumn network')],
        },
      },
      {
        facilitatorEmails: ['tomasz.nowicki@barnet.example'],
        publish: true,
        places: { booked: 3 },
        input: {
          programme: 'governor_training',
          title: 'Chairs and clerks: preparing for inspection',
          description: 'What inspectors ask governors, and how the board shows its impact.',
          audiences: ['governors', 'clerks'],
          format: 'online',
          joiningLink: 'https://meet.example/bpsi-chairs',
          capacity: 40,
          memberPrice: 0,
          nonMemberPrice: 45,
          entitlement: { unit: 'course_place', category: 'Governor training' },
          cancellationTerms: terms,
          sessions: [twilight(inWeeks(5, 4), 'Webinar')],
        },
      },
    ],
    // The hub's induction programme: schools book each ECT from the ECT's record, the place drawn from the
    // school's induction package (a place per registered ECT).
    nwlhub: [
      {
        facilitatorEmails: ['induction@nwlhub.example'],
        publish: true,
        input: {
          programme: 'ect_induction',
          title: 'NWL ECT induction programme',
          description:
            'The hub’s two-year induction programme on the Early Career Teacher Entitlement: termly training days and twilight clinics, with an induction-tutor strand.',
          audiences: ['ects'],
          phase: 'All phases',
          subject: 'Induction',
          format: 'in_person',
          venue: 'North West London Teaching School Hub, Colindale NW9',
          capacity: 60,
          minimumNumbers: 10,
          memberPrice: 1200,
          nonMemberPrice: 1450,
          outOfAreaPrice: 1600,
          entitlement: { unit: 'ect_induction', category: '' },
          cancellationTerms: terms,
          sessions: [
            fullDay(inWeeks(3, 3), 'Training day 1: the Teachers’ Standards and behaviour'),
            twilight(inWeeks(6, 3), 'Clinic: planning and adaptive teaching'),
            fullDay(inWeeks(10, 3), 'Training day 2: assessment and feedback'),
          ],
        },
      },
    ],
    bep: [
      {
        facilitatorEmails: ['harpreet.virdee@bep.example'],
        publish: true,
        places: { booked: 15, ran: { bookedOn: bookedBefore(ranOn.bep), absent: 1, evaluations: 9 } },
        input: {
          title: 'Behaviour and attendance: practical strategies',
          description:
            'A day on routines, de-escalation and working with families on attendance, with case studies from Birmingham schools.',
          audiences: ['teachers', 'leaders', 'support_staff'],
          phase: 'All phases',
          subject: 'Behaviour',
          format: 'in_person',
          venue: 'BEP, Lancaster Circus, Birmingham B4 7DJ',
          capacity: 24,
          memberPrice: 165,
          nonMemberPrice: 215,
          outOfAreaPrice: 240,
          cancellationTerms: terms,
          sessions: [fullDay(ranOn.bep, 'Behaviour and attendance')],
        },
      },
      {
        facilitatorEmails: ['adviser@bep.example'],
        publish: true,
        places: { booked: 9 },
        input: {
          title: 'BEP secondary mathematics network',
          description: 'Curriculum sequencing at KS3 and GCSE resits, hosted by a BEP strategic school.',
          audiences: ['leaders', 'teachers'],
          phase: 'Secondary',
          subject: 'Mathematics',
          keyStage: 'KS3–KS4',
          format: 'twilight',
          venue: 'Washwood Heath Academy, Burney Lane, Birmingham B8 2AS',
          capacity: 30,
          memberPrice: 0,
          nonMemberPrice: 90,
          outOfAreaPrice: 110,
          entitlement: { unit: 'network_place', category: 'BEP networks' },
          cancellationTerms: terms,
          sessions: [twilight(inWeeks(2, 4), 'Network meeting')],
        },
      },
      {
        facilitatorEmails: ['harpreet.virdee@bep.example'],
        publish: true,
        places: { booked: 14 },
        input: {
          title: 'Middle leaders’ development programme',
          description: 'Three days on leading a team, curriculum intent to impact, and holding to account.',
          audiences: ['leaders'],
          phase: 'All phases',
          subject: 'Leadership',
          format: 'in_person',
          venue: 'BEP, Lancaster Circus, Birmingham B4 7DJ',
          capacity: 20,
          minimumNumbers: 12,
          goNoGoOn: addDays(inWeeks(4, 3), -10),
          memberPrice: 395,
          nonMemberPrice: 495,
          outOfAreaPrice: 545,
          entitlement: { unit: 'course_place', category: 'CPD' },
          cancellationTerms: terms,
          sessions: [
            fullDay(inWeeks(4, 3), 'Leading a team'),
            fullDay(inWeeks(6, 3), 'Curriculum: intent to impact'),
            fullDay(inWeeks(8, 3), 'Holding to account'),
          ],
        },
      },
    ],
  };
}
