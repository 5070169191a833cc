import { and, eq, isNotNull, lte, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import {
  billingRuns,
  catalogueItems,
  chargeableItems,
  courseBookings,
  courses,
  invoiceLines,
  invoices,
  schools,
  subscriptions,
} from '~/db/schema';
import type { CustomerCategory, ProductKind, VatTreatment } from '~/db/schema/invoicing';
import type { Actor } from '../access/actor';
import { todayInLondon } from '../catalogue/academic-year';
import { DomainError } from '../errors/domain-error';
import { longDate } from '../format/dates';
import { subscriptionPartsLeft } from './billing-periods';
import { coursePlaceLine } from './course-place-line';
import { lineTotals, sumTotals } from './rules';
import { getInvoiceSettings } from './settings';
import { customerCategoryOf, vatFor } from './vat-for-school';

export const ZBillingRunInput = z.object({
  kind: z.enum(['charges', 'subscriptions']),
  /** Bill what is chargeable on or before this date (charges made, subscription parts begun). */
  upTo: z.iso.date(),
  /** Subscriptions only: the academic year (2026 = 2026/27). */
  academicYear: z.number().int().min(2000).max(2100).optional(),
  /**
   * Subscriptions only: bill the uninvoiced charges (course places, services) made by `upTo` in the same run, so
   * each school gets one invoice (per purchase order) for everything it owes instead of two.
   */
  withCharges: z.boolean().optional(),
});
export type BillingRunInput = z.infer<typeof ZBillingRunInput>;

type PlannedLine = {
  sourceKey: string;
  chargeableItemId: string | null;
  description: string;
  quantityHundredths: number;
  unitPricePence: number;
  productKind: ProductKind;
  productCode: string | null;
  catalogueRate: number;
  /** The item's own VAT treatment, when its manager chose one. */
  catalogueTreatment: VatTreatment | null;
  /** The rate is the product's own choice (a course place's), so 0 means no VAT (VatProduct.rateIsFinal). */
  rateIsFinal: boolean;
  purchaseOrderNumber: string | null;
};

export type PlannedInvoice = {
  schoolId: string;
  schoolName: string;
  customerAddress: string;
  category: CustomerCategory;
  kind: 'invoice' | 'journal';
  purchaseOrderNumber: string | null;
  lines: (Omit<PlannedLine, 'catalogueRate' | 'catalogueTreatment' | 'rateIsFinal' | 'productKind'> & {
    vatTreatment: VatTreatment;
    vatRateBasisPoints: number;
    netPence: number;
    vatPence: number;
    cfrCode: string | null;
    nominalCode: string | null;
    costCentre: string | null;
  })[];
  netPence: number;
  vatPence: number;
  grossPence: number;
};

/** Everything the run would bill, grouped per school (and purchase order), leaving out whatever is billed already. */
export async function planBillingRun(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'name' | 'kind' | 'laCodes'>,
  input: BillingRunInput,
): Promise<PlannedInvoice[]> {
  const settings = await getInvoiceSettings(tx, actor);
  const candidates = new Map<string, PlannedLine[]>();
  const add = (schoolId: string, line: PlannedLine) => {
    const list = candidates.get(schoolId) ?? [];
    list.push(line);
    candidates.set(schoolId, list);
  };
  const schoolRows = await tx
    .select({
      id: schools.id,
      name: schools.name,
      laCode: schools.laCode,
      type: schools.type,
      street: schools.street,
      town: schools.town,
      postcode: schools.postcode,
    })
    .from(schools);
  const schoolById = new Map(schoolRows.map((s) => [s.id, s]));
  const categoryOf = (schoolId: string) => {
    const s = schoolById.get(schoolId);
    return s ? customerCategoryOf(s, actor.laCodes) : 'out_of_area';
  };

  if (input.kind === 'charges' || input.withCharges) {
    // A charge for a course place names the course's date(s) on its line (course-place-line.ts).
    const rows = await tx
      .select({
        charge: chargeableItems,
        course: { title: courses.title, startsOn: courses.startsOn, endsOn: courses.endsOn },
      })
      .from(chargeableItems)
      .leftJoin(
        courseBookings,
        and(
          eq(chargeableItems.sourceType, 'course_booking'),
          eq(courseBookings.tenantId, chargeableItems.tenantId),
          eq(courseBookings.id, chargeableItems.sourceId),
        ),
      )
      .leftJoin(
        courses,
        and(eq(courses.tenantId, courseBookings.tenantId), eq(courses.id, courseBookings.courseId)),
      )
      .where(
        and(
          eq(chargeableItems.status, 'uninvoiced'),
          lte(sql`(${chargeableItems.createdAt} at time zone 'Europe/London')::date`, input.upTo),
        ),
      );
    for (const { charge: c, course } of rows)
      add(c.schoolId, {
        sourceKey: `chargeable:${c.id}`,
        chargeableItemId: c.id,
        description: course ? coursePlaceLine(c.description, course) : c.description,
        quantityHundredths: c.quantityHundredths,
        unitPricePence: c.unitPricePence,
        productKind: 'service',
        productCode: null,
        catalogueRate: c.vatRateBasisPoints,
        catalogueTreatment: c.vatTreatment,
        rateIsFinal: c.sourceType === 'course_booking',
        purchaseOrderNumber: c.purchaseOrderNumber,
      });
  }
  if (input.kind === 'subscriptions') {
    if (input.academicYear === undefined)
      throw new DomainError({
        code: 'BAD_REQUEST',
        message: 'Choose the academic year to bill.',
        field: 'academicYear',
      });
    const rows = await tx
      .select({ sub: subscriptions, item: catalogueItems })
      .from(subscriptions)
      .innerJoin(
        catalogueItems,
        and(eq(catalogueItems.tenantId, subscriptions.tenantId), eq(catalogueItems.id, subscriptions.itemId)),
      )
      .where(and(eq(subscriptions.status, 'active'), eq(subscriptions.academicYear, input.academicYear)));
    // What each subscription already has on a live invoice (issued or draft; a void, or a credit note for the
    // invoice's whole value, releases its lines' keys: create-credit-note.ts), under whichever billing mode it
    // was billed: a change of mode part-way through the year bills only the rest.
    const billedRows = await tx
      .select({
        subscriptionId: sql<string>`split_part(${invoiceLines.sourceKey}, ':', 2)`,
        periodKey: sql<string>`split_part(${invoiceLines.sourceKey}, ':', 3)`,
        pence: invoiceLines.netPence,
      })
      .from(invoiceLines)
      .innerJoin(
        invoices,
        and(eq(invoices.tenantId, invoiceLines.tenantId), eq(invoices.id, invoiceLines.invoiceId)),
      )
      .innerJoin(
        subscriptions,
        and(
          eq(subscriptions.tenantId, invoiceLines.tenantId),
          sql`${subscriptions.id}::text = split_part(${invoiceLines.sourceKey}, ':', 2)`,
        ),
      )
      .where(
        and(
          sql`${invoiceLines.sourceKey} like 'subscription:%'`,
          ne(invoices.status, 'void'),
          eq(subscriptions.academicYear, input.academicYear),
        ),
      );
    const billedOf = new Map<string, { periodKey: string; pence: number }[]>();
    for (const b of billedRows)
      billedOf.set(b.subscriptionId, [...(billedOf.get(b.subscriptionId) ?? []), b]);
    for (const { sub, item } of rows) {
      // At an Appropriate Body a package priced per ECT bills each ECT registered (charges), not the units.
      if (actor.kind === 'appropriate_body' && item.pricingBasis === 'ect') continue;
      const parts = subscriptionPartsLeft(
        settings.subscriptionBilling,
        sub,
        categoryOf(sub.schoolId),
        input.upTo,
        billedOf.get(sub.id) ?? [],
      );
      for (const period of parts) {
        if (period.pence <= 0) continue;
        add(sub.schoolId, {
          sourceKey: `subscription:${sub.id}:${period.key}`,
          chargeableItemId: null,
          description: `${item.name}${sub.units > 1 ? ` × ${sub.units}` : ''}, ${period.label}`,
          quantityHundredths: 100,
          unitPricePence: period.pence,
          productKind: 'package',
          productCode: item.code,
          catalogueRate: item.vatRateBasisPoints,
          catalogueTreatment: item.vatTreatment,
          rateIsFinal: false,
          purchaseOrderNumber: sub.purchaseOrderNumber,
        });
      }
    }
  }

  const keys = [...candidates.values()].flat().map((l) => l.sourceKey);
  const billed = new Set<string>();
  for (let i = 0; i < keys.length; i += 20_000) {
    // The keys go as one JSON parameter (not thousands of bind parameters).
    const found = await tx
      .select({ key: invoiceLines.sourceKey })
      .from(invoiceLines)
      .where(
        and(
          isNotNull(invoiceLines.sourceKey),
          sql`${invoiceLines.sourceKey} in (select json_array_elements_text(${JSON.stringify(keys.slice(i, i + 20_000))}::json))`,
        ),
      );
    for (const f of found) if (f.key) billed.add(f.key);
  }

  const planned: PlannedInvoice[] = [];
  for (const [schoolId, lines] of candidates) {
    const school = schoolById.get(schoolId);
    if (!school) continue;
    const category = categoryOf(schoolId);
    const byPo = new Map<string, PlannedLine[]>();
    for (const l of lines) {
      if (billed.has(l.sourceKey)) continue;
      const key = l.purchaseOrderNumber ?? '';
      byPo.set(key, [...(byPo.get(key) ?? []), l]);
    }
    for (const [po, group] of byPo) {
      const priced = group.map((l) => {
        // The same decision every quote, booking preview and confirmation stated (vat-for-school.ts).
        const { treatment, rateBasisPoints } = vatFor(settings, category, {
          kind: l.productKind,
          rateBasisPoints: l.catalogueRate,
          treatment: l.catalogueTreatment,
          rateIsFinal: l.rateIsFinal,
        });
        const totals = lineTotals({
          quantityHundredths: l.quantityHundredths,
          unitPricePence: l.unitPricePence,
          vatTreatment: treatment,
          vatRateBasisPoints: rateBasisPoints,
        });
        const codes =
          (l.productCode ? settings.financeCodes[l.productCode] : undefined) ??
          settings.financeCodes['*'] ??
          {};
        return {
          sourceKey: l.sourceKey,
          chargeableItemId: l.chargeableItemId,
          description: l.description,
          quantityHundredths: l.quantityHundredths,
          unitPricePence: l.unitPricePence,
          productCode: l.productCode,
          purchaseOrderNumber: l.purchaseOrderNumber,
          vatTreatment: treatment,
          vatRateBasisPoints: totals.vatRateBasisPoints,
          netPence: totals.netPence,
          vatPence: totals.vatPence,
          cfrCode: codes.cfrCode ?? null,
          nominalCode: codes.nominalCode ?? null,
          costCentre: codes.costCentre ?? null,
        };
      });
      planned.push({
        schoolId,
        schoolName: school.name,
        customerAddress: [school.street, school.town, school.postcode].filter(Boolean).join('\n'),
        category,
        kind:
          settings.journalForMaintained && actor.kind === 'la' && category === 'maintained'
            ? 'journal'
            : 'invoice',
        purchaseOrderNumber: po || null,
        lines: priced,
        ...sumTotals(priced),
      });
    }
  }
  return planned.sort((a, b) => a.schoolName.localeCompare(b.schoolName));
}

/** The preview: how many invoices, for whom, and the totals, before anything is written. */
export async function previewBillingRun(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'name' | 'kind' | 'laCodes'>,
  input: BillingRunInput,
) {
  const planned = await planBillingRun(tx, actor, input);
  // A subscriptions run leaves course places and services out: the preview says what of them waits, so the
  // finance officer is not left thinking the schools' bills are complete.
  const charges =
    input.kind === 'subscriptions' && !input.withCharges
      ? await planBillingRun(tx, actor, { kind: 'charges', upTo: input.upTo })
      : [];
  return {
    chargesWaiting: {
      lineCount: charges.reduce((n, p) => n + p.lines.length, 0),
      netPence: charges.reduce((n, p) => n + p.netPence, 0),
    },
    invoices: planned.map((p) => ({
      schoolId: p.schoolId,
      schoolName: p.schoolName,
      kind: p.kind,
      category: p.category,
      purchaseOrderNumber: p.purchaseOrderNumber,
      lineCount: p.lines.length,
      netPence: p.netPence,
      vatPence: p.vatPence,
      grossPence: p.grossPence,
    })),
    totals: sumTotals(planned),
  };
}

export function billingRunLabel(input: BillingRunInput): string {
  if (input.kind === 'charges') return `Uninvoiced charges to ${longDate(input.upTo)}`;
  const year = `${input.academicYear}/${String(((input.academicYear ?? 0) + 1) % 100).padStart(2, '0')}`;
  return input.withCharges
    ? `Subscriptions ${year} begun, and uninvoiced charges made, by ${longDate(input.upTo)}`
    : `Subscriptions ${year} begun by ${longDate(input.upTo)}`;
}

/** What a run records of its input, so a resumed run plans exactly the same bill. */
export function billingRunParams(input: BillingRunInput): Record<string, string | number | null> {
  return {
    upTo: input.upTo,
    academicYear: input.academicYear ?? null,
    ...(input.withCharges ? { withCharges: 1 } : {}),
  };
}

/** The input a recorded run was started with (billingRunParams, read back). */
export function billingRunInputOf(run: {
  kind: BillingRunInput['kind'];
  params: Record<string, string | number | null>;
}): BillingRunInput {
  return ZBillingRunInput.parse({
    kind: run.kind,
    upTo: run.params.upTo,
    academicYear: run.params.academicYear ?? undefined,
    withCharges: run.params.withCharges === 1 ? true : undefined,
  });
}

/**
 * Runs the billing: writes one draft invoice per school (and purchase order) with its lines. Each source
 * (chargeable item, subscription part) has a unique key on its line, so running again bills only what is new,
 * and a run racing another fails whole rather than billing anything twice.
 */
export async function runBilling(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'name' | 'kind' | 'laCodes' | 'userId'>,
  input: BillingRunInput,
) {
  const planned = await planBillingRun(tx, actor, input);
  const [run] = await tx
    .insert(billingRuns)
    .values({
      tenantId: actor.tenantId,
      kind: input.kind,
      label: billingRunLabel(input),
      params: billingRunParams(input),
      schoolsTotal: new Set(planned.map((p) => p.schoolId)).size,
      createdByUserId: actor.userId,
    })
    .returning({ id: billingRuns.id });
  if (!run) throw new Error('billing run not created');
  try {
    await writeDraftInvoices(tx, actor.tenantId, run.id, planned);
  } catch (error) {
    if (/invoice_lines_source_once/.test(String((error as { cause?: unknown }).cause ?? error)))
      throw new DomainError({
        code: 'CONFLICT',
        message: 'Another billing run billed some of these items at the same time. Preview again and re-run.',
        cause: error,
      });
    throw error;
  }
  const schoolsDone = new Set(planned.map((p) => p.schoolId)).size;
  await tx
    .update(billingRuns)
    .set({ status: 'done', schoolsDone, invoicesCreated: planned.length, finishedAt: new Date() })
    .where(eq(billingRuns.id, run.id));
  return { id: run.id, invoicesCreated: planned.length, ...sumTotals(planned) };
}

/** Multi-row inserts: the invoices, then every line, then the chargeable items marked invoiced. */
export async function writeDraftInvoices(
  tx: Tx,
  tenantId: string,
  runId: string | null,
  planned: PlannedInvoice[],
) {
  for (let i = 0; i < planned.length; i += 500) {
    const chunk = planned.slice(i, i + 500);
    const created = await tx
      .insert(invoices)
      .values(
        chunk.map((p) => ({
          tenantId,
          schoolId: p.schoolId,
          kind: p.kind,
          purchaseOrderNumber: p.purchaseOrderNumber,
          customerName: p.schoolName,
          customerAddress: p.customerAddress,
          customerCategory: p.category,
          netPence: p.netPence,
          vatPence: p.vatPence,
          grossPence: p.grossPence,
          billingRunId: runId,
        })),
      )
      .returning({ id: invoices.id });
    const lines = chunk.flatMap((p, n) =>
      p.lines.map((l, position) => ({
        tenantId,
        invoiceId: created[n]?.id ?? '',
        position,
        description: l.description,
        quantityHundredths: l.quantityHundredths,
        unitPricePence: l.unitPricePence,
        netPence: l.netPence,
        vatTreatment: l.vatTreatment,
        vatRateBasisPoints: l.vatRateBasisPoints,
        vatPence: l.vatPence,
        productCode: l.productCode,
        cfrCode: l.cfrCode,
        nominalCode: l.nominalCode,
        costCentre: l.costCentre,
        sourceKey: l.sourceKey,
        chargeableItemId: l.chargeableItemId,
      })),
    );
    // One statement per chunk with the lines as a single JSON parameter: no per-column parameter lists to build.
    for (let j = 0; j < lines.length; j += 5000)
      await tx.execute(sql`insert into invoice_lines (tenant_id, invoice_id, position, description,
          quantity_hundredths, unit_price_pence, net_pence, vat_treatment, vat_rate_basis_points, vat_pence,
          product_code, cfr_code, nominal_code, cost_centre, source_key, chargeable_item_id)
        select ${tenantId}::uuid, x."invoiceId", x.position, x.description, x."quantityHundredths",
          x."unitPricePence", x."netPence", x."vatTreatment"::vat_treatment, x."vatRateBasisPoints", x."vatPence",
          x."productCode", x."cfrCode", x."nominalCode", x."costCentre", x."sourceKey", x."chargeableItemId"
        from json_to_recordset(${JSON.stringify(lines.slice(j, j + 5000))}::json) as x("invoiceId" uuid,
          position int, description text, "quantityHundredths" int, "unitPricePence" int, "netPence" int,
          "vatTreatment" text, "vatRateBasisPoints" int, "vatPence" int, "productCode" text, "cfrCode" text,
          "nominalCode" text, "costCentre" text, "sourceKey" text, "chargeableItemId" uuid)`);
    const items = lines.flatMap((l) => (l.chargeableItemId ? [l.chargeableItemId] : []));
    for (let j = 0; j < items.length; j += 5000)
      await tx
        .update(chargeableItems)
        .set({ status: 'invoiced' })
        .where(
          sql`${chargeableItems.id} in (select json_array_elements_text(${JSON.stringify(items.slice(j, j + 5000))}::json)::uuid)`,
        );
  }
}

export function todayDefault() {
  return todayInLondon();
}
