import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { importRunbook } from '../src/playbooks/import/import-runbook.ts';
import { MAX_IMPORT_BYTES } from '../src/playbooks/import/limits.ts';
import { IMPORT_DEADLINE_MS } from '../src/playbooks/import/run-import.ts';
import { printCorpusScores } from './import-corpus.ts';
import type { Figure } from './report.ts';

// How long the runbook importer takes, in Node on this machine (the browser's worker runs the
// same code): a 10 KB runbook under 50 ms, and time that grows linearly with the text up to the
// 1 MB size limit, read in at most 2 s (issue 13). Crafted inputs that make other Markdown
// parsers quadratic are timed in a worker against the same budget; the worker's deadline
// (IMPORT_DEADLINE_MS) is what stops anything slower. The corpus scores are printed after.

const FIXTURES = new URL('../src/playbooks/import/fixtures/', import.meta.url);
const CORPUS = new URL('../src/playbooks/import/corpus/', import.meta.url);
const fixtures = [
  ...readdirSync(FIXTURES).map((f) => readFileSync(new URL(f, FIXTURES), 'utf8')),
  ...readdirSync(CORPUS)
    .filter((f) => !f.endsWith('.json'))
    .map((f) => readFileSync(new URL(f, CORPUS), 'utf8')),
];
const MEGABYTE_BUDGET_MS = 2000;
const TEN_KB_BUDGET_MS = 50;

function timeMs(text: string, trials: number): number[] {
  return Array.from({ length: trials }, () => {
    const start = performance.now();
    importRunbook(text, 'bench.md');
    return performance.now() - start;
  });
}

/** Our fixtures and corpus one after another, headings kept distinct, up to `size` bytes. */
function runbookOf(size: number): string {
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < size; i++) {
    const part = (fixtures[i % fixtures.length] ?? '').replaceAll(/^(#+ .*)$/gm, `$1 ${i}`);
    parts.push(part);
    bytes += Buffer.byteLength(part) + 1;
  }
  const text = parts.join('\n');
  // Cut at a line end, so that the last runbook is not cut in the middle of a word.
  return text.length > size ? text.slice(0, text.lastIndexOf('\n', size)) : text;
}

/** Inputs that make Markdown parsers re-scan: micromark took minutes for the first one. */
const CRAFTED: Record<string, string> = {
  'unclosed link destinations': '[a](b '.repeat(160_000),
  'unclosed emphasis': '*a **b '.repeat(120_000),
  '10,000 list items nested in steps of 40': Array.from(
    { length: 10_000 },
    (_, i) => `${'  '.repeat(i % 40)}- step ${i}`,
  ).join('\n'),
  'unclosed fences and brackets': '```\n[[[[<<<<'.repeat(90_000),
};

/** Parse in a worker thread and stop it at the deadline, as the page does. */
function timeInWorker(text: string): Promise<{ ms: number; stopped: boolean }> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     import(workerData.module).then(({ importRunbook }) => {
       importRunbook(workerData.text, 'crafted.md');
       parentPort.postMessage('done');
     });`,
    {
      eval: true,
      workerData: {
        text,
        module: new URL('../src/playbooks/import/import-runbook.ts', import.meta.url).href,
      },
    },
  );
  const start = performance.now();
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      done({ ms: performance.now() - start, stopped: true });
    }, IMPORT_DEADLINE_MS);
    worker.once('message', () => {
      clearTimeout(timer);
      void worker.terminate();
      done({ ms: performance.now() - start, stopped: false });
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
  });
}

const p50 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0;

export async function measureImport(trials: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  timeMs(runbookOf(200_000), 2); // warm up the JIT, as a page that has imported once is
  const tenKb = runbookOf(10 * 1024);
  figures.push({
    name: 'import: 10 KB runbook',
    unit: 'ms',
    samples: timeMs(tenKb, Math.max(trials, 5)),
    budget: TEN_KB_BUDGET_MS,
    note: `${(Buffer.byteLength(tenKb) / 1024).toFixed(0)} KB of our fixtures and corpus`,
  });
  const seedDir = process.env.WARROOM_SEEDS_DIR ?? resolve('../shared/seeds');
  if (existsSync(seedDir)) {
    for (const file of readdirSync(seedDir)) {
      const text = readFileSync(join(seedDir, file), 'utf8');
      figures.push({
        name: `import: seed ${file.slice(0, 3)}`,
        unit: 'ms',
        samples: timeMs(text, trials),
        note: `${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`,
      });
    }
  } else console.log(`import: seeds not present at ${seedDir}; their figures are skipped`);
  // Linear: each size's time per KB should stay about the same.
  const perKb: string[] = [];
  for (const kb of [100, 250, 500]) {
    const text = runbookOf(kb * 1024);
    const samples = timeMs(text, 3);
    perKb.push(`${kb} KB ${(p50(samples) / kb).toFixed(2)} ms/KB`);
    figures.push({ name: `import: ${kb} KB runbook`, unit: 'ms', samples });
  }
  const big = runbookOf(MAX_IMPORT_BYTES - 1024);
  const bigSamples = timeMs(big, 3);
  perKb.push(`1 MB ${(p50(bigSamples) / 1024).toFixed(2)} ms/KB`);
  figures.push({
    name: 'import: 1 MB runbook (the size limit)',
    unit: 'ms',
    samples: bigSamples,
    budget: MEGABYTE_BUDGET_MS,
    note: `${(Buffer.byteLength(big) / 1024).toFixed(0)} KB of our fixtures and corpus repeated; p50 of 3; linear: ${perKb.join(', ')}`,
  });
  for (const [name, text] of Object.entries(CRAFTED)) {
    const { ms, stopped } = await timeInWorker(text);
    figures.push({
      name: `import: crafted input, ${name}`,
      unit: 'ms',
      samples: [ms],
      budget: MEGABYTE_BUDGET_MS,
      note: `${(text.length / 1024).toFixed(0)} KB, in a worker (its start included); ${stopped ? 'still parsing at the deadline: worker stopped, import refused' : 'finished'}`,
    });
  }
  printCorpusScores();
  return figures;
}
