/**
 * What an account is called before its person has given their name: the address's local part (an invited
 * person, a platform administrator from PLATFORM_ADMIN_EMAILS), or the whole address (an account made at
 * first sign-in).
 */
export const placeholderName = (email: string) => email.split('@')[0] || email;

type Named = { name: string | null | undefined; email: string };

/** True when the account's name is one its person gave, not a stand-in made from their address. */
export function hasOwnName({ name, email }: Named): boolean {
  const given = name?.trim() ?? '';
  return given !== '' && given !== email && given !== placeholderName(email);
}

/** How a signed-in person is named on screen ("Signed in as …"): their name, or their address until they give one. */
export const shownName = (person: Named): string =>
  hasOwnName(person) ? (person.name ?? '').trim() : person.email;
