import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courseBookings, ectRegistrations, ects, governors, outboxEmails, schools } from '~/db/schema';
import type { Actor } from '../access/actor';
import { mayActFor } from './privacy-subject';

export type PersonMatch = {
  kind: 'ect' | 'governor' | 'delegate';
  /** The ECT's or governor's id; null for a delegate (known by email). */
  id: string | null;
  name: string;
  email: string;
  /** Where they are found: the school, TRN, course places. */
  detail: string;
};

const limit = 25;

/**
 * People matching a name, email or TRN that the actor may act for: ECTs (the AB's officers), governors (the
 * governance officers), and every other person met by email in course places, schools' ECT registrations sent
 * to the AB for checking (also by TRN) or emails sent (the manager).
 */
export async function findPeople(tx: Tx, actor: Actor, input: { query: string }): Promise<PersonMatch[]> {
  const query = input.query.trim();
  if (query.length < 2) return [];
  const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const found: PersonMatch[] = [];
  if (mayActFor(actor, 'ect')) {
    const rows = await tx
      .select({ id: ects.id, name: ects.name, email: ects.email, trn: ects.trn, status: ects.status })
      .from(ects)
      .where(or(ilike(ects.name, like), ilike(ects.email, like), ilike(ects.trn, like)))
      .orderBy(asc(ects.name))
      .limit(limit);
    for (const r of rows)
      found.push({
        kind: 'ect',
        id: r.id,
        name: r.name,
        email: r.email,
        detail: `ECT, TRN ${r.trn}, ${r.status === 'completed' ? 'induction completed' : 'in induction'}`,
      });
  }
  if (mayActFor(actor, 'governor')) {
    const rows = await tx
      .select({
        id: governors.id,
        name: governors.name,
        email: governors.email,
        school: schools.name,
        steppedDownOn: governors.steppedDownOn,
      })
      .from(governors)
      .innerJoin(schools, eq(schools.id, governors.schoolId))
      .where(or(ilike(governors.name, like), ilike(governors.email, like)))
      .orderBy(asc(governors.name))
      .limit(limit);
    for (const r of rows)
      found.push({
        kind: 'governor',
        id: r.id,
        name: r.name,
        email: r.email,
        detail: `Governor, ${r.school}${r.steppedDownOn ? ' (stepped down)' : ''}`,
      });
  }
  if (mayActFor(actor, 'delegate')) {
    const known = new Set(found.map((f) => f.email.toLowerCase()).filter(Boolean));
    const places = await tx
      .select({
        email: sql<string>`lower(${courseBookings.delegateEmail})`,
        name: sql<string>`max(${courseBookings.delegateName})`,
        n: sql<number>`count(*)::int`,
      })
      .from(courseBookings)
      .where(or(ilike(courseBookings.delegateName, like), ilike(courseBookings.delegateEmail, like)))
      .groupBy(sql`lower(${courseBookings.delegateEmail})`)
      .orderBy(sql`lower(${courseBookings.delegateEmail})`)
      .limit(limit);
    const registered = await tx
      .select({
        email: sql<string>`lower(${ectRegistrations.email})`,
        name: sql<string>`max(${ectRegistrations.name})`,
        n: sql<number>`count(*)::int`,
      })
      .from(ectRegistrations)
      .where(
        and(
          sql`${ectRegistrations.email} <> ''`,
          or(
            ilike(ectRegistrations.name, like),
            ilike(ectRegistrations.email, like),
            ilike(ectRegistrations.trn, like),
          ),
        ),
      )
      .groupBy(sql`lower(${ectRegistrations.email})`)
      .orderBy(sql`lower(${ectRegistrations.email})`)
      .limit(limit);
    const mailed = await tx
      .selectDistinct({ email: sql<string>`lower(${outboxEmails.to})` })
      .from(outboxEmails)
      .where(ilike(outboxEmails.to, like))
      .limit(limit);
    for (const p of places) {
      if (known.has(p.email) || p.email.endsWith('@erased.invalid')) continue;
      known.add(p.email);
      found.push({
        kind: 'delegate',
        id: null,
        name: p.name,
        email: p.email,
        detail: `Course delegate, ${p.n} place${p.n === 1 ? '' : 's'}`,
      });
    }
    for (const r of registered) {
      if (known.has(r.email)) continue;
      known.add(r.email);
      found.push({
        kind: 'delegate',
        id: null,
        name: r.name,
        email: r.email,
        detail: `ECT registration sent for checking${r.n === 1 ? '' : ` (${r.n})`}`,
      });
    }
    for (const m of mailed) {
      if (known.has(m.email) || m.email.endsWith('@erased.invalid')) continue;
      known.add(m.email);
      found.push({ kind: 'delegate', id: null, name: '', email: m.email, detail: 'Emails sent' });
    }
  }
  return found;
}
