import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { importRunbook } from '../src/playbooks/import/import-runbook.ts';
import { MAX_IMPORT_BYTES } from '../src/playbooks/import/limits.ts';
import { IMPORT_DEADLINE_MS } from '../src/playbooks/import/run-import.ts';
import type { Figure } from './report.ts';

// How long the runbook importer takes, in Node on this machine (the browser's worker runs the
// same code). The figures behind IMPORT_DEADLINE_MS: ordinary runbooks in milliseconds, a 1 MB
// one (the size limit) within the deadline, and crafted inputs — which the parser reads in
// quadratic time — stopped at the deadline instead of freezing anything.

const FIXTURES = new URL('../src/playbooks/import/fixtures/', import.meta.url);
const fixtures = readdirSync(FIXTURES).map((f) => readFileSync(new URL(f, FIXTURES), 'utf8'));

function timeMs(text: string, trials: number): number[] {
  return Array.from({ length: trials }, () => {
    const start = performance.now();
    importRunbook(text, 'bench.md');
    return performance.now() - start;
  });
}

/** Our fixtures one after another, renamed so that headings stay distinct, up to the size limit. */
function megabyteRunbook(): string {
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < MAX_IMPORT_BYTES - 8000; i++) {
    const part = (fixtures[i % fixtures.length] ?? '').replaceAll(/^(#+ .*)$/gm, `$1 ${i}`);
    parts.push(part);
    bytes += Buffer.byteLength(part) + 1;
  }
  return parts.join('\n');
}

/** Unclosed link destinations: micromark re-scans them, minutes for this one on its own thread. */
const CRAFTED: Record<string, string> = { 'unclosed link destinations': '[a](b '.repeat(160_000) };

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

export async function measureImport(trials: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  const fixtureText = fixtures.join('\n');
  figures.push({
    name: 'import: our five format fixtures',
    unit: 'ms',
    samples: timeMs(fixtureText, trials),
    note: `${(Buffer.byteLength(fixtureText) / 1024).toFixed(0)} KB in all`,
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
  const big = megabyteRunbook();
  figures.push({
    name: 'import: 1 MB runbook (the size limit)',
    unit: 'ms',
    samples: timeMs(big, Math.min(trials, 3)),
    budget: IMPORT_DEADLINE_MS,
    note: `${(Buffer.byteLength(big) / 1024).toFixed(0)} KB of our fixtures repeated; must finish before the import deadline`,
  });
  for (const [name, text] of Object.entries(CRAFTED)) {
    const { ms, stopped } = await timeInWorker(text);
    figures.push({
      name: `import: crafted input, ${name}`,
      unit: 'ms',
      samples: [ms],
      budget: IMPORT_DEADLINE_MS + 500,
      note: `${(text.length / 1024).toFixed(0)} KB; ${stopped ? 'still parsing at the deadline: worker stopped, import refused' : 'finished before the deadline'}`,
    });
  }
  return figures;
}
