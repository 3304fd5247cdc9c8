import { renderHook } from '@testing-library/react';
import { createElement } from 'react';
import type { ReactNode } from 'react';
import { afterEach, expect, test } from 'vitest';
import { ConfigProvider } from '../config/config-context.tsx';
import { testConfig } from '../testing/render-live.tsx';
import { resetWarRoomClient } from '../testing/war-room-store.tsx';
import { outboxFor, usePendingWrites } from './outbox-store.ts';
import { warRoomWrites } from './writes.ts';

// Never started, so nothing is sent: the queue is only read.
const storeBaseUrl = 'http://store.invalid/warroom/v1';
const wrapper = ({ children }: { children: ReactNode }) =>
  createElement(ConfigProvider, { config: { ...testConfig, storeBaseUrl }, children });

afterEach(resetWarRoomClient);

test('"unsynced" counts the person’s edits, not the control audit records queued beside them', () => {
  const writes = warRoomWrites(outboxFor(storeBaseUrl));
  writes.addNote('INC-1', 'gateway pods restarted');
  const audit = writes.recordControlAttempt(
    {
      incidentId: 'INC-1',
      operator: 'alice',
      controlId: 'halt',
      scope: 'all',
      reason: 'INC-1 gateway down',
      idempotencyKey: 'halt-0001-aaaa',
      result: 'accepted',
      latencyMs: 80,
      attemptedAt: '2026-01-05T10:00:00.000Z',
    },
    'halt-0001-aaaa.accepted',
  );
  expect(audit).toEqual({ ok: true });
  expect(
    outboxFor(storeBaseUrl)
      .snapshot()
      .file.entries.map((e) => e.kind),
  ).toEqual(['note', 'audit']);

  const { result, rerender } = renderHook(() => usePendingWrites(), { wrapper });
  expect(result.current.map((e) => e.kind)).toEqual(['note']);
  const first = result.current;
  rerender();
  expect(result.current).toBe(first); // the same snapshot while the queue is unchanged
});
