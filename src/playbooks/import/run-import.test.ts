import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportResult } from './limits.ts';
import { importInWorker } from './run-import.ts';
import type { ImportWorker } from './run-import.ts';

// The worker is where the time bound lives: a runbook that keeps the parser busy past the
// deadline is abandoned (the worker terminated) and refused with a message. jsdom has no Worker,
// so these tests hand the runner a stand-in with the same surface.

class StandInWorker implements ImportWorker {
  onmessage: ((event: MessageEvent<ImportResult>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  posted: { text: string; name: string }[] = [];
  terminated = false;
  postMessage(message: { text: string; name: string }) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(result: ImportResult) {
    this.onmessage?.({ data: result } as MessageEvent<ImportResult>);
  }
}

afterEach(() => vi.useRealTimers());

describe('importing in a worker', () => {
  it('hands the text to the worker and returns its answer, then stops it', async () => {
    const worker = new StandInWorker();
    const pending = importInWorker('# x', 'x.md', { create: () => worker });
    expect(worker.posted).toEqual([{ text: '# x', name: 'x.md' }]);
    worker.answer({ ok: false, error: 'No steps found in x.md.' });
    await expect(pending).resolves.toEqual({ ok: false, error: 'No steps found in x.md.' });
    expect(worker.terminated).toBe(true);
  });

  it('stops a worker that is still parsing at the deadline and refuses the import', async () => {
    vi.useFakeTimers();
    const worker = new StandInWorker();
    const pending = importInWorker('[a](b '.repeat(10), 'slow.md', {
      create: () => worker,
      deadlineMs: 10_000,
    });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(worker.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(worker.terminated).toBe(true);
    await expect(pending).resolves.toEqual({
      ok: false,
      error: 'Reading slow.md took longer than 10 s and was stopped. Import a smaller part of it.',
    });
    // A late answer changes nothing.
    worker.answer({ ok: true, drafts: [], warnings: [] });
  });

  it('turns a crashed worker or one that cannot start into a message', async () => {
    const worker = new StandInWorker();
    const pending = importInWorker('x', 'x.md', { create: () => worker });
    worker.onerror?.({ message: 'out of memory' } as ErrorEvent);
    await expect(pending).resolves.toEqual({ ok: false, error: 'x.md could not be read: out of memory' });

    const none = importInWorker('x', 'x.md', {
      create: () => {
        throw new Error('workers are disabled');
      },
    });
    await expect(none).resolves.toEqual({
      ok: false,
      error: 'The importer could not start: workers are disabled',
    });
  });
});
