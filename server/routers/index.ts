import { createCallerFactory, router } from '../trpc';
import { adviserTimeRouter } from './adviser-time';
import { auditRouter } from './audit';
import { authRouter } from './auth';
import { catalogueRouter } from './catalogue';
import { entitlementsRouter } from './entitlements';
import { devRouter } from './dev';
import { membersRouter } from './members';
import { registerRouter } from './register';
import { renewalsRouter } from './renewals';
import { schoolImportRouter } from './school-import';
import { schoolsRouter } from './schools';
import { subscriptionsRouter } from './subscriptions';
import { visitsRouter } from './visits';
import { workspacesRouter } from './workspaces';

export const appRouter = router({
  auth: authRouter,
  workspaces: workspacesRouter,
  schools: schoolsRouter,
  schoolImport: schoolImportRouter,
  catalogue: catalogueRouter,
  subscriptions: subscriptionsRouter,
  entitlements: entitlementsRouter,
  adviserTime: adviserTimeRouter,
  renewals: renewalsRouter,
  members: membersRouter,
  audit: auditRouter,
  register: registerRouter,
  visits: visitsRouter,
  dev: devRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
