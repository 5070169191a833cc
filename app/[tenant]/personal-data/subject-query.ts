import { z } from 'zod';
import type { TPersonalDataSubject } from '~/server/privacy/privacy-subject';

const ZQuery = z.union([
  z.object({ kind: z.enum(['ect', 'governor']), id: z.uuid() }),
  z.object({ kind: z.literal('delegate'), email: z.email() }),
]);

/** The person a page or download is about, from its address (`?kind=governor&id=…` or `?kind=delegate&email=…`). */
export function subjectFromQuery(
  query: Record<string, string | string[] | undefined>,
): TPersonalDataSubject | null {
  const flat = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = ZQuery.safeParse(flat);
  return parsed.success ? parsed.data : null;
}

/** The address of a person's page, or of one of their downloads. */
export function subjectQuery(subject: { kind: string; id: string | null; email: string }): string {
  const params = new URLSearchParams({ kind: subject.kind });
  if (subject.id) params.set('id', subject.id);
  else params.set('email', subject.email);
  return params.toString();
}
