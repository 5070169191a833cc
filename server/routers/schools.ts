import { z } from 'zod';
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
  list: tenantProcedure(['tenant_admin', 'finance', 'adviser', 'la_officer'])
    .input(ZListSchoolsInput)
    .query(({ ctx, input }) => listSchools(ctx.tx, input)),
  byId: tenantProcedure([
    'tenant_admin',
    'finance',
    'adviser',
    'la_officer',
    'school_admin',
    'school_staff',
    'governor',
  ])
    .input(z.object({ id: z.uuid({ message: 'Choose a school.' }) }))
    .query(({ ctx, input }) => {
      assertMaySeeSchool(ctx.memberships, input.id);
      return getSchool(ctx.tx, input.id);
    }),
  updateNotes: tenantProcedure(['tenant_admin', 'adviser', 'la_officer'])
    .input(ZUpdateSchoolNotesInput)
    .mutation(({ ctx, input }) => updateSchoolNotes(ctx.tx, input)),
  contacts: tenantProcedure(['tenant_admin', 'finance', 'adviser', 'la_officer', 'school_admin'])
    .input(z.object({ schoolId: z.uuid() }))
    .query(({ ctx, input }) => {
      assertMaySeeSchool(ctx.memberships, input.schoolId);
      return listSchoolContacts(ctx.tx, input.schoolId);
    }),
  addContact: tenantProcedure(['tenant_admin', 'school_admin'])
    .input(ZAddSchoolContactInput)
    .mutation(({ ctx, input }) => {
      assertMaySeeSchool(ctx.memberships, input.schoolId);
      return addSchoolContact(ctx.tx, ctx.tenant.id, input);
    }),
  removeContact: tenantProcedure(['tenant_admin', 'school_admin'])
    .input(z.object({ id: z.uuid(), schoolId: z.uuid() }))
    .mutation(({ ctx, input }) => {
      assertMaySeeSchool(ctx.memberships, input.schoolId);
      return removeSchoolContact(ctx.tx, input);
    }),
});
