import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { catalogueItems } from '~/db/schema';
import type { Actor } from '~/server/access/actor';
import {
  academicYearOf,
  academicYearStart,
  todayInLondon,
  type IsoDate,
} from '~/server/catalogue/academic-year';
import { ZCourseInput } from '~/server/courses/course-inputs';
import { createCourse } from '~/server/courses/create-course';
import { publishCourse } from '~/server/courses/publish-course';
import { addGovernor } from '~/server/governance/add-governor';
import { addDays, boardKindOf, defaultConstitution, isCurrent } from '~/server/governance/board-rules';
import { ZGovernorInput, type TGovernorInput } from '~/server/governance/governor-inputs';
import { stepDownGovernor } from '~/server/governance/update-governor';
import { addMeeting } from '~/server/governance/keep-board-meetings';
import { listBoardMembers } from '~/server/governance/load-board';
import { getBoardMeeting } from '~/server/governance/list-board-meetings';
import { addCommittee, updateCommittee } from '~/server/governance/keep-committees';
import { ZMeetingInput } from '~/server/governance/meeting-inputs';
import { recordMeetingAttendance } from '~/server/governance/record-meeting-attendance';
import { subscribeSchool } from '~/server/subscriptions/subscribe-school';
import * as demo from './demo-data';

/**
 * Governing boards for eight schools in each governance workspace (Barnet, HSIP), built through the domain
 * functions as the workspace's manager: full boards with chairs and vice-chairs, a few vacancies, two people
 * on two boards, two terms ending within 60 days, one governor stepped down, one board's meetings with their
 * attendance (so its published attendance is counted, the others' typed); and (in LA workspaces) a statutory
 * governor course.
 */

/**
 * Two committees (finance and resources, pupil discipline; three current governors each) and a year of
 * meetings at one board: three full board meetings, where everyone on the board is marked (one apology, one
 * absence), and two finance committee meetings and one pupil discipline committee meeting, where only the
 * committee's members are expected and marked.
 */
async function seedMeetings(tx: Tx, actor: Actor, schoolId: string, today: IsoDate) {
  const members = await listBoardMembers(tx, schoolId);
  const serving = members.filter((m) => m.category !== 'clerk' && isCurrent(m, today));
  // Each member joined a year ago, or on their appointment if later, so the year's meetings expect them.
  const committee = async (name: string, chosen: typeof serving) => {
    const made = await addCommittee(tx, actor, { schoolId, today, committee: { name, memberIds: [] } });
    const since = addDays(today, -365);
    for (const [n, m] of chosen.entries())
      await updateCommittee(tx, actor, {
        committeeId: made.id,
        today,
        committee: {
          name,
          memberIds: chosen.slice(0, n + 1).map((x) => x.id),
          joinedOn: m.appointedOn > since ? m.appointedOn : since,
        },
      });
    return made;
  };
  const finance = await committee('Finance and resources', serving.slice(0, 3));
  const discipline = await committee('Pupil discipline', serving.slice(3, 6));
  const meetings = [
    { heldOn: addDays(today, -200), kind: 'full_board' as const },
    { heldOn: addDays(today, -150), kind: 'committee' as const, committeeId: finance.id },
    { heldOn: addDays(today, -110), kind: 'full_board' as const },
    { heldOn: addDays(today, -60), kind: 'committee' as const, committeeId: finance.id },
    { heldOn: addDays(today, -45), kind: 'committee' as const, committeeId: discipline.id },
    { heldOn: addDays(today, -20), kind: 'full_board' as const },
  ];
  for (const [k, meeting] of meetings.entries()) {
    const made = await addMeeting(tx, actor, { schoolId, meeting: ZMeetingInput.parse(meeting) });
    const { members: expected } = await getBoardMeeting(tx, actor, { meetingId: made.id, today });
    await recordMeetingAttendance(tx, actor, {
      meetingId: made.id,
      today,
      marks: expected.map((m, n) => ({
        governorId: m.governorId,
        status: k === 2 && n === 1 ? 'apologies' : k === 5 && n === 2 ? 'absent' : 'present',
      })),
    });
  }
}

const first = ['Alison', 'Bola', 'Ciaran', 'Deepa', 'Edward', 'Fatima', 'Gareth', 'Helen', 'Imran', 'Joanna'];
const last = [
  'Ahmed',
  'Brennan',
  'Clarke',
  'Dhillon',
  'Evans',
  'Fraser',
  'Gordon',
  'Hughes',
  'Iqbal',
  'Jones',
  'Khan',
  'Lewis',
  'Mensah',
  'Novak',
  'Okafor',
  'Patel',
];

