import { DomainError } from '~/server/errors/domain-error';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { dcsDesignations, memberships, users } from '~/db/schema';
import { officers } from '../access/role-groups';
import type { Actor } from '../access/actor';
import { todayInLondon } from '../catalogue/academic-year';
import { membershipsHere } from '~/server/workspaces/memberships-here';

/**
 * The Director of Children's Services and the delegates they name: the only people who record the DCS's
 * decisions (formal warning notices, intervention powers, SCC budget approvals). Source: Barnet Part B (001)
 * and the domain note — "The DCS (Director of Children's Services) decides on formal powers"; officers
 * recommend. The workspace's manager names them; an officer may be designated, nobody else.
 */

export const ZDesignateDcsInput = z.object({
  userId: z.uuid({ message: 'Choose a person.' }),
  role: z.enum(['dcs', 'delegate'], { message: 'Choose whether they are the DCS or a delegate.' }),
});

export const ZEndDesignationInput = z.object({ userId: z.uuid({ message: 'Choose a person.' }) });

export type DcsPerson = { userId: string; name: string; jobTitle: string | null; role: 'dcs' | 'delegate' };

/** Who is designated today, the DCS first. */
export async function listDcsDesignations(tx: Tx): Promise<DcsPerson[]> {
  const rows = await tx
    .select({
      userId: dcsDesignations.userId,
      name: users.name,
      jobTitle: users.jobTitle,
      role: dcsDesignations.role,
    })
    .from(dcsDesignations)
    .innerJoin(users, eq(users.id, dcsDesignations.userId))
    .where(isNull(dcsDesignations.endedOn))
    .orderBy(asc(dcsDesignations.role), asc(users.name));
  return rows;
}

/** The workspace's officers who could be designated. */
export async function designationCandidates(tx: Tx) {
  return tx
    .selectDistinct({ userId: users.id, name: users.name, jobTitle: users.jobTitle })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.role, [...officers]), membershipsHere))
    .orderBy(asc(users.name));
}

/** The rule, pure: may this user record a DCS decision? */
export function mayRecordDcsDecision(designated: readonly { userId: string }[], userId: string): boolean {
  return designated.some((d) => d.userId === userId);
}

/**
 * Refuses anyone but the DCS or a delegate, naming who may. `decidedBy` (when given) must be designated too:
 * a delegate may record the Director's own decision.
 */
export async function assertDcs(
  tx: Tx,
  actor: Pick<Actor, 'userId'>,
  decidedBy?: string | null,
): Promise<string> {
  const designated = await listDcsDesignations(tx);
  if (!mayRecordDcsDecision(designated, actor.userId)) {
    const names = designated.map((d) => d.name).join(' or ');
    throw new DomainError({
      code: 'FORBIDDEN',
      message: names
        ? `Only the Director of Children’s Services or a named delegate records this decision (${names}). Officers recommend it.`
        : 'Nobody is named as the Director of Children’s Services in this workspace yet: the manager names them under “DCS and delegates”.',
    });
  }
  const decider = decidedBy ?? actor.userId;
  if (!mayRecordDcsDecision(designated, decider))
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'dcsDecisionByUserId',
      message: 'Choose the Director of Children’s Services or one of their named delegates.',
    });
  return decider;
}

/** Names a person as the DCS or a delegate (one DCS at a time: naming a new one ends the last). */
export async function designateDcs(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'userId'>,
  input: z.infer<typeof ZDesignateDcsInput>,
) {
  const candidate = (await designationCandidates(tx)).find((c) => c.userId === input.userId);
  if (!candidate)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'userId',
      message: 'Only an officer of this workspace can be named: give them the LA officer role first.',
    });
  const today = todayInLondon();
  const current = await listDcsDesignations(tx);
  if (current.some((d) => d.userId === input.userId && d.role === input.role))
    throw new DomainError({ code: 'CONFLICT', message: `${candidate.name} is already named.` });
  const ending = current.filter(
    (d) => d.userId === input.userId || (input.role === 'dcs' && d.role === 'dcs'),
  );
  if (ending.length > 0)
    await tx
      .update(dcsDesignations)
      .set({ endedOn: today })
      .where(
        and(
          inArray(
            dcsDesignations.userId,
            ending.map((d) => d.userId),
          ),
          isNull(dcsDesignations.endedOn),
        ),
      );
  // One row per person per day: naming someone again the same day replaces that day's row.
  await tx
    .insert(dcsDesignations)
    .values({
      tenantId: actor.tenantId,
      userId: input.userId,
      role: input.role,
      designatedOn: today,
      designatedByUserId: actor.userId,
    })
    .onConflictDoUpdate({
      target: [dcsDesignations.tenantId, dcsDesignations.userId, dcsDesignations.designatedOn],
      set: { role: input.role, endedOn: null, designatedByUserId: actor.userId },
    });
  return { userId: input.userId, role: input.role };
}

/** Ends a person's designation (the row stays, for the history of who decided what). */
export async function endDesignation(tx: Tx, input: z.infer<typeof ZEndDesignationInput>) {
  const ended = await tx
    .update(dcsDesignations)
    .set({ endedOn: todayInLondon() })
    .where(and(eq(dcsDesignations.userId, input.userId), isNull(dcsDesignations.endedOn)))
    .returning({ userId: dcsDesignations.userId });
  if (ended.length === 0)
    throw new DomainError({
      code: 'NOT_FOUND',
      message: 'That person is not named as the DCS or a delegate.',
    });
  return { userId: input.userId };
}
