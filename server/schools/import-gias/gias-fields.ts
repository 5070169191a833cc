import type { School } from '~/db/schema';

/**
 * The columns of a GIAS "establishment fields" file (edubasealldataYYYYMMDD.csv) that we read, by the
 * header GIAS gives them. Real files carry ~130 columns; the rest are ignored.
 */
export const giasColumns = {
  urn: 'URN',
  laCode: 'LA (code)',
  laName: 'LA (name)',
  establishmentNumber: 'EstablishmentNumber',
  name: 'EstablishmentName',
  type: 'TypeOfEstablishment (name)',
  typeGroup: 'EstablishmentTypeGroup (name)',
  status: 'EstablishmentStatus (name)',
  phase: 'PhaseOfEducation (name)',
  numberOfPupils: 'NumberOfPupils',
  street: 'Street',
  town: 'Town',
  postcode: 'Postcode',
  headTitle: 'HeadTitle (name)',
  headFirstName: 'HeadFirstName',
  headLastName: 'HeadLastName',
} as const;

/**
 * Columns read when the file has them (a file cut down to fewer columns still imports, keeping what a school
 * already has for them): GIAS's OfficialSixthForm (code) is 1 for a school with a sixth form, 2 without, 0 or
 * 9 when it does not apply; the school's telephone, website and academy trust are as GIAS writes them (empty:
 * none); OpenDate and CloseDate are day first, dd-mm-yyyy (empty: none).
 */
export const giasOptionalColumns = {
  officialSixthForm: 'OfficialSixthForm (code)',
  telephone: 'TelephoneNum',
  website: 'SchoolWebsite',
  trustName: 'Trusts (name)',
  closedOn: 'CloseDate',
  openedOn: 'OpenDate',
} as const;

export type GiasField = keyof typeof giasColumns;
export type GiasOptionalField = keyof typeof giasOptionalColumns;
export const giasOptionalFields = Object.keys(giasOptionalColumns) as GiasOptionalField[];
export const giasFields = Object.keys(giasColumns) as GiasField[];

/** GIAS EstablishmentStatus (name) → our status. Anything else is a row error, not a guess. */
export const giasStatuses: Record<string, School['status']> = {
  Open: 'open',
  Closed: 'closed',
  'Open, but proposed to close': 'proposed_to_close',
  'Proposed to open': 'proposed_to_open',
};

/** The school columns a GIAS import owns. Everything else on a school (notes, membership, contacts) is local. */
export type GiasSchool = Pick<
  School,
  | 'urn'
  | 'laCode'
  | 'laName'
  | 'establishmentNumber'
  | 'name'
  | 'type'
  | 'typeGroup'
  | 'phase'
  | 'status'
  | 'numberOfPupils'
  | 'street'
  | 'town'
  | 'postcode'
  | 'headteacherName'
  | 'officialSixthForm'
  | 'telephone'
  | 'website'
  | 'trustName'
  | 'closedOn'
  | 'openedOn'
>;

export const giasSchoolColumns = [
  'urn',
  'laCode',
  'laName',
  'establishmentNumber',
  'name',
  'type',
  'typeGroup',
  'phase',
  'status',
  'numberOfPupils',
  'street',
  'town',
  'postcode',
  'headteacherName',
  'officialSixthForm',
  'telephone',
  'website',
  'trustName',
  'closedOn',
  'openedOn',
] as const satisfies readonly (keyof GiasSchool)[];

/** What the check says changes on a school, field by field ("Name, headteacher"). */
export const giasFieldLabels: Record<(typeof giasSchoolColumns)[number], string> = {
  urn: 'URN',
  laCode: 'LA code',
  laName: 'LA name',
  establishmentNumber: 'establishment number',
  name: 'name',
  type: 'type',
  typeGroup: 'type group',
  phase: 'phase',
  status: 'status',
  numberOfPupils: 'pupil numbers',
  street: 'street',
  town: 'town',
  postcode: 'postcode',
  headteacherName: 'headteacher',
  officialSixthForm: 'sixth form',
  telephone: 'telephone',
  website: 'website',
  trustName: 'trust',
  closedOn: 'close date',
  openedOn: 'open date',
};

/** A problem with one row of the file. `row` counts the header as row 1, as a spreadsheet shows it. */
export type GiasRowError = {
  row: number;
  /** As written in the file (may be empty or invalid: that can be the error). */
  urn: string;
  /** The GIAS column header, so the user can find the cell. */
  field: string;
  message: string;
};
