import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { outboxEmails } from '~/db/schema';
import { withMailroom } from '~/server/email/outbox';
import { vatFor } from '~/server/invoicing/vat-for-school';
import { makeSchool } from '../fixtures/factories';
import { anonymousCaller, callerFor, openTestDatabase, tenantBySlug } from './harness';

/**
 * What a brand-new LA workspace made on the platform (no demo data) meets first: its public catalogue's words,
 * its dashboard's schools with no LA category, advisers when the manager works alone, and VAT for its own
 * maintained schools.
 */
let database: Database;
const run = Date.now().toString(36);
const la = { slug: `northshire-${run}`, manager: `head.si-${run}@northshire.example` };
const partnership = { slug: `np-${run}`, manager: `manager-${run}@np.example` };

async function acceptInvitation(email: string, slug: string) {
  const [row] = await withMailroom(database.db, (tx) =>
    tx
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.to, email))
      .orderBy(desc(outboxEmails.createdAt))
      .limit(1),
  );
  const token = row?.text?.match(/\/invite\/[a-z0-9-]+\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no invitation emailed to ${email}`);
  const person = await callerFor(database.db, email, slug);
  await person.joining.accept({ token, name: 'Pat Northshire' });
  return person;
}

beforeAll(async () => {
  database = await openTestDatabase();
  const admin = await callerFor(database.db, 'platform@stride.example', null);
  await admin.platform.createWorkspace({
    name: 'Northshire County Council',
    shortName: 'Northshire',
    slug: la.slug,
    kind: 'la',
    laCodes: ['999'],
    modules: ['traded', 'courses', 'invoices', 'statutory'],
    managerEmail: la.manager,
  });
  await admin.platform.createWorkspace({
    name: 'Northshire Partnership',
    shortName: 'NP',
    slug: partnership.slug,
    kind: 'provider',
    modules: ['traded', 'courses', 'invoices', 'induction', 'governance'],
    managerEmail: partnership.manager,
  });
  await acceptInvitation(la.manager, la.slug);
  await acceptInvitation(partnership.manager, partnership.slug);
});

describe('a new LA workspace', () => {
  it('its public catalogue promises ECT induction and governor training only where it offers them', async () => {
    const anyone = anonymousCaller(database.db);
    const own = await anyone.courseCatalogue.search({ tenant: la.slug, filters: { page: 1 } });
    expect(own.tenant.offer.lead).toBe('CPD courses, subject networks and headteacher seminars.');
    expect(own.tenant.offer.summary).toBe('CPD courses and networks');
    const other = await anyone.courseCatalogue.search({ tenant: partnership.slug, filters: { page: 1 } });
    expect(other.tenant.offer.lead).toBe(
      'CPD courses, subject networks, headteacher seminars, ECT induction and governor training.',
    );
  });

  it('the dashboard counts schools on the register with no LA category, as the register’s filter lists them', async () => {
    const manager = await callerFor(database.db, la.manager, la.slug);
    const { id: tenantId } = await tenantBySlug(database.db, la.slug);
    const schools = [
      await makeSchool(database.db, tenantId, { name: 'Northshire Primary' }),
      await makeSchool(database.db, tenantId, { name: 'Northshire High' }),
    ];
    for (const school of schools)
      await manager.register.addSchool({ schoolId: school.id, reason: 'On our first register.' });
    const notCategorised = await manager.register.list({ category: 'none', sort: 'name' });
    expect(notCategorised.rows.map((r) => r.name)).toEqual(['Northshire High', 'Northshire Primary']);
    expect((await manager.register.needsAttention()).uncategorised).toBe(2);

    const [first] = schools;
    if (!first) throw new Error('no school');
    await manager.register.changeCategory({
      schoolId: first.id,
      category: '2',
      rationale: 'Good at its last inspection and no concerns.',
    });
    expect((await manager.register.list({ category: 'none', sort: 'name' })).rows).toHaveLength(1);
    expect((await manager.register.needsAttention()).uncategorised).toBe(1);
  });

  it('a demo LA with every school categorised shows no such figure', async () => {
    const officer = await callerFor(database.db, 'head.si@harrow.example', 'harrow');
    const figures = await officer.register.needsAttention();
    expect(figures.uncategorised).toBe(
      (await officer.register.list({ category: 'none', sort: 'name' })).rows.length,
    );
    expect(figures.uncategorised).toBe(0);
  });

  it('a manager working alone can give themselves the adviser role too, and be chosen as link adviser', async () => {
    const manager = await callerFor(database.db, la.manager, la.slug);
    expect(await manager.register.advisers()).toEqual([]);
    await manager.members.invite({ email: la.manager, role: 'adviser' });
    const again = await acceptInvitation(la.manager, la.slug);
    const advisers = await again.register.advisers();
    expect(advisers.map((a) => a.name)).toEqual(['Pat Northshire']);
    const { rows } = await again.register.list({ sort: 'name' });
    const [school] = rows;
    if (!school) throw new Error('no school on the register');
    const adviser = advisers[0];
    if (!adviser) throw new Error('no adviser');
    await again.register.setAdvisers({
      schoolId: school.schoolId,
      linkAdviserUserId: adviser.userId,
      secondAdviserUserId: null,
    });
    const after = await again.register.list({ sort: 'name' });
    expect(after.rows.find((r) => r.schoolId === school.schoolId)?.linkAdviserUserId).toBe(adviser.userId);
  });

  it('asks the manager to name the DCS, ticked once someone is named (recommended notices wait for them)', async () => {
    const manager = await callerFor(database.db, la.manager, la.slug);
    const dcsStep = async () =>
      (await manager.workspaces.gettingStarted()).steps.find((s) => s.key === 'dcs');
    expect(await dcsStep()).toEqual({ key: 'dcs', done: false });
    const [me] = (await manager.casework.dcsDesignations()).candidates;
    if (!me) throw new Error('the manager is no candidate');
    await manager.casework.designateDcs({ userId: me.userId, role: 'dcs' });
    expect(await dcsStep()).toEqual({ key: 'dcs', done: true });
    // A partnership has no DCS to name.
    const other = await callerFor(database.db, partnership.manager, partnership.slug);
    expect((await other.workspaces.gettingStarted()).steps.map((s) => s.key)).not.toContain('dcs');
  });

  it('starts with its own maintained schools outside the scope of VAT; a partnership keeps the catalogue rate', async () => {
    const manager = await callerFor(database.db, la.manager, la.slug);
    const settings = await manager.invoices.settings();
    expect(settings.vatRules).toEqual([
      { productKind: 'any', customerCategory: 'maintained', treatment: 'outside_scope' },
    ]);
    // Once VAT-registered, a package at 20% is still outside the scope for a maintained school, not an academy.
    const registered = { ...settings, vatNumber: 'GB123456789' };
    const pkg = { kind: 'package' as const, rateBasisPoints: 2000 };
    expect(vatFor(registered, 'maintained', pkg).treatment).toBe('outside_scope');
    expect(vatFor(registered, 'academy', pkg).treatment).toBe('standard');
    // The invoice details are still to do on Getting started (no address or bank details yet).
    const steps = (await manager.workspaces.gettingStarted()).steps;
    expect(steps.find((s) => s.key === 'invoice-settings')?.done).toBe(false);

    const other = await callerFor(database.db, partnership.manager, partnership.slug);
    expect((await other.invoices.settings()).vatRules).toEqual([]);
  });
});
