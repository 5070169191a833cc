'use server';

import { TRPCError } from '@trpc/server';
import { redirect } from 'next/navigation';
import type { EvaluationState } from '../../../../../_components/course-evaluation-form';
import { readEvaluationForm } from '../../../../../_lib/evaluation-form-data';
import { serverApi } from '../../../../../_lib/server-api';

/** The signed-in delegate's evaluation, through the same procedure rules as every other call. */
export async function sendMyEvaluation(
  tenant: string,
  bookingId: string,
  _state: EvaluationState,
  form: FormData,
): Promise<EvaluationState> {
  const parsed = readEvaluationForm(form);
  if ('errors' in parsed) return parsed;
  try {
    const api = await serverApi(tenant);
    await api.courses.evaluateMyPlace({ bookingId, answers: parsed.answers });
  } catch (error) {
    if (error instanceof TRPCError) return { errors: [{ message: error.message }] };
    throw error;
  }
  redirect(`/${tenant}/courses/places/${bookingId}/evaluate?sent=1`);
}
