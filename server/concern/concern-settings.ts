import type { Tenant } from '~/server/workspaces/find-tenant';
import { statutorySettingsOf, type ResolvedStatutorySettings } from '../monitoring/statutory-settings';

/** The words and cadence this LA uses for its register and review meeting (never chosen by tenant slug). */
export type ConcernSettings = {
  statutory: ResolvedStatutorySettings;
  listName: string;
  leadOfficerTitle: string;
  meetingName: string;
  cadenceDays: number;
  reading: ResolvedStatutorySettings['ofstedReading'];
};

export function concernSettingsOf(tenant: Pick<Tenant, 'settings'>): ConcernSettings {
  const statutory = statutorySettingsOf(tenant.settings);
  return {
    statutory,
    listName: statutory.concernListName,
    leadOfficerTitle: statutory.leadOfficerTitle,
    // A group's name, as LAs call it ("the Schools Review Group has identified…"): pages and letters say "{name} meetings".
    meetingName: tenant.settings.reviewMeetingName ?? 'Schools Review Group',
    cadenceDays: tenant.settings.reviewMeetingCadenceDays ?? 42,
    reading: statutory.ofstedReading,
  };
}

/** Academies and free schools: the LA monitors them but concerns go to the DfE Regional Director. */
export function isAcademy(school: { typeGroup: string; type: string }): boolean {
  return ['Academies', 'Free Schools'].includes(school.typeGroup) || /academy|free school/i.test(school.type);
}
