import { eq, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { inductionPeriods } from '~/db/schema';
import type { Actor } from '~/server/access/actor';
import { academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { loadTermDates } from '~/server/calendar/term-dates';
import { ZRegisterEctInput } from '~/server/induction/induction-inputs';
import { getEct } from '~/server/induction/get-ect';
import { recordOutcome } from '~/server/induction/record-outcome';
import { registerEct } from '~/server/induction/register-ect';
import { reviewCheckpoint } from '~/server/induction/review-checkpoint';
import { submitCheckpoint } from '~/server/induction/submit-checkpoint';
import * as demo from './demo-data';

const slug = 'nwlhub';

/**
 * The hub's ECT register, built through the induction domain functions as its director: one ECT just started,
 * one part-time (0.6 FTE), one at risk with a support plan and an overdue assessment, one on track in year 2,
 * one who moved school (interim assessment awaiting the AB), and one who passed last summer.
 */
export async function seedInduction(
  tx: Tx,
  input: {
    tenantIdBySlug: Map<string, string>;
    schoolIdsBySlug: Map<string, Map<number, string>>;
    userIdByEmail: Map<string, string>;
  },
) {
  const tenantId = input.tenantIdBySlug.get(slug);
  const schoolIds = input.schoolIdsBySlug.get(slug);
  const hub = demo.tenants.find((t) => t.slug === slug);
  const director = demo.users.find((u) => u.email === 'director@nwlhub.example');
  if (!tenantId || !schoolIds || !hub || !director) return;
  await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
  const directorId = input.userIdByEmail.get(director.email) ?? '';
  const actor: Actor = {
    tenantId,
    slug,
    name: hub.name,
    shortName: hub.shortName,
    kind: hub.kind,
    laCodes: hub.laCodes,
    modules: hub.modules,
    settings: hub.settings,
    user: { id: directorId, email: director.email, name: director.name, isSuperadmin: false },
    userId: directorId,
    memberships: [{ id: '', role: 'tenant_admin', schoolId: null }],
    roles: ['tenant_admin'],
    appUrl: process.env.NEXTAUTH_URL ?? 'http://localhost:3000',
  };
  const school = (urn: number) => schoolIds.get(urn) ?? '';
  const year = academicYearOf(todayInLondon());
  const thisYear = await loadTermDates(tx, year);
  const lastYear = await loadTermDates(tx, year - 1);
  const yearBefore = await loadTermDates(tx, year - 2);
  const startOf = (dates: typeof thisYear) => dates.terms[0]?.startsOn ?? `${dates.academicYear}-09-03`;

  const register = (values: {
    urn: number;
    name: string;
    trn: string;
    email: string;
    startsOn: string;
    fte?: number;
    tutor: [string, string];
    continueInduction?: boolean;
  }) =>
    registerEct(
      tx,
      actor,
      ZRegisterEctInput.parse({
        schoolId: school(values.urn),
        name: values.name,
        trn: values.trn,
        email: values.email,
        startsOn: values.startsOn,
        fte: values.fte ?? 1,
        tutorName: values.tutor[0],
        tutorEmail: values.tutor[1],
        mentorName: 'Subject mentor',
        mentorEmail: `mentor@${values.email.split('@')[1]}`,
        continueInduction: values.continueInduction ?? false,
      }),
    );
  const checkpoints = async (ectId: string) =>
    (await getEct(tx, actor, { ectId, today: todayInLondon() })).checkpoints;
  const judge = async (
    checkpointId: string,
    judgement: 'on_track' | 'not_on_track',
    evidence: string,
    accept = true,
  ) => {
    await submitCheckpoint(tx, actor, { checkpointId, judgement, evidence });
    if (accept) await reviewCheckpoint(tx, actor, { checkpointId, decision: 'accept', comment: '' });
  };
  const onTrack =
    'Meeting the Teachers’ Standards at the expected level for this point: planning, behaviour and assessment observed.';
  const coppetts: [string, string] = ['James Whitaker', 'deputy@coppettswood.sch.example'];
  const cannonLane: [string, string] = ['Ben Thornton', 'deputy@cannonlane.sch.example'];

  // 1. Just started, full time (the ECT can sign in: j.kowalczyk@millhillvale.sch.example).
  await register({
    urn: 138912,
    name: 'Jakub Kowalczyk',
    trn: '3012345',
    email: 'j.kowalczyk@millhillvale.sch.example',
    startsOn: startOf(thisYear),
    tutor: ['Priya Nair', 'induction@millhillvale.sch.example'],
  });

  // 2. Part time, 0.6 FTE, in their second school year and still in induction year 1 (signs in too).
  const kavitha = await register({
    urn: 102290,
    name: 'Kavitha Sivakumar',
    trn: '3023456',
    email: 'k.sivakumar@hatchend.sch.example',
    startsOn: startOf(lastYear),
    fte: 0.6,
    tutor: ['Owen Price', 'induction@hatchend.sch.example'],
  });
  const [k1] = await checkpoints(kavitha.ectId);
  if (k1) await judge(k1.id, 'on_track', onTrack);

  // 3. At risk: term 1 on track, term 2 not on track (support plan), the term 3 formal assessment overdue.
  const daniel = await register({
    urn: 101262,
    name: 'Daniel Okafor',
    trn: '3034567',
    email: 'd.okafor@coppettswood.sch.example',
    startsOn: startOf(lastYear),
    tutor: coppetts,
  });
  const [d1, d2] = await checkpoints(daniel.ectId);
  if (d1) await judge(d1.id, 'on_track', onTrack);
  if (d2)
    await judge(
      d2.id,
      'not_on_track',
      'Behaviour management is not yet secure (Standard 7): low-level disruption in three of four observed lessons. Support: weekly coaching with the mentor, observation of the phase leader.',
    );

  // 4. On track in year 2.
  const sophie = await register({
    urn: 102228,
    name: 'Sophie Brennan',
    trn: '3045678',
    email: 's.brennan@cannonlane.sch.example',
    startsOn: startOf(lastYear),
    tutor: cannonLane,
  });
  for (const c of (await checkpoints(sophie.ectId)).slice(0, 3)) await judge(c.id, 'on_track', onTrack);

  // 5. Moved school at Easter: St Catherine's (Barnet) to Cannon Lane (Harrow), the same induction continued.
  const aisha = await register({
    urn: 101335,
    name: 'Aisha Rahman',
    trn: '3056789',
    email: 'a.rahman@stcatherines.sch.example',
    startsOn: startOf(lastYear),
    tutor: ['Bernadette Keane', 'head@stcatherines.sch.example'],
  });
  for (const c of (await checkpoints(aisha.ectId)).slice(0, 2)) await judge(c.id, 'on_track', onTrack);
  await register({
    urn: 102228,
    name: 'Aisha Rahman',
    trn: '3056789',
    email: 'a.rahman@stcatherines.sch.example',
    startsOn: lastYear.terms[2]?.startsOn ?? `${year}-04-20`,
    tutor: cannonLane,
    continueInduction: true,
  });
  const interim = (await checkpoints(aisha.ectId)).find((c) => c.kind === 'interim');
  if (interim) await judge(interim.id, 'on_track', onTrack, false);

  // 6. Completed: passed last summer.
  const tom = await register({
    urn: 101262,
    name: 'Tom Whitfield',
    trn: '3067890',
    email: 't.whitfield@coppettswood.sch.example',
    startsOn: startOf(yearBefore),
    tutor: coppetts,
  });
  for (const c of await checkpoints(tom.ectId)) await judge(c.id, 'on_track', onTrack);
  await recordOutcome(tx, actor, {
    ectId: tom.ectId,
    outcome: 'pass',
    decidedOn: lastYear.terms[2]?.endsOn ?? `${year}-07-21`,
    termsServed: 6,
    note: 'Headteacher’s recommendation received; all six terms served.',
  });

  // In the story each school registered its ECT (and Aisha's move) as they started, not on the day the demo
  // was seeded: date each registration to its start, so none reads as a late registration with its past
  // reviews "already overdue when registered" (server/induction/late-registration.ts). The day of registration
  // is registered_on (created_at too, which a period without one would read).
  await tx
    .update(inductionPeriods)
    .set({
      registeredOn: sql`${inductionPeriods.startsOn}`,
      createdAt: sql`${inductionPeriods.startsOn}::timestamptz`,
    })
    .where(eq(inductionPeriods.tenantId, tenantId));
}
