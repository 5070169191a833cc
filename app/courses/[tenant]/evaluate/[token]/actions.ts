'use server';

import { redirect } from 'next/navigation';
import { submitEvaluationByLink, ZEvaluationAnswers } from '~/server/courses/evaluations';
import { getDatabase } from '~/server/database';
import { isDomainError } from '~/server/errors/domain-error';

export type EvaluationState = { errors: { fieldId?: string; message: string }[] };

/** Saves the delegate's evaluation from the link in their email; on success shows the thank-you. */
export async function sendEvaluation(
  tenant: string,
  token: string,
  _state: EvaluationState,
  form: FormData,
): Promise<EvaluationState> {
  const parsed = ZEvaluationAnswers.safeParse({
    content: form.get('content') ?? undefined,
    facilitation: form.get('facilitation') ?? undefined,
    impact: form.get('impact') ?? undefined,
    overall: form.get('overall') ?? undefined,
    comments: form.get('comments') ?? '',
  });
  if (!parsed.success)
    return {
      errors: parsed.error.issues.map((i) => ({
        fieldId: `rating-${String(i.path[0])}-1`,
        message: i.message,
      })),
    };
  try {
    await submitEvaluationByLink((await getDatabase()).db, { slug: tenant, token, answers: parsed.data });
  } catch (error) {
    if (isDomainError(error)) return { errors: [{ message: error.message }] };
    throw error;
  }
  redirect(`/courses/${tenant}/evaluate/${token}?sent=1`);
}
