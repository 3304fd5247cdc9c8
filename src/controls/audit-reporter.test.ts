import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ControlReceipt } from '../../contract/schemas.ts';
import { auditPageSchema, timelineSchema } from '../../contract/store-schemas.ts';
import { call, declare } from '../../store/test-support.ts';
import { warRoomStoreFactory } from '../testing/war-room-store.tsx';
import type { WarRoomTestStore } from '../testing/war-room-store.tsx';
import { Outbox } from '../warroom/outbox.ts';
import { OUTBOX_STORAGE_KEY } from '../warroom/outbox-file.ts';
import type { StorageLike } from '../warroom/outbox-file.ts';
import { warRoomWrites } from '../warroom/writes.ts';
import { AuditReporter } from './audit-reporter.ts';
import { commandReducer, newCommand } from './command-machine.ts';
import type { Command } from './command-machine.ts';

// The reporter over the real persistent outbox and a real in-process store; only the network
// between them is played with (down, or losing an answer the store did send).

const startStore = warRoomStoreFactory();

class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
}

function network() {
  const state = { mode: 'up' as 'up' | 'down' | 'lose-answer', audits: 0 };
  const fetchImpl: typeof fetch = async (input, init) => {
    if (String(input).endsWith('/audit')) state.audits += 1;
    if (state.mode === 'down') throw new TypeError('fetch failed');
    const response = await globalThis.fetch(input, init);
    if (state.mode === 'lose-answer') {
      state.mode = 'down'; // the store did the write; then the line went
      await response.text();
      throw new TypeError('connection reset');
    }
    return response;
  };
  return { state, fetchImpl };
}

