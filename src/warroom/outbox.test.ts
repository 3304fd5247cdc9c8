import { afterEach, describe, expect, test, vi } from 'vitest';
import { auditPageSchema, timelineSchema } from '../../contract/store-schemas.ts';
import type { IncidentDeclaration } from '../../contract/store-schemas.ts';
import { call, declare, write } from '../../store/test-support.ts';
import { warRoomStoreFactory } from '../testing/war-room-store.tsx';
import type { WarRoomTestStore } from '../testing/war-room-store.tsx';
import { Outbox } from './outbox.ts';
import type { OutboxOptions } from './outbox.ts';
import { newLocalId, OUTBOX_STORAGE_KEY } from './outbox-file.ts';
import type { StorageLike } from './outbox-file.ts';
import { warRoomWrites } from './writes.ts';

const startStore = warRoomStoreFactory();

class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
}

/** The network between the outbox and the store: up, down, or losing the next answer. */
function network() {
  const state = { mode: 'up' as 'up' | 'down' | 'lose-answer', requests: [] as string[] };
  const fetchImpl: typeof fetch = async (input, init) => {
    state.requests.push(`${init?.method ?? 'GET'} ${String(input)}`);
    if (state.mode === 'down') throw new TypeError('fetch failed');
    const response = await globalThis.fetch(input, init);
    if (state.mode === 'lose-answer') {
      // The store did the write; the answer never arrives.
      state.mode = 'up';
      await response.text();
      throw new TypeError('connection reset');
    }
    return response;
  };
  return { state, fetchImpl };
}

const outboxes: Outbox[] = [];
function makeOutbox(store: WarRoomTestStore, storage: StorageLike, opts: Partial<OutboxOptions> = {}) {
  const outbox = new Outbox({ baseUrl: store.baseUrl, storage, baseDelayMs: 20, maxDelayMs: 50, ...opts });
  outboxes.push(outbox);
  return outbox;
}
afterEach(() => {
  outboxes.splice(0).forEach((o) => o.stop());
  vi.restoreAllMocks();
});

const declaration: IncidentDeclaration = {
  title: 'Binance feed silent',
  severityScheme: 'P0-P3',
  severity: 'P0',
  type: 'exchange-outage',
  affectedServices: [],
  affectedVenues: ['binance'],
  actor: 'dana',
};

async function timelineTypes(store: WarRoomTestStore, id: string) {
  const answer = await call(store.api(`/incidents/${id}/timeline`));
  return timelineSchema
    .parse(answer.body)
    .events.map((e) => `${e.type}:${e.actor}${e.text ? `:${e.text}` : ''}`);
}

async function incidentIds(store: WarRoomTestStore): Promise<string[]> {
  const answer = await call(store.api('/incidents'));
  return (answer.body as { incidents: { id: string }[] }).incidents.map((i) => i.id);
}

