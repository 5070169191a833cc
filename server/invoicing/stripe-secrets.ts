import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A tenant's Stripe restricted key, encrypted at rest with AES-256-GCM under STRIPE_SECRET_ENCRYPTION_KEY (32 bytes,
 * base64). Stored as iv.tag.ciphertext (base64 each); a changed or foreign ciphertext fails to decrypt.
 */
function keyFrom(base64: string | undefined): Buffer {
  const key = Buffer.from(base64 ?? '', 'base64');
  if (key.length !== 32)
    throw new Error('STRIPE_SECRET_ENCRYPTION_KEY must be 32 random bytes, base64 (openssl rand -base64 32)');
  return key;
}

export function encryptSecret(plain: string, keyBase64 = process.env.STRIPE_SECRET_ENCRYPTION_KEY): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(keyBase64), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64')).join('.');
}

export function decryptSecret(stored: string, keyBase64 = process.env.STRIPE_SECRET_ENCRYPTION_KEY): string {
  const [iv, tag, data] = stored.split('.').map((p) => Buffer.from(p, 'base64'));
  if (!iv || !tag || !data) throw new Error('not an encrypted secret');
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(keyBase64), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}
