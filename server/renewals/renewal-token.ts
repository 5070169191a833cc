import { createHash, randomBytes } from 'node:crypto';

/** A fresh one-click token and the hash we keep of it (a leaked database gives no working links). */
export function newRenewalToken() {
  const token = randomBytes(24).toString('base64url');
  return { token, tokenHash: hashRenewalToken(token) };
}

export const hashRenewalToken = (token: string) => createHash('sha256').update(token).digest('hex');
