import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The successor of a rotated refresh token, kept on the rotated token's row so that a device
 * presenting the rotated token again within the grace window (two windows refreshing at once, a
 * response lost on the way) receives the same successor instead of a reuse alarm.
 *
 * Sealed with AES-256-GCM under a key derived (HKDF-SHA-256) from the rotated token's own secret,
 * which the server never stores: a copy of the database opens nothing, and only the holder of the
 * rotated token can open its successor. Node's own crypto does the work; this file only names the
 * parameters.
 */
const INFO = 'outpost refresh-token successor v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function keyFor(secret: string, tokenId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.from(tokenId, 'utf8'), INFO, 32));
}

export function sealSuccessor(secret: string, tokenId: string, successorToken: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret, tokenId), iv);
  const body = Buffer.concat([cipher.update(successorToken, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** The successor token, or null when `sealed` was not sealed for this secret and token. */
export function openSuccessor(secret: string, tokenId: string, sealed: string): string | null {
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret, tokenId), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return plain.toString('utf8');
  } catch {
    return null;
  }
}
