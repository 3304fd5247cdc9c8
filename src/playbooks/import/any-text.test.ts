import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { savablePlaybookSchema } from '../../../contract/playbook-schemas.ts';
import { importRunbook } from './import-runbook.ts';

// Whatever the text — runbook fragments in any order, or arbitrary characters — the importer
// answers (a refusal in words or drafts) and never throws, and every draft is one the store
// would take: the schema's limits and unique ids hold, and every jump leads somewhere.

const FRAGMENTS = [
  '# Title',
  '## 1. Triage',
  '### Step 2: Do it',
  '#### 1.2 Check',
  'Window: 0–5 minutes',
  '_T+2min to T+10min_',
  '**Immediate (0-5 min):**',
  'PROCEDURE',
  'WHEN TO USE',
  '1. Check the thing: `tool check --all`',
  '7) Restart it',
  '- [ ] Task',
  '  - [x] Nested task',
  '□ 3) Boxed step that wraps',
  '       onto the next line',
  '           ./bin/cmd <VENUE>',
  '- **If the count is 0** → go to step 7.',
  'If it fails, go to step 99; if not, jump to Phase 4.',
  'Only if the venue is down, disable it.',
  'Pick one:',
  'a. **Route away** — use the backup',
  'b. Slow down',
  '### If the primary answers',
  '### Else',
  '| Step | Command |\n| --- | --- |\n| Drain | `gwctl drain` |',
  '| Field | Value |\n|---|---|\n| Owner | SRE |',
  '> [!WARNING]\n> Careful.',
  '<!-- a comment -->',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '```bash\n# 1. First\necho one\n```',
  '```',
  '---\nowner: x\n---',
  'Owner: SRE · Severity: P1',
  '',
];

const runbook = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 40 })), { maxLength: 40 })
  .map((parts) => parts.join('\n'));

describe('any text', () => {
  it('is answered, never thrown at, and every draft is savable with its jumps leading somewhere', () => {
    fc.assert(
      fc.property(runbook, (text) => {
        const result = importRunbook(text, 'any.md');
        if (!result.ok) return typeof result.error === 'string';
        for (const { playbook } of result.drafts) {
          const parsed = savablePlaybookSchema.safeParse(playbook);
          if (!parsed.success)
            throw new Error(`${parsed.error.issues[0]?.message} in ${JSON.stringify(text)}`);
          const steps = new Set<string>();
          const walk = (list: (typeof playbook.phases)[number]['steps']): void =>
            list.forEach((s) => {
              steps.add(s.id);
              s.branches?.forEach((b) => walk(b.steps));
            });
          playbook.phases.forEach((p) => walk(p.steps));
          const phases = new Set(playbook.phases.map((p) => p.id));
          const check = (list: (typeof playbook.phases)[number]['steps']): void =>
            list.forEach((s) => {
              if (s.jump) {
                expect(phases.has(s.jump.phaseId)).toBe(true);
                if (s.jump.stepId) expect(steps.has(s.jump.stepId)).toBe(true);
              }
              s.branches?.forEach((b) => check(b.steps));
            });
          playbook.phases.forEach((p) => check(p.steps));
        }
        return true;
      }),
      { numRuns: 400 },
    );
  });
});
