// Operators' passwords, hashed with scrypt (node:crypto) and a random salt per operator, encoded
// as `scrypt$N$r$p$saltB64$hashB64` so that a hash carries its own cost: files made with other
// costs keep working when the default changes. Only hashes are ever written anywhere.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';

export interface ScryptCost {
  /** CPU/memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelisation: computed one after the other by Node, so it multiplies time, not memory. */
  p: number;
}

/**
 * One of OWASP's recommended scrypt settings (N=2^15, r=8, p=3): as hard to guess at as N=2^17
 * with p=1, in a quarter of the memory (32 MiB per sign-in), which matters on a small server
 * where a room of people sign in at once. About 0.2 s per hash on a 2-core machine.
 */
export const DEFAULT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 3 };

/** What the store accepts in an operators file: weaker is refused, heavier is a denial of service. */
export const COST_LIMITS = { minN: 2 ** 14, maxN: 2 ** 20, minR: 8, maxR: 32, maxP: 16 } as const;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

export interface PasswordHash extends ScryptCost {
  salt: Buffer;
  hash: Buffer;
}

const B64 = /^[A-Za-z0-9+/]+={0,2}$/;
const INTEGER = /^[1-9]\d{0,7}$/;

/** Why `encoded` is not a hash this store takes, or null. Never repeats the value. */
export function passwordHashProblem(encoded: string): string | null {
  const parts = encoded.split('$');
  const form = 'scrypt$N$r$p$saltBase64$hashBase64 (make one with: npx node store/operator.ts hash)';
  if (parts.length !== 6 || parts[0] !== 'scrypt') return `must have the form ${form}`;
  const [, n = '', r = '', p = '', salt = '', hash = ''] = parts;
  if (![n, r, p].every((x) => INTEGER.test(x))) return `N, r and p must be whole numbers, in ${form}`;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const { minN, maxN, minR, maxR, maxP } = COST_LIMITS;
  if ((cost.N & (cost.N - 1)) !== 0 || cost.N < minN || cost.N > maxN)
    return `N must be a power of two from ${minN} to ${maxN}, got ${cost.N}`;
  if (cost.r < minR || cost.r > maxR) return `r must be from ${minR} to ${maxR}, got ${cost.r}`;
  if (cost.p > maxP) return `p must be from 1 to ${maxP}, got ${cost.p}`;
  if (!B64.test(salt) || Buffer.from(salt, 'base64').length < SALT_BYTES)
    return `the salt must be at least ${SALT_BYTES} bytes, in base64`;
  if (!B64.test(hash) || Buffer.from(hash, 'base64').length < HASH_BYTES)
    return `the hash must be at least ${HASH_BYTES} bytes, in base64`;
  return null;
}

/** The parts of a valid encoded hash (check it with passwordHashProblem first). */
export function decodePasswordHash(encoded: string): PasswordHash {
  const problem = passwordHashProblem(encoded);
  if (problem) throw new Error(`not a password hash: ${problem}`);
  const [, n, r, p, salt, hash] = encoded.split('$');
  return {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    salt: Buffer.from(salt ?? '', 'base64'),
    hash: Buffer.from(hash ?? '', 'base64'),
  };
}

function derive(password: string, salt: Buffer, length: number, cost: ScryptCost): Promise<Buffer> {
  // Node refuses by default past 32 MiB; 128·N·r is what scrypt needs, with room to spare.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** A fresh salt and the scrypt hash of `password`, encoded. */
export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, HASH_BYTES, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/**
 * Whether `password` is the one `stored` was made from. The comparison takes the same time
 * wherever the two differ (timingSafeEqual), so the answer's timing says nothing about the hash.
 */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const candidate = await derive(password, stored.salt, stored.hash.length, stored);
  return timingSafeEqual(candidate, stored.hash);
}
