import type { Tx } from '~/db/client';
import { auditLog } from '~/db/schema';

/** Picks the id-like fields (`id`, `…Id`) of a value: what the change was aimed at or produced. */
export function idsOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const ids: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if ((key === 'id' || key.endsWith('Id')) && typeof v === 'string') ids[key] = v;
  }
  return ids;
}

export async function recordAudit(
  tx: Tx,
  entry: {
    tenantId: string;
    /** A person, or a system job named by its label ("job:renewal-reminders"). */
    actor: { userId: string } | { label: string };
    action: string;
    input: unknown;
    result: unknown;
  },
): Promise<void> {
  await tx.insert(auditLog).values({
    tenantId: entry.tenantId,
    actorUserId: 'userId' in entry.actor ? entry.actor.userId : null,
    actorLabel: 'label' in entry.actor ? entry.actor.label : null,
    action: entry.action,
    targetIds: idsOf(entry.input),
    resultIds: idsOf(entry.result),
  });
}