describe('the outbox', () => {
  test('delivers edits to an incident declared offline, in order, under the id the store gives', async () => {
    const store = await startStore();
    const net = network();
    net.state.mode = 'down';
    const outbox = makeOutbox(store, new MemoryStorage(), { fetch: net.fetchImpl });
    outbox.start();
    const local = newLocalId();
    outbox.enqueue({ kind: 'declare', incidentId: local, method: 'POST', suffix: '', body: declaration });
    outbox.enqueue({
      kind: 'acknowledge',
      incidentId: local,
      method: 'POST',
      suffix: '/acknowledge',
      body: { actor: 'sam' },
    });
    outbox.enqueue({
      kind: 'status',
      incidentId: local,
      method: 'POST',
      suffix: '/status',
      body: { status: 'IDENTIFIED', actor: 'sam' },
    });
    outbox.enqueue({
      kind: 'note',
      incidentId: local,
      method: 'POST',
      suffix: '/notes',
      body: { text: 'failover started', actor: 'sam' },
    });
    await vi.waitFor(() => expect(outbox.snapshot().status.problem).toBe('the store is unreachable'));
    expect(outbox.snapshot().file.entries).toHaveLength(4);

    net.state.mode = 'up';
    outbox.kick();
    await vi.waitFor(() => expect(outbox.snapshot().file.entries).toHaveLength(0));
    const id = outbox.resolveId(local);
    expect(id).toMatch(/^INC-/);
    expect(await timelineTypes(store, id)).toEqual([
      'incident.declared:dana:P0 exchange-outage declared: Binance feed silent',
      'incident.acknowledged:sam:sam acknowledged the incident',
      'incident.status-changed:sam:INVESTIGATING → IDENTIFIED',
      'note:sam:failover started',
    ]);
    expect(outbox.snapshot().status.problem).toBeNull();
  });

  test('survives a reload: what was queued is read back from storage and delivered once', async () => {
    const store = await startStore();
    const storage = new MemoryStorage();
    const net = network();
    net.state.mode = 'down';
    const before = makeOutbox(store, storage, { fetch: net.fetchImpl });
    before.start();
    before.enqueue({
      kind: 'declare',
      incidentId: newLocalId(),
      method: 'POST',
      suffix: '',
      body: declaration,
    });
    await vi.waitFor(() => expect(net.state.requests.length).toBeGreaterThan(0));
    before.stop(); // the tab is closed mid-outage
    expect(JSON.parse(storage.getItem(OUTBOX_STORAGE_KEY)!).entries).toHaveLength(1);

    const after = makeOutbox(store, storage);
    after.start();
    await vi.waitFor(() => expect(after.snapshot().file.entries).toHaveLength(0));
    expect(await incidentIds(store)).toHaveLength(1);
  });

  test('a write whose answer was lost is sent again with its key, and the store does it once', async () => {
    const store = await startStore();
    const incident = await declare(store);
    const net = network();
    net.state.mode = 'lose-answer';
    const outbox = makeOutbox(store, new MemoryStorage(), { fetch: net.fetchImpl });
    outbox.start();
    outbox.enqueue({
      kind: 'note',
      incidentId: incident.id,
      method: 'POST',
      suffix: '/notes',
      body: { text: 'once', actor: 'sam' },
    });
    await vi.waitFor(() => expect(outbox.snapshot().file.entries).toHaveLength(0));
    expect(net.state.requests.filter((r) => r.startsWith('POST'))).toHaveLength(2);
    expect((await timelineTypes(store, incident.id)).filter((t) => t.startsWith('note'))).toEqual([
      'note:sam:once',
    ]);
  });

  test('an answer the store replays (the first was lost) is not taken as the state now', async () => {
    const store = await startStore();
    const incident = await declare(store);
    await write(store.api(`/incidents/${incident.id}/checklist/playbook`), 'PUT', {
      playbookId: 'hft-exchange-outage',
      actor: 'dana',
    });
    const tickPath = `/incidents/${incident.id}/checklist/steps/scope`;
    let first = true;
    const fetchImpl: typeof fetch = async (input, init) => {
      const response = await globalThis.fetch(input, init);
      if (first && String(input).endsWith(tickPath)) {
        first = false;
        await response.text();
        // The tick went through, its answer was lost, and meanwhile someone unticked the step.
        await write(store.api(tickPath), 'PUT', {
          ticked: false,
          playbookId: 'hft-exchange-outage',
          actor: 'lee',
        });
        throw new TypeError('connection reset');
      }
      return response;
    };
    const outbox = makeOutbox(store, new MemoryStorage(), { fetch: fetchImpl });
    const answers: unknown[] = [];
    outbox.onDelivered((_entry, answer) => answers.push(answer));
    outbox.start();
    outbox.enqueue({
      kind: 'tick',
      incidentId: incident.id,
      method: 'PUT',
      suffix: '/checklist/steps/scope',
      body: { ticked: true, playbookId: 'hft-exchange-outage', actor: 'sam' },
    });
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    // The replayed body says "ticked"; the store now says otherwise: the replay is not laid over the cache.
    expect(answers).toEqual([null]);
    const stored = await call(store.api(`/incidents/${incident.id}/checklist`));
    expect((stored.body as { ticks: unknown[] }).ticks).toEqual([]);
  });

  test('two tabs sharing one queue deliver each edit once', async () => {
    const store = await startStore();
    const incident = await declare(store);
    const storage = new MemoryStorage();
    const [a, b] = [makeOutbox(store, storage), makeOutbox(store, storage)];
    for (const text of ['one', 'two', 'three'])
      a.enqueue({
        kind: 'note',
        incidentId: incident.id,
        method: 'POST',
        suffix: '/notes',
        body: { text, actor: 'sam' },
      });
    a.start();
    b.start();
    await vi.waitFor(() => expect(a.snapshot().file.entries).toHaveLength(0));
    await vi.waitFor(() => expect(b.snapshot().file.entries).toHaveLength(0));
    const notes = (await timelineTypes(store, incident.id)).filter((t) => t.startsWith('note'));
    expect(notes).toEqual(['note:sam:one', 'note:sam:two', 'note:sam:three']);
  });

  test('a refusal is set aside with the store’s words, never retried, and the queue goes on', async () => {
    const store = await startStore();
    const incident = await declare(store);
    const net = network();
    const outbox = makeOutbox(store, new MemoryStorage(), { fetch: net.fetchImpl });
    const status = { status: 'INVESTIGATING', actor: 'sam' }; // already so: the store says 409
    outbox.enqueue({
      kind: 'status',
      incidentId: incident.id,
      method: 'POST',
      suffix: '/status',
      body: status,
    });
    outbox.enqueue({
      kind: 'note',
      incidentId: incident.id,
      method: 'POST',
      suffix: '/notes',
      body: { text: 'after', actor: 'sam' },
    });
    outbox.start();
    await vi.waitFor(() => expect(outbox.snapshot().file.entries).toHaveLength(0));
    const [refusal] = outbox.snapshot().file.refused;
    expect(refusal?.status).toBe(409);
    expect(refusal?.problem).toMatch(/INVESTIGATING/);
    expect(net.state.requests.filter((r) => r.includes('/status'))).toHaveLength(1);
    expect(await timelineTypes(store, incident.id)).toContain('note:sam:after');

    outbox.dismissRefusal(refusal!.entry.key);
    expect(outbox.snapshot().file.refused).toEqual([]);
  });

  test('when a declaration is refused, its follow-ups are refused with it rather than sent nowhere', async () => {
    const store = await startStore();
    const outbox = makeOutbox(store, new MemoryStorage());
    const local = newLocalId();
    // Passes no schema check on purpose, as an older dashboard's queued edit might.
    outbox.enqueue({
      kind: 'declare',
      incidentId: local,
      method: 'POST',
      suffix: '',
      body: { ...declaration, severity: 'P4' },
    });
    outbox.enqueue({
      kind: 'note',
      incidentId: local,
      method: 'POST',
      suffix: '/notes',
      body: { text: 'x', actor: 'sam' },
    });
    outbox.start();
    await vi.waitFor(() => expect(outbox.snapshot().file.refused).toHaveLength(2));
    const [first, second] = outbox.snapshot().file.refused;
    expect(first?.status).toBe(400);
    expect(first?.problem).toMatch(/P4 is not a severity of the P0-P3 scheme/);
    expect(second?.problem).toMatch(/never declared/);
  });

  test('an automatic event already delivered is not queued again', async () => {
    const store = await startStore();
    const incident = await declare(store);
    const outbox = makeOutbox(store, new MemoryStorage());
    const event = { kind: 'event', incidentId: incident.id, method: 'POST', suffix: '/timeline' } as const;
    const body = { type: 'alert.fired', actor: 'system', text: 'p99 high' };
    outbox.start();
    expect(outbox.enqueue({ ...event, body, key: 'alert.fired.k1' })).not.toBeNull();
    expect(outbox.enqueue({ ...event, body, key: 'alert.fired.k1' })).toBeNull();
    await vi.waitFor(() => expect(outbox.snapshot().file.entries).toHaveLength(0));
    expect(outbox.enqueue({ ...event, body, key: 'alert.fired.k1' })).toBeNull();
  });
});

