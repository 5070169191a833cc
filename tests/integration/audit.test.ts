import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { auditLog, schools } from '~/db/schema';
import { callerFor, openTestDatabase, tenantBySlug, userByEmail } from './harness';

describe('audit log', () => {
  let database: Database;
  let bepId: string;
  let schoolId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    bepId = (await tenantBySlug(database.db, 'bep')).id;
    const [school] = await withTenant(database.db, bepId, (tx) =>
      tx.select({ id: schools.id }).from(schools).limit(1),
    );
    if (!school) throw new Error('bep has no schools');
    schoolId = school.id;
  });

  const auditRows = () =>
    withTenant(database.db, bepId, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'schools.updateNotes'))
        .orderBy(desc(auditLog.createdAt)),
    );

  it('records who changed what, in the same transaction as the change', async () => {
    const manager = await callerFor(database.db, 'manager@bep.example', 'bep');
    const actor = await userByEmail(database.db, 'manager@bep.example');
    const before = (await auditRows()).length;
    await manager.schools.updateNotes({ id: schoolId, notes: 'Buy-back conversation due in March' });
    const after = await auditRows();
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toMatchObject({
      tenantId: bepId,
      actorUserId: actor.id,
      action: 'schools.updateNotes',
      targetIds: { id: schoolId },
      resultIds: { id: schoolId },
    });
    const listed = await manager.audit.list({ limit: 5 });
    expect(listed[0]).toMatchObject({ action: 'schools.updateNotes', actorEmail: 'manager@bep.example' });
  });

  it('writes nothing when the change fails', async () => {
    const manager = await callerFor(database.db, 'manager@bep.example', 'bep');
    const before = (await auditRows()).length;
    await expect(
      manager.schools.updateNotes({ id: '00000000-0000-4000-8000-000000000000', notes: 'No such school' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await auditRows()).toHaveLength(before);
  });

  it('reads never write audit rows', async () => {
    // A user no other test acts as, so rows written by tests running alongside cannot blur the count.
    const reader = await callerFor(database.db, 'head@washwoodheath.sch.example', 'bep');
    const actor = await userByEmail(database.db, 'head@washwoodheath.sch.example');
    const count = async () =>
      (
        await withTenant(database.db, bepId, (tx) =>
          tx.select().from(auditLog).where(eq(auditLog.actorUserId, actor.id)),
        )
      ).length;
    const before = await count();
    await reader.workspaces.current();
    await reader.catalogue.list({});
    expect(await count()).toBe(before);
  });
});
