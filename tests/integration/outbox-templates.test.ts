import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { outboxEmails } from '~/db/schema';
import { listOutbox, withMailroom } from '~/server/email/outbox';
import { drainEmails, queueEmail } from '~/server/email/send-email';
import { emailOf } from '~/server/email/templates';
import { openTestDatabase, tenantBySlug } from './harness';

describe('outbox: template and props queued, rendered at delivery', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('stores the subject and props (no body) when queued, renders on read for the development outbox, and keeps the body once delivered', async () => {
    const harrow = await tenantBySlug(database.db, 'harrow');
    const to = `templated-${Date.now()}@harrow.example`;
    await withTenant(database.db, harrow.id, (tx) =>
      queueEmail(tx, {
        to,
        ...emailOf('notice', {
          subject: 'A templated notice',
          heading: 'Hello',
          recipientName: 'Ada <Admin>',
          paragraphs: ['Rendered when it is delivered.'],
          action: { label: 'Open', url: 'https://stride.test/harrow' },
        }),
      }),
    );
    const row = async () =>
      (
        await withMailroom(database.db, (tx) => tx.select().from(outboxEmails).where(eq(outboxEmails.to, to)))
      )[0];
    const queued = await row();
    expect(queued).toMatchObject({ status: 'queued', template: 'notice', subject: 'A templated notice' });
    expect(queued?.text).toBeNull();
    expect(queued?.html).toBeNull();
    expect(queued?.props).toMatchObject({ recipientName: 'Ada <Admin>' });

    const listed = (await withMailroom(database.db, (tx) => listOutbox(tx, 500))).find((e) => e.to === to);
    expect(listed?.text).toContain('Dear Ada <Admin>,');
    expect(listed?.text).toContain('https://stride.test/harrow');

    expect(await drainEmails(database.db, { tenantId: harrow.id })).toBeGreaterThanOrEqual(1);
    const delivered = await row();
    expect(delivered?.status).toBe('kept');
    expect(delivered?.text).toContain('Rendered when it is delivered.');
    expect(delivered?.html).toContain('Ada &lt;Admin&gt;');
  });

  it('refuses props that do not fit the template, so nothing malformed is queued', async () => {
    const harrow = await tenantBySlug(database.db, 'harrow');
    await expect(
      withTenant(database.db, harrow.id, (tx) =>
        queueEmail(tx, {
          to: 'x@harrow.example',
          template: 'notice',
          props: { subject: 'No heading' } as Parameters<typeof emailOf<'notice'>>[1],
        }),
      ),
    ).rejects.toThrow();
  });
});
