import { and, eq, isNotNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
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

/**
 * Whether a school has anyone its invoices can be emailed to, by the rule of `invoiceRecipientsOf` (a finance
 * contact with an email address, else a school administrator), as SQL for a list of invoices or schools.
 */
export function hasInvoiceRecipient(schoolId: AnyColumn | SQL): SQL<boolean> {
  return sql<boolean>`(exists (select 1 from ${schoolContacts} where ${schoolContacts.schoolId} = ${schoolId}
      and ${schoolContacts.role} = 'finance' and ${schoolContacts.email} is not null)
    or exists (select 1 from ${memberships} where ${memberships.schoolId} = ${schoolId}
      and ${memberships.role} = 'school_admin'))`;
}

/** What the finance team is told when an invoice would go to nobody: a school with no one to send it to. */
export const noRecipientWarning = (schoolName: string) =>
  `No one to send it to: ${schoolName} has no finance contact with an email address and no headteacher or business manager with an account, so issuing would email the invoice to nobody. Add a finance contact to the school first, or issue it and send it yourself.`;
