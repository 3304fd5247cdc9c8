import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importRunbook } from '../src/playbooks/import/import-runbook.ts';
import { formatScores, scoreImport } from '../src/playbooks/import/corpus-score.ts';
import type { Expected, Score } from '../src/playbooks/import/corpus-score.ts';

// The importer against its corpus (src/playbooks/import/corpus): per runbook and in total, the
// phases, steps, commands and branches found right, missed and invented.
// `npm run bench:import` prints it; `npm run score:import` prints only this.

const CORPUS = new URL('../src/playbooks/import/corpus/', import.meta.url);

export interface CorpusRow {
  name: string;
  score: Score;
}

export function scoreCorpus(): CorpusRow[] {
  const files = readdirSync(CORPUS).filter((f) => !f.endsWith('.expected.json'));
  return files.sort().map((file) => {
    const text = readFileSync(new URL(file, CORPUS), 'utf8');
    const expected = JSON.parse(
      readFileSync(new URL(file.replace(/\.[^.]+$/, '.expected.json'), CORPUS), 'utf8'),
    ) as Expected;
    const result = importRunbook(text, file);
    const playbooks = result.ok ? result.drafts.map((d) => d.playbook) : [];
    return { name: file, score: scoreImport(expected, playbooks) };
  });
}

export const printCorpusScores = () => console.log(`\nimport corpus\n${formatScores(scoreCorpus())}\n`);

if (process.argv[1] === fileURLToPath(import.meta.url)) printCorpusScores();
