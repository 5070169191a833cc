/**
 * The register of concern in running text, from the workspace's own name for it ("Schools causing concern" →
 * "schools causing concern register"), so it is never mistaken for the LA's register of all its schools. A name
 * that already says "register" or "list" is used as it is.
 */
export function concernRegisterName(listName: string): string {
  const name = listName.trim().toLowerCase();
  return /\b(register|list)$/.test(name) ? name : `${name} register`;
}
