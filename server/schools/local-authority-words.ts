/**
 * The local authorities a workspace's LA codes name, as a sentence says them: "local authority 330" for one,
 * "local authorities 330 and 331" for a partnership serving two (not "local authority 330, 331").
 */
export function inLocalAuthorities(laCodes: readonly string[]): string {
  if (laCodes.length <= 1) return `local authority ${laCodes[0] ?? ''}`.trim();
  return `local authorities ${laCodes.slice(0, -1).join(', ')} and ${laCodes[laCodes.length - 1]}`;
}
