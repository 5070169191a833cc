/**
 * GIAS phases of education ("PhaseOfEducation (name)"), in GIAS's own order and under its own names, which is
 * how the app shows a school's phase everywhere.
 */
export const giasPhases = [
  'Nursery',
  'Primary',
  'Middle deemed primary',
  'Secondary',
  'Middle deemed secondary',
  '16 plus',
  'All-through',
  'Not applicable',
] as const;

/** GIAS's phase for a school that has none (most special schools and PRUs): not a phase to filter by. */
export const noPhase = 'Not applicable';

/**
 * The phases a list of schools may be filtered by: those its schools have, in GIAS order (any GIAS adds later
 * after them, alphabetically), without "Not applicable" or a blank.
 */
export function filterablePhases(present: Iterable<string>): string[] {
  const order = (phase: string) => {
    const index = (giasPhases as readonly string[]).indexOf(phase);
    return index === -1 ? giasPhases.length : index;
  };
  return [...new Set(present)]
    .filter((phase) => phase.trim() !== '' && phase !== noPhase)
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b, 'en-GB'));
}

/** GIAS's phases that end before sixteen: a sixth form is not applicable (GIAS's OfficialSixthForm code 0). */
const phasesWithoutSixthForm: readonly string[] = ['Nursery', 'Primary', 'Middle deemed primary'];

/**
 * A school's sixth form as its page says it. For a nursery or primary school it is "Not applicable", as GIAS
 * says (code 0, stored as unknown: the import does not guess for the phases, such as special schools, where
 * GIAS also writes 0); elsewhere unknown is "Not known". An officer's recorded "has a sixth form" still shows.
 */
export function sixthFormLabel(school: { phase: string; officialSixthForm: boolean | null }): string {
  if (school.officialSixthForm === true) return 'Yes';
  if (phasesWithoutSixthForm.includes(school.phase)) return 'Not applicable';
  return school.officialSixthForm === false ? 'No' : 'Not known';
}
