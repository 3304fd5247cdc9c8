import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ControlReceipt } from '../../contract/schemas.ts';
import { newCommand } from './command-machine.ts';
import type { Command } from './command-machine.ts';
import { CommandRunner } from './command-runner.ts';
import type { SendOutcome } from './command-runner.ts';

const receipt: ControlReceipt = {
  commandId: 'cmd-1',
  idempotencyKey: 'key-12345678',
  controlId: 'halt',
  venueId: null,
  outcome: 'accepted',
  operator: 'alice',
  receivedAt: '2026-01-05T10:00:00.100Z',
  expectedTradingState: 'HALTED',
};

/** A runner whose `send` answers from a script, recording the key of every attempt. */
function scripted(outcomes: SendOutcome[]) {
  const keys: string[] = [];
  const changes: Command[] = [];
  const runner = new CommandRunner(
    newCommand({
      key: 'key-12345678',
      controlId: 'halt',
      scope: {},
      reason: 'INC-7',
      now: Date.now(),
      deadlineMs: 3000,
    }),
    {
      send: async (c) => {
        keys.push(c.key);
        return outcomes.shift() ?? { kind: 'transient', problem: 'script ran out' };
      },
      onChange: (c) => changes.push(c),
      now: () => Date.now(),
      retryDelaysMs: [300, 600],
    },
  );
  return { runner, keys, changes, phase: () => runner.command.phase };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('CommandRunner', () => {
  test('an accepted command is sent once', async () => {
    const { runner, keys, phase } = scripted([{ kind: 'accepted', receipt }]);
    runner.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(phase()).toBe('accepted');
    expect(keys).toHaveLength(1);
  });

  test('failed answers are retried with the same idempotency key, after the backoff delays', async () => {
    const { runner, keys, phase } = scripted([
      { kind: 'transient', problem: 'HTTP 503' },
      { kind: 'transient', problem: 'no answer within 4 s' },
      { kind: 'accepted', receipt },
    ]);
    runner.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(keys).toHaveLength(1);
    expect(phase()).toBe('retrying');
    await vi.advanceTimersByTimeAsync(299);
    expect(keys).toHaveLength(1); // not before the delay
    await vi.advanceTimersByTimeAsync(1);
    expect(keys).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(600);
    expect(keys).toEqual(['key-12345678', 'key-12345678', 'key-12345678']);
    expect(phase()).toBe('accepted');
  });

  test('when the retries run out it gives up and says how often it tried', async () => {
    const { runner, keys, phase } = scripted([]);
    runner.start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(keys).toHaveLength(3);
    expect(phase()).toBe('failed');
    expect(runner.command.problem).toMatch(/gave up after 3 attempts/);
  });

  test('a rejection is not retried', async () => {
    const { runner, keys, phase } = scripted([
      { kind: 'rejected', problem: 'HTTP 401: no operator token', status: 401 },
    ]);
    runner.start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(keys).toHaveLength(1);
    expect(phase()).toBe('rejected');
  });

  test('accepted but not observed turns UNCONFIRMED at the deadline; observing confirms it', async () => {
    const { runner, changes, phase } = scripted([{ kind: 'accepted', receipt }]);
    runner.start();
    await vi.advanceTimersByTimeAsync(2999);
    expect(phase()).toBe('accepted');
    await vi.advanceTimersByTimeAsync(1);
    expect(phase()).toBe('unconfirmed');
    await vi.advanceTimersByTimeAsync(1000);
    runner.observe();
    expect(phase()).toBe('confirmed');
    expect(changes.map((c) => c.phase)).toEqual(['sending', 'accepted', 'unconfirmed', 'confirmed']);
  });

  test('once stopped nothing more is sent', async () => {
    const { runner, keys } = scripted([{ kind: 'transient', problem: 'x' }]);
    runner.start();
    await vi.advanceTimersByTimeAsync(0);
    runner.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(keys).toHaveLength(1);
  });
});
