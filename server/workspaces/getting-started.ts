import { and, count, gt, inArray, isNull, ne } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  dcsDesignations,
  invitations,
  invoiceSettings,
  memberships,
  schools,
  type ModuleKey,
  type TenantKind,
  type TenantSettings,
} from '~/db/schema';
import type { Actor } from '../access/actor';
import { academicYearOf, type IsoDate } from '../catalogue/academic-year';
import { currentOrNextTerm, loadTermDates } from '../calendar/term-dates';
import { usesTermDates } from '../calendar/term-dates-words';
import { openStatuses } from '../schools/school-status';
import { membershipsHere } from '~/server/workspaces/memberships-here';

/**
 * A new workspace's "Getting started" list for its manager: each step that applies to its kind and modules,
 * ticked from what the workspace holds (never a box anyone ticks), in the order they are best done.
 */
export type SetupStepKey =
  | 'schools'
  | 'people'
  | 'monitoring-settings'
  | 'dcs'
  | 'term-dates'
  | 'induction-settings'
  | 'invoice-settings';
export type SetupStep = { key: SetupStepKey; done: boolean };

export type SetupFacts = {
  openSchools: number;
  /** People with a role other than manager, plus invitations to such roles still waiting. */
  othersInvitedOrJoined: number;
  /** The workspace has saved its own term dates for the year ahead (not the estimate Stride uses meanwhile). */
  termDatesSet: boolean;
  /**
   * The workspace has saved its invoice settings with what an invoice cannot go out without: its address and
   * the bank details schools pay into (payment terms are saved with them; a VAT number only if registered).
   */
  invoiceSettingsSet: boolean;
  /**
   * A Director of Children's Services or delegate is named: until then no formal warning notice, power or SCC
   * budget approval can be decided, and officers' recommendations wait with nobody to decide them.
   */
  dcsNamed: boolean;
};

/** Whether the LA has saved its monitoring settings (a workspace made on the platform has only a default category). */
export const monitoringSettingsSaved = (settings: TenantSettings) =>
  settings.statutory?.concernListName !== undefined;

/** Whether the Appropriate Body has saved its fee per ECT (until then the default fee applies). */
export const inductionSettingsSaved = (settings: TenantSettings) =>
  settings.induction?.feePerEctPence !== undefined;

/**
 * A provider that LAs only commission (no module of its own with schools): it works on the schools each contract
 * names, so it has none to import, and its people are the partners it assigns to them.
 */
export function commissionedOnly(kind: TenantKind, modules: readonly ModuleKey[]): boolean {
  return kind === 'provider' && modules.length > 0 && modules.every((m) => m === 'commissioning');
}

export function setupSteps(
  workspace: { kind: TenantKind; modules: readonly ModuleKey[]; settings: TenantSettings },
  facts: SetupFacts,
): SetupStep[] {
  const { kind, modules, settings } = workspace;
  const steps: SetupStep[] = [];
  if (!commissionedOnly(kind, modules)) steps.push({ key: 'schools', done: facts.openSchools > 0 });
  steps.push({ key: 'people', done: facts.othersInvitedOrJoined > 0 });
  if (modules.includes('statutory'))
    steps.push({ key: 'monitoring-settings', done: monitoringSettingsSaved(settings) });
  if (kind === 'la' && modules.includes('statutory')) steps.push({ key: 'dcs', done: facts.dcsNamed });
  if (usesTermDates(kind, modules)) steps.push({ key: 'term-dates', done: facts.termDatesSet });
  if (kind === 'appropriate_body' && modules.includes('induction'))
    steps.push({ key: 'induction-settings', done: inductionSettingsSaved(settings) });
  // Selling packages and invoicing them: the invoices need the workspace's own details before any is issued.
  if (modules.includes('traded') && modules.includes('invoices'))
    steps.push({ key: 'invoice-settings', done: facts.invoiceSettingsSet });
  return steps;
}

/**
 * The steps with their facts read in one round trip. The year whose term dates count is the one under way, or
 * once its summer term has ended, the next (a workspace set up in August needs September's dates).
 */
export async function gettingStarted(tx: Tx, actor: Actor, today: IsoDate) {
  const year = academicYearOf(today);
  const [[open], [others], [waiting], thisYear, nextYear, [invoicing], [dcs]] = await Promise.all([
    tx
      .select({ n: count() })
      .from(schools)
      .where(inArray(schools.status, [...openStatuses])),
    tx
      .select({ n: count() })
      .from(memberships)
      .where(and(ne(memberships.role, 'tenant_admin'), membershipsHere)),
    tx
      .select({ n: count() })
      .from(invitations)
      .where(
        and(
          ne(invitations.role, 'tenant_admin'),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      ),
    loadTermDates(tx, year),
    loadTermDates(tx, year + 1),
    tx
      .select({ n: count() })
      .from(invoiceSettings)
      .where(and(ne(invoiceSettings.address, ''), ne(invoiceSettings.bankDetails, ''))),
    tx.select({ n: count() }).from(dcsDesignations).where(isNull(dcsDesignations.endedOn)),
  ]);
  const dates = currentOrNextTerm(thisYear, today) ? thisYear : nextYear;
  const steps = setupSteps(actor, {
    openSchools: open?.n ?? 0,
    othersInvitedOrJoined: (others?.n ?? 0) + (waiting?.n ?? 0),
    termDatesSet: dates.source === 'tenant',
    invoiceSettingsSet: (invoicing?.n ?? 0) > 0,
    dcsNamed: (dcs?.n ?? 0) > 0,
  });
  return { steps, termDatesYear: dates.academicYear };
}
