import type { ModuleKey, TenantKind, TenantSettings } from '~/db/schema';
import { inSentence, priceNamesOf } from '../../catalogue/price-names';
import { inLocalAuthorities } from '../local-authority-words';

/**
 * What the GIAS import page tells a workspace's manager the import does, in its own words: what is kept (member
 * prices only where it sells packages, named as it names them), the statutory register where an LA keeps one,
 * and for an Appropriate Body that it imports only the schools it serves.
 */
export function giasImportNotes(workspace: {
  kind: TenantKind;
  modules: readonly ModuleKey[];
  laCodes: readonly string[];
  settings: TenantSettings;
}): string[] {
  const notes = [
    'Schools are matched by URN: new ones are added, existing ones get the latest name, type, phase, status, pupil numbers, address and headteacher, and their telephone, website, academy trust and whether they have a sixth form (from the TelephoneNum, SchoolWebsite, Trusts (name) and OfficialSixthForm columns; a file without one of these leaves it as it was). Checking the file lists the schools it adds or changes before you import.',
  ];
  const kept = workspace.modules.includes('traded')
    ? `Your notes, contacts and which schools pay ${inSentence(priceNamesOf(workspace.settings).member)} prices`
    : 'Your notes and contacts';
  notes.push(`${kept} are never changed, and closed schools are marked closed, not removed.`);
  if (workspace.kind === 'la' && workspace.modules.includes('statutory') && workspace.laCodes.length > 0)
    notes.push(
      `Every open school in ${inLocalAuthorities(workspace.laCodes)} joins your statutory register, with the category your monitoring settings give a new school; a school GIAS lists as closed leaves it, its history kept.`,
    );
  if (workspace.kind === 'appropriate_body')
    notes.push(
      'As an Appropriate Body, import the schools that have chosen you: list their URNs below. Their headteachers can then register ECTs with you.',
    );
  return notes;
}
