import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withPlatform, type Database } from '~/db/client';
import { outboxEmails, verificationTokens } from '~/db/schema';
import { sendSignInLink, signInLinksPerHour } from '~/server/auth/sign-in-link';
import { withMailroom } from '~/server/email/outbox';
import { openTestDatabase } from './harness';

const day = 24 * 60 * 60;
const run = Date.now().toString(36);

describe('sign-in links by email', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  /** A link asked for `minutesAgo` minutes before `now`, as next-auth stores it (its expiry only). */
  async function asked(identifier: string, now: Date, minutesAgo: number, n: number) {
    await withPlatform(database.db, (tx) =>
      tx.insert(verificationTokens).values(
        Array.from({ length: n }, (_, i) => ({
          identifier,
          token: `${identifier}-${minutesAgo}-${i}`,
          expires: new Date(now.getTime() + (day - minutesAgo * 60) * 1000),
        })),
      ),
    );
  }

  const sentTo = async (to: string) =>
    withMailroom(database.db, (tx) => tx.select().from(outboxEmails).where(eq(outboxEmails.to, to)));

  it('sends links until an address has too many unused ones from the past hour, then sends no more', async () => {
    const now = new Date();
    const flooded = `flooded-${run}@school.example`;
    // The link being sent now is stored before it is sent: it counts among them.
    await asked(flooded, now, 0, signInLinksPerHour);
    const input = {
      identifier: flooded,
      url: 'http://stride.test/api/auth/callback/email?x',
      now,
      linkLifetimeSeconds: day,
    };
    expect(await sendSignInLink(database.db, input)).toBe('sent');
    expect(await sentTo(flooded)).toHaveLength(1);

    await asked(flooded, now, 1, 1);
    expect(await sendSignInLink(database.db, input)).toBe('limited');
    expect(await sentTo(flooded)).toHaveLength(1);
  });

  it('does not count links asked for more than an hour ago', async () => {
    const now = new Date();
    const patient = `patient-${run}@school.example`;
    await asked(patient, now, 61, signInLinksPerHour * 2);
    await asked(patient, now, 0, 1);
    expect(
      await sendSignInLink(database.db, {
        identifier: patient,
        url: 'http://stride.test/api/auth/callback/email?y',
        now,
        linkLifetimeSeconds: day,
      }),
    ).toBe('sent');
    const [email] = await sentTo(patient);
    expect(email?.subject).toBe('Your sign-in link for Stride');
  });
});
