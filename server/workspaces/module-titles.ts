import type { ModuleKey, TenantKind } from '~/db/schema';

/** What each module is called when a workspace is told it does not have it, or a manager switches it on. */
export const moduleTitles: Record<ModuleKey, string> = {
  traded: 'Traded services',
  courses: 'CPD courses and bookings',
  invoices: 'Invoicing and payments',
  statutory: 'Statutory monitoring',
  commissioning: 'Commissioning',
  induction: 'ECT induction',
  governance: 'Governor services',
};

/**
 * The modules a kind of workspace may switch on. The statutory monitoring of schools is a local authority's
 * (a partnership may run it for one), and commissioning links an LA and its providers: an appropriate body has
 * neither.
 */
export function modulesForKind(kind: TenantKind): ModuleKey[] {
  const all = Object.keys(moduleTitles) as ModuleKey[];
  return kind === 'appropriate_body' ? all.filter((m) => m !== 'statutory' && m !== 'commissioning') : all;
}
