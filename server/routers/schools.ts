import {
  contactReaders,
  managers,
  officers,
  schoolManagers,
  schoolNoteWriters,
  schoolReaders,
  staff,
} from '../access/role-groups';
import { z } from 'zod';
import { setMemberPrices, ZSetMemberPricesInput } from '../schools/set-member-prices';
import { setPupilCount, ZSetPupilCountInput } from '../schools/set-pupil-count';
import { setSixthForm, ZSetSixthFormInput } from '../schools/set-sixth-form';
import { router, tenantProcedure } from '../trpc';
import { getSchool } from '../schools/get-school';
import { listSchools, ZListSchoolsInput } from '../schools/list-schools';
import {
  addSchoolContact,
  listSchoolContacts,
  removeSchoolContact,
  ZAddSchoolContactInput,
} from '../schools/school-contacts';
import { updateSchoolNotes, ZUpdateSchoolNotesInput } from '../schools/update-school-notes';
import { assertMaySeeSchool } from '../workspaces/school-scope';

export const schoolsRouter = router({
  list: tenantProcedure({ module: 'core', roles: staff })
    .input(ZListSchoolsInput)
    .query(({ ctx, input }) => listSchools(ctx.tx, input)),
  byId: tenantProcedure({
    module: 'core',
    roles: schoolReaders,
  })
    .input(z.object({ id: z.uuid({ message: 'Choose a school.' }) }))
    .query(({ ctx, input }) => {
      assertMaySeeSchool(ctx.actor.memberships, input.id);
      return getSchool(ctx.tx, input.id);
    }),
  updateNotes: tenantProcedure({ module: 'core', roles: schoolNoteWriters })
    .input(ZUpdateSchoolNotesInput)
    .mutation(({ ctx, input }) => updateSchoolNotes(ctx.tx, input)),
  /** A school with no pupil number on record gives one, to be priced by pupil numbers. */
  /** Member prices on or off for a school: the manager's record of its agreement. */
  setMemberPrices: tenantProcedure({ module: 'core', roles: managers })
    .input(ZSetMemberPricesInput)
    .mutation(({ ctx, input }) => setMemberPrices(ctx.tx, input)),
  /** Whether the school has a sixth form: the officers who edit the register set it (the register reads it). */
  setSixthForm: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZSetSixthFormInput)
    .mutation(({ ctx, input }) => setSixthForm(ctx.tx, input)),
  setPupilCount: tenantProcedure({ module: 'core', roles: schoolManagers })
    .input(ZSetPupilCountInput)
    .mutation(({ ctx, input }) => {
      assertMaySeeSchool(ctx.actor.memberships, input.schoolId);
      return setPupilCount(ctx.tx, {
        ...input,
        onlyIfMissing: !ctx.actor.memberships.some((m) => m.role === 'tenant_admin'),
        workspaceName: ctx.actor.name,
      });
    }),
  contacts: tenantProcedure({
    module: 'core',
    roles: contactReaders,
  })
    .input(z.object({ schoolId: z.uuid() }))
    .query(({ ctx, input }) => {
      assertMaySeeSchool(ctx.actor.memberships, input.schoolId);
      return listSchoolContacts(ctx.tx, input.schoolId);
    }),
  addContact: tenantProcedure({ module: 'core', roles: schoolManagers })
    .input(ZAddSchoolContactInput)
    .mutation(({ ctx, input }) => {
      assertMaySeeSchool(ctx.actor.memberships, input.schoolId);
      return addSchoolContact(ctx.tx, ctx.actor.tenantId, input);
    }),
  removeContact: tenantProcedure({ module: 'core', roles: schoolManagers })
    .input(z.object({ id: z.uuid(), schoolId: z.uuid() }))
    .mutation(({ ctx, input }) => {
      assertMaySeeSchool(ctx.actor.memberships, input.schoolId);
      return removeSchoolContact(ctx.tx, input);
    }),
});
