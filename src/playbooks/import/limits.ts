import type { Draft } from './finish.ts';

// What the import UI needs before and after parsing, kept apart from the parser so the page
// does not load the Markdown parser until someone imports a runbook.

/** Imports are refused above this size: no runbook is that long, and parsing must stay quick. */
export const MAX_IMPORT_BYTES = 1024 * 1024;

export type ImportResult = { ok: true; drafts: Draft[]; warnings: string[] } | { ok: false; error: string };

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Why a runbook of this many bytes is refused, or null when it may be read. */
export function sizeProblem(bytes: number, name: string): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return `${name} is ${formatBytes(bytes)}; runbooks over ${formatBytes(MAX_IMPORT_BYTES)} are refused. Split it, or import the section you need.`;
}
