'use server';

import { redirect } from 'next/navigation';
import type { EvaluationState } from '../../../../../_components/course-evaluation-form';
import { readEvaluationForm } from '../../../../../_lib/evaluation-form-data';
import { refusalMessage } from '../../../../../_lib/refusal-message';
import { serverApi } from '../../../../../_lib/server-api';

/** Saves the delegate's evaluation from their place page's link; on success shows the thank-you. */
export async function sendPlaceEvaluation(
  tenant: string,
  token: string,
  _state: EvaluationState,
  form: FormData,
): Promise<EvaluationState> {
  const parsed = readEvaluationForm(form);
  if ('errors' in parsed) return parsed;
  try {
    const api = await serverApi(tenant);
    await api.courseCatalogue.sendPlaceEvaluation({ tenant, token, answers: parsed.answers });
  } catch (error) {
    return { errors: [{ message: refusalMessage(error) }] };
  }
  redirect(`/courses/${tenant}/place/${token}/evaluate?sent=1`);
}
