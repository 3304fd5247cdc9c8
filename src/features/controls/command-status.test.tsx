import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { ControlReceipt } from '../../../contract/schemas.ts';
import { ConfigProvider } from '../../config/config-context.tsx';
import { commandReducer, newCommand } from '../../controls/command-machine.ts';
import type { Command, CommandEvent } from '../../controls/command-machine.ts';
import { testConfig } from '../../testing/render-live.tsx';
import { CommandStatus } from './command-status.tsx';

const receipt: ControlReceipt = {
  commandId: 'cmd-9',
  idempotencyKey: 'key-12345678',
  controlId: 'kill-switch',
  venueId: null,
  outcome: 'accepted',
  operator: 'alice',
  receivedAt: '2026-01-05T10:00:00.100Z',
  expectedTradingState: 'KILLED',
};
const command = (...events: CommandEvent[]): Command =>
  events.reduce(
    commandReducer,
    newCommand({
      key: 'key-12345678',
      controlId: 'kill-switch',
      scope: {},
      reason: 'INC-9 breach',
      now: 1000,
      deadlineMs: 3000,
    }),
  );
const show = (c: Command) =>
  render(
    <ConfigProvider config={testConfig}>
      <ul>
        <CommandStatus command={c} />
      </ul>
    </ConfigProvider>,
  );
const item = () => screen.getByRole('listitem', { name: 'Kill switch' });
const fallback = () => screen.queryByText(/curl -X POST/);

describe('a command, as the commander sees it', () => {
  test.each<[string, Command, RegExp]>([
    ['sending', command({ type: 'attempted' }), /sending…/],
    [
      'retrying',
      command({ type: 'attempted' }, { type: 'transient', problem: 'HTTP 503' }),
      /no valid answer yet \(HTTP 503\) — retrying, attempt 2, same command key/,
    ],
    ['accepted', command({ type: 'accepted', receipt, at: 1100 }), /accepted — waiting to see it in effect/],
    [
      'confirmed',
      command({ type: 'accepted', receipt, at: 1100 }, { type: 'observed', at: 1420 }),
      /CONFIRMED in 420 ms/,
    ],
    [
      'rejected',
      command({ type: 'rejected', problem: 'this operator may not use this control' }),
      /REJECTED — this operator/,
    ],
  ])('%s: said in words, quietly, without a fallback', (phase, c, text) => {
    show(c);
    expect(item()).toHaveAttribute('data-phase', phase);
    expect(item()).toHaveTextContent(text);
    expect(fallback()).not.toBeInTheDocument();
  });

  test('unconfirmed: loud, saying what is known, with the command to run by hand', () => {
    show(command({ type: 'accepted', receipt, at: 1100 }, { type: 'deadline' }));
    expect(item()).toHaveTextContent('UNCONFIRMED — accepted, but not seen in effect after 3 s');
    expect(screen.getByRole('alert')).toHaveTextContent('UNCONFIRMED');
    expect(item().className).toMatch(/bg-red/);
    expect(fallback()).toHaveTextContent('Idempotency-Key: key-12345678');
    expect(screen.getByRole('button', { name: 'Copy fallback command' })).toBeInTheDocument();
  });

  test('no valid answer: loud, says it may have executed, with the fallback command (same key)', () => {
    show(
      command(
        { type: 'transient', problem: 'no connection' },
        { type: 'gave-up', problem: 'no connection — gave up after 7 attempts' },
      ),
    );
    expect(item()).toHaveTextContent(
      'NO VALID ANSWER — it may have executed (no connection — gave up after 7 attempts)',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Holding again re-sends the same command');
    expect(fallback()).toHaveTextContent('/api/v1/controls/kill-switch');
  });
});
