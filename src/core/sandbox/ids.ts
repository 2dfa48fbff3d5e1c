import { randomBytes, randomInt } from 'node:crypto';

const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `req_1KjtKI80IKoaJNa6n6p`-like (CONTRACT §0). */
export function requestId(): string {
  const bytes = randomBytes(19);
  let s = 'req_';
  for (const b of bytes) s += B62[b % 62];
  return s;
}

export const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** Meta IDs are digit strings (never numbers), 15–16 digits in practice. */
export function digits(n: number): string {
  let s = String(randomInt(1, 10));
  while (s.length < n) s += String(randomInt(0, 10));
  return s;
}

export const endpointId = () => `wh${hex(12)}`;
export const webhookSecret = () => `whsec_${hex(16)}`;
export const messageId = () => hex(12);
export const eventId = () => `evt_${hex(12)}`;
export const wamid = () => `wamid.${randomBytes(24).toString('base64url')}`;
export const sandboxKey = () => `sbx_${hex(16)}`;
export const signupCode = () => `sbx_code_${hex(16)}`;
