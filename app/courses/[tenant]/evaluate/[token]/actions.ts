'use server';

import { redirect } from 'next/navigation';
import { submitEvaluationByLink } from '~/server/courses/evaluations';
import { getDatabase } from '~/server/database';
import { isDomainError } from '~/server/errors/domain-error';
import type { EvaluationState } from '../../../../_components/course-evaluation-form';
import { readEvaluationForm } from '../../../../_lib/evaluation-form-data';

/** Saves the delegate's evaluation from the link in their email; on success shows the thank-you. */
export async function sendEvaluation(
  tenant: string,
  token: string,
  _state: EvaluationState,
  form: FormData,
): Promise<EvaluationState> {
  const parsed = readEvaluationForm(form);
  if ('errors' in parsed) return parsed;
  try {
    await submitEvaluationByLink((await getDatabase()).db, { slug: tenant, token, answers: parsed.answers });
  } catch (error) {
    if (isDomainError(error)) return { errors: [{ message: error.message }] };
    throw error;
  }
  redirect(`/courses/${tenant}/evaluate/${token}?sent=1`);
}
