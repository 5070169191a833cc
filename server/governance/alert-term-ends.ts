import { and, eq, inArray, isNull, lte, gte, or, ne, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { governors, memberships, schools, users } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import { longDate } from '../format/dates';
import { queueEmail } from '../email/send-email';
import { addDays, termEndWarningDays } from './board-rules';
import { categoryLabels } from './labels';
import { emailOf } from '../email/templates';
import { membershipsHere } from '~/server/workspaces/memberships-here';

/**
 * Tells each school (its headteacher and its clerk) and the workspace's managers about terms of office that
 * end within 60 days. Each governor is alerted once per term end: the date alerted for is stored on the
 * governor, so a second run (or the next day's) finds nothing new; a renewed term is alerted again.
 */
export async function alertTermEnds(
  tx: Tx,
  input: { tenantId: string; workspaceName: string; tenantSlug: string; appUrl: string; today: IsoDate },
) {
  const due = await tx
    .select({ governor: governors, schoolName: schools.name })
    .from(governors)
    .innerJoin(schools, eq(schools.id, governors.schoolId))
    .where(
      and(
        isNull(governors.steppedDownOn),
        gte(governors.termEndsOn, input.today),
        lte(governors.termEndsOn, addDays(input.today, termEndWarningDays)),
        or(isNull(governors.termEndAlertedFor), ne(governors.termEndAlertedFor, governors.termEndsOn)),
      ),
    )
    .orderBy(governors.termEndsOn);
  if (due.length === 0) return { governors: 0, schools: 0, emails: 0 };
  const item = (d: (typeof due)[number]) => ({
    name: d.governor.name,
    role: categoryLabels[d.governor.category],
    schoolName: d.schoolName,
    termEndsOn: longDate(d.governor.termEndsOn ?? ''),
  });
  const schoolIds = [...new Set(due.map((d) => d.governor.schoolId))];
  const [heads, clerks, managers] = await Promise.all([
    tx
      .select({ schoolId: memberships.schoolId, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.role, 'school_admin'), inArray(memberships.schoolId, schoolIds))),
    tx
      .select({ schoolId: governors.schoolId, email: governors.email })
      .from(governors)
      .where(
        and(
          eq(governors.category, 'clerk'),
          isNull(governors.steppedDownOn),
          inArray(governors.schoolId, schoolIds),
          ne(governors.email, ''),
        ),
      ),
    tx
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.role, 'tenant_admin'), membershipsHere)),
  ]);
  let emails = 0;
  for (const schoolId of schoolIds) {
    const ofSchool = due.filter((d) => d.governor.schoolId === schoolId);
    const to = [
      ...new Set(
        [...heads, ...clerks].filter((r) => r.schoolId === schoolId).map((r) => r.email.toLowerCase()),
      ),
    ];
    if (to.length === 0) continue;
    const message = emailOf('governor-term-ending', {
      workspaceName: input.workspaceName,
      schoolName: ofSchool[0]?.schoolName ?? '',
      governors: ofSchool.map(item),
      url: `${input.appUrl}/${input.tenantSlug}/governance/${schoolId}`,
    });
    for (const address of to) {
      await queueEmail(tx, { to: address, ...message });
      emails += 1;
    }
  }
  const digest = emailOf('governor-term-ending', {
    workspaceName: input.workspaceName,
    schoolName: null,
    governors: due.map(item),
    url: `${input.appUrl}/${input.tenantSlug}/governance`,
  });
  for (const address of new Set(managers.map((m) => m.email.toLowerCase()))) {
    await queueEmail(tx, { to: address, ...digest });
    emails += 1;
  }
  await tx
    .update(governors)
    .set({ termEndAlertedFor: sql`${governors.termEndsOn}` })
    .where(
      inArray(
        governors.id,
        due.map((d) => d.governor.id),
      ),
    );
  return { governors: due.length, schools: schoolIds.length, emails };
}
