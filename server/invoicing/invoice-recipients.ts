import { and, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { memberships, schoolContacts, users } from '~/db/schema';

export type InvoiceRecipient = { name: string; email: string };

/**
 * Who a school's invoices go to: its finance contacts on record (with an email address); a school with none
 * gets them at its school administrators' accounts instead.
 */
export async function invoiceRecipientsOf(tx: Tx, schoolId: string): Promise<InvoiceRecipient[]> {
  const contacts = await tx
    .select({ name: schoolContacts.name, email: schoolContacts.email })
    .from(schoolContacts)
    .where(
      and(
        eq(schoolContacts.schoolId, schoolId),
        eq(schoolContacts.role, 'finance'),
        isNotNull(schoolContacts.email),
      ),
    );
  const finance = contacts.flatMap((c) => (c.email ? [{ name: c.name, email: c.email }] : []));
  if (finance.length > 0) return unique(finance);
  const admins = await tx
    .select({ name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.schoolId, schoolId), eq(memberships.role, 'school_admin')));
  return unique(admins);
}

function unique(list: InvoiceRecipient[]): InvoiceRecipient[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    const key = r.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
