import { createCallerFactory, router } from '../trpc';
import { accountRouter } from './account';
import { adviserTimeRouter } from './adviser-time';
import { auditRouter } from './audit';
import { authRouter } from './auth';
import { bulletinLinksRouter } from './bulletin-links';
import { calendarRouter } from './calendar';
import { caseworkRouter } from './casework';
import { catalogueRouter } from './catalogue';
import { commissioningRouter } from './commissioning';
import { concernRouter } from './concern';
import { courseCatalogueRouter } from './course-catalogue';
import { coursesRouter } from './courses';
import { entitlementsRouter } from './entitlements';
import { governanceRouter } from './governance';
import { healthRouter } from './health';
import { devRouter } from './dev';
import { inductionRouter } from './induction';
import { invoicesRouter } from './invoices';
import { jobsRouter } from './jobs';
import { joiningRouter } from './joining';
import { membersRouter } from './members';
import { notesOfVisitRouter } from './notes-of-visit';
import { personalDataRouter } from './personal-data';
import { platformRouter } from './platform';
import { registerRouter } from './register';
import { renewalsRouter } from './renewals';
import { reportsRouter } from './reports';
import { schoolImportRouter } from './school-import';
import { schoolsRouter } from './schools';
import { subscriptionsRouter } from './subscriptions';
import { visitsRouter } from './visits';
import { workspacesRouter } from './workspaces';

export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  health: healthRouter,
  workspaces: workspacesRouter,
  schools: schoolsRouter,
  schoolImport: schoolImportRouter,
  calendar: calendarRouter,
  catalogue: catalogueRouter,
  subscriptions: subscriptionsRouter,
  entitlements: entitlementsRouter,
  adviserTime: adviserTimeRouter,
  courses: coursesRouter,
  courseCatalogue: courseCatalogueRouter,
  commissioning: commissioningRouter,
  renewals: renewalsRouter,
  reports: reportsRouter,
  members: membersRouter,
  audit: auditRouter,
  jobs: jobsRouter,
  invoices: invoicesRouter,
  induction: inductionRouter,
  governance: governanceRouter,
  bulletinLinks: bulletinLinksRouter,
  notesOfVisit: notesOfVisitRouter,
  personalData: personalDataRouter,
  casework: caseworkRouter,
  concern: concernRouter,
  register: registerRouter,
  visits: visitsRouter,
  joining: joiningRouter,
  platform: platformRouter,
  dev: devRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
