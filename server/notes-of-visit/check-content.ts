import { DomainError } from '~/server/errors/domain-error';
import { z } from 'zod';
import type { NoteOfVisitContent, TenantSettings } from '~/db/schema';
import { statutorySettingsOf } from '../monitoring/statutory-settings';
import { contentForForm, noteContentSchema } from './content';

/**
 * Re-checks content the router has shaped against the tenant's own judgement scale. Errors carry the zod
 * error as their cause, so the form shows them beside the fields (content.focusAreas.0.judgement…).
 */
export function checkContentForTenant(
  settings: TenantSettings,
  content: NoteOfVisitContent,
): NoteOfVisitContent {
  const { judgementScale } = statutorySettingsOf(settings);
  const parsed = z
    .object({ content: noteContentSchema(judgementScale) })
    .safeParse({ content: contentForForm(content) });
  if (!parsed.success) {
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: parsed.error.issues[0]?.message ?? 'Check the note.',
      cause: parsed.error,
    });
  }
  return parsed.data.content;
}
