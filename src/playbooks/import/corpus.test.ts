import { describe, expect, it } from 'vitest';
import { playbookSchema } from '../playbook.ts';
import { emptyScore, scoreImport } from './corpus-score.ts';
import type { Expected } from './corpus-score.ts';
import { importRunbook } from './import-runbook.ts';

// Every runbook of the corpus imports to the structure written beside it: every phase (with its
// window), step, command and branch found, nothing invented — and what describes the runbook
// (metadata, severity, warnings, reference notes) where the expectation names it.

const corpus: Record<string, string> = import.meta.glob('./corpus/*', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const read = (file: string) => {
  const text = corpus[`./corpus/${file}`];
  if (text === undefined) throw new Error(`no corpus file ${file}`);
  return text;
};
const files = Object.keys(corpus)
  .map((path) => path.replace('./corpus/', ''))
  .filter((f) => !f.endsWith('.expected.json'))
  .sort();

describe('the import corpus', () => {
  it('has at least 15 runbooks, each with its expected structure', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  describe.each(files)('%s', (file) => {
    const text = read(file);
    const expected = JSON.parse(read(file.replace(/\.[^.]+$/, '.expected.json'))) as Expected;
    const result = importRunbook(text, file);
    if (!result.ok) throw new Error(`${file} refused: ${result.error}`);
    const playbooks = result.drafts.map((d) => d.playbook);

    it('imports to its expected phases, steps, commands and branches, inventing nothing', () => {
      const score = scoreImport(expected, playbooks);
      const perfect = emptyScore();
      for (const kind of ['phases', 'steps', 'commands', 'branches'] as const) {
        perfect[kind].right = score[kind].right;
        perfect[kind].missed = 0;
        perfect[kind].invented = 0;
      }
      expect(score).toEqual(perfect);
    });

    it('is one playbook per procedure, every one the schema accepts and selected for saving', () => {
      expect(playbooks.map((p) => p.title)).toEqual(expected.playbooks.map((p) => p.title));
      for (const p of playbooks) expect(playbookSchema.safeParse(p).success).toBe(true);
      expect(result.drafts.every((d) => d.selected)).toBe(true);
    });

    it('keeps what describes the runbook: metadata, severity, warnings, reference notes', () => {
      expected.playbooks.forEach((e, i) => {
        const p = playbooks[i];
        if (e.metadata) expect(p?.metadata).toMatchObject(e.metadata);
        if (e.severity) expect(p?.severity).toBe(e.severity);
        expect(p?.warnings?.length ?? 0).toBe(e.warnings ?? 0);
        if (e.notes) expect(p?.notes?.map((n) => n.title)).toEqual(e.notes);
      });
    });

    if (expected.mustNotContain || expected.warningsMatch)
      it('keeps hostile content out and says what it dropped', () => {
        const all = JSON.stringify(result.drafts);
        for (const bad of expected.mustNotContain ?? [])
          expect(all.toLowerCase()).not.toContain(bad.toLowerCase());
        for (const word of expected.warningsMatch ?? [])
          expect(result.warnings.some((w) => w.includes(word))).toBe(true);
      });
  });
});
