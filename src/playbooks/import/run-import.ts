import type { ImportResult } from './limits.ts';

/**
 * The importer reads ordinary runbooks in milliseconds (the seeds: 3–66 ms), a 1 MB one (the size
 * limit) in under a second on a 2-core machine, and the crafted inputs we know of in about as
 * long (see `npm run bench:import`); a slower browser has ten times that. Past this, the worker
 * is stopped and the import refused: the bound holds whatever the text, including inputs nobody
 * has thought of yet.
 */
export const IMPORT_DEADLINE_MS = 20_000;

/** The part of a Worker the import uses: lets tests stand in for the browser's. */
export interface ImportWorker {
  postMessage(message: { text: string; name: string }): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ImportResult>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export const createImportWorker = (): ImportWorker =>
  new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }) as unknown as ImportWorker;

/**
 * Parse a runbook in a worker, giving up after `deadlineMs`: parsing is bounded in time even if
 * the text was made to be slow, and the page stays responsive meanwhile.
 */
export function importInWorker(
  text: string,
  name: string,
  {
    deadlineMs = IMPORT_DEADLINE_MS,
    create = createImportWorker,
  }: { deadlineMs?: number; create?: () => ImportWorker } = {},
): Promise<ImportResult> {
  return new Promise((resolve) => {
    let worker: ImportWorker;
    try {
      worker = create();
    } catch (error) {
      resolve({
        ok: false,
        error: `The importer could not start: ${error instanceof Error ? error.message : String(error)}`,
      });
      return;
    }
    const finish = (result: ImportResult) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          error: `Reading ${name} took longer than ${deadlineMs / 1000} s and was stopped. Import a smaller part of it.`,
        }),
      deadlineMs,
    );
    worker.onmessage = (event) => finish(event.data);
    worker.onmessageerror = () =>
      finish({ ok: false, error: `${name} could not be read: the importer's answer could not be received` });
    worker.onerror = (event) =>
      finish({ ok: false, error: `${name} could not be read: ${event.message || 'the importer failed'}` });
    worker.postMessage({ text, name });
  });
}
