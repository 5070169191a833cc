import { hash, randomFillSync } from 'node:crypto';

/** Random bytes drawn ahead, a page at a time (as randomUUID does): one call into the CSPRNG per 170 tokens. */
const pool = Buffer.alloc(24 * 170);
let used = pool.length;

/** A delegate's own link (their place, certificate, evaluation) or a waiting-list claim link; we keep only the hash. */
export function newPlaceToken() {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const token = pool.toString('base64url', used, used + 24);
  used += 24;
  return { token, tokenHash: hashPlaceToken(token) };
}

export const hashPlaceToken = (token: string) => hash('sha256', token, 'hex');
