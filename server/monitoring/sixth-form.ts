import { sql } from 'drizzle-orm';
import { schoolMonitoring, schools } from '~/db/schema';

/**
 * Whether a school on the register has a sixth form: the school's current value (GIAS's OfficialSixthForm, or
 * what an officer set on the school's page or its register entry), not only the copy taken when it joined the
 * register; that copy is read only where the school's value is not known (GIAS did not say and nobody set it).
 */
export const sixthFormOf = sql<boolean>`coalesce(${schools.officialSixthForm}, ${schoolMonitoring.hasSixthForm})`;
