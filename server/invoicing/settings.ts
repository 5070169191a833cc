import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { invoiceSettings, vatTreatment, type InvoiceSettings } from '~/db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { encryptSecret } from './stripe-secrets';

/** The tenant's invoice settings, or the defaults (named after the workspace) when none are saved yet. */
export async function getInvoiceSettings(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'name'>,
): Promise<InvoiceSettings> {
  const [row] = await tx.select().from(invoiceSettings).where(eq(invoiceSettings.tenantId, actor.tenantId));
  if (row) return row;
  return {
    tenantId: actor.tenantId,
    id: '',
    legalName: actor.name,
    address: '',
    vatNumber: null,
    invoicePrefix: 'INV-',
    creditNotePrefix: 'CN-',
    journalPrefix: 'JNL-',
    paymentTermsDays: 30,
    bankDetails: '',
    logoUrl: null,
    logoData: null,
    logoMimeType: null,
    standardRateBasisPoints: 2000,
    vatRules: [],
    financeCodes: {},
    subscriptionBilling: 'annual',
    journalForMaintained: false,
    reminderDays: [7, 30],
    offerBacsDebit: false,
    stripeAccountId: null,
    stripeKeyEncrypted: null,
    updatedAt: new Date(0),
  };
}

/** Settings a view may show (never the encrypted Stripe key). */
export async function viewInvoiceSettings(tx: Tx, actor: Pick<Actor, 'tenantId' | 'name'>) {
  const { stripeKeyEncrypted, ...rest } = await getInvoiceSettings(tx, actor);
  return { ...rest, stripeKeyStored: stripeKeyEncrypted !== null };
}

const prefix = z
  .string()
  .trim()
  .min(1, 'Enter a prefix')
  .max(12, 'Keep the prefix to 12 characters')
  .regex(/^[A-Z0-9/-]+$/i, 'Use letters, digits, hyphens and slashes only');

const codes = z.object({
  cfrCode: z.string().trim().max(20).optional(),
  nominalCode: z.string().trim().max(20).optional(),
  costCentre: z.string().trim().max(20).optional(),
});

export const ZInvoiceSettingsInput = z.object({
  legalName: z.string().trim().min(1, 'Enter the legal name on invoices').max(200),
  address: z.string().trim().max(500),
  // Written as it is printed ("GB 123 4567 89"): the spaces go, the number is kept as GB123456789.
  vatNumber: z
    .string()
    .transform((v) => v.replace(/\s+/g, '').toUpperCase())
    .pipe(z.string().regex(/^(GB)?\d{9}(\d{3})?$/, 'Enter a UK VAT number, e.g. GB123456789'))
    .nullable()
    .optional(),
  invoicePrefix: prefix,
  creditNotePrefix: prefix,
  journalPrefix: prefix,
  paymentTermsDays: z.number().int().min(0, 'Payment terms cannot be negative').max(120),
  bankDetails: z.string().trim().max(500),
  logoUrl: z.url().nullable().optional(),
  standardRateBasisPoints: z.number().int().min(0).max(10_000),
  vatRules: z
    .array(
      z.object({
        productKind: z.enum(['package', 'service', 'any']),
        customerCategory: z.enum(['maintained', 'academy', 'out_of_area', 'any']),
        treatment: z.enum(vatTreatment.enumValues),
      }),
    )
    .max(20),
  financeCodes: z.record(z.string().max(40), codes),
  subscriptionBilling: z.enum(['annual', 'termly', 'financial_year_split']),
  journalForMaintained: z.boolean(),
  reminderDays: z.array(z.number().int().min(1).max(365)).max(6),
  /** Offer Bacs Direct Debit beside card when a school pays online (the Stripe account must support it). */
  offerBacsDebit: z.boolean().default(false),
});
export type InvoiceSettingsInput = z.infer<typeof ZInvoiceSettingsInput>;

