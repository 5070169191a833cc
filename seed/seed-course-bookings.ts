import { asc, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courseBookings, courseSessions } from '~/db/schema';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { bookPlaces } from '~/server/courses/book-places';
import type { TDelegate } from '~/server/courses/booking-inputs';
import { submitEvaluation } from '~/server/courses/evaluations';
import { markAttendance } from '~/server/courses/mark-attendance';
import type { SeedPlaces } from './course-data';
import type { SeedSchool, SeedTenant } from './demo-data';

const firstNames = [
  'Amira',
  'Ben',
  'Chloe',
  'Daniel',
  'Efua',
  'Farah',
  'George',
  'Hannah',
  'Imran',
  'Jess',
  'Kwame',
  'Lucy',
  'Mohammed',
  'Niamh',
  'Oliver',
  'Priya',
  'Rhys',
  'Sadia',
  'Tom',
  'Uzma',
  'Victoria',
  'Will',
  'Yusuf',
  'Zara',
];
const lastNames = [
  'Ahmed',
  'Brennan',
  'Clarke',
  'Da Silva',
  'Evans',
  'Fraser',
  'Gill',
  'Hussain',
  'Iqbal',
  'Jones',
  'Kaur',
  'Lewis',
  'Mensah',
  'Novak',
  'O’Brien',
  'Patel',
  'Quinn',
  'Rahman',
  'Smith',
  'Thomas',
  'Walsh',
  'Young',
];
const roles = [
  'Class teacher',
  'English lead',
  'Year 2 teacher',
  'Teaching assistant',
  'Head of year',
  'Deputy head',
];

/** A school's made-up email domain: "Grange Primary School" → grange.sch.example. */
const domainOf = (school: SeedSchool) =>
  `${
    school.name
      .toLowerCase()
      .replace(
        /\b(primary|secondary|junior|infant|nursery|church of england|c of e|ce|rc|catholic|school|academy|the)\b/g,
        '',
      )
      .replace(/[^a-z]/g, '') || 'school'
  }.sch.example`;

/** The nth made-up delegate at a school, the same on every seed (`taken`: addresses already on the course). */
function delegateAt(school: SeedSchool, n: number, taken: Set<string>): TDelegate {
  const first = firstNames[(n * 7 + school.urn) % firstNames.length] ?? 'Sam';
  const last = lastNames[(n * 5 + school.urn * 3) % lastNames.length] ?? 'Smith';
  const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  let email = `${local}@${domainOf(school)}`;
  for (let k = 2; taken.has(email); k++) email = `${local}${k}@${domainOf(school)}`;
  taken.add(email);
  return { name: `${first} ${last}`, email, role: roles[(n + school.urn) % roles.length] ?? '' };
}

/**
 * A demo course's places, booked through bookPlaces as the workspace's manager: named delegates from the
 * workspace's open schools of the course's phase, two or three a school, each drawn from the school's package
 * or charged as any booking is (and so invoiced by the seed's billing run); then the waiting list. A course that
 * has run has its register marked (all present but `absent`, who were absent throughout) and evaluations given.
 */
export async function seedPlaces(
  tx: Tx,
  input: {
    tenant: SeedTenant;
    tenantId: string;
    course: { id: string; title: string; phase: string };
    places: SeedPlaces;
    schools: { school: SeedSchool; id: string }[];
    managerUserId: string;
    appUrl: string;
  },
) {
  const { places } = input;
  const today = places.ran?.bookedOn ?? todayInLondon();
  const phase = /primary/i.test(input.course.phase)
    ? 'Primary'
    : /secondary/i.test(input.course.phase)
      ? 'Secondary'
      : null;
  const open = input.schools.filter(
    (s) => s.school.status === 'open' && (phase === null || s.school.phase === phase),
  );
  if (open.length === 0) return;
  // Each course its own people: the nth delegate at a school differs from course to course.
  const salt = [...input.course.title].reduce((sum, c) => sum + c.charCodeAt(0), 0);
  const taken = new Set<string>();
  const book = async (count: number, joinWaitingList: boolean, offset: number) => {
    for (let i = 0; i < count;) {
      const at = open[(offset + i) % open.length];
      if (!at) return;
      const size = Math.min(count - i, 1 + ((at.school.urn + i) % 3));
      const delegates = Array.from({ length: size }, (_, k) =>
        delegateAt(at.school, salt + offset + i + k, taken),
      );
      await bookPlaces(tx, {
        tenantId: input.tenantId,
        slug: input.tenant.slug,
        appUrl: input.appUrl,
        providerName: input.tenant.name,
        courseId: input.course.id,
        schoolId: at.id,
        delegates,
        actorUserId: input.managerUserId,
        laCodes: input.tenant.laCodes,
        today,
        joinWaitingList,
      });
      i += size;
    }
  };
  await book(places.booked, false, 0);
  if (places.waiting) await book(places.waiting, true, places.booked);
  if (!places.ran) return;

  const sessions = await tx
    .select({ id: courseSessions.id, on: courseSessions.on })
    .from(courseSessions)
    .where(eq(courseSessions.courseId, input.course.id))
    .orderBy(asc(courseSessions.on));
  const booked = await tx
    .select({ id: courseBookings.id })
    .from(courseBookings)
    .where(eq(courseBookings.courseId, input.course.id))
    .orderBy(asc(courseBookings.delegateName));
  const last = sessions.at(-1)?.on ?? today;
  for (const [n, place] of booked.entries()) {
    const attended = n >= places.ran.absent;
    for (const session of sessions)
      await markAttendance(
        tx,
        {
          tenantId: input.tenantId,
          sessionId: session.id,
          bookingId: place.id,
          status: attended ? (n % 7 === 3 ? 'late' : 'attended') : 'absent',
          markedByUserId: input.managerUserId,
        },
        last,
      );
    if (attended && n - places.ran.absent < places.ran.evaluations) {
      const rating = (k: number) =>
        (4 + ((n + k) % 3 === 0 ? 1 : 0) - (n % 5 === 4 ? 1 : 0)) as 1 | 2 | 3 | 4 | 5;
      await submitEvaluation(tx, {
        tenantId: input.tenantId,
        bookingId: place.id,
        courseId: input.course.id,
        answers: {
          content: rating(0),
          facilitation: rating(1),
          impact: rating(2),
          overall: rating(1),
          comments: evaluationComments[n % evaluationComments.length] ?? '',
        },
      });
    }
  }
}

const evaluationComments = [
  'Practical and well paced: I will use the routines with my class next week.',
  '',
  'Really useful to hear how other schools do it. More time for discussion would help.',
  'Clear slides and good examples.',
  '',
  'The case studies were the best part.',
];
