import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import type { ModuleKey } from '~/db/schema';
import { defaultTermDates } from '~/server/calendar/term-dates';
import * as demo from '~/seed/demo-data';
import { addMembership, callerAs, makeSchool, makeTenant, makeUser } from '../fixtures/factories';
import { anonymousCaller, callerFor, openTestDatabase } from './harness';

describe('workspaces', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('lists the seeded workspaces publicly', async () => {
    const list = await anonymousCaller(database.db).workspaces.list();
    // Other tests make workspaces of their own (tests/fixtures/factories.ts: slugs ending in a tag); the rest
    // are exactly the seeded ones.
    const madeByTests = /-[0-9a-z]{8,}$/;
    const seeded = list.map((w) => w.slug).filter((slug) => !madeByTests.test(slug));
    expect(seeded.sort()).toEqual(['barnet', 'bep', 'birmingham', 'harrow', 'hsip', 'nwlhub']);
    expect(list.find((w) => w.slug === 'barnet')?.name).toBe('Barnet Education and Learning Service');
  });

  it("lists a multi-workspace user's workspaces with their roles, and each opens for them", async () => {
    const sbm = await callerFor(database.db, 'sbm@whitchurch.sch.example', null);
    const mine = await sbm.workspaces.mine();
    expect(mine.map((w) => w.slug).sort()).toEqual(['barnet', 'hsip']);
    expect(mine.every((w) => w.roles.includes('school_admin'))).toBe(true);
    for (const w of mine) {
      const inside = await callerFor(database.db, 'sbm@whitchurch.sch.example', w.slug);
      const current = await inside.workspaces.current();
      expect(current.tenant.slug).toBe(w.slug);
      expect(current.mySchools.map((s) => s.name)).toEqual(['Whitchurch Primary School']);
    }
  });

  it('refuses the switcher to a signed-out visitor', async () => {
    await expect(anonymousCaller(database.db).workspaces.mine()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it("uses the tenant's own vocabulary", async () => {
    const barnet = await callerFor(database.db, 'head.si@barnet.example', 'barnet');
    expect((await barnet.workspaces.current()).tenant.settings.linkAdviserTitle).toBe(
      'Learning Network Inspector',
    );
    const birmingham = await callerFor(database.db, 'head.si@birmingham.example', 'birmingham');
    expect((await birmingham.workspaces.current()).tenant.settings.reviewMeetingCadenceDays).toBe(14);
  });
});

describe('getting started', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  /** A workspace as the platform makes one (an LA starts with schools joining not categorised), and its manager. */
  async function newWorkspace(kind: 'la' | 'provider' | 'appropriate_body', modules: ModuleKey[]) {
    const tenant = await makeTenant(database.db, {
      kind,
      modules,
      settings: kind === 'la' ? { statutory: { defaultCategory: '' } } : {},
    });
    const manager = await makeUser(database.db);
    await addMembership(database.db, tenant.id, manager.id, 'tenant_admin');
    return { tenant, caller: callerAs(database.db, manager, tenant.slug) };
  }

  const stepsOf = (setup: { steps: { key: string; done: boolean }[] }) =>
    Object.fromEntries(setup.steps.map((s) => [s.key, s.done]));

  it('a new LA’s manager is shown each step that applies, ticked off as the workspace holds it', async () => {
    const { tenant, caller } = await newWorkspace('la', ['statutory', 'traded']);
    const first = await caller.workspaces.gettingStarted();
    expect(stepsOf(first)).toEqual({
      schools: false,
      people: false,
      'monitoring-settings': false,
      'term-dates': false,
      dcs: false,
    });

    await makeSchool(database.db, tenant.id);
    await caller.members.invite({ email: `officer-${tenant.slug}@la.example`, role: 'la_officer' });
    await caller.register.updateSettings(await caller.register.settings());
    const year = first.termDatesYear;
    await caller.calendar.setTermDates({ academicYear: year, terms: defaultTermDates(year).terms });
    const [director] = (await caller.casework.dcsDesignations()).candidates;
    if (!director) throw new Error('the new LA has no officer to name as its DCS');
    await caller.casework.designateDcs({ userId: director.userId, role: 'dcs' });
    expect(stepsOf(await caller.workspaces.gettingStarted())).toEqual({
      schools: true,
      people: true,
      'monitoring-settings': true,
      'term-dates': true,
      dcs: true,
    });
  });

  it('an Appropriate Body sets its fee per ECT; courses alone need no term dates; only the manager is shown it', async () => {
    const ab = await newWorkspace('appropriate_body', ['induction', 'courses']);
    expect((await ab.caller.workspaces.gettingStarted()).steps.map((s) => s.key)).toEqual([
      'schools',
      'people',
      'term-dates',
      'induction-settings',
    ]);
    await ab.caller.induction.updateSettings({ feePerEctPence: 45_000 });
    expect(stepsOf(await ab.caller.workspaces.gettingStarted())['induction-settings']).toBe(true);

    // A partnership running courses and selling ECT training: no monitoring, term dates or induction settings.
    const courses = await newWorkspace('provider', ['courses', 'induction']);
    expect((await courses.caller.workspaces.gettingStarted()).steps.map((s) => s.key)).toEqual([
      'schools',
      'people',
    ]);

    const finance = await makeUser(database.db);
    await addMembership(database.db, ab.tenant.id, finance.id, 'finance');
    await expect(
      callerAs(database.db, finance, ab.tenant.slug).workspaces.gettingStarted(),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('the seeded workspaces have done every step', async () => {
    for (const [email, slug] of [
      ['head.si@barnet.example', 'barnet'],
      ['head.si@birmingham.example', 'birmingham'],
      ['manager@bep.example', 'bep'],
      ['manager@hsip.example', 'hsip'],
      ['director@nwlhub.example', 'nwlhub'],
    ] as const) {
      const setup = await (await callerFor(database.db, email, slug)).workspaces.gettingStarted();
      expect(
        setup.steps.filter((s) => !s.done),
        slug,
      ).toEqual([]);
    }
  });

  it('every seeded workspace selling packages has its invoicing set up, with made-up bank details', async () => {
    const traded = demo.tenants.filter((t) => t.modules.includes('traded'));
    expect(traded.map((t) => t.slug).sort()).toEqual(['barnet', 'bep', 'hsip']);
    for (const t of traded) {
      const manager = demo.users.find((u) =>
        (u.memberships[t.slug] ?? []).some((m) => m.role === 'tenant_admin'),
      );
      const caller = await callerFor(database.db, manager?.email ?? '', t.slug);
      const setup = await caller.workspaces.gettingStarted();
      expect(
        setup.steps.find((s) => s.key === 'invoice-settings'),
        t.slug,
      ).toEqual({
        key: 'invoice-settings',
        done: true,
      });
      const settings = await caller.invoices.settings();
      expect(settings.address, t.slug).not.toBe('');
      expect(settings.bankDetails, t.slug).toContain('Sort code 00-00-00');
      expect(settings.paymentTermsDays, t.slug).toBe(30);
    }
    // A VAT number only where the demo charges VAT: BEP is not VAT-registered.
    const bep = await callerFor(database.db, 'manager@bep.example', 'bep');
    expect((await bep.invoices.settings()).vatNumber).toBeNull();
    const hsip = await callerFor(database.db, 'manager@hsip.example', 'hsip');
    expect((await hsip.invoices.settings()).vatNumber).toMatch(/^GB\d{9}$/);
  });
});
