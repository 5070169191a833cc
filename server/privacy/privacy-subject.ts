import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { ects, governors, type Ect, type Governor } from '~/db/schema';
import type { Actor } from '../access/actor';
import { governanceOfficers, hasRole, inductionAbStaff, managers } from '../access/role-groups';
import { DomainError } from '../errors/domain-error';

/** A person the workspace holds data about: an ECT, a governor, or someone known only by email (a delegate). */
export const ZPersonalDataSubject = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ect'), id: z.uuid() }),
  z.object({ kind: z.literal('governor'), id: z.uuid() }),
  z.object({ kind: z.literal('delegate'), email: z.email().max(320) }),
]);
export type TPersonalDataSubject = z.infer<typeof ZPersonalDataSubject>;

export type ResolvedSubject = {
  kind: TPersonalDataSubject['kind'];
  /** The ECT's or governor's row; null for a delegate. */
  id: string | null;
  name: string;
  /** Lower-cased; '' when none is held (a governor with no email). */
  email: string;
  ect: Ect | null;
  governor: Governor | null;
};

/** May the actor act for this kind of person at all (the procedure admits every personal-data officer)? */
export function mayActFor(actor: Pick<Actor, 'roles' | 'kind' | 'modules'>, kind: ResolvedSubject['kind']) {
  if (kind === 'ect')
    return (
      actor.kind === 'appropriate_body' &&
      actor.modules.includes('induction') &&
      hasRole(actor.roles, inductionAbStaff)
    );
  if (kind === 'governor')
    return actor.modules.includes('governance') && hasRole(actor.roles, governanceOfficers);
  return hasRole(actor.roles, managers);
}

const refusal: Record<ResolvedSubject['kind'], string> = {
  ect: 'Only the Appropriate Body’s induction officers can export or erase an ECT’s personal data.',
  governor: 'Only the governance officers can export or erase a governor’s personal data.',
  delegate: 'Only the workspace’s manager can export or erase a course delegate’s personal data.',
};

export function assertMayActFor(
  actor: Pick<Actor, 'roles' | 'kind' | 'modules'>,
  kind: ResolvedSubject['kind'],
) {
  if (!mayActFor(actor, kind)) throw new DomainError({ code: 'FORBIDDEN', message: refusal[kind] });
}

/** Finds the person in the actor's workspace (row-level security hides every other) and checks the actor's role. */
export async function resolveSubject(
  tx: Tx,
  actor: Actor,
  subject: TPersonalDataSubject,
): Promise<ResolvedSubject> {
  assertMayActFor(actor, subject.kind);
  if (subject.kind === 'ect') {
    const [ect] = await tx.select().from(ects).where(eq(ects.id, subject.id));
    if (!ect) throw new DomainError({ code: 'NOT_FOUND', message: 'That ECT was not found.' });
    return { kind: 'ect', id: ect.id, name: ect.name, email: ect.email.toLowerCase(), ect, governor: null };
  }
  if (subject.kind === 'governor') {
    const [governor] = await tx.select().from(governors).where(eq(governors.id, subject.id));
    if (!governor) throw new DomainError({ code: 'NOT_FOUND', message: 'That governor was not found.' });
    return {
      kind: 'governor',
      id: governor.id,
      name: governor.name,
      email: governor.email.toLowerCase(),
      ect: null,
      governor,
    };
  }
  const email = subject.email.trim().toLowerCase();
  return { kind: 'delegate', id: null, name: '', email, ect: null, governor: null };
}

/** A fresh placeholder: "Erased person 1a2b", with an address no mail server accepts (RFC 2606 .invalid). */
export function newPlaceholder() {
  const token = randomBytes(4).toString('hex');
  return {
    token,
    name: `Erased person ${token.slice(0, 4)}`,
    email: `erased-${token}@erased.invalid`,
    trn: `erased-${token}`,
  };
}
export type Placeholder = ReturnType<typeof newPlaceholder>;

/** True for a value an erasure wrote (so a second erasure or retention run leaves it alone). */
export const isErasedEmail = (email: string) => email.endsWith('@erased.invalid');
