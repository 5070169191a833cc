import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { makeDemoWorkspace, type DemoWorkspace } from '../fixtures/factories';
import { failureOf, openTestDatabase } from './harness';

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
