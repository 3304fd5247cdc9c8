import * as crypto from 'node:crypto';
import type * as Crypto from 'node:crypto';
import { describe, expect, test, vi } from 'vitest';
import {
  DEFAULT_COST,
  decodePasswordHash,
  hashPassword,
  passwordHashProblem,
  verifyPassword,
} from './password-hash.ts';

// A spy around the real function, to see that the comparison is the constant-time one.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof Crypto>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

describe('password hashes', () => {
  test('scrypt$N$r$p$salt$hash with a fresh salt each time; the right password matches, another does not', async () => {
    const [first, second] = await Promise.all([hashPassword('correct horse'), hashPassword('correct horse')]);
    const { N, r, p } = DEFAULT_COST;
    expect(first).toMatch(
      new RegExp(`^scrypt\\$${N}\\$${r}\\$${p}\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=$`),
    );
    expect(first).not.toContain('correct horse');
    expect(first.split('$')[4]).not.toBe(second.split('$')[4]);
    expect(first).not.toBe(second);

    vi.mocked(crypto.timingSafeEqual).mockClear();
    expect(await verifyPassword('correct horse', decodePasswordHash(first))).toBe(true);
    expect(await verifyPassword('correct horse', decodePasswordHash(second))).toBe(true);
    expect(await verifyPassword('correct horsE', decodePasswordHash(first))).toBe(false);
    expect(await verifyPassword('', decodePasswordHash(first))).toBe(false);
    expect(crypto.timingSafeEqual).toHaveBeenCalledTimes(4);
  });

  test('a hash carries its cost: one made with other settings still verifies', async () => {
    const hash = await hashPassword('another one', { N: 2 ** 14, r: 8, p: 1 });
    expect(hash.startsWith('scrypt$16384$8$1$')).toBe(true);
    expect(await verifyPassword('another one', decodePasswordHash(hash))).toBe(true);
  });

  test('the same text in another Unicode normalisation is the same password', async () => {
    const hash = decodePasswordHash(await hashPassword('caf\u00e9 au lait!'));
    expect(await verifyPassword('cafe\u0301 au lait!', hash)).toBe(true);
  });

  const salt = Buffer.alloc(16, 1).toString('base64');
  const key = Buffer.alloc(32, 2).toString('base64');
  test.for([
    ['plain-text-password', 'must have the form scrypt$N$r$p$saltBase64$hashBase64'],
    [`bcrypt$16384$8$1$${salt}$${key}`, 'must have the form'],
    [`scrypt$16384$8$x$${salt}$${key}`, 'N, r and p must be whole numbers'],
    [`scrypt$1024$8$1$${salt}$${key}`, 'N must be a power of two from 16384 to 1048576, got 1024'],
    [`scrypt$20000$8$1$${salt}$${key}`, 'N must be a power of two from 16384 to 1048576, got 20000'],
    [`scrypt$16384$4$1$${salt}$${key}`, 'r must be from 8 to 32, got 4'],
    [`scrypt$16384$8$99$${salt}$${key}`, 'p must be from 1 to 16, got 99'],
    [`scrypt$16384$8$1$c2FsdA==$${key}`, 'the salt must be at least 16 bytes, in base64'],
    [`scrypt$16384$8$1$${salt}$not*base64`, 'the hash must be at least 32 bytes, in base64'],
  ] as const)('%s is refused: %s', ([encoded, message]) => {
    expect(passwordHashProblem(encoded)).toContain(message);
  });
});
