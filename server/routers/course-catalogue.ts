import { z } from 'zod';
import { todayInLondon } from '../catalogue/academic-year';
import { priceNamesOf } from '../catalogue/price-names';
import { catalogueOffer } from '../courses/catalogue-offer';
import { catalogueSitemap } from '../courses/catalogue-sitemap';
import { getPublicCourse } from '../courses/get-public-course';
import { claimByLink } from '../courses/claim-by-link';
import { evaluateByPlaceLink } from '../courses/evaluate-by-place-link';
import { evaluationByLink, submitEvaluationByLink, ZEvaluationAnswers } from '../courses/evaluations';
import { placeByLink, placeCalendarByLink, placeCertificateByLink } from '../courses/find-place';
import { offerToClaim } from '../courses/offer-to-claim';
import { withPublicCourses } from '../courses/public-tenant';
import { catalogueFacets, searchCatalogue, ZCatalogueFilters } from '../courses/search-catalogue';
import { setNeedsByLink, ZPlaceNeeds } from '../courses/set-needs-by-link';
import { emailedLinkProcedure, publicProcedure, router } from '../trpc';

const ZTenantSlug = z.string().trim().min(1).max(60);
/** An emailed link's token: anything of the wrong length is answered like an unknown one ("not valid"). */
const ZLink = z.object({ tenant: ZTenantSlug, token: z.string().min(1).max(200) });

/**
 * The public course catalogue of a workspace: no sign-in, published courses only, read-only; and the pages
 * behind a delegate's emailed links (their place, a waiting-list offer, an evaluation), which the link's token
 * opens.
 */
export const courseCatalogueRouter = router({
  search: publicProcedure
    .input(z.object({ tenant: ZTenantSlug, filters: ZCatalogueFilters }))
    .query(({ ctx, input }) =>
      withPublicCourses(ctx.db, input.tenant, async (tx, tenant) => {
        const today = todayInLondon();
        const [results, facets] = await Promise.all([
          searchCatalogue(tx, { ...input.filters, today }),
          catalogueFacets(tx, tenant.id, today),
        ]);
        return {
          tenant: {
            name: tenant.name,
            slug: tenant.slug,
            priceNames: priceNamesOf(tenant.settings),
            offer: catalogueOffer(tenant.modules, facets.programmes),
          },
          ...results,
          facets: { subjects: facets.subjects, phases: facets.phases },
        };
      }),
    ),
  course: publicProcedure.input(z.object({ tenant: ZTenantSlug, id: z.uuid() })).query(({ ctx, input }) =>
    withPublicCourses(ctx.db, input.tenant, async (tx, tenant) => ({
      tenant: { name: tenant.name, slug: tenant.slug, priceNames: priceNamesOf(tenant.settings) },
      ...(await getPublicCourse(tx, input.id, tenant.id)),
    })),
  ),
  /** A waiting-list offer, by its emailed claim link's token: the course, the hold and what claiming costs. */
  claimableOffer: publicProcedure.input(ZLink).query(({ ctx, input }) =>
    withPublicCourses(ctx.db, input.tenant, (tx, tenant) =>
      offerToClaim(tx, {
        token: input.token,
        laCodes: tenant.laCodes,
        today: todayInLondon(),
        now: new Date(),
      }),
    ),
  ),
  /** A delegate's own place, by their confirmation email's link: sessions, certificate, what cancelling cost. */
  place: publicProcedure
    .input(ZLink)
    .query(({ ctx, input }) => withPublicCourses(ctx.db, input.tenant, (tx) => placeByLink(tx, input.token))),
  /** The place's calendar file (an event per session), from the delegate's place page. */
  placeCalendar: publicProcedure
    .input(ZLink)
    .query(({ ctx, input }) =>
      withPublicCourses(ctx.db, input.tenant, (tx, tenant) =>
        placeCalendarByLink(tx, input.token, tenant.name),
      ),
    ),
  /** The delegate's certificate of attendance (present at every session), from their place page. */
  placeCertificate: publicProcedure
    .input(ZLink)
    .query(({ ctx, input }) =>
      withPublicCourses(ctx.db, input.tenant, (tx, tenant) =>
        placeCertificateByLink(tx, input.token, tenant.name),
      ),
    ),
  /**
   * The delegate's evaluation, from their place page once the course has finished (the place's link is enough:
   * the evaluation request's own link is never shown there).
   */
  sendPlaceEvaluation: emailedLinkProcedure
    .input(ZLink.extend({ answers: ZEvaluationAnswers }))
    .mutation(({ ctx, input }) =>
      evaluateByPlaceLink(ctx.db, {
        slug: input.tenant,
        token: input.token,
        answers: input.answers,
        now: new Date(),
      }),
    ),
  /** The delegate tells the organisers their access or dietary needs (or clears them), from their place page. */
  saveNeeds: emailedLinkProcedure
    .input(ZLink.extend({ needs: ZPlaceNeeds }))
    .mutation(({ ctx, input }) =>
      setNeedsByLink(ctx.db, { slug: input.tenant, token: input.token, needs: input.needs }),
    ),
  /** Claims the place a waiting-list offer holds, from the offer email's link. */
  claimOffer: emailedLinkProcedure
    .input(ZLink)
    .mutation(({ ctx, input }) =>
      claimByLink(ctx.db, { slug: input.tenant, token: input.token, appUrl: ctx.appUrl }),
    ),
  /** A delegate's evaluation request, by its emailed link: the course and whether it has been answered. */
  evaluation: publicProcedure
    .input(ZLink)
    .query(({ ctx, input }) =>
      withPublicCourses(ctx.db, input.tenant, (tx) => evaluationByLink(tx, input.token)),
    ),
  /** The delegate's answers to the evaluation request, from its emailed link (once). */
  sendEvaluation: emailedLinkProcedure
    .input(ZLink.extend({ answers: ZEvaluationAnswers }))
    .mutation(({ ctx, input }) =>
      submitEvaluationByLink(ctx.db, { slug: input.tenant, token: input.token, answers: input.answers }),
    ),
  /** Every public catalogue and its courses, as absolute addresses for search engines' sitemap. */
  sitemap: publicProcedure.query(async ({ ctx }) => {
    const workspaces = await catalogueSitemap(ctx.db, todayInLondon());
    return workspaces.flatMap(({ slug, courses }) => [
      {
        url: `${ctx.appUrl}/courses/${slug}`,
        lastModified: courses.reduce<Date | undefined>(
          (latest, { updatedAt }) => (latest && latest > updatedAt ? latest : updatedAt),
          undefined,
        ),
      },
      ...courses.map((course) => ({
        url: `${ctx.appUrl}/courses/${slug}/${course.id}`,
        lastModified: course.updatedAt,
      })),
    ]);
  }),
});
