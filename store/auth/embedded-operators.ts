// The operators of `npm start`'s embedded war room: a commander and a viewer with fresh random
// passwords, made on every start. Only their hashes are written (owner-only, under .data/, which
// git ignores); the passwords are returned once, for the start-up to print, and kept nowhere.
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { OperatorRole } from '../../contract/store-schemas.ts';
import { hashPassword } from './password-hash.ts';

export interface EmbeddedOperator {
  name: string;
  role: OperatorRole;
  password: string;
}

export async function makeEmbeddedOperators(file: string): Promise<EmbeddedOperator[]> {
  // 144 random bits, base64url: easy to copy, nothing to escape.
  const people: EmbeddedOperator[] = [
    { name: 'commander', role: 'commander', password: randomBytes(18).toString('base64url') },
    { name: 'viewer', role: 'viewer', password: randomBytes(18).toString('base64url') },
  ];
  const operators = await Promise.all(
    people.map(async ({ name, role, password }) => ({
      name,
      role,
      passwordHash: await hashPassword(password),
    })),
  );
  mkdirSync(dirname(file), { recursive: true });
  // Written aside and renamed: a store starting meanwhile reads the old file or the new, never half.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ operators }, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
  return people;
}
