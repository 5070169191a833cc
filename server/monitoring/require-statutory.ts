import type { Actor } from '../access/actor';
import { statutorySettingsOf, type ResolvedStatutorySettings } from './statutory-settings';

/** The statutory module's settings for this workspace (the procedure's module gate has already checked it). */
export function statutoryOf(actor: Pick<Actor, 'settings'>): ResolvedStatutorySettings {
  return statutorySettingsOf(actor.settings);
}

export const linkAdviserTitleOf = (actor: Pick<Actor, 'settings'>) =>
  actor.settings.linkAdviserTitle ?? 'Link adviser';
