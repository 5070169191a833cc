import { count, sql } from 'drizzle-orm';
import type { Db, Tx } from '~/db/client';
import { setTermDates } from '~/server/calendar/set-term-dates';
import { demoTermDates } from './term-dates-data';
import { adviserProfiles, memberships, schools, tenants, users } from '~/db/schema';
import { demoCatalogues } from './catalogue-data';
import { seedCourses } from './seed-courses';
import { seedInduction } from './seed-induction';
import { seedGovernance } from './seed-governance';
import { seedDemoInvoices } from './seed-invoices';
import * as demo from './demo-data';
import { seedContracts, seedStatutory } from './seed-statutory';
import { statutorySettings } from './statutory-data';
import { demoSchoolContacts } from './school-contact-data';
import { seedCatalogueAndSubscriptions } from './seed-catalogue';

/** Most demo schools have signed their partnership agreement; every fifth has not, to show both prices. */
const isDemoMember = (urn: number) => urn % 5 !== 0;

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
  const tenantIdBySlug = new Map<string, string>();
  const schoolIdsBySlug = new Map<string, Map<number, string>>();

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
        settings: statutorySettings[t.slug]
          ? { ...t.settings, statutory: statutorySettings[t.slug] }
          : t.settings,
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
          return {
            tenantId: tenant.id,
            ...s,
            ...demoSchoolContacts(s),
            isPartnershipMember: isDemoMember(urn),
          };
        }),
      )
      .returning({ id: schools.id, urn: schools.urn });
    const schoolIdByUrn = new Map(schoolRows.map((s) => [s.urn, s.id]));
    tenantIdBySlug.set(t.slug, tenant.id);
    schoolIdsBySlug.set(t.slug, schoolIdByUrn);

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

    const advisers = demo.users.filter((u) =>
      (u.memberships[t.slug] ?? []).some((m) => m.role === 'adviser'),
    );
    if (advisers.length > 0) {
      await tx.insert(adviserProfiles).values(
        advisers.map((u) => {
          const associate = /associate/i.test(u.jobTitle);
          return {
            tenantId: tenant.id,
            userId: userIdByEmail.get(u.email.toLowerCase()) ?? '',
            kind: associate ? ('associate' as const) : ('employed' as const),
            // Associates are paid a day rate; for employed advisers it is their cost per day.
            dayRatePence: associate ? 45_000 : 38_000,
          };
        }),
      );
    }

    if (t.modules.includes('statutory')) {
      await seedStatutory(tx, {
        tenantId: tenant.id,
        slug: t.slug,
        laCodes: t.laCodes,
        schools: t.schoolUrns.flatMap((urn) => schoolByUrn.get(urn) ?? []),
        schoolIdByUrn,
        userIdByEmail,
        adviserEmails: advisers.filter((u) => !/BPSI/.test(u.jobTitle)).map((u) => u.email.toLowerCase()),
      });
    }

    for (const [academicYear, terms] of Object.entries(demoTermDates[t.slug] ?? {})) {
      await setTermDates(tx, tenant.id, { academicYear: Number(academicYear), terms });
    }

    const catalogue = demoCatalogues[t.slug];
    if (catalogue) {
      const manager = demo.users.find((u) =>
        (u.memberships[t.slug] ?? []).some((m) => m.role === 'tenant_admin'),
      );
      await seedCatalogueAndSubscriptions(tx, {
        tenantId: tenant.id,
        catalogue,
        actorUserId: userIdByEmail.get(manager?.email ?? '') ?? '',
        schoolIdByUrn,
        demoSchools: new Set(
          demo.users.flatMap((u) =>
            (u.memberships[t.slug] ?? []).flatMap((m) => (m.schoolUrn ? [m.schoolUrn] : [])),
          ),
        ),
        // HSIP's demo schools start unsubscribed so subscribing can be tried; elsewhere they have hours to spend.
        demoSchoolsSubscribed: t.slug !== 'hsip',
        perRegisteredEct: t.kind === 'appropriate_body',
      });
    }
  }
  await seedCourses(tx, {
    tenantIdBySlug,
    schoolIdsBySlug,
    userIdByEmail,
    userNameByEmail: new Map(demo.users.map((u) => [u.email.toLowerCase(), u.name])),
  });
  await seedGovernance(tx, { tenantIdBySlug, schoolIdsBySlug, userIdByEmail });
  await seedDemoInvoices(tx, { tenantIdBySlug, userIdByEmail });
  await seedContracts(tx, {
    tenantIdBySlug,
    schoolIdsBySlug,
    schoolNameByUrn: new Map(demo.allSchools.map((s) => [s.urn, s.name])),
    userIdByEmail,
  });
  await seedInduction(tx, { tenantIdBySlug, schoolIdsBySlug, userIdByEmail });
  await tx.execute(sql`select set_config('app.tenant_id', '', true)`);
}
