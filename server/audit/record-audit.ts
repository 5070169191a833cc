import type { Tx } from '~/db/client';
import { sql } from 'drizzle-orm';

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
  // Hand-written: every change writes one, and the query builder's insert cost more CPU than the statement.
  await tx.execute(sql`insert into audit_log (tenant_id, actor_user_id, actor_label, action, target_ids, result_ids)
    values (${entry.tenantId}, ${'userId' in entry.actor ? entry.actor.userId : null},
      ${'label' in entry.actor ? entry.actor.label : null}, ${entry.action},
      ${JSON.stringify(idsOf(entry.input))}::jsonb, ${JSON.stringify(idsOf(entry.result))}::jsonb)`);
}