const outboxes: Outbox[] = [];
function makeOutbox(store: WarRoomTestStore, storage: StorageLike, fetchImpl?: typeof fetch) {
  const outbox = new Outbox({
    baseUrl: store.baseUrl,
    storage,
    baseDelayMs: 20,
    maxDelayMs: 50,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  outboxes.push(outbox);
  return outbox;
}
afterEach(() => {
  outboxes.splice(0).forEach((o) => o.stop());
  vi.restoreAllMocks();
});

function reporterOn(outbox: Outbox, incidentId: string | null = null) {
  const writes = warRoomWrites(outbox);
  return new AuditReporter({
    operator: () => 'alice',
    incidentId: () => incidentId,
    audit: (draft, key) => writes.recordControlAttempt(draft, key),
    timeline: (id, event, key) => writes.reportEvent(id, event, key),
  });
}

const receipt = (command: Command): ControlReceipt => ({
  commandId: `cmd-${command.key}`,
  idempotencyKey: command.key,
  controlId: command.controlId,
  venueId: command.scope.venueId ?? null,
  outcome: 'accepted',
  operator: 'alice',
  receivedAt: '2026-01-05T10:00:00.100Z',
  expectedTradingState: 'KILLED',
});

/** A kill switch from the gesture to its confirmation, each state as the command center reports it. */
function killSwitchStates(key = 'kill-0001-aaaa', overrides: Partial<Command> = {}): Command[] {
  const sending = {
    ...newCommand({
      key,
      controlId: 'kill-switch',
      scope: {},
      reason: 'INC-1 unknown orders',
      now: 1_000,
      deadlineMs: 3000,
    }),
    ...overrides,
  };
  const accepted = commandReducer(sending, { type: 'accepted', receipt: receipt(sending), at: 1_080 });
  const confirmed = commandReducer(accepted, { type: 'observed', at: 1_120 });
  return [sending, accepted, confirmed];
}

async function auditRecords(store: WarRoomTestStore) {
  return auditPageSchema.parse((await call(store.api('/audit'))).body).records;
}

describe('the audit reporter', () => {
  test('records each result once, under the command’s key, however often the command is reported', async () => {
    const store = await startStore();
    const incident = await declare(store);
    const outbox = makeOutbox(store, new MemoryStorage());
    const reporter = reporterOn(outbox, incident.id);
    outbox.start();
    const states = killSwitchStates();
    // The center reports on every change, and the same state more than once.
    for (const state of [...states, ...states]) reporter.report(state);

    await vi.waitFor(() => expect(outbox.snapshot().file.entries).toHaveLength(0));
    const records = await auditRecords(store);
    expect(records.map((r) => r.result)).toEqual(['accepted', 'confirmed']);
    expect(records[1]).toMatchObject({
      incidentId: incident.id,
      operator: 'alice',
      controlId: 'kill-switch',
      scope: 'all',
      idempotencyKey: 'kill-0001-aaaa',
      latencyMs: 120,
      commandId: 'cmd-kill-0001-aaaa',
      // The one system a board speaks to unlisted: its records read as they always did.
      systemId: null,
    });
    const timeline = timelineSchema.parse((await call(store.api(`/incidents/${incident.id}/timeline`))).body);
    expect(timeline.events.map((e) => e.type).filter((t) => t.startsWith('control.'))).toEqual([
      'control.attempted',
      'control.accepted',
      'control.confirmed',
    ]);
  });

  test('with systems listed, the record names the system the control acted on', async () => {
    const store = await startStore();
    const incident = await declare(store);
    const outbox = makeOutbox(store, new MemoryStorage());
    const reporter = reporterOn(outbox, incident.id);
    outbox.start();
    const hft = { systemId: 'hft', apiBaseUrl: '/api/systems/hft/v1' };
    for (const s of killSwitchStates('kill-0002-bbbb', { system: hft })) reporter.report(s);
    for (const s of killSwitchStates('kill-0003-cccc', { system: hft, scope: { venueId: 'binance' } }))
      reporter.report(s);

    await vi.waitFor(() => expect(outbox.snapshot().file.entries).toHaveLength(0));
    const records = await auditRecords(store);
    expect(new Set(records.map((r) => r.scope))).toEqual(new Set(['system:hft', 'system:hft/venue:binance']));
    expect(records.map((r) => r.systemId)).toEqual(records.map(() => 'hft'));
    const timeline = timelineSchema.parse((await call(store.api(`/incidents/${incident.id}/timeline`))).body);
    expect(timeline.events.find((e) => e.type === 'control.confirmed')?.text).toMatch(
      /^kill-switch \(system hft\): confirmed/,
    );
  });

  test('made while the store is down, the record survives a reload and is delivered exactly once', async () => {
    const store = await startStore();
    const storage = new MemoryStorage();
    const net = network();
    net.state.mode = 'down';
    const before = makeOutbox(store, storage, net.fetchImpl);
    before.start();
    const reporter = reporterOn(before);
    for (const state of killSwitchStates()) reporter.report(state);
    await vi.waitFor(() => expect(before.snapshot().status.problem).toBe('the store is unreachable'));

    // For a moment the store is reached, takes the first record, and its answer is lost.
    net.state.mode = 'lose-answer';
    before.kick();
    await vi.waitFor(async () => expect(await auditRecords(store)).toHaveLength(1));
    before.stop(); // the tab is closed (or reloaded) while the store is down again
    const kept = JSON.parse(storage.getItem(OUTBOX_STORAGE_KEY)!) as { entries: { kind: string }[] };
    expect(kept.entries.map((e) => e.kind)).toEqual(['audit', 'audit']);

    const after = makeOutbox(store, storage);
    after.start();
    await vi.waitFor(() => expect(after.snapshot().file.entries).toHaveLength(0));
    const records = await auditRecords(store);
    expect(records.map((r) => `${r.idempotencyKey} ${r.result}`)).toEqual([
      'kill-0001-aaaa accepted',
      'kill-0001-aaaa confirmed',
    ]);
    expect(records[0]?.incidentId).toBeNull();
    expect(after.snapshot().file.refused).toEqual([]);
  });

  test('free text past the audit log’s limits is cut, not refused', async () => {
    const store = await startStore();
    const outbox = makeOutbox(store, new MemoryStorage());
    const [sending] = killSwitchStates('kill-0002-bbbb', { reason: 'r'.repeat(2500) });
    const failed = commandReducer(sending!, { type: 'gave-up', problem: 'p'.repeat(5000) });
    const reporter = new AuditReporter({
      operator: () => 'o'.repeat(300),
      audit: (draft, key) => warRoomWrites(outbox).recordControlAttempt(draft, key),
    });
    outbox.start();
    reporter.report(failed);

    await vi.waitFor(async () => expect(await auditRecords(store)).toHaveLength(1));
    const [record] = await auditRecords(store);
    expect(record?.result).toBe('failed');
    expect(record?.operator).toHaveLength(200);
    expect(record?.reason).toHaveLength(2000);
    expect(record?.detail).toMatch(/^p+…$/);
    expect(record?.detail).toHaveLength(2000);
  });

  test('every field is cut to the store’s limits: a venue, a command id or a key too long costs no record', async () => {
    const store = await startStore();
    const incident = await declare(store);
    const outbox = makeOutbox(store, new MemoryStorage());
    const longKey = `kill-${'k'.repeat(200)}`;
    const venueId = 'v'.repeat(300);
    const [sending] = killSwitchStates(longKey, { scope: { venueId } });
    const accepted = commandReducer(sending!, {
      type: 'accepted',
      receipt: { ...receipt(sending!), commandId: 'c'.repeat(300), venueId },
      at: 1_080,
    });
    const writes = warRoomWrites(outbox);
    const reporter = new AuditReporter({
      operator: () => 'o'.repeat(300),
      incidentId: () => incident.id,
      audit: (draft, key) => writes.recordControlAttempt(draft, key),
      timeline: (id, event, key) => writes.reportEvent(id, event, key),
    });
    const error = vi.spyOn(console, 'error');
    outbox.start();
    reporter.report(sending!);
    reporter.report(accepted);

    await vi.waitFor(() => expect(outbox.snapshot().file.entries).toHaveLength(0));
    expect(outbox.snapshot().file.refused).toEqual([]);
    expect(error).not.toHaveBeenCalled();
    const [record] = await auditRecords(store);
    expect(record?.scope).toHaveLength(200);
    expect(record?.scope).toMatch(/^venue:v+…$/);
    expect(record?.commandId).toBe('c'.repeat(200));
    expect(record?.idempotencyKey).toBe(longKey.slice(0, 128));
    const timeline = timelineSchema.parse((await call(store.api(`/incidents/${incident.id}/timeline`))).body);
    const control = timeline.events.filter((e) => e.type.startsWith('control.'));
    expect(control.map((e) => [e.type, e.actor.length])).toEqual([
      ['control.attempted', 200],
      ['control.accepted', 200],
    ]);
  });

  test('a command keeps the incident it was fired under, whatever is opened before its results come', async () => {
    const store = await startStore();
    const [first, second] = [await declare(store), await declare(store)];
    const outbox = makeOutbox(store, new MemoryStorage());
    let active = first.id;
    const writes = warRoomWrites(outbox);
    const reporter = new AuditReporter({
      operator: () => 'alice',
      incidentId: () => active,
      audit: (draft, key) => writes.recordControlAttempt(draft, key),
      timeline: (id, event, key) => writes.reportEvent(id, event, key),
    });
    outbox.start();
    const [sending, accepted, confirmed] = killSwitchStates('kill-0005-eeee');
    reporter.report(sending!);
    reporter.report(accepted!);
    active = second.id; // the commander opens another incident before the effect is seen
    reporter.report(confirmed!);

    await vi.waitFor(() => expect(outbox.snapshot().file.entries).toHaveLength(0));
    expect((await auditRecords(store)).map((r) => `${r.result} ${r.incidentId}`)).toEqual([
      `accepted ${first.id}`,
      `confirmed ${first.id}`,
    ]);
    const controlEvents = async (id: string) =>
      timelineSchema
        .parse((await call(store.api(`/incidents/${id}/timeline`))).body)
        .events.filter((e) => e.type.startsWith('control.'))
        .map((e) => e.type);
    expect(await controlEvents(first.id)).toEqual([
      'control.attempted',
      'control.accepted',
      'control.confirmed',
    ]);
    expect(await controlEvents(second.id)).toEqual([]);
  });

  test('a record the audit log’s contract cannot take is said aloud, not dropped unseen', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const outbox = new Outbox({ baseUrl: 'http://store.invalid/warroom/v1', storage: new MemoryStorage() });
    // Only a bug makes one: a key shorter than any this dashboard makes cannot be cut to fit.
    const [sending] = killSwitchStates('k-3');
    const reporter = new AuditReporter({
      operator: () => 'alice',
      audit: (draft, key) => warRoomWrites(outbox).recordControlAttempt(draft, key),
    });
    reporter.report({ ...sending!, phase: 'failed' });
    expect(outbox.snapshot().file.entries).toEqual([]);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/^control audit: .*idempotencyKey/));
  });
});
