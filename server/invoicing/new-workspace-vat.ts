import type { Tx } from '~/db/client';
import { invoiceSettings, type TenantKind, type VatRule } from '~/db/schema';

/**
 * The VAT rules a workspace made on the platform starts with. A local authority's supplies to its own
 * maintained schools are normally outside the scope of VAT (the schools are part of the LA), so a new LA starts
 * with that rule for maintained schools; its manager may change it on the invoice settings. Other kinds start
 * with none (every product at its catalogue rate), as before. Workspaces made earlier, and the demo seed, keep
 * what they have.
 */
export function startingVatRules(kind: TenantKind): VatRule[] {
  return kind === 'la'
    ? [{ productKind: 'any', customerCategory: 'maintained', treatment: 'outside_scope' }]
    : [];
}

/**
 * Saves a new workspace's starting invoice settings where its VAT rules differ from the defaults (an LA's):
 * named after the workspace, with no address or bank details, so its "Getting started" step stays to do.
 * The transaction must already be bound to the workspace (row-level security).
 */
export async function saveStartingInvoiceSettings(
  tx: Tx,
  workspace: { id: string; name: string; kind: TenantKind },
): Promise<void> {
  const vatRules = startingVatRules(workspace.kind);
  if (vatRules.length === 0) return;
  await tx.insert(invoiceSettings).values({ tenantId: workspace.id, legalName: workspace.name, vatRules });
}
