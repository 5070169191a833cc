import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { chargeableItems, ects } from '~/db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { assertAppropriateBody, isAbStaff } from './appropriate-body';
import { loadEctFor } from './ect-access';
import type { TCorrectTrnInput } from './induction-inputs';

/**
 * The AB (only) corrects an ECT's teacher reference number, e.g. a digit mistyped at registration. One ECT per
 * TRN in the workspace: a TRN another ECT holds is refused, naming them (the AB sees every ECT), since that is
 * the same teacher registered twice, or a typing slip in the other record. The change is audited like every
 * mutation (who, when, which ECT); an anonymised record keeps its erased marker.
 */
export async function correctTrn(tx: Tx, actor: Actor, input: TCorrectTrnInput) {
  assertAppropriateBody(actor);
  if (!isAbStaff(actor))
    throw new DomainError({
      code: 'FORBIDDEN',
      message: 'Only the Appropriate Body can change a TRN; ask them to correct it.',
    });
  const { ect } = await loadEctFor(tx, actor, input.ectId);
  if (ect.trn.startsWith('erased-'))
    throw new DomainError({ code: 'CONFLICT', message: 'This record has been anonymised.' });
  if (ect.trn === input.trn)
    throw new DomainError({ code: 'BAD_REQUEST', field: 'trn', message: `The TRN is already ${input.trn}.` });
  const [holder] = await tx
    .select({ name: ects.name })
    .from(ects)
    .where(and(eq(ects.trn, input.trn), ne(ects.id, ect.id)));
  if (holder)
    throw new DomainError({
      code: 'CONFLICT',
      field: 'trn',
      message: `TRN ${input.trn} already belongs to another ECT in this workspace (${holder.name}). Check both records: one teacher is registered once.`,
    });
  await tx.update(ects).set({ trn: input.trn }).where(eq(ects.id, ect.id));
  // The AB fee not yet invoiced names the TRN: it goes on the invoice corrected (an issued one stays as issued).
  await tx
    .update(chargeableItems)
    .set({
      description: sql`replace(${chargeableItems.description}, ${`(TRN ${ect.trn})`}, ${`(TRN ${input.trn})`})`,
    })
    .where(
      and(
        eq(chargeableItems.sourceType, 'ect_registration'),
        eq(chargeableItems.sourceId, ect.id),
        eq(chargeableItems.status, 'uninvoiced'),
      ),
    );
  return { ectId: ect.id, trn: input.trn };
}
