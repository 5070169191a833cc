import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { renderPdf } from '~/server/pdf/render-pdf';
import { makeDemoWorkspace, type DemoWorkspace } from '../fixtures/factories';
import { openTestDatabase } from './harness';

/** A 1×1 PNG. */
const png =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('the logo on invoices', () => {
  let database: Database;
  let barnet: DemoWorkspace;

  beforeAll(async () => {
    database = await openTestDatabase();
    barnet = await makeDemoWorkspace(database.db, 'barnet', { invoices: true });
  });

  it('is validated (PNG or JPEG by its bytes, at most 200 KB), stored per tenant, and drawn on the PDF', async () => {
    const finance = barnet.caller('finance@barnet.example');
    const refuse = (logo: { mimeType: 'image/png' | 'image/jpeg'; dataBase64: string }) =>
      expect(finance.invoices.setLogo({ logo })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await refuse({ mimeType: 'image/png', dataBase64: Buffer.from('GIF89a not a png').toString('base64') });
    await refuse({ mimeType: 'image/jpeg', dataBase64: png });
    const big = Buffer.alloc(200 * 1024 + 1);
    Buffer.from(png, 'base64').copy(big);
    await refuse({ mimeType: 'image/png', dataBase64: big.toString('base64') });
    await expect(
      barnet
        .caller('head@coppettswood.sch.example')
        .invoices.setLogo({ logo: { mimeType: 'image/png', dataBase64: png } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const [invoice] = await finance.invoices.list({ status: 'issued' });
    const before = await finance.invoices.pdf({ id: invoice?.id ?? '' });
    expect(before.document.logo).toBeUndefined();

    expect(await finance.invoices.setLogo({ logo: { mimeType: 'image/png', dataBase64: png } })).toEqual({
      hasLogo: true,
    });
    const settings = await finance.invoices.settings();
    expect(settings).toMatchObject({ logoMimeType: 'image/png', logoData: png });
    const { document } = await finance.invoices.pdf({ id: invoice?.id ?? '' });
    expect(document.logo?.mimeType).toBe('image/png');
    const bytes = Buffer.from(await renderPdf(document)).toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    expect(bytes).toContain('/Subtype /Image');

    // Another workspace's invoices carry no logo of this one.
    const hsip = await makeDemoWorkspace(database.db, 'hsip', { invoices: true });
    expect((await hsip.caller('finance@hsip.example').invoices.settings()).logoData).toBeNull();

    expect(await finance.invoices.setLogo({ logo: null })).toEqual({ hasLogo: false });
    expect((await finance.invoices.pdf({ id: invoice?.id ?? '' })).document.logo).toBeUndefined();
  });
});
