import { DomainError } from '~/server/errors/domain-error';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { schoolMonitoring, schools, sccCases } from '~/db/schema';
import { todayInLondon } from '../catalogue/academic-year';
import { categoryByKey } from '../monitoring/statutory-settings';
import type { ConcernSettings } from './concern-settings';
import { evaluateOfstedTrigger, latestGraded, recordedTriggerKeys } from './evaluate-triggers';
import { findOpenCase, inspectionsBySchool } from './list-register';

const evidence = z
  .string()
  .trim()
  .min(10, 'Describe the evidence for this trigger (at least a sentence).')
  .max(4000);

export const ZRecordedTrigger = z.object({
  trigger: z.enum(recordedTriggerKeys as [string, ...string[]], { message: 'Choose a trigger.' }),
  evidence,
});

export const ZOpenCaseInput = z.object({
  schoolId: z.uuid(),
  /** Officers may open a case on the Ofsted trigger alone; otherwise at least one recorded trigger. */
  triggers: z.array(ZRecordedTrigger).max(4).default([]),
  concerns: z.string().trim().min(10, 'Summarise the concerns (at least a sentence).').max(4000),
});

/** Opens a candidate case for a school on the LA register that has no open case. */
export async function openCandidateCase(
  tx: Tx,
  input: z.infer<typeof ZOpenCaseInput> & { tenantId: string; settings: ConcernSettings },
) {
  const [school] = await tx
    .select({ id: schools.id, name: schools.name, laCategory: schoolMonitoring.laCategory })
    .from(schools)
    .innerJoin(schoolMonitoring, eq(schoolMonitoring.schoolId, schools.id))
    .where(and(eq(schools.id, input.schoolId), isNull(schoolMonitoring.leftOn)))
    .limit(1);
  if (!school)
    throw new DomainError({ code: 'NOT_FOUND', message: 'That school is not on the LA register.' });
  if (await findOpenCase(tx, school.id))
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: `${school.name} already has an open case on the register.`,
    });
  // A case rests on evidence: Ofsted's trigger, a category that causes concern, or a trigger recorded now.
  const ofsted = evaluateOfstedTrigger(
    latestGraded((await inspectionsBySchool(tx, [school.id])).get(school.id) ?? []),
    input.settings.reading,
  );
  const category = categoryByKey(input.settings.statutory, school.laCategory);
  if (input.triggers.length === 0 && !ofsted.met && !category?.causesConcern)
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: `No trigger is met for ${school.name}: record the trigger and its evidence.`,
    });
  const today = todayInLondon();
  const [created] = await tx
    .insert(sccCases)
    .values({
      tenantId: input.tenantId,
      schoolId: school.id,
      status: 'candidate',
      identifiedOn: today,
      triggers: input.triggers.map((t) => ({ ...t, recordedOn: today })),
      concerns: input.concerns,
    })
    .returning({ id: sccCases.id });
  if (!created) throw new Error('case not created');
  return { caseId: created.id };
}

export const ZRecordTriggerInput = ZRecordedTrigger.extend({ caseId: z.uuid() });

/** Adds a trigger's evidence to an open case (the case has already been loaded through loadCaseFor). */
export async function recordTrigger(
  tx: Tx,
  input: {
    caseId: string;
    trigger: string;
    evidence: string;
    current: { status: string; triggers: { trigger: string; evidence: string; recordedOn: string }[] };
  },
) {
  if (input.current.status !== 'candidate' && input.current.status !== 'designated')
    throw new DomainError({ code: 'BAD_REQUEST', message: 'This case is closed; open a new one instead.' });
  const today = todayInLondon();
  await tx
    .update(sccCases)
    .set({
      triggers: [
        ...input.current.triggers,
        { trigger: input.trigger, evidence: input.evidence, recordedOn: today },
      ],
      updatedAt: new Date(),
    })
    .where(eq(sccCases.id, input.caseId));
  return { ok: true as const };
}
