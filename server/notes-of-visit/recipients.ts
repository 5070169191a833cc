import { and, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { memberships, schoolContacts, users } from '~/db/schema';

type Recipient = { name: string; email: string };

function unique<T extends Recipient>(people: T[]): T[] {
  const seen = new Map<string, T>();
  for (const p of people) if (!seen.has(p.email.toLowerCase())) seen.set(p.email.toLowerCase(), p);
  return [...seen.values()];
}

/**
 * The school's headteacher: its headteacher users (with an account: they can open the note), and the
 * headteacher contact on record if any (emailed, but must join before they can read it).
 */
export async function headteachersOf(
  tx: Tx,
  schoolId: string,
): Promise<(Recipient & { hasAccount: boolean })[]> {
  const [members, contacts] = await Promise.all([
    tx
      .select({ name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.schoolId, schoolId), eq(memberships.role, 'school_admin'))),
    tx
      .select({ name: schoolContacts.name, email: schoolContacts.email })
      .from(schoolContacts)
      .where(
        and(
          eq(schoolContacts.schoolId, schoolId),
          eq(schoolContacts.role, 'headteacher'),
          isNotNull(schoolContacts.email),
        ),
      ),
  ]);
  return unique([
    ...members.map((m) => ({ ...m, hasAccount: true })),
    ...contacts.flatMap((c) => (c.email ? [{ name: c.name, email: c.email, hasAccount: false }] : [])),
  ]);
}

/** The school's governors with an account (the chair among them). */
export async function governorsOf(tx: Tx, schoolId: string): Promise<Recipient[]> {
  const rows = await tx
    .select({ name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.schoolId, schoolId), eq(memberships.role, 'governor')));
  return unique(rows);
}
