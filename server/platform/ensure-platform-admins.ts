import { sql } from 'drizzle-orm';
import { withPlatform, type Db } from '~/db/client';
import { platformAuditLog, users } from '~/db/schema';
import { placeholderName } from '../format/person-name';

/**
 * Makes each configured address (PLATFORM_ADMIN_EMAILS) a platform administrator, creating the user if
 * needed: how a new deployment gets its first administrator without any demo data. Only grants; removing an
 * address from the variable does not take the right away (a platform administrator does that).
 */
export async function ensurePlatformAdmins(db: Db, emails: readonly string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  return withPlatform(db, async (tx) => {
    const granted: string[] = [];
    for (const email of emails.map((e) => e.trim().toLowerCase())) {
      const [row] = await tx
        .insert(users)
        .values({
          email,
          // A stand-in until they give their name: the header shows their address meanwhile.
          name: placeholderName(email),
          jobTitle: 'Platform administrator',
          isSuperadmin: true,
        })
        .onConflictDoUpdate({
          target: users.email,
          set: { isSuperadmin: true },
          setWhere: sql`not ${users.isSuperadmin}`,
        })
        .returning({ id: users.id });
      if (!row) continue;
      granted.push(email);
      await tx.insert(platformAuditLog).values({
        actorUserId: row.id,
        action: 'platform.adminFromConfiguration',
        details: { email, source: 'PLATFORM_ADMIN_EMAILS' },
      });
    }
    return granted;
  });
}
