import { DomainError } from '~/server/errors/domain-error';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { contactRole, schoolContacts } from '~/db/schema';
import { getSchool } from './get-school';

export const ZAddSchoolContactInput = z.object({
  schoolId: z.uuid({ message: 'Choose a school.' }),
  role: z.enum(contactRole.enumValues, { message: 'Choose what this person does for you.' }),
  name: z.string().trim().min(2, 'Enter the contact’s name.').max(120),
  email: z.email({ message: 'Enter an email address like name@school.org.uk.' }).optional().or(z.literal('')),
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[0-9 +()-]*$/, 'Phone numbers use digits, spaces and + ( ) - only.')
    .optional(),
});

export const contactRoleLabels: Record<(typeof contactRole.enumValues)[number], string> = {
  headteacher: 'Headteacher',
  business_manager: 'School business manager',
  finance: 'Finance contact',
  bookings: 'Bookings contact',
};

export function listSchoolContacts(tx: Tx, schoolId: string) {
  return tx
    .select()
    .from(schoolContacts)
    .where(eq(schoolContacts.schoolId, schoolId))
    .orderBy(asc(schoolContacts.role), asc(schoolContacts.name));
}

export async function addSchoolContact(
  tx: Tx,
  tenantId: string,
  input: z.infer<typeof ZAddSchoolContactInput>,
) {
  await getSchool(tx, input.schoolId);
  const [contact] = await tx
    .insert(schoolContacts)
    .values({
      tenantId,
      schoolId: input.schoolId,
      role: input.role,
      name: input.name,
      email: input.email ? input.email.toLowerCase() : null,
      phone: input.phone || null,
    })
    .returning({ id: schoolContacts.id });
  return { id: contact?.id, schoolId: input.schoolId };
}

export async function removeSchoolContact(tx: Tx, input: { id: string; schoolId: string }) {
  const [removed] = await tx
    .delete(schoolContacts)
    .where(and(eq(schoolContacts.id, input.id), eq(schoolContacts.schoolId, input.schoolId)))
    .returning({ id: schoolContacts.id });
  if (!removed) throw new DomainError({ code: 'NOT_FOUND', message: 'That contact was not found.' });
  return removed;
}
