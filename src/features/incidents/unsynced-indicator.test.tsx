import { act, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { declare } from '../../../store/test-support.ts';
import {
  renderWarRoom,
  resetWarRoomClient,
  storeDown,
  warRoomStoreFactory,
} from '../../testing/war-room-store.tsx';
import { outboxFor } from '../../warroom/outbox-store.ts';
import { warRoomWrites } from '../../warroom/writes.ts';
import { UnsyncedIndicator } from './unsynced-indicator.tsx';
import { fullStorage } from '../../testing/full-storage.ts';

const startStore = warRoomStoreFactory();

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  resetWarRoomClient();
});

const audit = (incidentId: string) => ({
  incidentId,
  operator: 'alice',
  controlId: 'halt',
  scope: 'all',
  reason: 'INC-1 gateway down',
  idempotencyKey: 'halt-0001-aaaa',
  result: 'accepted' as const,
  latencyMs: 80,
  attemptedAt: '2026-01-05T10:00:00.000Z',
});

test('when the browser refuses to store them, it says edits and records are held in this tab only', async () => {
  const store = await startStore();
  const incident = await declare(store);
  resetWarRoomClient(); // this tab's outbox is made afresh, over the full storage
  vi.stubGlobal('localStorage', fullStorage());
  vi.spyOn(console, 'error').mockImplementation(() => {});
  renderWarRoom(<UnsyncedIndicator />, store);
  storeDown(store);

  const writes = warRoomWrites(outboxFor(store.baseUrl));
  act(() => {
    writes.addNote(incident.id, 'gateway pods restarted');
    writes.recordControlAttempt(audit(incident.id), 'halt-0001-aaaa.accepted');
  });
  const warning = await screen.findByRole('alert');
  expect(warning).toHaveTextContent(
    'Not kept: 1 edit and 1 control record held in this tab only — this browser refuses to store them',
  );
  expect(warning).toHaveTextContent('reloading or closing it loses them');
  // And the usual line no longer promises they are kept.
  await vi.waitFor(() =>
    expect(screen.getByRole('status')).toHaveTextContent(
      /^1 unsynced — the store is unreachable; your edits are held in this tab and will be sent once/,
    ),
  );
});

test('while storage takes the queue, nothing is said to be lost', async () => {
  const store = await startStore();
  const incident = await declare(store);
  renderWarRoom(<UnsyncedIndicator />, store);
  storeDown(store);
  act(() => {
    warRoomWrites(outboxFor(store.baseUrl)).addNote(incident.id, 'gateway pods restarted');
  });
  await vi.waitFor(() =>
    expect(screen.getByRole('status')).toHaveTextContent(/your edits are kept and will be sent once/),
  );
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});
