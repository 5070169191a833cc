import {
  evaluationQuestions,
  ZEvaluationAnswers,
  type TEvaluationAnswers,
} from '~/server/courses/evaluations';
import type { EvaluationState } from '../_components/course-evaluation-form';

/** The evaluation form's answers, or its errors pointing at each question's first radio button. */
export function readEvaluationForm(form: FormData): { answers: TEvaluationAnswers } | EvaluationState {
  const parsed = ZEvaluationAnswers.safeParse({
    content: form.get('content') ?? undefined,
    facilitation: form.get('facilitation') ?? undefined,
    impact: form.get('impact') ?? undefined,
    overall: form.get('overall') ?? undefined,
    comments: form.get('comments') ?? '',
  });
  if (parsed.success) return { answers: parsed.data };
  return {
    // Each message names its question: four times "Choose a rating" says nothing about which.
    errors: parsed.error.issues.map((i) => {
      const question = evaluationQuestions.find((q) => q.key === i.path[0]);
      return {
        fieldId: `rating-${String(i.path[0])}-1`,
        message: question
          ? `${question.label}: ${i.message.charAt(0).toLowerCase()}${i.message.slice(1)}`
          : i.message,
      };
    }),
  };
}
