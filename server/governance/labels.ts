import type { GovernorCategory } from '~/db/schema';

/** The board's vocabulary, for pages (which may not import the schema): type-only imports, none in the bundle. */
export const governorCategories = [
  'headteacher',
  'parent',
  'staff',
  'la',
  'co_opted',
  'foundation',
  'partnership',
  'associate_member',
  'clerk',
  'trustee',
  'local_governor',
] as const satisfies readonly GovernorCategory[];
export type { GovernorCategory };
export type GovernorOffice = 'chair' | 'vice_chair';

export const categoryLabels: Record<GovernorCategory, string> = {
  headteacher: 'Headteacher (ex officio)',
  parent: 'Parent governor',
  staff: 'Staff governor',
  la: 'LA governor',
  co_opted: 'Co-opted governor',
  foundation: 'Foundation governor',
  partnership: 'Partnership governor',
  associate_member: 'Associate member',
  clerk: 'Clerk',
  trustee: 'Trustee',
  local_governor: 'Local governor',
};

/** A category's label inside a sentence: "parent governor", "LA governor" (an initialism keeps its capitals). */
export const categoryInSentence = (c: GovernorCategory) => {
  const label = categoryLabels[c];
  return /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
};

export const officeLabels: Record<GovernorOffice, string> = { chair: 'Chair', vice_chair: 'Vice-chair' };

/** Who usually appoints each category: the form's suggestion, editable. */
export const defaultAppointingBodies: Record<GovernorCategory, string> = {
  headteacher: 'Ex officio',
  parent: 'Elected by parents',
  staff: 'Elected by staff',
  la: 'Governing board, on the LA’s nomination',
  co_opted: 'Governing board',
  foundation: 'Foundation',
  partnership: 'Governing board',
  associate_member: 'Governing board',
  clerk: 'Governing board',
  trustee: 'Members of the trust',
  local_governor: 'Trust board',
};

/** "Co-opted governor, chair". */
export const roleOnBoard = (g: { category: GovernorCategory; office: GovernorOffice | null }) =>
  g.office
    ? `${categoryLabels[g.category]}, ${officeLabels[g.office].toLowerCase()}`
    : categoryLabels[g.category];

/** An instant as its London date: "4 Dec 2026". */
export const londonDate = (d: Date) =>
  d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
