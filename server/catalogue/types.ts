/** Row types the pages format, re-exported so app/ never imports the database layer. */
export type { CatalogueItem, EntitlementEntry } from '~/db/schema';
