import { createHash, randomBytes } from 'node:crypto';

/** A delegate's own link (their place, certificate, evaluation) or a waiting-list claim link; we keep only the hash. */
export function newPlaceToken() {
  const token = randomBytes(24).toString('base64url');
  return { token, tokenHash: hashPlaceToken(token) };
}

export const hashPlaceToken = (token: string) => createHash('sha256').update(token).digest('hex');
