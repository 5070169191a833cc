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
