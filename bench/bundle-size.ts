import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './report.ts';

// Roadmap budget: the JavaScript a browser must fetch before the first paint is at most 200 KB
// gzipped. That is the entry chunk and everything it imports statically; chunks behind a dynamic
// import() (recharts) load after the first paint and are listed on their own.

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The roadmap's budget, in kB of 1000 bytes as Vite prints them (the stricter reading of "KB"). */
export const INITIAL_JS_BUDGET_KB = 200;

const gzipKb = (outDir: string, file: string) => gzipSync(readFileSync(join(outDir, file))).length / 1000;

/** Keys of `from` and everything they import statically, transitively. */
function staticClosure(manifest: Manifest, from: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  from.forEach(visit);
  return seen;
}

/** The gzip sizes of the initial JS (budgeted), the initial CSS and each lazy chunk. */
export function measureBundle(outDir: string): Figure[] {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entries = Object.entries(manifest).flatMap(([key, chunk]) => (chunk.isEntry ? [key] : []));
  const initial = staticClosure(manifest, entries);
  const initialChunks = [...initial].flatMap((key) => manifest[key] ?? []);
  const initialFiles = initialChunks.map((chunk) => chunk.file);

  // The manifest is one account of the first load; index.html is what the browser reads. Both
  // must name the same scripts, or the figure measures something the browser does not load.
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const inHtml = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g),
  ]
    .map((m) => m[1] ?? '')
    .sort();
  const mismatch = inHtml.join() !== [...initialFiles].sort().join();

  const initialKb = initialFiles.reduce((sum, file) => sum + gzipKb(outDir, file), 0);
  const css = initialChunks.flatMap((chunk) => chunk.css ?? []);
  const figures: Figure[] = [
    {
      name: 'initial JS (gzip)',
      unit: 'KB',
      samples: [initialKb],
      budget: INITIAL_JS_BUDGET_KB,
      note:
        `${initialFiles.join(' + ')}; gzip level 6, 1 KB = 1000 bytes` +
        (mismatch ? `; WARNING: index.html loads ${inHtml.join(', ')}` : ''),
    },
    {
      name: 'initial CSS (gzip)',
      unit: 'KB',
      samples: [css.reduce((sum, file) => sum + gzipKb(outDir, file), 0)],
    },
  ];
  // Every chunk not in the first load is reached through a dynamic import somewhere.
  for (const [key, chunk] of Object.entries(manifest)) {
    if (initial.has(key) || !chunk.file.endsWith('.js')) continue;
    figures.push({
      name: `lazy JS ${chunk.name ?? chunk.src ?? chunk.file} (gzip)`,
      unit: 'KB',
      samples: [gzipKb(outDir, chunk.file)],
    });
  }
  return figures;
}
