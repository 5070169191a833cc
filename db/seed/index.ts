import { count, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { memberships, schools, tenants, users } from '../schema';
import * as demo from './demo-data';

/** Seeds the demo workspaces unless the database already has tenants. Safe to call from several processes. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(717171)`);
    // Seed as the runtime role, through the same row-level security the app lives under.
    await tx.execute(sql`select set_config('role', 'stride_app', true)`);
    const [existing] = await tx.select({ n: count() }).from(tenants);
    if ((existing?.n ?? 0) > 0) return false;
    await seedDemo(tx);
    return true;
  });
}

async function seedDemo(tx: Tx): Promise<void> {
  const schoolByUrn = new Map(demo.allSchools.map((s) => [s.urn, s]));
  const userRows = await tx
    .insert(users)
    .values([
      {
        email: demo.superadmin.email,
        name: demo.superadmin.name,
        jobTitle: 'Platform administrator',
        isSuperadmin: true,
      },
      ...demo.users.map((u) => ({ email: u.email.toLowerCase(), name: u.name, jobTitle: u.jobTitle })),
    ])
    .returning({ id: users.id, email: users.email });
  const userIdByEmail = new Map(userRows.map((u) => [u.email, u.id]));

  for (const t of demo.tenants) {
    const [tenant] = await tx
      .insert(tenants)
      .values({
        slug: t.slug,
        name: t.name,
        shortName: t.shortName,
        kind: t.kind,
        laCodes: t.laCodes,
        modules: t.modules,
        settings: t.settings,
      })
      .returning({ id: tenants.id });
    if (!tenant) throw new Error(`could not create tenant ${t.slug}`);
    await tx.execute(sql`select set_config('app.tenant_id', ${tenant.id}, true)`);

    const schoolRows = await tx
      .insert(schools)
      .values(
        t.schoolUrns.map((urn) => {
          const s = schoolByUrn.get(urn);
          if (!s) throw new Error(`seed: tenant ${t.slug} names unknown school URN ${urn}`);
          return { tenantId: tenant.id, ...s };
        }),
      )
      .returning({ id: schools.id, urn: schools.urn });
    const schoolIdByUrn = new Map(schoolRows.map((s) => [s.urn, s.id]));

    const membershipRows = demo.users.flatMap((u) =>
      (u.memberships[t.slug] ?? []).map((m) => {
        const userId = userIdByEmail.get(u.email.toLowerCase());
        const schoolId = m.schoolUrn === undefined ? null : schoolIdByUrn.get(m.schoolUrn);
        if (!userId || schoolId === undefined)
          throw new Error(`seed: bad membership for ${u.email} in ${t.slug}`);
        return { tenantId: tenant.id, userId, role: m.role, schoolId };
      }),
    );
    if (membershipRows.length > 0) await tx.insert(memberships).values(membershipRows);
  }
  await tx.execute(sql`select set_config('app.tenant_id', '', true)`);
}
