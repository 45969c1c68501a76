/** Postgres WAL positions ("LSN", e.g. `0/1DB25F0`) as comparable bigints. */
const LSN_PATTERN = /^[0-9A-Fa-f]{1,8}\/[0-9A-Fa-f]{1,8}$/;

export function isLsn(text: string): boolean {
  return LSN_PATTERN.test(text);
}

export function lsnToBigInt(lsn: string): bigint {
  if (!isLsn(lsn)) throw new Error(`not an LSN: ${lsn}`);
  const [hi, lo] = lsn.split('/') as [string, string];
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
}

export function bigIntToLsn(value: bigint): string {
  const hi = (value >> 32n).toString(16).toUpperCase();
  const lo = (value & 0xffffffffn).toString(16).toUpperCase();
  return `${hi}/${lo}`;
}

export function compareLsn(a: string, b: string): number {
  const x = lsnToBigInt(a);
  const y = lsnToBigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function maxLsn(a: string, b: string): string {
  return compareLsn(a, b) >= 0 ? a : b;
}

export function minLsn(a: string, b: string): string {
  return compareLsn(a, b) <= 0 ? a : b;
}

export function lsnDistance(from: string, to: string): bigint {
  return lsnToBigInt(to) - lsnToBigInt(from);
}

export const ZERO_LSN = '0/0';
