import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { withMailroom } from '~/server/email/outbox';
import { outboxEmails } from '~/db/schema';
import { strideAdapter } from '~/server/auth/adapter';
import { sendEmail } from '~/server/email/send-email';
import { onPostgres, openTestDatabase } from './harness';
import { emailOf } from '~/server/email/templates';

describe('sign-in storage and email', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('finds seeded users by email whatever the case, and nobody else', async () => {
    const adapter = strideAdapter(async () => database.db);
    await expect(adapter.getUserByEmail?.('Manager@BEP.example')).resolves.toMatchObject({
      email: 'manager@bep.example',
    });
    await expect(adapter.getUserByEmail?.('stranger@example.com')).resolves.toBeNull();
  });

  it('uses a magic-link token once only', async () => {
    const adapter = strideAdapter(async () => database.db);
    const token = {
      identifier: 'manager@bep.example',
      token: `t-${Date.now()}`,
      expires: new Date(Date.now() + 60_000),
    };
    await adapter.createVerificationToken?.(token);
    await expect(
      adapter.useVerificationToken?.({ identifier: token.identifier, token: token.token }),
    ).resolves.toMatchObject({
      token: token.token,
    });
    await expect(
      adapter.useVerificationToken?.({ identifier: token.identifier, token: token.token }),
    ).resolves.toBeNull();
  });

  // Needs several real connections racing: PostgreSQL only (CI, or any run with DATABASE_URL); skipped on PGlite.
  it.runIf(onPostgres)('uses a token once even when two clicks race on separate connections', async () => {
    const adapter = strideAdapter(async () => database.db);
    const token = {
      identifier: 'manager@bep.example',
      token: `race-${Date.now()}`,
      expires: new Date(Date.now() + 60_000),
    };
    await adapter.createVerificationToken?.(token);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        adapter.useVerificationToken?.({ identifier: token.identifier, token: token.token }),
      ),
    );
    expect(results.filter((r) => r !== null)).toHaveLength(1);
  });

  it('keeps emails in the outbox when no SMTP server is configured', async () => {
    const to = `outbox-${Date.now()}@bep.example`;
    const message = emailOf('magic-link', {
      url: 'http://localhost:3000/api/auth/callback/email?token=abc',
      host: 'localhost',
    });
    await sendEmail(database.db, { to, ...message });
    const [stored] = await withMailroom(database.db, (tx) =>
      tx.select().from(outboxEmails).where(eq(outboxEmails.to, to)),
    );
    expect(stored?.subject).toBe('Your sign-in link for Stride');
    expect(stored?.text).toContain('http://localhost:3000/api/auth/callback/email?token=abc');
    expect(stored?.html).toContain('<html');
  });
});
