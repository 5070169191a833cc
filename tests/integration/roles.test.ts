import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { schools } from '~/db/schema';
import { callerFor, openTestDatabase, tenantBySlug } from './harness';
import { makeSchool, makeWorkspaceWithEveryRole } from '../fixtures/factories';

describe('roles inside one workspace', () => {
  let database: Database;
  let ownSchoolId: string;
  let otherSchoolId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    const hsip = await tenantBySlug(database.db, 'hsip');
    const head = await callerFor(database.db, 'head@grange.sch.example', 'hsip');
    const workspace = await head.workspaces.current();
    const own = workspace.mySchools[0];
    if (!own) throw new Error('the Grange headteacher has no school');
    ownSchoolId = own.id;
    const all = await withTenant(database.db, hsip.id, (tx) => tx.select({ id: schools.id }).from(schools));
    const other = all.find((s) => s.id !== ownSchoolId);
    if (!other) throw new Error('hsip has one school only');
    otherSchoolId = other.id;
  });

  it('a headteacher sees their own school and is told another school does not exist', async () => {
    const head = await callerFor(database.db, 'head@grange.sch.example', 'hsip');
    await expect(head.schools.byId({ id: ownSchoolId })).resolves.toMatchObject({ id: ownSchoolId });
    await expect(head.schools.byId({ id: otherSchoolId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a headteacher cannot list every school, see the members, the audit log, or edit notes', async () => {
    const head = await callerFor(database.db, 'head@grange.sch.example', 'hsip');
    await expect(head.schools.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(head.members.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(head.audit.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(head.schools.updateNotes({ id: ownSchoolId, notes: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('finance may list schools but not edit notes; the manager may do both', async () => {
    const finance = await callerFor(database.db, 'finance@hsip.example', 'hsip');
    expect((await finance.schools.list({})).length).toBeGreaterThan(10);
    await expect(finance.schools.updateNotes({ id: otherSchoolId, notes: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const manager = await callerFor(database.db, 'manager@hsip.example', 'hsip');
    await expect(
      manager.schools.updateNotes({ id: otherSchoolId, notes: 'Met the SBM' }),
    ).resolves.toMatchObject({
      id: otherSchoolId,
      notes: 'Met the SBM',
    });
  });

  it('shows each role only the sections it may use, within the modules the tenant has', async () => {
    const head = await callerFor(database.db, 'head@grange.sch.example', 'hsip');
    const headSections = (await head.workspaces.current()).sections.map((s) => s.slug);
    expect(headSections).toContain('catalogue');
    expect(headSections).not.toContain('members');
    expect(headSections).not.toContain('concern');
    const officer = await callerFor(database.db, 'head.si@harrow.example', 'harrow');
    const officerSections = (await officer.workspaces.current()).sections.map((s) => s.slug);
    expect(officerSections).toEqual(expect.arrayContaining(['concern', 'commissioning', 'members']));
    expect(officerSections).not.toContain('catalogue');
  });

  it('staff get headline figures; school users get none', async () => {
    const manager = await callerFor(database.db, 'manager@hsip.example', 'hsip');
    expect((await manager.workspaces.figures())?.openSchools).toBeGreaterThan(10);
    // A school open but proposed to close (GIAS) is still open: counted, and offered wherever schools are chosen.
    const own = await makeWorkspaceWithEveryRole(database.db, ['traded']);
    const closing = await makeSchool(database.db, own.tenant.id, { status: 'proposed_to_close' });
    await makeSchool(database.db, own.tenant.id, { status: 'closed' });
    expect((await own.caller.workspaces.figures())?.openSchools).toBe(2);
    const open = (await own.caller.schools.list({ open: true })).map((s) => s.id);
    expect(open.sort()).toEqual([own.school.id, closing.id].sort());
    const head = await callerFor(database.db, 'head@grange.sch.example', 'hsip');
    expect(await head.workspaces.figures()).toBeNull();
  });

  it('rejects bad input with a field message', async () => {
    const manager = await callerFor(database.db, 'manager@hsip.example', 'hsip');
    await expect(manager.schools.updateNotes({ id: 'not-a-uuid', notes: 'x' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(manager.schools.updateNotes({ id: otherSchoolId, notes: 'x'.repeat(4001) })).rejects.toThrow(
      /4,000 characters/,
    );
  });
});