describe('control audit records', () => {
  /** A command's "accepted" record, queued as the audit reporter queues it. */
  const record = (outbox: Outbox, incidentId: string | null, commandKey: string) =>
    warRoomWrites(outbox).recordControlAttempt(
      {
        incidentId,
        operator: 'alice',
        controlId: 'halt',
        scope: 'all',
        reason: 'drill',
        idempotencyKey: commandKey,
        result: 'accepted',
        latencyMs: 80,
        attemptedAt: '2026-01-05T10:00:00.000Z',
      },
      `${commandKey}.accepted`,
    );

  async function auditOf(store: WarRoomTestStore) {
    return auditPageSchema.parse((await call(store.api('/audit'))).body).records;
  }

  test('go to /audit, in turn with edits, and one of an incident declared offline gets the store’s id', async () => {
    const store = await startStore();
    const net = network();
    net.state.mode = 'down';
    const outbox = makeOutbox(store, new MemoryStorage(), { fetch: net.fetchImpl });
    outbox.start();
    const local = newLocalId();
    outbox.enqueue({ kind: 'declare', incidentId: local, method: 'POST', suffix: '', body: declaration });
    record(outbox, local, 'halt-0001-aaaa');
    record(outbox, null, 'halt-0002-bbbb');
    await vi.waitFor(() => expect(outbox.snapshot().status.problem).toBe('the store is unreachable'));

    net.state.mode = 'up';
    outbox.kick();
    await vi.waitFor(() => expect(outbox.snapshot().file.entries).toHaveLength(0));
    const id = outbox.resolveId(local);
    expect(id).toMatch(/^INC-/);
    expect((await auditOf(store)).map((r) => [r.idempotencyKey, r.incidentId])).toEqual([
      ['halt-0001-aaaa', id],
      ['halt-0002-bbbb', null],
    ]);
    expect(net.state.requests.filter((r) => r.startsWith('POST')).at(-1)).toBe(`POST ${store.baseUrl}/audit`);
  });

  test('one whose incident’s declaration was refused is recorded without the incident, not lost', async () => {
    const store = await startStore();
    const outbox = makeOutbox(store, new MemoryStorage());
    const local = newLocalId();
    outbox.enqueue({
      kind: 'declare',
      incidentId: local,
      method: 'POST',
      suffix: '',
      body: { ...declaration, severity: 'P4' }, // refused: not of the P0-P3 scheme
    });
    record(outbox, local, 'halt-0003-cccc');
    outbox.start();
    await vi.waitFor(() => expect(outbox.snapshot().file.entries).toHaveLength(0));
    expect(outbox.snapshot().file.refused.map((r) => r.entry.kind)).toEqual(['declare']);
    expect((await auditOf(store)).map((r) => [r.idempotencyKey, r.incidentId])).toEqual([
      ['halt-0003-cccc', null],
    ]);
  });

  test('one the store refuses is set aside for someone to read, never dropped unseen', async () => {
    const store = await startStore();
    const outbox = makeOutbox(store, new MemoryStorage());
    // As an older dashboard might have queued it: no result the audit log knows.
    outbox.enqueue({
      kind: 'audit',
      incidentId: null,
      method: 'POST',
      suffix: '',
      key: 'halt-0004-dddd.accepted',
      body: { operator: 'alice', controlId: 'halt', scope: 'all', result: 'worked' },
    });
    outbox.start();
    await vi.waitFor(() => expect(outbox.snapshot().file.refused).toHaveLength(1));
    const [refusal] = outbox.snapshot().file.refused;
    expect(refusal).toMatchObject({ status: 400, entry: { kind: 'audit', key: 'halt-0004-dddd.accepted' } });
  });

  test('one whose incident the store no longer has is recorded without it, saying which it was', async () => {
    const store = await startStore();
    const net = network();
    const outbox = makeOutbox(store, new MemoryStorage(), { fetch: net.fetchImpl });
    record(outbox, 'INC-404', 'halt-0005-eeee');
    outbox.start();
    await vi.waitFor(() => expect(outbox.snapshot().file.entries).toHaveLength(0));
    expect(outbox.snapshot().file.refused).toEqual([]);
    const records = await auditOf(store);
    expect(records.map((r) => [r.idempotencyKey, r.result, r.incidentId])).toEqual([
      ['halt-0005-eeee', 'accepted', null],
    ]);
    expect(records[0]?.detail).toBe('recorded without incident INC-404: the store no longer has it');
    // Refused once with the incident, then taken without it: no loop.
    expect(net.state.requests.filter((r) => r.endsWith('/audit'))).toHaveLength(2);
  });
});

