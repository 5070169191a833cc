import type { ReactElement } from 'react';
import type { z } from 'zod';

/**
 * One email template: the schema of its props (what the outbox stores, checked when queued and again when
 * rendered), its subject (a plain string, worked out when the email is queued) and its react-email body
 * (rendered to HTML and plain text only when the email is delivered).
 */
export type EmailTemplate<S extends z.ZodType = z.ZodType> = {
  props: S;
  subject: (props: z.infer<S>) => string;
  element: (props: z.infer<S>) => ReactElement;
};

export const defineEmail = <S extends z.ZodType>(template: EmailTemplate<S>): EmailTemplate<S> => template;
