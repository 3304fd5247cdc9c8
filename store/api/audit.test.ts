import { describe, expect, test } from 'vitest';
import { auditPageSchema, changePageSchema, controlAuditRecordSchema } from '../../contract/store-schemas.ts';
import type { ControlAuditDraft } from '../../contract/store-schemas.ts';
import { TEST_TIMEOUT_MS, call, declare, storeFactory, write } from '../test-support.ts';

const startStore = storeFactory();

const attempt = (overrides: Partial<ControlAuditDraft> = {}): ControlAuditDraft => ({
  incidentId: null,
  operator: 'ana',
  controlId: 'halt',
  scope: 'all',
  reason: 'Runaway order flow',
  idempotencyKey: 'cmd-key-0001',
  result: 'accepted',
  latencyMs: 182.5,
  attemptedAt: '2026-03-02T14:03:07.120Z',
  ...overrides,
});

describe('control audit log', { timeout: TEST_TIMEOUT_MS }, () => {
  test('records every attempt as sent, stamped and numbered by the store; lists per incident and overall', async () => {
    const store = await startStore();
    const { id } = await declare(store);
    const first = await write(store.api('/audit'), 'POST', attempt({ incidentId: id }));
    expect(first.status).toBe(201);
    const record = controlAuditRecordSchema.parse(first.body);
    expect(record).toEqual({
      ...attempt({ incidentId: id }),
      seq: 1,
      recordedAt: expect.any(String),
      systemId: null,
      commandId: null,
      detail: null,
    });
    await write(
      store.api('/audit'),
      'POST',
      attempt({ controlId: 'resume', result: 'failed', detail: 'ECONNRESET' }),
    );
    await write(
      store.api('/audit'),
      'POST',
      attempt({
        incidentId: id,
        controlId: 'venue-disable',
        scope: 'venue:xnys',
        result: 'confirmed',
        commandId: 'c-9',
      }),
    );

    const mine = auditPageSchema.parse((await call(store.api(`/incidents/${id}/audit`))).body).records;
    expect(mine.map((r) => [r.seq, r.controlId, r.result])).toEqual([
      [1, 'halt', 'accepted'],
      [3, 'venue-disable', 'confirmed'],
    ]);
    const all = auditPageSchema.parse((await call(store.api('/audit'))).body).records;
    expect(all.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(all[1]).toMatchObject({ incidentId: null, detail: 'ECONNRESET' });
    const paged = auditPageSchema.parse((await call(store.api('/audit?after=1&limit=1'))).body).records;
    expect(paged.map((r) => r.seq)).toEqual([2]);
  });

  test('a record names the system the control acted on; one from an older dashboard does not say', async () => {
    const store = await startStore();
    const named = await write(
      store.api('/audit'),
      'POST',
      attempt({ systemId: 'desk-7', scope: 'system:desk-7' }),
    );
    expect(named.status).toBe(201);
    expect(named.body).toMatchObject({ seq: 1, systemId: 'desk-7' });
    await write(store.api('/audit'), 'POST', attempt({ idempotencyKey: 'cmd-key-0002' }));
    const records = (await call(store.api('/audit'))).body as { records: Record<string, unknown>[] };
    expect(records.records.map((r) => r['systemId'])).toEqual(['desk-7', null]);
    const changes = changePageSchema.parse((await call(store.api('/changes?after=0'))).body).changes;
    expect(changes.flatMap((c) => (c.type === 'audit.appended' ? [c.record.systemId] : []))).toEqual([
      'desk-7',
      null,
    ]);
    const bad = await write(store.api('/audit'), 'POST', attempt({ systemId: 'HFT' }));
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ detail: expect.stringContaining('systemId: a system id is') });
  });

  test('an attempt for an unknown incident, or with a bad field, is refused and not recorded', async () => {
    const store = await startStore();
    const unknown = await write(store.api('/audit'), 'POST', attempt({ incidentId: 'INC-42' }));
    expect(unknown).toMatchObject({ status: 404, body: { detail: 'there is no incident INC-42' } });
    const bad = await write(store.api('/audit'), 'POST', attempt({ latencyMs: -1, idempotencyKey: 'short' }));
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      detail:
        'control audit record: idempotencyKey: expected at least 8 characters, got 5 characters; latencyMs: expected at least 0, got -1',
    });
    expect(auditPageSchema.parse((await call(store.api('/audit'))).body).records).toEqual([]);
  });
});
