import type { Tx } from '~/db/client';
import { platformAuditLog } from '~/db/schema';

/** One row of the platform audit log: what a platform administrator did, to which workspace, with what. */
export async function recordPlatformAudit(
  tx: Tx,
  entry: { actorUserId: string; action: string; workspaceId: string | null; input: unknown },
): Promise<void> {
  await tx.insert(platformAuditLog).values({
    actorUserId: entry.actorUserId,
    action: entry.action,
    workspaceId: entry.workspaceId,
    details:
      typeof entry.input === 'object' && entry.input !== null ? (entry.input as Record<string, unknown>) : {},
  });
}
