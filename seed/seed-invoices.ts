import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { chargeableItems, memberships, schools, type tenants } from '~/db/schema';
import { academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { runBilling } from '~/server/invoicing/billing-run';
import { createCreditNote } from '~/server/invoicing/create-credit-note';
import { issueInvoice } from '~/server/invoicing/issue-invoice';
import { getInvoice } from '~/server/invoicing/load-invoice';
import { listInvoices } from '~/server/invoicing/list-invoices';
import { recordPayment } from '~/server/invoicing/record-payment';
import { addDays } from '~/server/invoicing/rules';
import { updateInvoiceSettings, ZInvoiceSettingsInput } from '~/server/invoicing/settings';
import * as demo from './demo-data';

export type InvoiceSeedTenant = {
  tenantId: string;
  slug: string;
  name: string;
  kind: (typeof tenants.$inferSelect)['kind'];
  laCodes: string[];
  /** The finance user the runs and payments are recorded by. */
  financeUserId: string;
  appUrl?: string;
};

/**
 * What each demo workspace that sells packages puts on its invoices: every one complete (address and bank
 * details saved, so its manager's Getting started has invoicing done), the bank details plainly made up (sort
 * code 00-00-00 is issued to no bank). A VAT number only where the demo charges VAT: Barnet (an LA: its own
 * maintained schools outside the scope, everyone else standard-rated) and HSIP (standard-rated to all); BEP is
 * not VAT-registered, so its demo shows the prices without VAT and the settings page says why.
 */
const demoSettings: Record<
  string,
  { legalName: string; address: string; vatNumber: string | null; invoicePrefix: string; account: string }
> = {
  barnet: {
    legalName: 'London Borough of Barnet',
    address: '2 Bristol Avenue, Colindale, London NW9 4EW',
    vatNumber: 'GB226539010',
    invoicePrefix: 'INV-',
    account: '43218765',
  },
  hsip: {
    legalName: "Harrow Schools' Improvement Partnership Ltd",
    address: 'Civic Centre, Station Road, Harrow HA1 2XY',
    vatNumber: 'GB318440227',
    invoicePrefix: 'HSIP-',
    account: '51827364',
  },
  bep: {
    legalName: 'Birmingham Education Partnership Ltd',
    address: '1 Example Row, Birmingham B1 0XX (demo address)',
    vatNumber: null,
    invoicePrefix: 'BEP-',
    account: '60718293',
  },
};

/** Which demo workspaces get invoices: Barnet bills its uninvoiced charges, HSIP this year's subscriptions. */
export const invoiceSeedSlugs = ['barnet', 'hsip'] as const;

/** A demo workspace's invoice settings, saved through the settings function as its manager would save them. */
export async function seedInvoiceSettings(
  tx: Tx,
  tenant: Pick<InvoiceSeedTenant, 'tenantId' | 'slug' | 'kind'>,
) {
  const base = demoSettings[tenant.slug];
  if (!base) return false;
  const { account, ...named } = base;
  await tx.execute(sql`select set_config('app.tenant_id', ${tenant.tenantId}, true)`);
  await updateInvoiceSettings(
    tx,
    { tenantId: tenant.tenantId, kind: tenant.kind },
    ZInvoiceSettingsInput.parse({
      ...named,
      creditNotePrefix: 'CN-',
      journalPrefix: 'JNL-',
      paymentTermsDays: 30,
      bankDetails: `Demo Bank (made up for the demo, not a real account)\nSort code 00-00-00\nAccount ${account}`,
      logoUrl: null,
      standardRateBasisPoints: 2000,
      vatRules:
        tenant.kind === 'la'
          ? [
              { productKind: 'any', customerCategory: 'maintained', treatment: 'outside_scope' },
              { productKind: 'any', customerCategory: 'any', treatment: 'standard' },
            ]
          : [{ productKind: 'any', customerCategory: 'any', treatment: 'standard' }],
      financeCodes: { '*': { nominalCode: '4100', costCentre: 'SI100' } },
      subscriptionBilling: 'annual',
      journalForMaintained: false,
      reminderDays: [7, 30],
    }),
  );
  return true;
}

/**
 * Real money on first start, through the domain functions: invoice settings, one billing run, and its first
 * drafts issued — two of them long enough ago to be overdue, one part-paid, one paid in full, one partly
 * credited; the rest left as drafts to issue. Barnet's run bills charges (its demo subscriptions are left for
 * the billing-run journey); HSIP's bills this year's subscriptions.
 */
export async function seedInvoices(tx: Tx, tenant: InvoiceSeedTenant, today = todayInLondon()) {
  if (!(await seedInvoiceSettings(tx, tenant))) return;
  const actor = {
    tenantId: tenant.tenantId,
    slug: tenant.slug,
    name: tenant.name,
    kind: tenant.kind,
    laCodes: tenant.laCodes,
    userId: tenant.financeUserId,
    appUrl: tenant.appUrl ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000',
  };

  // Schools whose administrators can sign in (the demo headteachers) get an unpaid invoice to open and pay.
  const withSchoolAdmins = new Set(
    (
      await tx
        .select({ schoolId: memberships.schoolId })
        .from(memberships)
        .where(eq(memberships.role, 'school_admin'))
    ).flatMap((m) => (m.schoolId ? [m.schoolId] : [])),
  );
  let runId: string;
  if (tenant.slug === 'barnet') {
    const first = await tx
      .select({ id: schools.id })
      .from(schools)
      .where(eq(schools.status, 'open'))
      .orderBy(asc(schools.urn))
      .limit(8 + withSchoolAdmins.size);
    const open = [
      ...first.filter((s) => !withSchoolAdmins.has(s.id)).slice(0, 8),
      ...[...withSchoolAdmins].map((id) => ({ id })),
    ];
    const charges = [
      ['Consultancy day beyond entitlement', 100, 55_000],
      ['Headteacher appraisal support (half day)', 50, 60_000],
      ['Governor training, bespoke session', 100, 42_000],
      ['Moderation visit, extra hours', 250, 9_500],
    ] as const;
    await tx.insert(chargeableItems).values(
      open.map((s, n) => {
        const [description, quantityHundredths, unitPricePence] = charges[n % charges.length] ?? charges[0];
        return {
          tenantId: tenant.tenantId,
          schoolId: s.id,
          description,
          quantityHundredths,
          unitPricePence,
          netPence: Math.round((quantityHundredths * unitPricePence) / 100),
          vatRateBasisPoints: 2000,
          pricedAsMember: true,
          sourceType: 'demo',
          createdAt: new Date(`${addDays(today, -80)}T10:00:00Z`),
        };
      }),
    );
    runId = (await runBilling(tx, actor, { kind: 'charges', upTo: today })).id;
  } else {
    runId = (
      await runBilling(tx, actor, {
        kind: 'subscriptions',
        upTo: today,
        academicYear: academicYearOf(today),
      })
    ).id;
  }

  const drafts = (await listInvoices(tx, { billingRunId: runId })).filter((d) => d.kind === 'invoice');
  const others = drafts.filter((d) => !withSchoolAdmins.has(d.schoolId));
  const [overdue, overdueToo, partPaid, paid, credited, current] = others;
  for (const d of drafts.filter((x) => withSchoolAdmins.has(x.schoolId)))
    await issueInvoice(tx, actor, { id: d.id, today: addDays(today, -2), notify: false });
  // Issued 75 days ago on 30-day terms: overdue (one 45 days, one 45 days with a reminder's worth of age).
  for (const d of [overdue, overdueToo])
    if (d) await issueInvoice(tx, actor, { id: d.id, today: addDays(today, -75), notify: false });
  for (const d of [partPaid, paid, credited, current])
    if (d) await issueInvoice(tx, actor, { id: d.id, today: addDays(today, -20), notify: false });
  if (partPaid)
    await recordPayment(tx, actor, {
      schoolId: partPaid.schoolId,
      method: 'bacs',
      reference: 'REMIT-1041',
      amountPence: Math.floor(partPaid.grossPence / 2),
      receivedOn: addDays(today, -10),
      allocations: [{ invoiceId: partPaid.id, amountPence: Math.floor(partPaid.grossPence / 2) }],
    });
  if (paid)
    await recordPayment(tx, actor, {
      schoolId: paid.schoolId,
      method: tenant.kind === 'la' ? 'journal' : 'cheque',
      reference: tenant.kind === 'la' ? 'JNL-2041' : 'CHQ 100233',
      amountPence: paid.grossPence,
      receivedOn: addDays(today, -5),
      allocations: [{ invoiceId: paid.id, amountPence: paid.grossPence }],
    });
  if (credited) {
    const view = await getInvoice(tx, credited.id);
    const line = view.lines[0];
    if (line)
      await createCreditNote(tx, actor, {
        invoiceId: credited.id,
        reason: 'Half of the session was not delivered',
        scope: 'partial',
        lines: [{ invoiceLineId: line.id, netPence: Math.max(1, Math.floor(line.netPence / 2)) }],
        today: addDays(today, -3),
        notify: false,
      });
  }
  return { runId, issued: [overdue, overdueToo, partPaid, paid, credited, current].filter(Boolean).length };
}

/**
 * The demo seed's call: every demo workspace selling packages gets its invoice settings; those with demo money
 * are then billed by their finance user.
 */
export async function seedDemoInvoices(
  tx: Tx,
  input: { tenantIdBySlug: Map<string, string>; userIdByEmail: Map<string, string> },
) {
  for (const t of demo.tenants) {
    const tenantId = input.tenantIdBySlug.get(t.slug);
    if (!tenantId || !t.modules.includes('traded')) continue;
    const finance = demo.users.find((u) => (u.memberships[t.slug] ?? []).some((m) => m.role === 'finance'));
    const financeUserId = input.userIdByEmail.get(finance?.email.toLowerCase() ?? '');
    const billed = (invoiceSeedSlugs as readonly string[]).includes(t.slug);
    if (billed && financeUserId)
      await seedInvoices(tx, {
        tenantId,
        slug: t.slug,
        name: t.name,
        kind: t.kind,
        laCodes: t.laCodes,
        financeUserId,
      });
    else await seedInvoiceSettings(tx, { tenantId, slug: t.slug, kind: t.kind });
  }
}
