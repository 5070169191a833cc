import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { tenants, type TenantSettings } from '~/db/schema';
import type { Actor } from '../access/actor';
import { concernSettingsOf } from '../concern/concern-settings';
import { DomainError } from '../errors/domain-error';
import { linkAdviserTitleOf } from './require-statutory';
import { statutorySettingsOf } from './statutory-settings';

const name = (what: string) =>
  z.string().trim().min(1, `Enter ${what}.`).max(80, `Keep ${what} to 80 characters.`);
const visits = z
  .number({ message: 'Enter a number of visits.' })
  .int('Enter a whole number of visits.')
  .min(0, 'Visits cannot be negative.')
  .max(60, 'At most 60 visits a year.');
/** A list written one item a line on the page. */
const lines = (what: string) =>
  z
    .array(z.string().trim().max(300, `Keep each ${what} to 300 characters.`))
    .max(20, `At most 20 ${what}s.`)
    .transform((items) => items.filter(Boolean));

/**
 * The words and cadence a local authority uses for its monitoring, as its own policy documents do: the names
 * of its register of concern, its review group and the officers who lead cases and link to schools; how
 * often the group meets; visits a year by category; its conditions for a formal warning notice; this term's
 * focus for school effectiveness visits. Category keys are fixed (visits and history refer to them); their
 * labels and visits are the LA's.
 */
export const ZMonitoringSettingsInput = z.object({
  concernListName: name('what the register of concern is called'),
  leadOfficerTitle: name('what the officer leading a case is called'),
  linkAdviserTitle: name('what the link adviser is called'),
  reviewMeetingName: name('the review group’s name'),
  reviewMeetingCadenceDays: z
    .number({ message: 'Enter the days between meetings.' })
    .int('Enter a whole number of days.')
    .min(7, 'The group meets at most weekly (7 days).')
    .max(120, 'The group meets at least termly (120 days).'),
  categories: z
    .array(
      z.object({ key: z.string().min(1).max(40), label: name('the category’s name'), visitsPerYear: visits }),
    )
    .min(1)
    .max(20),
  /**
   * The category a school joins the register with (a GIAS import, added by hand) until an officer sets its own;
   * empty: none ("not categorised"), so no visits are planned for it until then.
   */
  defaultCategory: z.string().max(40),
  academyVisits: visits,
  pruVisits: visits,
  secondarySixthFormVisits: visits,
  formalNoticePreconditions: lines('condition'),
  sevFocusAreas: lines('focus area'),
});
export type MonitoringSettingsInput = z.input<typeof ZMonitoringSettingsInput>;

/** The settings as the page shows them: the LA's own, with every gap filled from the defaults. */
export function monitoringSettingsView(settings: TenantSettings) {
  const statutory = statutorySettingsOf(settings);
  const concern = concernSettingsOf({ settings });
  return {
    concernListName: statutory.concernListName,
    leadOfficerTitle: statutory.leadOfficerTitle,
    linkAdviserTitle: linkAdviserTitleOf({ settings }),
    reviewMeetingName: concern.meetingName,
    reviewMeetingCadenceDays: concern.cadenceDays,
    categories: statutory.categories.map((c) => ({
      key: c.key,
      label: c.label,
      visitsPerYear: c.visitsPerYear,
    })),
    defaultCategory: statutory.defaultCategory,
    academyVisits: statutory.academyVisits,
    pruVisits: statutory.pruVisits,
    secondarySixthFormVisits: statutory.secondarySixthFormVisits,
    formalNoticePreconditions: statutory.formalNoticePreconditions,
    sevFocusAreas: statutory.sevFocusAreas,
  };
}

/** Saves the LA's monitoring settings into its workspace's settings; what the page does not edit is kept. */
export async function updateMonitoringSettings(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'settings'>,
  input: z.output<typeof ZMonitoringSettingsInput>,
) {
  const current = statutorySettingsOf(actor.settings);
  const keys = new Set(current.categories.map((c) => c.key));
  if (input.categories.length !== keys.size || input.categories.some((c) => !keys.has(c.key)))
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'categories',
      message: 'The categories changed while you were editing. Reload the page and try again.',
    });
  if (input.defaultCategory !== '' && !keys.has(input.defaultCategory))
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'defaultCategory',
      message: 'Choose one of your categories for a school joining the register.',
    });
  const edited = new Map(input.categories.map((c) => [c.key, c]));
  const settings: TenantSettings = {
    ...actor.settings,
    linkAdviserTitle: input.linkAdviserTitle,
    reviewMeetingName: input.reviewMeetingName,
    reviewMeetingCadenceDays: input.reviewMeetingCadenceDays,
    statutory: {
      ...actor.settings.statutory,
      concernListName: input.concernListName,
      leadOfficerTitle: input.leadOfficerTitle,
      categories: current.categories.map((c) => ({
        ...c,
        label: edited.get(c.key)?.label ?? c.label,
        visitsPerYear: edited.get(c.key)?.visitsPerYear ?? c.visitsPerYear,
      })),
      defaultCategory: input.defaultCategory,
      academyVisits: input.academyVisits,
      pruVisits: input.pruVisits,
      secondarySixthFormVisits: input.secondarySixthFormVisits,
      formalNoticePreconditions: input.formalNoticePreconditions,
      sevFocusAreas: input.sevFocusAreas,
    },
  };
  // The tenants table is the platform's: the row is this workspace's own, named by the actor, never the input.
  await tx.update(tenants).set({ settings }).where(eq(tenants.id, actor.tenantId));
  return monitoringSettingsView(settings);
}