/** localStorage as a full (or disabled) one behaves: every write is refused. */
class RefusingStorage implements StorageLike {
  readonly items = new Map<string, string>();
  refuse = true;
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => {
    if (this.refuse) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  };
}

describe('when storage refuses the queue', () => {
  const note = (incidentId: string, text: string) =>
    ({
      kind: 'note',
      incidentId,
      method: 'POST',
      suffix: '/notes',
      body: { text, actor: 'sam' },
    }) as const;

  test('it holds the entries in this tab, says so, and still delivers them', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = await startStore();
    const incident = await declare(store);
    const storage = new RefusingStorage();
    const outbox = makeOutbox(store, storage);
    expect(outbox.enqueue(note(incident.id, 'held in memory'))).not.toBeNull();
    expect(outbox.snapshot().storageProblem).toMatch(/^QuotaExceededError/);
    expect(outbox.snapshot().file.entries.map((e) => e.kind)).toEqual(['note']);
    expect(storage.getItem(OUTBOX_STORAGE_KEY)).toBeNull();

    outbox.start();
    await vi.waitFor(() => expect(outbox.snapshot().file.entries).toHaveLength(0));
    expect(await timelineTypes(store, incident.id)).toContain('note:sam:held in memory');
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/held in this tab/));
  });

  test('once storage takes it again, the queue is stored, with what another tab stored meanwhile', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const storage = new RefusingStorage();
    const outbox = new Outbox({ baseUrl: 'http://store.invalid/warroom/v1', storage });
    outbox.enqueue(note('INC-1', 'mine'));
    // Another tab's queue, stored while this one was refused.
    storage.items.set(
      OUTBOX_STORAGE_KEY,
      JSON.stringify({
        version: 1,
        entries: [
          { ...note('INC-1', 'theirs'), key: 'wr-other-tab-1', queuedAt: 0, attempts: 0, problem: null },
        ],
        ids: {},
        refused: [],
        delivered: [],
      }),
    );
    storage.refuse = false;
    outbox.enqueue(note('INC-1', 'mine, later'));

    expect(outbox.snapshot().storageProblem).toBeNull();
    const stored = JSON.parse(storage.getItem(OUTBOX_STORAGE_KEY)!) as {
      entries: { body: { text: string } }[];
    };
    expect(stored.entries.map((e) => e.body.text)).toEqual(['mine', 'mine, later', 'theirs']);
  });

  test('another tab’s change to storage does not replace what this tab holds', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const storage = new RefusingStorage();
    const outbox = new Outbox({ baseUrl: 'http://store.invalid/warroom/v1', storage });
    outbox.enqueue(note('INC-1', 'mine'));
    outbox.reload(); // the storage event of another tab
    expect(outbox.snapshot().file.entries.map((e) => e.body['text'])).toEqual(['mine']);
  });

  test('an unreadable stored queue that cannot be kept aside (storage full) is said aloud, not thrown', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const storage = new RefusingStorage();
    storage.items.set(OUTBOX_STORAGE_KEY, '{"version": 1, "entr');
    const outbox = new Outbox({ baseUrl: 'http://store.invalid/warroom/v1', storage });
    expect(outbox.snapshot().file.entries).toEqual([]);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/could not be kept aside/));
  });

  test('storage that cannot even be read costs nothing either', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = await startStore();
    const incident = await declare(store);
    const storage: StorageLike = {
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    };
    const outbox = makeOutbox(store, storage);
    outbox.start();
    outbox.enqueue(note(incident.id, 'no storage at all'));
    await vi.waitFor(() => expect(outbox.snapshot().file.entries).toHaveLength(0));
    expect(await timelineTypes(store, incident.id)).toContain('note:sam:no storage at all');
    expect(outbox.snapshot().storageProblem).toMatch(/^SecurityError/);
  });
});

