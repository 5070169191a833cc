import { governorCategory, type GovernorCategory } from '~/db/schema';

/** The board's vocabulary, for pages (which may not import the schema). */
export const governorCategories = governorCategory.enumValues;
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
};