/** The appointment date whose four-year term ends on `termEnd`. */
function appointedForTermEnd(termEnd: IsoDate): IsoDate {
  const d = new Date(`${addDays(termEnd, 1)}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 4);
  return d.toISOString().slice(0, 10);
}

/** The demo governor, clerk and chairs with accounts, by school URN. */
const withAccounts: Record<number, Partial<Record<'chair' | 'parent' | 'clerk', string>>> = {
  101335: {
    chair: 'chair@stcatherines.sch.example',
    parent: 'governor@stcatherines.sch.example',
    clerk: 'clerk@stcatherines.sch.example',
  },
  102282: { chair: 'chair@priestmead.sch.example' },
};

/** One person on two boards each: by email (Margaret Olu) and by name only (Desmond Fry). */
const sharedCoOpted = {
  name: 'Margaret Olu',
  email: 'margaret.olu@governors.example',
  phone: '07700 900101',
};
const sharedLa = { name: 'Cllr Desmond Fry', email: '', phone: '' };

export async function seedGovernance(
  tx: Tx,
  input: {
    tenantIdBySlug: Map<string, string>;
    schoolIdsBySlug: Map<string, Map<number, string>>;
    userIdByEmail: Map<string, string>;
  },
) {
  const today = todayInLondon();
  for (const t of demo.tenants.filter((t) => t.modules.includes('governance'))) {
    const tenantId = input.tenantIdBySlug.get(t.slug);
    const schoolIds = input.schoolIdsBySlug.get(t.slug);
    const manager = demo.users.find((u) =>
      (u.memberships[t.slug] ?? []).some((m) => m.role === 'tenant_admin'),
    );
    const managerId = input.userIdByEmail.get(manager?.email.toLowerCase() ?? '');
    if (!tenantId || !schoolIds || !manager || !managerId) continue;
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    const actor: Actor = {
      tenantId,
      slug: t.slug,
      name: t.name,
      shortName: t.shortName,
      kind: t.kind,
      laCodes: t.laCodes,
      modules: t.modules,
      settings: t.settings,
      user: { id: managerId, email: manager.email, name: manager.name, isSuperadmin: false },
      userId: managerId,
      memberships: [{ id: '', role: 'tenant_admin', schoolId: null }],
      roles: ['tenant_admin'],
      appUrl: '',
    };
    const demoUrns = Object.keys(withAccounts).map(Number);
    const urns = [
      ...demoUrns.filter((u) => t.schoolUrns.includes(u)),
      ...t.schoolUrns.filter((u) => !demoUrns.includes(u)),
    ]
      .map((urn) => demo.allSchools.find((s) => s.urn === urn))
      .filter((s) => s !== undefined && s.status === 'open')
      .slice(0, 8);
    for (const [i, school] of urns.entries()) {
      if (!school) continue;
      const schoolId = schoolIds.get(school.urn);
      if (!schoolId) continue;
      const accounts = withAccounts[school.urn] ?? {};
      const domain = `${school.name.toLowerCase().replace(/[^a-z]+/g, '')}.sch.example`;
      const person = (n: number) => {
        // Distinct across the eight boards (i * 20 + n < 10 × 16): nobody is on two boards by accident.
        const k = i * 20 + n;
        const name = `${first[k % first.length]} ${last[Math.floor(k / first.length) % last.length]}`;
        return { name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@governors.example`, phone: '' };
      };
      const places = defaultConstitution(school.type);
      // An academy's board has no LA governor: the trust appoints a local governor in that seat.
      const laPlace = boardKindOf(school) === 'maintained' ? ('la' as const) : ('local_governor' as const);
      const members: Partial<TGovernorInput>[] = [
        { name: school.headteacherName, category: 'headteacher', email: '' },
        {
          ...person(1),
          ...(accounts.parent ? { name: 'Tobias Ellery', email: accounts.parent } : {}),
          category: 'parent',
          office: 'vice_chair',
        },
        ...(i === 2 ? [] : [{ ...person(2), category: 'parent' as const }]),
        { ...person(3), category: 'staff' },
        ...(i === 6
          ? []
          : [i === 3 || i === 4 ? { ...sharedLa, category: laPlace } : { ...person(4), category: laPlace }]),
        i === 0 || i === 1
          ? { ...sharedCoOpted, category: 'co_opted' }
          : { ...person(5), category: 'co_opted' },
        ...(i === 5 ? [] : [{ ...person(6), category: 'co_opted' as const }]),
        ...Array.from({ length: Math.max(0, (places.foundation ?? 0) - (i === 0 ? 2 : 0)) }, (_, n) => ({
          ...person(7 + n),
          category: 'foundation' as const,
        })),
        {
          name:
            demo.users.find((u) => u.email === accounts.clerk)?.name ??
            `Clerk to ${school.name}`.slice(0, 100),
          email: accounts.clerk ?? `clerk@${domain}`,
          category: 'clerk',
        },
      ];
      // The chair: the demo chair's account where there is one, else the last foundation or co-opted governor.
      let chairAt = -1;
      members.forEach((m, n) => {
        if ((m.category === 'foundation' || m.category === 'co_opted') && m.name !== sharedCoOpted.name)
          chairAt = n;
      });
      const chair = members[chairAt];
      if (chair) {
        chair.office = 'chair';
        if (accounts.chair) {
          const account = demo.users.find((u) => u.email === accounts.chair);
          chair.name = account?.name ?? chair.name;
          chair.email = accounts.chair;
          chair.phone = '020 7946 0100';
        }
      }
      for (const [n, m] of members.entries()) {
        // Two terms end within 60 days (at the third and fourth boards); the others began in the last four years.
        const appointedOn =
          (i === 2 && n === 3) || (i === 3 && n === 1)
            ? appointedForTermEnd(addDays(today, i === 2 ? 21 : 45))
            : addDays(today, -((i * 97 + n * 131) % 1300) - 30);
        await addGovernor(tx, actor, {
          schoolId,
          ...ZGovernorInput.parse({
            appointedOn,
            businessInterests:
              m.category === 'headteacher'
                ? ''
                : n % 3 === 0
                  ? 'None declared'
                  : 'Trustee of a local charity',
            attendance: `${5 - (n % 2)} of 6`,
            ...m,
          }),
        });
      }
      if (i === 1) {
        const left = await addGovernor(tx, actor, {
          schoolId,
          ...ZGovernorInput.parse({ ...person(9), category: 'parent', appointedOn: addDays(today, -900) }),
        });
        await stepDownGovernor(tx, actor, { id: left.id, steppedDownOn: addDays(today, -60) });
        // A governor who left two years ago: past the 12 months of publication, still within retention, so
        // an officer may erase her on request (Personal data).
        const former = await addGovernor(tx, actor, {
          schoolId,
          ...ZGovernorInput.parse({
            name: 'Rowena Marsh',
            email: `rowena.marsh.${t.slug}@governors.example`,
            phone: '020 7946 0999',
            category: 'co_opted',
            appointedOn: addDays(today, -2000),
            businessInterests: 'Director, Marsh Lettings Ltd',
            attendance: '4 of 6',
          }),
        });
        await stepDownGovernor(tx, actor, { id: former.id, steppedDownOn: addDays(today, -730) });
        await seedMeetings(tx, actor, schoolId, today);
      }
    }
    // Most of the first six boards' schools buy the governor package, so they get the termly bulletin.
    const year = academicYearOf(today);
    const [govPackage] = await tx
      .select({ id: catalogueItems.id })
      .from(catalogueItems)
      .where(
        and(
          eq(catalogueItems.academicYear, year),
          eq(catalogueItems.kind, 'package'),
          eq(catalogueItems.pricingBasis, 'governing_body'),
        ),
      )
      .limit(1);
    const demoSchoolUrns = new Set(
      demo.users.flatMap((u) =>
        (u.memberships[t.slug] ?? []).flatMap((m) => (m.schoolUrn ? [m.schoolUrn] : [])),
      ),
    );
    for (const [i, school] of urns.entries()) {
      const schoolId = school ? schoolIds.get(school.urn) : undefined;
      if (!govPackage || !school || !schoolId || i >= 6) continue;
      // Demo schools keep their seeded purchases as they were (journeys bill and buy for them), except the boards
      // whose chair, clerk or governor have accounts (St Catherine's, Priestmead): they show the bulletin.
      if (demoSchoolUrns.has(school.urn) && !(school.urn in withAccounts)) continue;
      await subscribeSchool(tx, {
        tenantId,
        schoolId,
        itemId: govPackage.id,
        units: 1,
        purchaseOrderNumber: `PO-GOV-${school.urn}`,
        actorUserId: managerId,
        today: academicYearStart(year),
      });
    }
    // Free governor training is the LA's statutory duty (s22 Education Act 2002): LA workspaces only.
    if (t.kind !== 'la') continue;
    const startsOn = addDays(today, 35);
    const course = await createCourse(tx, {
      ...ZCourseInput.parse({
        programme: 'governor_training',
        title: 'Safeguarding and Prevent for governors',
        description:
          'The board’s safeguarding duties, the designated governor’s role and the annual safeguarding report. Free to governors of maintained schools.',
        audiences: ['governors', 'clerks'],
        format: 'online',
        joiningLink: `https://meet.example/${t.slug}-governor-safeguarding`,
        capacity: 40,
        memberPrice: 45,
        nonMemberPrice: 60,
        outOfAreaPrice: 75,
        statutoryFreeForGovernors: true,
        sessions: [{ on: startsOn, startTime: '18:30', endTime: '20:30' }],
      }),
      tenantId,
    });
    await publishCourse(tx, course);
  }
}
