import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { withTenant, type Database } from '~/db/client';
import { sccLetters } from '~/db/schema';
import { makeDemoWorkspace, makeSchool, type DemoWorkspace } from '../fixtures/factories';
import { callerFor, failureOf, openTestDatabase, tenantBySlug } from './harness';

let database: Database;
let harrow: DemoWorkspace;

beforeAll(async () => {
  database = await openTestDatabase();
  // A copy of Harrow of this file's own: it takes the default settings until its manager saves its own.
  harrow = await makeDemoWorkspace(database.db, 'harrow');
});

describe('monitoring settings', () => {
  it('the manager sets the LA’s words and cadence; pages, plans and letters use them at once', async () => {
    const manager = await harrow.caller('head.si@harrow.example');
    const before = await manager.register.settings();
    expect(before.reviewMeetingName).toBe('Schools Review Group');
    const saved = await manager.register.updateSettings({
      ...before,
      concernListName: 'Schools needing intensive support',
      leadOfficerTitle: 'Case Lead',
      linkAdviserTitle: 'School Improvement Partner',
      reviewMeetingName: 'Standards Panel',
      reviewMeetingCadenceDays: 28,
      categories: before.categories.map((c) =>
        c.key === '2' ? { ...c, label: '2 Good', visitsPerYear: 3 } : c,
      ),
      formalNoticePreconditions: ['The school has not engaged', '', '  '],
      defaultCategory: '3',
    });
    expect(saved).toMatchObject({
      concernListName: 'Schools needing intensive support',
      reviewMeetingName: 'Standards Panel',
      reviewMeetingCadenceDays: 28,
      formalNoticePreconditions: ['The school has not engaged'],
      defaultCategory: '3',
    });
    const register = await manager.register.list({ sort: 'name' });
    expect(register.linkAdviserTitle).toBe('School Improvement Partner');
    const good = register.rows.find((r) => r.laCategory === '2' && r.governance === 'maintained');
    if (!good) throw new Error('no maintained category 2 school in Harrow');
    const school = await manager.register.school({ schoolId: good.schoolId });
    expect(school.visitRule.count).toBe(3);
    // What the page does not edit is kept (Harrow's categories keep their keys and concern flags).
    const again = await manager.register.settings();
    expect(again.categories.map((c) => c.key)).toEqual(before.categories.map((c) => c.key));
  });

  it('a school may join not categorised: no visits are planned until an officer sets its category', async () => {
    const manager = await harrow.caller('head.si@harrow.example');
    const before = await manager.register.settings();
    await manager.register.updateSettings({ ...before, defaultCategory: '' });
    expect((await manager.register.settings()).defaultCategory).toBe('');
    const school = await makeSchool(database.db, harrow.id, { name: 'Newly Opened Primary' });
    await manager.register.addSchool({ schoolId: school.id, reason: 'Opened this term in our area.' });
    const record = await manager.register.school({ schoolId: school.id });
    expect(record.entry.laCategory).toBeNull();
    expect(record.visitRule.count).toBe(0);
    expect(record.visitRule.basis).toContain('Not yet categorised');
    const row = (await manager.register.list({ sort: 'name' })).rows.find((r) => r.schoolId === school.id);
    expect(row?.laCategoryLabel).toBe('Not categorised');
    // Every kind of school: a PRU, an academy and a secondary with a sixth form get no visits either.
    const others = [
      await makeSchool(database.db, harrow.id, { name: 'New PRU', type: 'Pupil referral unit' }),
      await makeSchool(database.db, harrow.id, {
        name: 'New Academy',
        type: 'Academy converter',
        typeGroup: 'Academies',
      }),
      await makeSchool(database.db, harrow.id, { name: 'New Secondary', phase: 'Secondary' }),
    ];
    for (const other of others)
      await manager.register.addSchool({ schoolId: other.id, reason: 'Opened this term in our area.' });
    const [, , secondary] = others;
    if (!secondary) throw new Error('no secondary');
    await manager.register.updateMonitoring({
      schoolId: secondary.id,
      riskNotes: '',
      riseInvolvement: '',
      capacitySecure: null,
      hasSixthForm: true,
    });
    // The officer who generates the plan is told why these schools got nothing, not just "0 visits added".
    const generated = await manager.visits.generatePlan({ academicYear: 2027 });
    expect(generated.notCategorised).toBe(4);
    for (const made of [school, ...others]) {
      const planned = await manager.register.school({ schoolId: made.id });
      expect(planned.visitRule.count, made.name).toBe(0);
      expect(planned.visits, made.name).toEqual([]);
    }
    // Nor is a categorisation letter written: it would tell the school "Not categorised" and stand as the year's.
    const letters = await manager.register.issueCategorisationLetters({});
    expect(letters.notCategorised).toBe(3);
    const written = await withTenant(database.db, harrow.id, (tx) =>
      tx
        .select({ schoolId: sccLetters.schoolId })
        .from(sccLetters)
        .where(eq(sccLetters.kind, 'categorisation')),
    );
    for (const made of [school, ...others])
      expect(
        written.map((l) => l.schoolId),
        made.name,
      ).not.toContain(made.id);
    await manager.register.updateSettings(before);
  });

  it('a new LA made on the platform starts with its schools joining not categorised', async () => {
    const admin = await callerFor(database.db, 'platform@stride.example', null);
    const slug = `newla-${Date.now().toString(36)}`;
    await admin.platform.createWorkspace({
      name: 'New Borough Council',
      shortName: 'NBC',
      slug,
      kind: 'la',
      laCodes: ['999'],
      modules: ['statutory'],
      managerEmail: `manager@${slug}.example`,
      managerName: 'Nat Manager',
    });
    expect((await tenantBySlug(database.db, slug)).settings.statutory?.defaultCategory).toBe('');
  });

  it('refuses a bad value in words, changes nothing, and is the manager’s alone', async () => {
    const manager = await harrow.caller('head.si@harrow.example');
    const before = await manager.register.settings();
    expect(
      await failureOf(manager.register.updateSettings({ ...before, reviewMeetingCadenceDays: 3 })),
    ).toMatch(/at most weekly/);
    expect(
      await failureOf(
        manager.register.updateSettings({
          ...before,
          categories: [...before.categories, { key: 'made-up', label: 'Made up', visitsPerYear: 1 }],
        }),
      ),
    ).toMatch(/categories changed while you were editing/);
    expect(
      await failureOf(manager.register.updateSettings({ ...before, defaultCategory: 'made-up' })),
    ).toMatch(/Choose one of your categories/);
    expect(await manager.register.settings()).toEqual(before);
    const officer = await harrow.caller('la.officer@harrow.example');
    expect(await failureOf(officer.register.updateSettings(before))).toMatch(/role in this workspace/);
  });
});