describe('backoff', () => {
  afterEach(() => vi.useRealTimers());

  test('waits longer after each failure, up to the ceiling, and goes at once when kicked', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    let attempts = 0;
    const fetchImpl: typeof fetch = () => {
      attempts += 1;
      return Promise.reject(new TypeError('fetch failed'));
    };
    const outbox = new Outbox({
      baseUrl: 'http://store.invalid/warroom/v1',
      storage: new MemoryStorage(),
      fetch: fetchImpl,
      baseDelayMs: 1000,
      maxDelayMs: 8000,
      random: () => 1,
      // retryAt is then the wait itself.
      now: () => 0,
    });
    outboxes.push(outbox);
    outbox.enqueue({
      kind: 'note',
      incidentId: 'INC-1',
      method: 'POST',
      suffix: '/notes',
      body: { text: 'x', actor: 'a' },
    });
    outbox.start();
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      await vi.waitFor(() => expect(attempts).toBe(i + 1));
      await vi.waitFor(() => expect(outbox.snapshot().file.entries[0]?.attempts).toBe(i + 1));
      const wait = outbox.snapshot().status.retryAt!;
      waits.push(wait);
      await vi.advanceTimersByTimeAsync(wait);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    outbox.kick();
    await vi.waitFor(() => expect(attempts).toBe(8));
  });
});
