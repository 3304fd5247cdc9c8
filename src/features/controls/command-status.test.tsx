import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { ControlReceipt } from '../../../contract/schemas.ts';
import { ConfigProvider } from '../../config/config-context.tsx';
import { commandReducer, newCommand } from '../../controls/command-machine.ts';
import type { Command, CommandEvent } from '../../controls/command-machine.ts';
import { testConfig } from '../../testing/render-live.tsx';
import { SystemsContext } from '../../systems/system-scope.tsx';
import type { SystemsView } from '../../systems/system-scope.tsx';
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

  test('accepted on a system that cannot confirm it: sent, never CONFIRMED, naming the system', () => {
    const c = command({ type: 'accepted', receipt, at: 1100 });
    render(
      <ConfigProvider config={testConfig}>
        <ul>
          <CommandStatus command={{ ...c, verifiable: false }} systemName="RTES" />
        </ul>
      </ConfigProvider>,
    );
    expect(item()).toHaveAttribute('data-phase', 'accepted');
    expect(item()).toHaveTextContent('sent — RTES cannot confirm it');
    expect(item()).not.toHaveTextContent(/confirmed/i);
  });
});

describe('with several systems on the board', () => {
  const system = (id: string, name: string) => ({
    id,
    name,
    environment: 'production' as const,
    reachable: true,
    problem: null,
    lastContactAt: null,
    tradingState: null,
  });
  const view: SystemsView = {
    systems: [system('rtes', 'RTES'), system('hft', 'HFT')],
    listProblem: null,
    listReadAt: null,
    unknownChoice: null,
    select: () => {},
  };
  const hft = { systemId: 'hft', apiBaseUrl: '/api/systems/hft/v1' };

  test('a confirmation names the system the control acted on, and its fallback goes there', () => {
    render(
      <ConfigProvider config={testConfig}>
        <SystemsContext value={view}>
          <ul>
            <CommandStatus
              command={{
                ...command({ type: 'accepted', receipt, at: 1100 }, { type: 'observed', at: 1420 }),
                system: hft,
              }}
              systemName="HFT"
            />
            <CommandStatus
              command={{
                ...command({ type: 'accepted', receipt, at: 1100 }, { type: 'deadline' }),
                key: 'k2',
                system: hft,
              }}
              systemName="HFT"
            />
          </ul>
        </SystemsContext>
      </ConfigProvider>,
    );
    const [confirmed, unconfirmed] = screen.getAllByRole('listitem', { name: 'Kill switch, on HFT' });
    expect(confirmed).toHaveTextContent('CONFIRMED on HFT in 420 ms');
    expect(unconfirmed).toHaveTextContent('UNCONFIRMED on HFT — accepted, but not seen in effect');
    expect(fallback()).toHaveTextContent('/api/systems/hft/v1/controls/kill-switch');
  });
});
