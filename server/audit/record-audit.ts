import type { Tx } from '~/db/client';
import { sql, type SQL } from 'drizzle-orm';

/** Picks the id-like fields (`id`, `…Id`) of a value: what the change was aimed at or produced. */
export function idsOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const ids: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if ((key === 'id' || key.endsWith('Id')) && typeof v === 'string') ids[key] = v;
  }
  return ids;
}

export type AuditEntry = {
  tenantId: string;
  /** A person, or a system job named by its label ("job:renewal-reminders"). */
  actor: { userId: string } | { label: string };
  action: string;
  input: unknown;
  result: unknown;
};

/**
 * The audit row's INSERT, not run: `when`, if given, writes it only when that holds (for a caller that puts
 * it in a statement of its own, see auditRowInStatement).
 */
export function auditInsert(entry: AuditEntry, when?: SQL): SQL {
  // Hand-written: every change writes one, and the query builder's insert cost more CPU than the statement.
  return sql`insert into audit_log (tenant_id, actor_user_id, actor_label, action, target_ids, result_ids)
    select ${entry.tenantId}::uuid, ${'userId' in entry.actor ? entry.actor.userId : null}::uuid,
      ${'label' in entry.actor ? entry.actor.label : null}, ${entry.action},
      ${JSON.stringify(idsOf(entry.input))}::jsonb, ${JSON.stringify(idsOf(entry.result))}::jsonb
    ${when ? sql`where ${when}` : sql``}`;
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.execute(auditInsert(entry));
}
