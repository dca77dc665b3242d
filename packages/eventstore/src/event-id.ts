import { randomBytes } from 'node:crypto';

/**
 * A time-ordered UUID (version 7, RFC 9562) for ids the store draws itself. Ordered ids land on
 * the right edge of the event-id index instead of a random page of it, which saves one page write
 * per event in every commit (measured: see README "Group commit").
 */
export const timeOrderedUuid = (now: number = Date.now()): string => {
  const bytes = randomBytes(16);
  let ms = BigInt(now);
  for (let i = 5; i >= 0; i--) {
    bytes[i] = Number(ms & 0xffn);
    ms >>= 8n;
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70; // version 7
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // variant 10
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
