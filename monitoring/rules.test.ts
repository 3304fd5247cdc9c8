// Every shipped rule file passes `promtool check rules`, and its unit tests beside it (each
// threshold firing and not firing, on promtool's virtual time) pass `promtool test rules`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROMTOOL_BIN, RULES_DIR, missingBinaries } from './stack.ts';

const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.rules.yml'));
const missing = missingBinaries([PROMTOOL_BIN]);
const promtool = (...args: string[]) => spawnSync(PROMTOOL_BIN, args, { cwd: RULES_DIR, encoding: 'utf8' });

describe.skipIf(missing.length > 0)(
  `shipped alert rules (promtool: ${missing.join(', ') || 'found'})`,
  () => {
    test('a rules file and a unit test file for each seed system', () => {
      expect(files.sort()).toEqual([
        'eafix.rules.yml',
        'hft.rules.yml',
        'lav-adaf.rules.yml',
        'rtes.rules.yml',
        'smc.rules.yml',
      ]);
    });
    test.each(files)('%s: promtool check rules and test rules', (file) => {
      const check = promtool('check', 'rules', join(RULES_DIR, file));
      expect(check.status, check.stdout + check.stderr).toBe(0);
      const unit = promtool('test', 'rules', file.replace('.rules.yml', '.rules.test.yml'));
      expect(unit.status, unit.stdout + unit.stderr).toBe(0);
    });
  },
);
if (missing.length > 0) console.warn(`skipping the rule tests: ${missing.join(', ')} not installed`);
