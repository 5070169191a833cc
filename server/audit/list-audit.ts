import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { auditLog, users } from '~/db/schema';

export const ZListAuditInput = z.object({ limit: z.number().int().min(1).max(500).default(100) });

export function listAudit(tx: Tx, input: z.infer<typeof ZListAuditInput>) {
  return tx
    .select({
      id: auditLog.id,
      action: auditLog.action,
      targetIds: auditLog.targetIds,
      resultIds: auditLog.resultIds,
      createdAt: auditLog.createdAt,
      actorName: users.name,
      actorLabel: auditLog.actorLabel,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .orderBy(desc(auditLog.createdAt))
    .limit(input.limit);
}