export async function updateInvoiceSettings(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'kind'>,
  input: InvoiceSettingsInput,
) {
  const prefixes = [input.invoicePrefix, input.creditNotePrefix, input.journalPrefix].map((p) =>
    p.toUpperCase(),
  );
  if (new Set(prefixes).size !== prefixes.length)
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'Invoices, credit notes and journals need different prefixes.',
      field: 'creditNotePrefix',
    });
  if (input.journalForMaintained && actor.kind !== 'la')
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'Only a local authority recharges its own maintained schools by journal.',
      field: 'journalForMaintained',
    });
  const values = {
    ...input,
    vatNumber: input.vatNumber || null,
    logoUrl: input.logoUrl ?? null,
    updatedAt: new Date(),
  };
  const [row] = await tx
    .insert(invoiceSettings)
    .values({ tenantId: actor.tenantId, ...values })
    .onConflictDoUpdate({ target: [invoiceSettings.tenantId], set: values })
    .returning({ id: invoiceSettings.id });
  return row;
}

export const ZConnectStripeInput = z.object({
  accountId: z.string().trim().max(100).nullable(),
  restrictedKey: z.string().trim().min(1, 'Enter the restricted key').max(300),
});

/** Stores the tenant's Stripe key (encrypted at rest, never shown again) and connected account id. */
export async function connectStripe(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'name'>,
  input: z.infer<typeof ZConnectStripeInput>,
) {
  if (input.accountId !== null && !/^acct_[A-Za-z0-9]+$/.test(input.accountId))
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'Enter the connected account id, starting acct_',
      field: 'accountId',
    });
  if (!/^(rk|sk)_(test|live)_[A-Za-z0-9]+$/.test(input.restrictedKey))
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'Enter a restricted key, starting rk_live_ or rk_test_',
      field: 'restrictedKey',
    });
  const values = {
    stripeAccountId: input.accountId,
    stripeKeyEncrypted: encryptSecret(input.restrictedKey),
    updatedAt: new Date(),
  };
  await tx
    .insert(invoiceSettings)
    .values({ tenantId: actor.tenantId, legalName: actor.name, ...values })
    .onConflictDoUpdate({ target: [invoiceSettings.tenantId], set: values });
  return { connected: true };
}

/** The largest logo an invoice carries. */
export const maxLogoBytes = 200 * 1024;

export const ZInvoiceLogoInput = z.object({
  /** A PNG or JPEG, base64; null removes the logo. */
  logo: z
    .object({
      mimeType: z.enum(['image/png', 'image/jpeg']),
      dataBase64: z
        .string()
        .max(Math.ceil(maxLogoBytes / 3) * 4 + 4, 'Choose a logo of at most 200 KB')
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The logo could not be read'),
    })
    .nullable(),
});

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The image's own bytes say what it is: a PNG's signature, a JPEG's start-of-image marker. */
function imageKind(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  if (pngSignature.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Stores the logo drawn on this tenant's invoices (PNG or JPEG, at most 200 KB), or removes it. */
export async function setInvoiceLogo(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'name'>,
  input: z.infer<typeof ZInvoiceLogoInput>,
) {
  let values: { logoData: string | null; logoMimeType: 'image/png' | 'image/jpeg' | null };
  if (input.logo === null) values = { logoData: null, logoMimeType: null };
  else {
    const bytes = Buffer.from(input.logo.dataBase64, 'base64');
    if (bytes.length === 0)
      throw new DomainError({ code: 'BAD_REQUEST', message: 'Choose a logo file.', field: 'logo' });
    if (bytes.length > maxLogoBytes)
      throw new DomainError({
        code: 'BAD_REQUEST',
        message: `The logo is ${Math.ceil(bytes.length / 1024)} KB: choose one of at most 200 KB.`,
        field: 'logo',
      });
    const kind = imageKind(bytes);
    if (!kind || kind !== input.logo.mimeType)
      throw new DomainError({
        code: 'BAD_REQUEST',
        message: 'The logo must be a PNG or JPEG image.',
        field: 'logo',
      });
    values = { logoData: bytes.toString('base64'), logoMimeType: kind };
  }
  await tx
    .insert(invoiceSettings)
    .values({ tenantId: actor.tenantId, legalName: actor.name, ...values, updatedAt: new Date() })
    .onConflictDoUpdate({ target: [invoiceSettings.tenantId], set: { ...values, updatedAt: new Date() } });
  return { hasLogo: values.logoData !== null };
}
