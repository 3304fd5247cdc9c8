import { describe, expect, test } from 'vitest';
import { OUTBOX_STORAGE_KEY, readOutboxFile, writeOutboxFile } from './outbox-file.ts';

const note = (key: string) => ({
  key,
  kind: 'note',
  incidentId: 'INC-1',
  method: 'POST',
  suffix: '/notes',
  body: { text: key, actor: 'sam' },
  queuedAt: 1,
  attempts: 0,
  problem: null,
  quiet: false,
});

function storageWith(file: unknown) {
  const items = new Map<string, string>([[OUTBOX_STORAGE_KEY, JSON.stringify(file)]]);
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

describe('the stored outbox', () => {
  test('an entry of a kind this version does not know costs only itself, and is kept for the tab that wrote it', () => {
    const newer = { ...note('wr-00000002'), kind: 'escalate' };
    const storage = storageWith({
      version: 1,
      entries: [note('wr-00000001'), newer, note('wr-00000003')],
      ids: {},
      refused: [],
      delivered: [],
    });
    const file = readOutboxFile(storage);
    expect(file.entries.map((e) => e.key)).toEqual(['wr-00000001', 'wr-00000003']);
    expect(file.foreign).toEqual([newer]);
    expect([...storage.items.keys()]).toEqual([OUTBOX_STORAGE_KEY]); // nothing set aside as unreadable

    writeOutboxFile(storage, { ...file, entries: file.entries.slice(1) });
    expect(readOutboxFile(storage).foreign).toEqual([newer]);
  });

  test('what an older version kept aside comes back once this one can read it', () => {
    const storage = storageWith({
      version: 1,
      entries: [note('wr-00000001')],
      ids: {},
      refused: [],
      delivered: [],
      foreign: [note('wr-00000002'), { kind: 'unheard-of' }],
    });
    const file = readOutboxFile(storage);
    expect(file.entries.map((e) => e.key)).toEqual(['wr-00000001', 'wr-00000002']);
    expect(file.foreign).toEqual([{ kind: 'unheard-of' }]);
  });
});
