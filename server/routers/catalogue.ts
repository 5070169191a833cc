import { buyers, managers } from '../access/role-groups';
import { z } from 'zod';
import { todayInLondon, academicYearOf } from '../catalogue/academic-year';
import { ZCreateCatalogueItemInput } from '../catalogue/catalogue-inputs';
import { copyCatalogueForward, ZCopyCatalogueForwardInput } from '../catalogue/copy-catalogue-forward';
import { createCatalogueItem } from '../catalogue/create-catalogue-item';
import { updateCatalogueItem, ZUpdateCatalogueItemInput } from '../catalogue/update-catalogue-item';
import { getCatalogueItem, listCatalogue, listCatalogueYears } from '../catalogue/list-catalogue';
import { loadNewProductVat } from '../invoicing/new-product-vat';
import { quoteForSchool } from '../subscriptions/quote-for-school';
import { tradedSettingsView, updateTradedSettings, ZTradedSettingsInput } from '../catalogue/traded-settings';
import { router, tenantProcedure } from '../trpc';
import { assertMaySeeSchool } from '../workspaces/school-scope';

const ZYear = z.number().int().min(2000).max(2100);
const readers = ['tenant_admin', 'finance', 'adviser', 'school_admin'] as const;

export const catalogueRouter = router({
  years: tenantProcedure({ module: 'traded', roles: readers }).query(({ ctx }) => listCatalogueYears(ctx.tx)),
  list: tenantProcedure({ module: 'traded', roles: readers })
    .input(z.object({ academicYear: ZYear.optional() }))
    .query(({ ctx, input }) => {
      // Schools see only what is on sale; staff see withdrawn items too.
      const staff = ctx.actor.memberships.some((m) => m.role !== 'school_admin');
      return listCatalogue(ctx.tx, {
        academicYear: input.academicYear ?? academicYearOf(todayInLondon()),
        activeOnly: !staff,
      });
    }),
  byId: tenantProcedure({ module: 'traded', roles: readers })
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) => getCatalogueItem(ctx.tx, input.id)),
  /** A school's own price for an item today. */
  quote: tenantProcedure({ module: 'traded', roles: buyers })
    .input(
      z.object({ schoolId: z.uuid(), itemId: z.uuid(), units: z.number().int().min(1).max(200).default(1) }),
    )
    .query(({ ctx, input }) => {
      assertMaySeeSchool(ctx.actor.memberships, input.schoolId);
      return quoteForSchool(ctx.tx, {
        ...input,
        today: todayInLondon(),
        perRegisteredEct: ctx.actor.kind === 'appropriate_body',
      });
    }),
  /** The VAT a new package or service starts at (none without a VAT number), for the new-item form. */
  vatDefault: tenantProcedure({ module: 'traded', roles: managers }).query(({ ctx }) =>
    loadNewProductVat(ctx.tx, ctx.actor.tenantId),
  ),
  create: tenantProcedure({ module: 'traded', roles: managers })
    .input(ZCreateCatalogueItemInput)
    .mutation(({ ctx, input }) => createCatalogueItem(ctx.tx, ctx.actor.tenantId, input)),
  update: tenantProcedure({ module: 'traded', roles: managers })
    .input(ZUpdateCatalogueItemInput)
    .mutation(({ ctx, input }) => updateCatalogueItem(ctx.tx, input)),
  copyForward: tenantProcedure({ module: 'traded', roles: managers })
    .input(ZCopyCatalogueForwardInput)
    .mutation(({ ctx, input }) => copyCatalogueForward(ctx.tx, ctx.actor.tenantId, input)),
  /** The workspace's names for its two prices and its rule for a use partly covered, for its manager. */
  settings: tenantProcedure({ module: 'traded', roles: managers }).query(({ ctx }) =>
    tradedSettingsView(ctx.actor.settings),
  ),
  updateSettings: tenantProcedure({ module: 'traded', roles: managers })
    .input(ZTradedSettingsInput)
    .mutation(({ ctx, input }) => updateTradedSettings(ctx.tx, ctx.actor, input)),
});
