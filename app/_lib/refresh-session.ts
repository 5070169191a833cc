import { getCsrfToken } from 'next-auth/react';

/**
 * Has the session cookie issued again from the account as it now is (after the person named themselves), so
 * "Signed in as" and what they book for themselves carry the new name. The same request next-auth's own
 * `update()` sends; the server re-reads the account and ignores what the browser might send with it.
 */
export async function refreshSession(): Promise<void> {
  const csrfToken = await getCsrfToken();
  await fetch('/api/auth/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ csrfToken, data: {} }),
  });
}
